// Screenshots of the cryoablation demo page, one per scenario (and per language and theme
// given): `node test/e2e/cryo-screenshots.mjs [outDir] [en|fr] [dark|light|high-contrast]`.
// Each scenario is opened at a late moment (`at=`, ms of data time) and played at 60x a little.
import { mkdirSync } from 'node:fs';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { browserArgs, findBrowser } from '../../scripts/browser.mjs';

const [outDir = '/tmp/cryo-shots', lang = 'en', theme = 'dark'] = process.argv.slice(2);
// scenario, data time to open at (ms), a fault button to press, seconds to wait, file name.
const SHOTS = [
  ['iliac', 560_000, null, 2.5, 'iliac'],
  ['vertebral', 1_400_000, null, 2.5, 'vertebral'],
  ['renal', 215_000, null, 2.5, 'renal-nerve-cold'],
  ['renal', 330_000, null, 2.5, 'renal-after-hydrodissection'],
  ['iliac', 20_000, '#probe', 15, 'iliac-probe-not-cooling'],
  ['renal', 400_000, '#shrink', 20, 'renal-ice-shrinking'],
];
mkdirSync(outDir, { recursive: true });
const server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
try {
  for (const [scenario, at, button, seconds, name] of SHOTS) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.setViewport({ width: 1280, height: 1300 });
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.goto(`${server.resolvedUrls.local[0]}cryo.html?scenario=${scenario}&speed=10&at=${at}&lang=${lang}&theme=${theme}`);
    await sleep(1500);
    if (button) await page.click(button);
    await sleep(seconds * 1000);
    const path = `${outDir}/cryo-${name}${lang === 'fr' ? '-fr' : ''}${theme === 'dark' ? '' : `-${theme}`}.png`;
    await page.screenshot({ path, fullPage: true });
    console.log(`screenshot: ${path}${errors.length ? `\npage errors:\n${errors.join('\n')}` : ''}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
