// `npm run screenshots [-- outDir [filter]]`: every demo scenario (or those whose name holds `filter`) played in headless Chromium and shot
// at mid-procedure and after its end (when a planned end must have raised nothing), in
// English (dark), French (dark) and English (light); then the first page's alarm states and
// the cryo trainer faults. Files: docs/screenshots/<page>-<scenario>-<moment>[-fr][-light].png.
// Data times come from the scenarios themselves (the built `dist/sim.js`), never from a date.
import { mkdirSync } from 'node:fs';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { browserArgs, findBrowser } from './browser.mjs';
import { CEMENT_SCENARIOS, CRYO_SCENARIOS, CryoSimulation, DOSE_SCENARIOS, SCENARIOS as THERMAL, hepaticEct, ire } from '../dist/sim.js';

const [outDir = 'docs/screenshots', filter = ''] = process.argv.slice(2);
const VARIANTS = [['en', 'dark'], ['fr', 'dark'], ['en', 'light']];
const MIN = 60_000;
/** Real seconds after a procedure's data ends: past every channel's stale watchdog. */
const SETTLE_S = 6;
/** Pages played at 60x: one real second is a minute of data. */
const toS = (dataMs) => dataMs / MIN;

/**
 * A session: a page opened once, then steps of [seconds to wait, shot name, action].
 * Mid shots fall inside the procedure; end shots after its data ended and the watchdogs ran.
 */
function sessions() {
  const out = [];
  for (const s of CRYO_SCENARIOS) {
    const sim = new CryoSimulation(s, 0);
    const freeze1 = s.procedure.protocol.phases[0].durationMs;
    const mid = sim.freezeStartMs + 0.8 * freeze1;
    out.push({ name: `cryo-${s.id}-mid`, url: `cryo.html?scenario=${s.id}&speed=10&at=${mid}`, steps: [[3, 'mid']] });
    const end = sim.durationMs - 2 * MIN;
    out.push({ name: `cryo-${s.id}-end`, url: `cryo.html?scenario=${s.id}&speed=60&at=${end}`, steps: [[toS(2 * MIN) + SETTLE_S, 'end']] });
  }
  for (const id of Object.keys(THERMAL)) {
    const s = THERMAL[id].durationS * 1000;
    out.push({ name: `thermal-${id}`, url: `thermal.html?scenario=${id}&speed=60`, steps: [[toS(s / 2), 'mid'], [toS(s / 2) + SETTLE_S, 'end']] });
  }
  // A train of a few minutes: played slower, so its middle is on screen long enough to be caught.
  for (const [id, s, speed] of [['ect', hepaticEct(0), 10], ['ect-5khz', hepaticEct(0, '5kHz'), 10], ['ire', ire(0), 30]]) {
    const mid = (s.trainStart + s.trainEnd) / 2 / 1000 / speed;
    out.push({ name: `pulses-${id}`, url: `pulses.html?scenario=${id}&speed=${speed}`, steps: [[mid, 'mid'], [s.durationMs / 1000 / speed - mid + SETTLE_S, 'end']] });
  }
  for (const [id, make] of Object.entries(CEMENT_SCENARIOS)) {
    const minutes = make().durationMin;
    out.push({ name: `cement-${id}-mid`, url: `cement.html?scenario=${id}&speed=10&from=${Math.floor(minutes * 0.6)}`, steps: [[3, 'mid']] });
    // `from` skips the data before it (unlike cryo's and dose's `at`, whose first tick carries it): the end
    // is played from the start, as the thermal shots are, so its charts hold the whole procedure (69 s for the sacral case).
    out.push({ name: `cement-${id}-end`, url: `cement.html?scenario=${id}&speed=60`, steps: [[toS(minutes * MIN) + SETTLE_S, 'end']] });
  }
  for (const [id, make] of Object.entries(DOSE_SCENARIOS)) {
    const ms = make(0).durationMs;
    out.push({ name: `dose-${id}-mid`, url: `dose.html?scenario=${id}&speed=10&at=${Math.floor(ms / 2)}`, steps: [[3, 'mid']] });
    out.push({ name: `dose-${id}-end`, url: `dose.html?scenario=${id}&speed=60&at=${ms - MIN}`, steps: [[1 + SETTLE_S, 'end']] });
  }
  const click = (selector) => (page) => page.click(selector);
  const banner = (part) => (page) => page.evaluate((p) => document.querySelector('ir-alarm-banner').shadowRoot.querySelector(`[part="${p}"]`).click(), part);
  out.push({
    name: 'demo', url: '?speed=10', steps: [
      [1.8, 'rate-warning'], [3.5, 'alarm'],
      [0, null, banner('acknowledge')], [0, null, banner('pause')], [0, null, click('#drop')], [2.5, 'acknowledged-sensor-lost'],
      [0, null, click('#drop')], [0, null, click('#pause-alarms')], [0.8, 'alarms-paused'],
    ],
  });
  out.push({ name: 'cryo-iliac-fault', url: 'cryo.html?scenario=iliac&speed=10&at=20000', steps: [[1.5, null, click('#probe')], [15, 'probe-not-cooling']] });
  // The argon pressure falls 4 min into freeze 1: the tips warm, the ice grows slower, tissue temperatures change smoothly.
  out.push({ name: 'cryo-iliac-gas-fault', url: 'cryo.html?scenario=iliac&speed=10&at=250000', steps: [[1.5, null, click('#gas')], [20, 'gas-pressure-drop']] });
  out.push({ name: 'cryo-renal-fault', url: 'cryo.html?scenario=renal&speed=10&at=400000', steps: [[1.5, null, click('#shrink')], [20, 'ice-shrinking']] });
  return out;
}

