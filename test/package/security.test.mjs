// What the package may never do, checked on its sources, its build and its manifest:
// hand a string to an HTML or script sink (the pages run under Trusted Types, and data
// is text), or run a script when installed (hospitals install offline, and a package
// that runs code on install is a package that can phone home).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every way a string becomes markup or code in a page. */
const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|setHTMLUnsafe|createContextualFragment|srcdoc|unsafeHTML|unsafeSVG|document\.write(ln)?)\b|\beval\s*\(|\bnew\s+Function\s*\(|\bset(Timeout|Interval)\s*\(\s*['"`]/;

const files = (dir, ext) => readdirSync(dir, { recursive: true }).filter((f) => ext.test(f)).map((f) => join(dir, f));

/** `file:line: text` of each line that holds a sink. */
function sinksIn(file, text = readFileSync(file, 'utf8')) {
  return text.split('\n').flatMap((l, i) => (SINKS.test(l) ? [`${file}:${i + 1}: ${l.trim().slice(0, 160)}`] : []));
}

test('no HTML or script sink in src/', () => {
  assert.deepEqual(files('src', /\.ts$/).flatMap((f) => sinksIn(f)), []);
});

test('no HTML or script sink in the built dist/ (modules, bundle, demo)', () => {
  const found = files('dist', /\.m?js$/).flatMap((f) => {
    const text = readFileSync(f, 'utf8');
    // Lit's one sink, bundled: a template element filled with the component's own static
    // template strings, through its `lit-html` Trusted Types policy (never data).
    const lit = /createElement\("template"\);return (\w+)\.innerHTML=\w+,\1\}/g;
    return sinksIn(f, f.endsWith('ir-monitor.bundle.js') ? text.replace(lit, '') : text);
  });
  assert.deepEqual(found, []);
});

test('the sink check finds a sink (it can fail)', () => {
  for (const line of ['el.innerHTML = text', 'x.insertAdjacentHTML("beforeend", s)', 'eval(code)', 'new Function("a", s)', 'document.write(s)', "setTimeout('go()', 1)", 'html`${unsafeHTML(s)}`'])
    assert.equal(sinksIn('x.ts', line).length, 1, line);
  assert.deepEqual(sinksIn('x.ts', 'el.textContent = text; evaluate(x); functional()'), []);
});

test('the package runs nothing when installed', () => {
  const { scripts = {} } = JSON.parse(readFileSync('package.json', 'utf8'));
  const install = ['preinstall', 'install', 'postinstall', 'preprepare', 'prepare', 'postprepare', 'preuninstall', 'uninstall', 'postuninstall'];
  assert.deepEqual(Object.keys(scripts).filter((s) => install.includes(s)), []);
});

test('no runtime dependency runs an install script (package-lock.json)', () => {
  const { packages } = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  // Development tools (esbuild's binary) install only in this repository, never at a user's.
  const runtime = Object.entries(packages).filter(([path, p]) => path && !p.dev && !p.devOptional);
  assert.ok(runtime.some(([path]) => path === 'node_modules/lit'), 'the lock lists the runtime dependencies');
  assert.deepEqual(runtime.filter(([, p]) => p.hasInstallScript).map(([path]) => path), []);
});
