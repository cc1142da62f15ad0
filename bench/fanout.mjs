// `npm run bench -- fanout`: a broker, an edge and three headless viewers on this machine.
// The room first holds `PREFILL_MIN` minutes of the load scenario (16 channels at 1 kHz, noise
// with spikes; default 60: a viewer joins after an hour), published as fast as the broker takes
// it, so all of it lies in a viewer's 10-minute window of publishing time and the whole hour is
// replayed (from the room's overviews, docs/nats.md): six times a real join's; then a live edge plays
// the load scenario (its cement alarms' busiest rate is far below it) while three viewers join
// one after another (each timing its replay) and then watch live together. Writes
// bench/results/fanout.json (with VIEWERS=1 or 2, the first viewers only: fanout-N-viewer.json).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { browserArgs, findBrowser } from '../scripts/browser.mjs';
import { NATS_USERS, startNats } from '../scripts/nats-server.mjs';

const PREFILL_MIN = Number(process.env.PREFILL_MIN ?? 60);
const LIVE_MS = 20_000;
const PROCEDURE = 'fanout';
const round2 = (x) => Math.round(x * 100) / 100;

const { publishRoom, EDGE_SCENARIOS } = await import('../dist/edge/index.js');
const { TelemetryRoom } = await import('../dist/streams/index.js');
const { connect } = await import('@nats-io/transport-node');
const { jetstreamManager } = await import('@nats-io/jetstream');

/** The load scenario's data over the last `minutes`, published through a room as an edge would. */
async function prefill(nats, minutes) {
  const nc = await connect({ servers: nats.url, ...NATS_USERS.edge });
  const scenario = EDGE_SCENARIOS.load();
  const room = new TelemetryRoom({ viewer: 'prefill', windowMs: 1000 });
  room.setChannels(scenario.channels);
  room.setRules(scenario.rules);
  const publisher = await publishRoom(nc, room, { procedure: PROCEDURE, sender: 'prefill' });
  const t0 = Date.now() - minutes * 60_000;
  const ticks = (minutes * 60_000) / 20;
  let seed = 1;
  const noise = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
  const started = performance.now();
  for (let k = 0; k < ticks; k++) {
    for (const c of scenario.channels) {
      const t = new Float64Array(20);
      const v = new Float32Array(20);
      for (let i = 0; i < 20; i++) (t[i] = t0 + k * 20 + i), (v[i] = Math.sin((t[i] - t0) / 5000) * 0.5 + 0.1 * noise() + (noise() > 0.4999 ? 3 : 0));
      room.push({ channel: c.id, t, v, unit: 'mV' });
    }
    // One tick, one turn: its batches are published as one bundle, as the live edge does.
    if (k % 500 === 499) await publisher.drained();
    else await null;
  }
  await publisher.drained();
  const seconds = (performance.now() - started) / 1000;
  const stored = publisher.stats.stored;
  await publisher.stop();
  room.close();
  await nc.close();
  return { messages: stored, seconds: round2(seconds) };
}

/** The room's stream: messages and bytes stored. */
async function streamState(nats) {
  const nc = await connect({ servers: nats.url, ...NATS_USERS.edge });
  const { state } = await (await jetstreamManager(nc)).streams.info(`IR_${PROCEDURE}`);
  await nc.close();
  return { messages: state.messages, bytes: state.bytes };
}

/** CPU time of a process (user + system), in seconds, from /proc. */
const cpuSeconds = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};