mkdirSync(outDir, { recursive: true });
// No file watching: an edit while the shots run must not reload a page mid-scenario.
const server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1', hmr: false, watch: null }, logLevel: 'error' });
await server.listen();
const sleep = (s) => new Promise((r) => setTimeout(r, s * 1000));
const problems = [];

async function run(browser, { name, url, steps }, lang, theme) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.setViewport({ width: 1280, height: 1000 });
  // Flashing would make a shot depend on its phase; reduced motion shows the steady cue.
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(`${server.resolvedUrls.local[0]}${url}&lang=${lang}&theme=${theme}`);
  const base = name.replace(/-(mid|end)$/, '');
  try {
    for (const [seconds, shot, action] of steps) {
      await sleep(seconds);
      if (action) await action(page);
      if (!shot) continue;
      const path = `${outDir}/${base}-${shot}${lang === 'fr' ? '-fr' : ''}${theme === 'dark' ? '' : `-${theme}`}.png`;
      // The whole page on screen, as someone scrolling down would see each panel: a panel below
      // the fold draws only once it is visible, in the next animation frame.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewport({ width: 1280, height: Math.max(1000, height) });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path, fullPage: true });
      await page.setViewport({ width: 1280, height: 1000 });
      console.log(`screenshot: ${path}`);
    }
  } catch (e) {
    errors.push(`not shot: ${e.message}`);
  }
  if (errors.length) problems.push(`${name} (${lang}, ${theme}): ${errors.join('; ')}`);
  await page.close();
}

// Two browsers, one page each: a page behind another in one browser gets no animation frames, so it never draws.
const queue = sessions().filter((s) => s.name.includes(filter)).flatMap((s) => VARIANTS.map(([lang, theme]) => (browser) => run(browser, s, lang, theme)));
try {
  await Promise.all(
    Array.from({ length: 2 }, async () => {
      const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs(), protocolTimeout: 600_000 });
      try {
        while (queue.length) await queue.shift()(browser);
      } finally {
        await browser.close();
      }
    }),
  );
} finally {
  await server.close();
}
if (problems.length) {
  console.error(`page errors:\n${problems.join('\n')}`);
  process.exit(1);
}
