// The training demo imports the library as a user would: by its package name, through the
// entry points of package.json `exports`, never by a path into src/ (which would reach code a
// user cannot, and hide an export the demo needs but the package lacks). It still runs from
// src/ with no build: vite.config.ts turns on the repository-only `ir-monitor-source`
// condition, which maps each entry point to its source file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { name } = JSON.parse(readFileSync('package.json', 'utf8'));
const demoFiles = readdirSync('demo').filter((f) => f.endsWith('.ts')).map((f) => `demo/${f}`);

/** Every module specifier of a file: `import … from`, `import '…'`, `export … from`, `import('…')`. */
function specifiers(file) {
  return readFileSync(file, 'utf8').split('\n').flatMap((line, i) =>
    [...line.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"]+)\1/g)].map((m) => ({ at: `${file}:${i + 1}`, spec: m[2] })));
}

const all = demoFiles.flatMap(specifiers);
const own = all.filter(({ spec }) => spec === name || spec.startsWith(`${name}/`));

test('the demo imports nothing outside demo/ by path (no ../src, no ../dist)', () => {
  assert.ok(own.length > 0, `no ${name} import found in ${demoFiles.join(', ')}`);
  assert.deepEqual(all.filter(({ spec }) => spec.startsWith('../') || spec.startsWith('/')).map(({ at, spec }) => `${at} ${spec}`), []);
});

// Node resolves the package's own name from inside it (self-reference), as it would from a
// user's project: with the default conditions to dist/, with the repository's to src/.
test('each package import of the demo is an entry point users have, with a source file for the dev server', () => {
  for (const { at, spec } of own) {
    let target;
    assert.doesNotThrow(() => { target = import.meta.resolve(spec); }, `${at}: ${spec} is not an entry point of package.json exports`);
    assert.match(target, /\/dist\//, `${at}: ${spec}`);
  }
  const specs = [...new Set(own.map(({ spec }) => spec))];
  const probe = `for (const s of ${JSON.stringify(specs)}) console.log(import.meta.resolve(s));`;
  const sources = execFileSync(process.execPath, ['--conditions=ir-monitor-source', '--input-type=module', '-e', probe], { encoding: 'utf8' }).trim().split('\n');
  for (const [i, url] of sources.entries()) {
    const file = fileURLToPath(url);
    assert.ok(/\/src\/.+\.ts$/.test(file) && existsSync(file), `${specs[i]} (ir-monitor-source) resolves to ${file}, not a source file`);
  }
});
