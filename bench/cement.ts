// ir-cement-gauge with 4 sites: volume at 50 Hz per site and pressure at 200 Hz, fed through
// its public API (.source), one animation frame's worth of data per frame, made before
// timing; each timed frame ends with flushFrames(), the Lit update it caused and one pixel
// read back from every canvas (the raster counts).
import { Subject } from 'rxjs';
import '../src/components/cement-gauge.js';
import { flushFrames } from '../src/components/kit/frame-scheduler.js';
import { environment } from './kit/environment.js';
import { canvasesOf, timePanel } from './kit/frame-timer.js';
import { cementChannels, type InjectionPlan } from '../src/models/cement/plan.js';
import type { RoomInput } from '../src/streams/room/room.js';
import { describe, figures, frameStats, median, round } from './kit/stats.js';
import { dataEpoch } from '../test/kit/clock.js';

const T0 = dataEpoch();
const FRAME_MS = 1000 / 60;
const plan: InjectionPlan = {
  channel: 'cement',
  pressureChannel: 'pressure',
  sites: ['T11', 'T12', 'L1', 'L2'].map((id) => ({ id, label: id, kind: 'vertebra' as const, plannedMl: 4, maxMl: 8, channel: `vol-${id}` })),
};
const noise = (i: number) => {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return 2 * (x - Math.floor(x)) - 1;
};
// Realistic signals: 3.5 mL/min ramps with plunger noise, pressure with a 1.2 Hz hand-push ripple,
// sensor noise, an occasional spike and a gap every 20 s on the pressure line.
const volume = (site: number, ms: number) => Math.max(0, (3.5 * ms) / 60_000 - site * 0.3 + 0.01 * noise(ms / 20 + site));
const pressure = (ms: number) => 600 + 400 * Math.sin((ms / 1000) * 2 * Math.PI * 1.2) * 0.1 + 20 * noise(ms / 5) + (Math.round(ms / 5) % 2003 === 0 ? 900 : 0);

const stage = document.querySelector<HTMLElement>('#stage')!;
const source = new Subject<RoomInput>();
const el = document.createElement('ir-cement-gauge');
el.plan = plan;
el.channels = cementChannels(plan);
el.source = source;
el.window = 120;
el.pressureWindow = 30;
stage.append(el);
await el.updateComplete;
source.next({ type: 'event', channel: 'cement', t: T0, kind: 'mix', text: '' });

let vi = 0;
let pi = 0;
/** The batches a source sends for the data after the previous call's, up to `untilMs`. */
function batchesUntil(untilMs: number): RoomInput[] {
  const vt: number[] = [];
  while (vi * 20 < untilMs) vt.push(vi++ * 20);
  const out: RoomInput[] = plan.sites.map((s, k) => ({ channel: s.channel, t: Float64Array.from(vt, (x) => T0 + x), v: Float32Array.from(vt, (x) => volume(k, x)) }));
  const pt: number[] = [];
  while (pi * 5 < untilMs) {
    const ms = pi++ * 5;
    if (ms % 20_000 >= 500) pt.push(ms);
  }
  if (pt.length) out.push({ channel: 'pressure', t: Float64Array.from(pt, (x) => T0 + x), v: Float32Array.from(pt, pressure) });
  return out;
}
const RUN = { warmUp: 30, frames: 600 };
// A minute of data first, then frames of one animation frame's worth each, all made now.
for (const b of batchesUntil(60_000)) source.next(b);
flushFrames();
const frames = Array.from({ length: RUN.warmUp + RUN.frames }, (_, f) => batchesUntil(60_000 + (f + 1) * FRAME_MS));
// Read-outs re-render on the panel's calm tick (every 500 ms), not per frame; the canvases draw in each.
const times = await timePanel(RUN, el, (f) => frames[f].forEach((b) => source.next(b)));
console.log(describe('ir-cement-gauge 4 sites', times.ms));
window.benchResult = {
  ...(await environment()),
  rasterIncluded: true,
  canvases: canvasesOf(el).length,
  timedFrames: times.ms.length,
  ...figures('', frameStats(times.ms), '_4sites'),
  readBackMedianMs_4sites: round(median(times.readBackMs)),
};
