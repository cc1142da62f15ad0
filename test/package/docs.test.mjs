// Every code block of README.md and docs/*.md is checked, so none can rot (run after the
// build: the blocks import the package by name, from dist/ through its exports):
// - ts, tsx: type-checked as a user's project (strict, skipLibCheck false);
// - js, and the inline module scripts of html blocks: type-checked as JavaScript (checkJs);
// - html: every ir- tag is an element of custom-elements.json and every attribute on it one
//   of its attributes; an import map is the one the build writes (scripts/import-map.mjs);
// - json and ndjson: every line is a message the wire reader accepts;
// - sh: every `npm run NAME` is a script of package.json.
// The panel pages' js blocks also run in the browser and draw (test/docs/panels.test.ts).
// docs/api/ is generated from the manifest and checked fresh by types.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { codeBlocks, inlineModules } from '../docs/blocks.js';
import { manifestElements } from '../../scripts/manifest-elements.mjs';
import { importMap } from '../../scripts/import-map.mjs';
import { parseWireLine } from '../../dist/models/index.js';

const docs = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const blocks = docs.flatMap((doc) => codeBlocks(readFileSync(doc, 'utf8')).map((b) => ({ ...b, doc, name: `${doc.replace(/\W+/g, '-')}-L${b.line}` })));
const at = (b) => `${b.doc}:${b.line}`;
/** `text` holds diagrams, not code. */
const KNOWN = new Set(['ts', 'tsx', 'js', 'html', 'json', 'ndjson', 'sh', 'text']);

test('every block names a language this test checks', () => {
  for (const b of blocks) assert.ok(KNOWN.has(b.lang), `${at(b)}: \`\`\`${b.lang || '(none)'}`);
});

function typeCheck(dir, files, project) {
  rmSync(`test/docs/generated/${dir}`, { recursive: true, force: true });
  mkdirSync(`test/docs/generated/${dir}`, { recursive: true });
  for (const [name, code] of files) writeFileSync(`test/docs/generated/${dir}/${name}`, code);
  const tsc = spawnSync('npx', ['tsc', '-p', project], { encoding: 'utf8' });
  return (tsc.stdout + tsc.stderr).trim();
}

test('ts and tsx blocks type-check against the package', () => {
  // Each block is a module of its own (`export {}`), as a file of the user's would be.
  const files = blocks.filter((b) => b.lang === 'ts' || b.lang === 'tsx').map((b) => [`${b.name}.${b.lang}`, `${b.code}\nexport {};\n`]);
  assert.equal(typeCheck('ts', files, 'test/docs/tsconfig.json'), '');
});

test('js blocks and inline module scripts type-check as JavaScript', () => {
  // A page's copy of the bundle, imported by path, is the package's `ir-monitor/bundle`.
  const asPackage = (code) => code.replaceAll("'./ir-monitor.bundle.js'", "'ir-monitor/bundle'");
  const files = blocks.flatMap((b) => (b.lang === 'js' ? [b.code] : b.lang === 'html' ? inlineModules(b.code) : []).map((code, i) => [`${b.name}-${i}.js`, `${asPackage(code)}\nexport {};\n`]));
  assert.equal(typeCheck('js', files, 'test/docs/tsconfig.js.json'), '');
});

test('html blocks use the elements and attributes of the manifest, and the build\'s import map', () => {
  const elements = new Map(manifestElements().map((e) => [e.tag, new Set(e.attributes.map((a) => a.name))]));
  const global = new Set(['lang', 'id', 'class', 'style', 'slot', 'hidden', 'title', 'dir', 'part', 'tabindex']);
  for (const b of blocks.filter((b) => b.lang === 'html')) {
    for (const [, tag, attrs] of b.code.matchAll(/<(ir-[\w-]+)([^>]*)>/g)) {
      assert.ok(elements.has(tag), `${at(b)}: <${tag}> is no element of the manifest`);
      for (const [, name] of attrs.matchAll(/([\w-]+)(?:="[^"]*")?/g)) assert.ok(elements.get(tag).has(name) || global.has(name), `${at(b)}: <${tag}> has no attribute ${name}`);
    }
    const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(b.code)?.[1];
    if (map) assert.deepEqual(JSON.parse(map), importMap(), `${at(b)}: the import map differs from dist/import-map.json`);
  }
});

test('json and ndjson lines are messages the wire reader accepts', () => {
  for (const b of blocks.filter((b) => b.lang === 'json' || b.lang === 'ndjson'))
    for (const line of b.code.split('\n').filter((l) => l.trim())) {
      const r = parseWireLine(line);
      assert.ok(r.ok, `${at(b)}: ${line} (${JSON.stringify(r)})`);
    }
});

test('sh blocks run scripts that package.json has', () => {
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
  for (const b of blocks.filter((b) => b.lang === 'sh'))
    for (const [, name] of b.code.matchAll(/npm run (?:-s )?([\w:-]+)/g)) assert.ok(scripts[name], `${at(b)}: npm run ${name}`);
});
