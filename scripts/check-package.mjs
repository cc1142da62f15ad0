// Checks the package as `npm pack` publishes it from a clean clone of the committed tree
// (its `prepack` builds dist/): every export resolves to shipped files (types included) for
// each documented specifier, the tarball stays within its size budget, the licence ships,
// the demo screenshots do not, and the element manifest lists no private members. Then the
// tarball is installed into an empty project, where Node imports its models and streams.
// Prints problems; exits 1 on any.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installTarball, packClean, sh } from './pack.mjs';

/**
 * Packed (gzip) and unpacked budgets, in bytes. About 562 kB packed for ten elements, their
 * engines, models, transports and the edge (unpacked: modules as tsc's readable ES2022 output
 * without comments 640 kB, their types with the JSDoc users read 425 kB, no TypeScript sources
 * or source maps: they tripled it; the one-file bundle for pages with no bundler 397 kB, its own
 * budget in scripts/bundle.mjs; the manifest and editor data 244 kB; the docs 140 kB). RxJS ships
 * as one file for the import map; the NATS client is a peer, never shipped. Raised from 600 kB
 * when the alarm log's languages, the fan-out bundles and the trend's layer landed.
 */
export const BUDGET = { packed: 650_000, unpacked: 2_200_000 };

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];

// A clean clone (committed files only, no dist/), with this checkout's node_modules for the build.
const work = mkdtempSync(join(tmpdir(), 'ir-monitor-pack-'));
const pack = packClean(work, { committed: true });
const files = new Set(pack.files.map((f) => f.path));

/** Node's exports resolution (patterns with one `*`, most specific key first), for one condition. */
function resolve(subpath, condition) {
  const keys = Object.keys(pkg.exports);
  let target;
  if (keys.includes(subpath)) target = pkg.exports[subpath];
  else {
    const matches = keys
      .filter((k) => k.includes('*'))
      .filter((k) => { const [a, b] = k.split('*'); return subpath.startsWith(a) && subpath.endsWith(b) && subpath.length >= k.length - 1; })
      .sort((x, y) => y.indexOf('*') - x.indexOf('*') || y.length - x.length);
    if (!matches.length) return undefined;
    const [a, b] = matches[0].split('*');
    const star = subpath.slice(a.length, subpath.length - b.length);
    target = JSON.parse(JSON.stringify(pkg.exports[matches[0]]).replaceAll('*', star));
  }
  const t = typeof target === 'string' ? target : target[condition] ?? target.default;
  return t?.replace(/^\.\//, '');
}

// Specifiers a user writes: each entry point, and each element module with and without `.js`.
const elements = [...files].filter((f) => /^dist\/components\/[^/]+\.js$/.test(f)).map((f) => f.slice('dist/components/'.length, -3));
if (!elements.length) problems.push('no element modules under dist/components (run npm run build first)');
const specifiers = ['.', './models', './streams', './sim', './jsx', './react', './vue', './bundle', ...elements.flatMap((e) => [`./components/${e}.js`, `./components/${e}`])];
for (const s of specifiers) {
  for (const condition of ['types', 'default']) {
    const f = resolve(s, condition);
    if (!f || !files.has(f)) problems.push(`${s} (${condition}) resolves to ${f ?? 'nothing'}, which the package lacks`);
  }
}
for (const f of ['LICENSE', 'README.md', 'custom-elements.json', 'html-custom-data.json', 'docs/wire-format.md', 'docs/wire-format.schema.json', 'dist/index.js', 'dist/ir-monitor.bundle.js', 'dist/ir-monitor.bundle.js.LEGAL.txt'])
  if (!files.has(f)) problems.push(`the package lacks ${f}`);
for (const f of files) if (/\.(png|jpe?g|webp)$/i.test(f) || f.startsWith('dist/demo/') || f.startsWith('test/')) problems.push(`the package ships ${f}, which a user does not need`);
if (pack.size > BUDGET.packed) problems.push(`tarball ${pack.size} B, over the ${BUDGET.packed} B budget`);
if (pack.unpackedSize > BUDGET.unpacked) problems.push(`unpacked ${pack.unpackedSize} B, over the ${BUDGET.unpacked} B budget`);

// The tarball installed into an empty project, as a user would; Node imports the parts that need no DOM.
const app = join(work, 'app');
try {
  installTarball(pack.path, app);
  const probe = "const m = await import('ir-monitor/models'); const s = await import('ir-monitor/streams'); if (typeof m.ChannelValidator !== 'function' || typeof s.TelemetryRoom !== 'function') throw new Error('exports missing');";
  sh(process.execPath, ['--input-type=module', '-e', probe], app);
} catch (e) {
  problems.push(`the tarball does not install and import in Node: ${String(e.stderr || e.message).trim().split('\n').slice(-3).join(' ')}`);
}
rmSync(work, { recursive: true, force: true });

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
for (const m of manifest.modules)
  for (const d of m.declarations ?? [])
    for (const member of d.members ?? [])
      if (member.privacy === 'private' || member.name.startsWith('#')) problems.push(`custom-elements.json lists private ${d.name}.${member.name}`);
const paths = manifest.modules.map((m) => m.path);
if (paths.join('\n') !== [...paths].sort().join('\n')) problems.push('custom-elements.json modules are not sorted by path');

for (const p of problems) console.log(`package: ${p}`);
console.log(`package: ${pack.size} B packed (budget ${BUDGET.packed}), ${pack.unpackedSize} B unpacked (budget ${BUDGET.unpacked}), ${pack.files.length} files`);
process.exit(problems.length ? 1 : 0);