const nats = await startNats();
let edge;
const server = await createServer({
  root: '.', configFile: false, resolve: { conditions: ['module', 'browser', 'production'] },
  // Pre-bundled before the pages open: a discovery mid-run would reload them.
  optimizeDeps: { include: ['@nats-io/nats-core', '@nats-io/jetstream'] },
  server: { port: 0, host: '127.0.0.1', hmr: false, watch: null }, logLevel: 'error',
});
await server.listen();
// One browser per viewer: a tab in the background gets no animation frames, so three tabs of
// one browser would not all draw.
const browsers = [];
const launch = async () => {
  // Network events off: with them on, DevTools copies every WebSocket frame the page receives
  // (base64, on the page's main thread) to this process, work a viewer without DevTools never does.
  const b = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs(), protocolTimeout: 900_000, networkEnabled: false });
  browsers.push(b);
  return b;
};
// Interrupted: the broker, the edge and the browsers go too.
const stop = async () => {
  edge?.kill('SIGTERM');
  for (const b of browsers) await b.close().catch(() => {});
  await nats.stop();
  process.exit(130);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
try {
  const loadBefore = loadavg()[0];
  const filled = await prefill(nats, PREFILL_MIN);
  console.log(`prefilled ${PREFILL_MIN} min: ${filled.messages} messages in ${filled.seconds} s`);
  edge = spawn(process.execPath, ['dist/edge/cli.js', '--nats', nats.url, '--procedure', PROCEDURE, '--scenario', 'load', '--user', NATS_USERS.edge.user, '--pass', NATS_USERS.edge.pass], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise((resolve, reject) => {
    edge.stderr.on('data', (d) => /Ctrl-C stops/.test(String(d)) && resolve());
    edge.once('exit', (code) => reject(new Error(`edge exited ${code}`)));
  });
  console.log('edge live');
  const url = (viewer) =>
    new URL(`bench/fanout.html?${new URLSearchParams({ nats: nats.wsUrl, procedure: PROCEDURE, viewer, user: NATS_USERS.viewer.user, pass: NATS_USERS.viewer.pass, liveMs: String(LIVE_MS) })}`, server.resolvedUrls.local[0]).href;
  // VIEWERS=1: the console alone, its join measured with no other browser on the machine.
  const viewers = ['console', 'proctor', 'teaching-room'].slice(0, Number(process.env.VIEWERS ?? 3));
  // Every browser started before the first viewer joins: a browser's own start (its UI's
  // pages load for seconds) is not a viewer's join. Each viewer in its browser's first tab.
  const tabs = [];
  for (const _ of viewers) tabs.push((await (await launch()).pages())[0]);
  const pages = [];
  // One after another: each replay timed alone, as a viewer joining a running procedure.
  for (const [i, viewer] of viewers.entries()) {
    const page = tabs[i];
    await page.setViewport({ width: 1200, height: 800 });
    page.on('pageerror', (e) => console.error(`[${viewer} error] ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`[${viewer}] ${m.text()}`));
    await page.goto(url(viewer));
    const replay = await page.waitForFunction(() => window.replayResult, { timeout: 900_000, polling: 500 }).then((h) => h.jsonValue());
    pages.push(page);
    console.log(`${viewer} caught up: ${JSON.stringify(replay)}`);
  }
  // All live: they watch together.
  await Promise.all(pages.map((p) => p.evaluate(() => (window.together = true))));
  const cpu0 = cpuSeconds(edge.pid);
  const stored0 = await streamState(nats);
  const wall0 = performance.now();
  const results = await Promise.all(pages.map((p) => p.waitForFunction(() => window.benchResult, { timeout: 600_000, polling: 1000 }).then((h) => h.jsonValue())));
  const liveSeconds = (performance.now() - wall0) / 1000;
  const edgeCpuPercent = (100 * (cpuSeconds(edge.pid) - cpu0)) / liveSeconds;
  const stored1 = await streamState(nats);
  const max = (k) => Math.max(...results.map((r) => r[k]));
  const result = {
    scenario: 'load: 16 channels at 1 kHz in 20 ms batches, one alarm rule',
    endToEndP95Ms: max('endToEndP95Ms'),
    replayHourSeconds: max('replaySeconds'),
    replayMaxFrameMs: max('replayMaxFrameMs'),
    // The longest frame's share that was the page's own work: its longest script.
    replayLongestScriptMs: max('replayLongestScriptMs'),
    edgeCpuPercent: round2(edgeCpuPercent),
    replayed: `the room's ${PREFILL_MIN} minutes (${filled.messages} messages, published in ${filled.seconds} s: all inside a viewer's 10-minute window of publishing time), from the overviews (min and max per 100 ms) up to the newest, then every sample; ${results[0].replayedSamplesPerChannel} samples per channel`,
    prefill: filled,
    // What one live room costs the broker, per viewer: messages and bytes stored a second.
    liveMessagesPerSecond: round2((stored1.messages - stored0.messages) / liveSeconds),
    liveBytesPerSecond: Math.round((stored1.bytes - stored0.bytes) / liveSeconds),
    viewers: results.map(({ environment, ...r }) => r),
    environment: { ...results[0].environment, nodeCores: cpus().length },
    loadAverage1mBefore: round2(loadBefore),
    loadAverage1mAfter: round2(loadavg()[0]),
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${viewers.length === 3 ? 'fanout' : `fanout-${viewers.length}-viewer`}.json`, JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
} finally {
  edge?.kill('SIGTERM');
  for (const b of browsers) await b.close();
  await server.close();
  await nats.stop();
}
