// The package as a user gets it: `npm pack` from a clean copy of the working tree (its `prepack`
// builds dist/ afresh), the tarball installed into an empty project with its dependencies (from
// npm's cache when it has them). There Node imports the models and the streams and starts every
// procedure engine, and Chromium loads the elements from that project's node_modules, sent by a
// plain static server (files as on disk, strict CSP), through the import map the package ships
// (dist/import-map.json) and through the one-file bundle: test/plain/'s pages, whose samples
// must reach the trend and whose alarm the banner.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { browserArgs, findBrowser } from '../../scripts/browser.mjs';
import { installTarball, packClean, sh } from '../../scripts/pack.mjs';
import { policy, types } from '../servers/plain-static.mjs';

const TAGS = ['ir-telemetry', 'ir-alarm-banner', 'ir-trend', 'ir-alarm-log', 'ir-iceball-curve', 'ir-thermal-map', 'ir-pulse-trace', 'ir-cement-gauge'];
const PROCEDURES = ['cement', 'cryo', 'pulses', 'thermal'];

const work = mkdtempSync(join(tmpdir(), 'ir-monitor-tarball-'));
const app = join(work, 'app');
let pack;
let server;
let browser;
let origin;

/** test/plain/'s pages and their code, written into the project, its package at /node_modules/. */
function writePages() {
  const plain = (f) => readFileSync(`test/plain/${f}`, 'utf8');
  const bundlePage = plain('bundle-page.js');
  assert.ok(bundlePage.includes("'../../dist/ir-monitor.bundle.js'"), 'test/plain/bundle-page.js imports the bundle by another path');
  writeFileSync(join(app, 'bundle-page.js'), bundlePage.replace("'../../dist/ir-monitor.bundle.js'", "'./node_modules/ir-monitor/dist/ir-monitor.bundle.js'"));
  writeFileSync(join(app, 'bundle.html'), plain('bundle.html'));
  writeFileSync(join(app, 'import-map.html'), plain('import-map.html').replaceAll('/plain/node_modules/', '/node_modules/'));
  for (const f of ['import-map-page.js', 'feed.js']) writeFileSync(join(app, f), plain(f));
}

/** Sends the project's files exactly as they are on disk, HTML under its CSP; nothing else. */
function serve(root) {
  const s = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://localhost').pathname)).replace(/^\/+/, '');
    let body;
    try {
      body = await readFile(join(root, path));
    } catch {
      return void res.writeHead(404).end();
    }
    const type = types[extname(path)] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, ...(type === 'text/html' ? { 'Content-Security-Policy': policy(body.toString('utf8')) } : {}) }).end(body);
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

before(async () => {
  pack = packClean(work, { committed: false });
  installTarball(pack.path, app);
  writePages();
  server = await serve(app);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

test('Node imports the models and the streams from the tarball and starts every procedure engine', (t) => {
  t.diagnostic(`tarball ${pack.size} B packed, ${pack.unpackedSize} B unpacked, ${pack.files.length} files`);
  const probe = `
    import { parseWireLine } from 'ir-monitor/models';
    import { TelemetryRoom, engineKinds } from 'ir-monitor/streams';
    // Parsing only: the line reaches no room, so its time is not judged against the clock.
    const line = parseWireLine(JSON.stringify({ ver: 1, type: 'samples', channel: 'probe', seq: 0, unit: 'Cel', t: [Date.now()], v: [-12.5] }));
    const room = new TelemetryRoom();
    const started = engineKinds().filter((k) => room.engine(k)?.kind === k);
    room.close();
    console.log(JSON.stringify({ line: line.ok, kinds: engineKinds(), started }));`;
  const out = JSON.parse(sh(process.execPath, ['--input-type=module', '-e', probe], app));
  assert.equal(out.line, true);
  assert.deepEqual(out.started, out.kinds);
  for (const kind of PROCEDURES) assert.ok(out.started.includes(kind), `the ${kind} engine`);
});

test('the installed package ships the import map its docs give', () => {
  const shipped = JSON.parse(readFileSync(join(app, 'node_modules/ir-monitor/dist/import-map.json'), 'utf8'));
  const page = /<script type="importmap">([\s\S]*?)<\/script>/.exec(readFileSync(join(app, 'import-map.html'), 'utf8'))[1];
  assert.deepEqual(JSON.parse(page), shipped);
});

/** What the page shows: each element defined and rendered, the trend's latest value, the banner's text. */
function shown(tags) {
  const el = (t) => document.querySelector(t);
  return {
    elements: tags.filter((t) => customElements.get(t) !== el(t)?.constructor || (t !== 'ir-telemetry' && !el(t)?.shadowRoot?.childElementCount)),
    readout: el('ir-trend')?.shadowRoot?.querySelector('[part="readout"] .value')?.textContent,
    alarm: el('ir-alarm-banner')?.shadowRoot?.textContent?.includes('Probe hot'),
  };
}
const EXPECTED = { elements: [], readout: '70.0', alarm: true };

for (const [file, what] of [['import-map.html', 'the import map'], ['bundle.html', 'the one-file bundle']])
  test(`Chromium loads the installed package through ${what}: every element renders, the samples and the alarm show`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A file not found is named by its response (the console's message has no URL); the browser's own favicon.ico request is not the page's.
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
    await page.evaluateOnNewDocument(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
    try {
      await page.goto(`${origin}/${file}`);
      const check = `(${shown})(${JSON.stringify(TAGS)})`;
      await page.waitForFunction(`JSON.stringify(${check}) === ${JSON.stringify(JSON.stringify(EXPECTED))}`, { timeout: 30_000 }).catch(() => undefined);
      assert.deepEqual({ ...(await page.evaluate(check)), errors }, { ...EXPECTED, errors: [] });
    } finally {
      await page.close();
    }
  });
