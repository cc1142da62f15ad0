// Serves the demo with Vite, plays its scenario at 10x in headless Chromium, and saves a
// screenshot of each alarm state: `node scripts/screenshot.mjs [outDir] [en|fr] [dark|light|high-contrast]`.
import { mkdirSync } from 'node:fs';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { browserArgs, findBrowser } from './browser.mjs';

const [outDir = 'docs/screenshots', lang = 'en', theme = 'dark'] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.setViewport({ width: 1200, height: 1000 });
  // Flashing would make the shot depend on the phase; reduced motion shows the steady cue.
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(`${server.resolvedUrls.local[0]}?speed=10&lang=${lang}&theme=${theme}`);
  const banner = (part) => page.evaluate((p) => document.querySelector('ir-alarm-banner').shadowRoot.querySelector(`[part="${p}"]`).click(), part);
  const shot = async (name) => {
    const path = `${outDir}/demo-${lang === 'fr' ? 'fr-' : ''}${theme === 'dark' ? '' : `${theme}-`}${name}.png`;
    await page.screenshot({ path });
    console.log(`screenshot: ${path}`);
  };
  await sleep(1800);
  await shot('rate-warning');
  await sleep(3500);
  await shot('alarm');
  await banner('acknowledge');
  await banner('pause');
  await page.click('#drop');
  await sleep(2500);
  await shot('acknowledged-sensor-lost');
  await page.click('#drop');
  await page.click('#pause-alarms');
  await sleep(800);
  await shot('alarms-paused');
  if (errors.length) console.log(`page errors:\n${errors.join('\n')}`);
} finally {
  await browser.close();
  await server.close();
}
