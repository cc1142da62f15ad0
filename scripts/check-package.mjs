// Checks the package as `npm pack` would publish it (run after `npm run build`):
// every export resolves to shipped files (types included) for each documented specifier,
// the tarball stays within its size budget, the licence ships, the demo screenshots do not,
// and the element manifest lists no private members. Prints problems; exits 1 on any.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Packed (gzip) and unpacked budgets, in bytes: eight elements with their models, types
 * and manifest, plus the edge (`ir-monitor/edge`) and the NATS, Server-Sent Events and
 * window-port transports (about 25 kB packed; the NATS client itself is a peer, never
 * shipped). The package ships tsc's readable ES2022 output, no TypeScript sources or
 * source maps (they tripled it); the sources are in the repository.
 */
export const BUDGET = { packed: 340_000, unpacked: 1_400_000 };

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const files = new Set(pack.files.map((f) => f.path));
const problems = [];

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
const specifiers = ['.', './models', './streams', './jsx', ...elements.flatMap((e) => [`./components/${e}.js`, `./components/${e}`])];
for (const s of specifiers) {
  for (const condition of ['types', 'default']) {
    const f = resolve(s, condition);
    if (!f || !files.has(f)) problems.push(`${s} (${condition}) resolves to ${f ?? 'nothing'}, which the package lacks`);
  }
}
for (const f of ['LICENSE', 'README.md', 'custom-elements.json', 'docs/wire-format.md', 'docs/wire-format.schema.json'])
  if (!files.has(f)) problems.push(`the package lacks ${f}`);
for (const f of files) if (/\.(png|jpe?g|webp)$/i.test(f) || f.startsWith('dist/demo/') || f.startsWith('test/')) problems.push(`the package ships ${f}, which a user does not need`);
if (pack.size > BUDGET.packed) problems.push(`tarball ${pack.size} B, over the ${BUDGET.packed} B budget`);
if (pack.unpackedSize > BUDGET.unpacked) problems.push(`unpacked ${pack.unpackedSize} B, over the ${BUDGET.unpacked} B budget`);

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
