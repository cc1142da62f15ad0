// `npm run bench -- NAME`: serves bench/NAME.html with Vite, runs it in headless Chromium
// and writes the figures it reports to bench/results/NAME.json, with the machine's load.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { browserArgs, findBrowser } from './browser.mjs';

const name = process.argv[2];
// A benchmark with more than one page and processes (fanout: broker, edge, viewers) drives itself.
if (name && existsSync(`bench/${name}.mjs`)) {
  await import(`../bench/${name}.mjs`);
  process.exit(0);
}
if (!name || !existsSync(`bench/${name}.html`)) {
  console.error(`Usage: npm run bench -- NAME, with bench/NAME.html present (got '${name ?? ''}').`);
  process.exit(1);
}
const round2 = (x) => Math.round(x * 100) / 100;
// No file watching: an edit during a long run must not reload the page mid-measurement.
// Production builds of dependencies (Lit's dev mode checks every update), as users ship them.
const server = await createServer({
  root: '.',
  configFile: false,
  resolve: { conditions: ['module', 'browser', 'production'] },
  server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
  logLevel: 'error',
});
await server.listen();
// Precise memory info: without it Chromium quantises performance.memory and caches it for minutes.
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs(), protocolTimeout: 900_000 });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  page.on('console', (m) => console.log(`[page] ${m.text()}`));
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  await page.goto(new URL(`bench/${name}.html`, server.resolvedUrls.local[0]).href);
  const loadBefore = loadavg()[0];
  const figures = await page.waitForFunction(() => window.benchResult, { timeout: 900_000, polling: 1000 }).then((h) => h.jsonValue());
  // The machine may be shared: its load says how far to trust the figures.
  const result = { ...figures, loadAverage1mBefore: round2(loadBefore), loadAverage1mAfter: round2(loadavg()[0]) };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${name}.json`, JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  await server.close();
}
