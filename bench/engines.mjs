// `npm run bench -- engines`: each procedure engine (bench/engines/*.mjs, each exporting
// run() -> figures) in Node on the built package, no browser; figures and the machine's
// load go to bench/results/engines.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
const loadBefore = loadavg()[0];
const figures = {};
for (const file of readdirSync('bench/engines').filter((f) => f.endsWith('.mjs')).sort()) {
  const { run } = await import(`./engines/${file}`);
  Object.assign(figures, await run());
}
const round2 = (x) => Math.round(x * 100) / 100;
const loadAfter = loadavg()[0];
// As for the browser benchmarks (scripts/bench.mjs): started on a loaded machine, written but flagged.
const result = { ...figures, node: process.version, loadAverage1mBefore: round2(loadBefore), loadAverage1mAfter: round2(loadAfter), representative: loadBefore <= 0.5 };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/engines.json', JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
