import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { browserArgs, findBrowser } from './scripts/browser.mjs';
const shots = JSON.parse(process.argv[2]);
const server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
try {
  for (const { query, wait, name, height = 1500 } of shots) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.setViewport({ width: 1200, height });
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.goto(`${server.resolvedUrls.local[0]}pulses.html?${query}`);
    await sleep(wait);
    await page.screenshot({ path: `/tmp/pulse-shots/${name}.png`, fullPage: true });
    console.log(`/tmp/pulse-shots/${name}.png`, errors.join('\n'));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
