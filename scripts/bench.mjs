// `npm run bench -- NAME`: bench/NAME.mjs runs in Node (the engines); otherwise serves
// bench/NAME.html with Vite, runs it in headless Chromium
// and writes the figures it reports to bench/results/NAME.json, with the machine's load:
// a result started with a 1-minute load average above 0.5 (other work on the cores) is
// written but flagged `representative: false`. An error thrown by the page fails the run.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { browserArgs, findBrowser } from './browser.mjs';

const name = process.argv[2];
// A Node benchmark (bench/NAME.mjs: the engines; fanout, which drives its broker, edge and viewers) runs without this page runner.
if (name && existsSync(`bench/${name}.mjs`)) {
  await import(new URL(`../bench/${name}.mjs`, import.meta.url).href);
  process.exit(0);
}
if (!name || !existsSync(`bench/${name}.html`)) {
  console.error(`Usage: npm run bench -- NAME, with bench/NAME.html present (got '${name ?? ''}').`);
  process.exit(1);
}
const round2 = (x) => Math.round(x * 100) / 100;
/**
 * Above this 1-minute load average before the run, other work shared the cores: the figures are
 * not representative. Judged before only: the load after counts the benchmark's own Chromium and
 * Vite, more than one core of a two-core machine, so it cannot tell other work from its own.
 */
const MAX_LOAD = 0.5;
// Before anything of the run starts, so the figure is the other work's.
const loadBefore = loadavg()[0];
// No file watching: an edit during a long run must not reload the page mid-measurement.
// Production builds of dependencies (Lit's dev mode checks every update), as users ship them.
const server = await createServer({
  root: '.',
  configFile: false,
  resolve: { conditions: ['module', 'browser', 'production'] },
  // Cross-origin isolated, performance.now() steps by 5 µs instead of 100 µs.
  server: { port: 0, host: '127.0.0.1', hmr: false, watch: null, headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } },
  logLevel: 'error',
});
await server.listen();
// Precise memory info: without it Chromium quantises performance.memory and caches it for minutes.
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs(), protocolTimeout: 900_000 });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  page.on('console', (m) => console.log(`[page] ${m.text()}`));
  const failed = new Promise((_, reject) => page.on('pageerror', (e) => reject(new Error(`bench/${name}: ${e.message}`))));
  failed.catch(() => {}); // raced below; an error after the result changes nothing
  await page.goto(new URL(`bench/${name}.html`, server.resolvedUrls.local[0]).href);
  const done = page.waitForFunction(() => window.benchResult, { timeout: 900_000, polling: 1000 }).then((h) => h.jsonValue());
  const figures = await Promise.race([done, failed]);
  // The machine may be shared: its load says how far to trust the figures.
  const loadAfter = loadavg()[0];
  const representative = loadBefore <= MAX_LOAD;
  const result = { ...figures, loadAverage1mBefore: round2(loadBefore), loadAverage1mAfter: round2(loadAfter), representative };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${name}.json`, JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
  console.log(
    representative
      ? `representative: true (load ${round2(loadBefore)} before, ${round2(loadAfter)} after)`
      : `representative: false: load ${round2(loadBefore)} before the run, above ${MAX_LOAD}; other work shared the cores, so these figures are not to be quoted`,
  );
} finally {
  await browser.close();
  await server.close();
}
