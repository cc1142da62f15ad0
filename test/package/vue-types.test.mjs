// The elements' Vue template types (ir-monitor/vue, from custom-elements.json) as vue-tsc reads
// them in a user's project (`strictTemplates`, `skipLibCheck: false`, the package from dist/):
// the guide's component and every element with a property and each event pass; the same
// component with one mistake fails on that line. One vue-tsc run checks them all. Needs dist/.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { manifestElements } from '../../scripts/manifest-elements.mjs';

const dir = 'test/types/generated/vue';
const good = readFileSync('test/types/vue/ProbeTrend.vue', 'utf8');

/** One SFC that binds every element's first property and listens to each of its events. */
function everyElement() {
  const script = [];
  const template = [];
  for (const [i, e] of manifestElements().entries()) {
    const p = e.properties[0];
    if (p) script.push(`const p${i} = undefined as unknown as HTMLElementTagNameMap['${e.tag}']['${p.name}'];`);
    const listeners = e.events.map((ev) => ` @${ev.name}="(event) => event.type"`).join('');
    template.push(`  <${e.tag}${p ? ` :${p.name}="p${i}"` : ''}${listeners}></${e.tag}>`);
  }
  return `<script setup lang="ts">\n${script.join('\n')}\n</script>\n\n<template>\n${template.join('\n')}\n</template>\n`;
}

/**
 * The guide's component with one mistake: what is replaced, and the error vue-tsc must give,
 * on the line of the binding (`at`, when not the line changed).
 */
const MISTAKES = {
  'wrong-type': { from: ':window="120"', to: ':window="\'120\'"', code: 'TS2322' },
  'unknown-property': { from: 'channel="probe"', to: 'chanel="probe"', code: 'TS2561' },
  'unknown-event': { from: '@ir-technical=', to: '@ir-tecnical=', code: 'TS2353' },
  'wrong-listener': { from: '(e: IrTechnicalEvent) => console.warn(e.detail)', to: '(e: KeyboardEvent) => console.warn(e.key)', at: '@ir-technical=', code: 'TS2322' },
};
const lineOf = (text, s) => text.slice(0, text.indexOf(s)).split('\n').length;

/** vue-tsc's errors, by file name. */
const errors = new Map();
let output = '';

before(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/every-element.vue`, everyElement());
  for (const [name, m] of Object.entries(MISTAKES)) {
    assert.ok(good.includes(m.from), `ProbeTrend.vue no longer holds ${m.from}`);
    writeFileSync(`${dir}/${name}.vue`, good.replace(m.from, m.to));
  }
  const run = spawnSync(process.execPath, ['scripts/vue-tsc/vue-tsc.cjs', '-p', 'test/types/vue/tsconfig.json', '--pretty', 'false'], { encoding: 'utf8' });
  output = run.stdout + run.stderr;
  for (const [, file, line, code] of output.matchAll(/^(\S+\.(?:vue|ts))\((\d+),\d+\): error (TS\d+)/gm)) {
    const name = file.split('/').pop();
    errors.set(name, [...(errors.get(name) ?? []), { line: Number(line), code }]);
  }
});

test('the guide\'s Vue component type-checks with vue-tsc', () => {
  const others = [...errors.keys()].filter((f) => !Object.hasOwn(MISTAKES, f.replace(/\.vue$/, '')));
  assert.deepEqual(others, [], output);
});

test('every element of the manifest takes its property and its events in a template', () => {
  assert.equal(errors.get('every-element.vue'), undefined, output);
});

for (const [name, m] of Object.entries(MISTAKES))
  test(`vue-tsc rejects the component with one mistake: ${name.replace('-', ' ')}`, () => {
    assert.deepEqual(errors.get(`${name}.vue`), [{ line: lineOf(good, m.at ?? m.from), code: m.code }], output);
  });
