// One viewer of the fan-out benchmark (driven by bench/fanout.mjs): joins a procedure room on
// NATS, times its replay and the longest frame while replaying, then the delay from a
// sample's time at the edge to the frame that painted it.
import '../src/components/telemetry.js';
import '../src/components/trend.js';
import type { IrTelemetry } from '../src/components/telemetry/telemetry.js';
import { environment } from './kit/environment.js';
import { p95, quantile, round } from './kit/stats.js';

const q = new URLSearchParams(location.search);
const liveMs = Number(q.get('liveMs') ?? 20_000);
const watched = ['load.00', 'load.05', 'load.10', 'load.15'];

const t = document.createElement('ir-telemetry') as IrTelemetry;
t.viewer = q.get('viewer') ?? 'bench';
t.natsAuth = { user: q.get('user') ?? 'viewer', pass: q.get('pass') ?? '' };
t.natsClient = { core: await import('@nats-io/nats-core'), jetstream: await import('@nats-io/jetstream') };
t.setAttribute('nats', q.get('nats')!);
t.setAttribute('procedure', q.get('procedure')!);
for (const id of watched) {
  const trend = document.createElement('ir-trend');
  trend.setAttribute('channel', id);
  trend.style.height = '120px';
  t.append(trend);
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
// What the page itself ran in its long frames (Long Animation Frames' script attribution): a
// frame longer than any of its scripts waited for the machine (two cores, three browsers).
let longestScript = 0;
let longestWhat = '';
/** The longest frame the page reported: how long, and how much of it was the page's scripts. */
let longestFrame = { ms: 0, scriptsMs: 0 };
type Script = { duration: number; invoker: string; sourceFunctionName: string; sourceURL: string };
const loaf = new PerformanceObserver((list) => {
  for (const e of list.getEntries() as (PerformanceEntry & { scripts: Script[] })[]) {
    if (e.duration > longestFrame.ms) longestFrame = { ms: round(e.duration, 1), scriptsMs: round(e.scripts.reduce((sum, x) => sum + x.duration, 0), 1) };
    for (const x of e.scripts)
      if (x.duration > longestScript) (longestScript = x.duration), (longestWhat = `${x.invoker} (${x.sourceFunctionName || 'anonymous'}, ${x.sourceURL.split('/').pop()?.split('?')[0]}) at ${Math.round(e.startTime - joined)} ms after joining`);
  }
});
loaf.observe({ type: 'long-animation-frame' });
const joined = performance.now();
document.getElementById('stage')!.append(t);

// Replay: until the room says it is live with the procedure and data has come.
const frames: number[] = [];
/** Frames over the target (50 ms): when they ended, in ms after joining, and how long they were. */
const over: [number, number][] = [];
let sawReplay = false;
let last = await frame();
/** Waits for the next frame, timing it. */
const timed = async () => {
  const now = await frame();
  frames.push(now - last);
  if (now - last > 50) over.push([Math.round(now - joined), round(now - last, 1)]);
  last = now;
};
while (!(sawReplay && t.catchingUp === 0 && (t.room.store('load.00')?.length ?? 0) > 0)) {
  await timed();
  sawReplay ||= t.state === 'live';
}
const replaySeconds = (performance.now() - joined) / 1000;
// Frames are timed for a second more: the charts are built and drawn once the room is live.
for (const live = performance.now(); performance.now() - live < 1000; ) await timed();
const maxFrame = Math.max(...frames);
loaf.disconnect();
const replayedSamples = t.room.store('load.00')!.length;
(window as { replayResult?: unknown }).replayResult = { replaySeconds, maxFrame, replayedSamples };

// Live, once every viewer has joined (the runner says so): each batch's newest sample time
// against the wall clock at the frame after it arrived.
const w = window as { together?: boolean };
while (!w.together) await frame();
const delays: number[] = [];
let newest = NaN;
const sub = t.room.store('load.00')!.batches.subscribe((b) => (newest = Math.max(Number.isNaN(newest) ? -Infinity : newest, b.t[b.t.length - 1])));
const end = performance.now() + liveMs;
while (performance.now() < end) {
  await frame();
  // The trends draw in this frame's callbacks, some maybe after this one: the delay is taken a task later, once all ran.
  await new Promise((r) => setTimeout(r));
  if (!Number.isNaN(newest)) delays.push(Date.now() - newest), (newest = NaN);
}
sub.unsubscribe();

(window as { benchResult?: unknown }).benchResult = {
  viewer: t.viewer,
  replaySeconds: round(replaySeconds, 2),
  replayMaxFrameMs: round(maxFrame, 1),
  replayFrameP95Ms: round(p95(frames), 1),
  replayFrames: frames.length,
  replayFramesOver50: over,
  replayLongestScriptMs: round(longestScript, 1),
  replayLongestScript: longestWhat,
  replayLongestFrame: longestFrame,
  replayedSamplesPerChannel: replayedSamples,
  endToEndP50Ms: round(quantile(delays, 0.5), 1),
  endToEndP95Ms: round(p95(delays), 1),
  liveFrames: delays.length,
  environment: await environment(),
};
