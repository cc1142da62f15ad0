// Serves the demo with Vite, opens it in headless Chromium and saves a screenshot:
// `node scripts/screenshot.mjs [out.png] [waitMs] [query]`, e.g. `... 3000 '?speed=30'`.
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { browserArgs, findBrowser } from './browser.mjs';

const [out = 'docs/screenshots/demo.png', waitMs = '4000', query = ''] = process.argv.slice(2);
const server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.setViewport({ width: 1200, height: 800 });
  await page.goto(url + query);
  await new Promise((r) => setTimeout(r, Number(waitMs)));
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}${errors.length ? `\npage errors:\n${errors.join('\n')}` : ''}`);
} finally {
  await browser.close();
  await server.close();
}
