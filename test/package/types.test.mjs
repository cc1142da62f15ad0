// The package's types as a user's TypeScript project sees them, with `skipLibCheck: false`:
// the README's example (test/types/app.tsx), and every element of custom-elements.json through
// its own module, the JSX types and its React wrapper with each event's callback. Needs dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { callbackName, manifestElements } from '../../scripts/manifest-elements.mjs';

const elements = manifestElements();

/** One TSX file that uses every element, its first property and every event, both ways. */
function everyElement() {
  const lines = ["import type {} from 'ir-monitor/jsx';", `import { ${elements.map((e) => e.className).join(', ')} } from 'ir-monitor/react';`];
  for (const e of elements) lines.unshift(`import 'ir-monitor/${e.specifier}';`);
  for (const [i, e] of elements.entries()) {
    const p = e.properties[0];
    const prop = p ? ` ${p.name}={undefined as unknown as HTMLElementTagNameMap['${e.tag}']['${p.name}']}` : '';
    const listeners = e.events.map((ev) => ` on${ev.name}={(event) => event.type}`).join('');
    const callbacks = e.events.map((ev) => ` ${callbackName(ev.name)}={(event) => event.type}`).join('');
    lines.push(`export const intrinsic${i} = <${e.tag}${prop}${listeners} />;`);
    lines.push(`export const wrapped${i} = <${e.className}${prop}${callbacks} />;`);
  }
  return `${lines.join('\n')}\n`;
}

test('the JSX types and React wrappers of every element compile from dist/ with skipLibCheck false', () => {
  mkdirSync('test/types/generated', { recursive: true });
  writeFileSync('test/types/generated/every-element.tsx', everyElement());
  const tsc = spawnSync('npx', ['tsc', '-p', 'test/types/tsconfig.json'], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});

test('the generated files match custom-elements.json', () => {
  const check = spawnSync(process.execPath, ['scripts/generate.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
});

test('the editor data lists every element and attribute of the manifest', async () => {
  const { readFileSync } = await import('node:fs');
  const data = JSON.parse(readFileSync('html-custom-data.json', 'utf8'));
  assert.deepEqual(data.tags.map((t) => t.name), elements.map((e) => e.tag));
  for (const e of elements) assert.deepEqual(data.tags.find((t) => t.name === e.tag).attributes.map((a) => a.name), e.attributes.map((a) => a.name));
});
