// `npm run bench -- engines`: each procedure engine's throughput in Node (data seconds processed per
// wall second, busiest scenario), from the built package. Each engine adds bench/engines/NAME.mjs
// exporting `figures()`; this runner merges them into bench/results/engines.json with the load.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

if (spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const round2 = (x) => Math.round(x * 100) / 100;
const loadBefore = loadavg()[0];
const result = {};
for (const file of readdirSync('bench/engines').filter((f) => f.endsWith('.mjs')).sort()) {
  const { figures } = await import(`./engines/${file}`);
  Object.assign(result, await figures());
}
// The machine may be shared: its load says how far to trust the figures.
Object.assign(result, { loadAverage1mBefore: round2(loadBefore), loadAverage1mAfter: round2(loadavg()[0]) });
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/engines.json', JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
