// ir-iceball-curve with 8 probes and 4 three-point thermosensors at 10 Hz: the curve, the plan
// view and the three traces drawn together. Fed through `.source` (public API) with the
// simulator's signals (slow waves, sensor noise) plus spikes and a gap; 20 minutes of the
// procedure are played before timing, then each timed frame takes 100 ms of data (one batch
// per channel), draws with flushFrames(), runs the Lit update it caused and reads one pixel
// back from every canvas, so the raster counts (the bench kit's timePanel).
import { Subject } from 'rxjs';
import '../src/components/iceball-curve.js';
import { flushFrames } from '../src/components/kit/frame-scheduler.js';
import type { RoomInput } from '../src/streams/room/room.js';
import { CryoSimulation, type CryoItem, type CryoScenario } from '../src/streams/cryo/index.js';
import { DEFAULT_PROTOCOL } from '../src/models/cryo/procedure.js';
import { environment } from './kit/environment.js';
import { canvasesOf, timePanel } from './kit/frame-timer.js';
import { describe, figures, frameStats, median, round } from './kit/stats.js';
import { dataEpoch } from '../test/kit/clock.js';

const T0 = dataEpoch();
const FILL_MS = 20 * 60_000;
const FRAMES = 600;
const STEP_MS = 100;

const ring = Array.from({ length: 8 }, (_, i) => [14 * Math.cos((i * Math.PI) / 4), 14 * Math.sin((i * Math.PI) / 4)]);
const scenario: CryoScenario = {
  id: 'iliac',
  title: { en: 'bench: 8 probes, 4 sensors', fr: 'bench' },
  procedure: {
    probes: ring.map(([x, y], i) => ({ id: `p${i + 1}`, label: `P${i + 1}`, channel: `probe.${i + 1}`, xMm: x, yMm: y })),
    sensors: [0, 1, 2, 3].map((s) => ({
      id: `s${s + 1}`,
      label: `TC${s + 1}`,
      nearNerve: s === 0,
      designated: s === 1,
      points: [0, 1, 2].map((k) => ({ channel: `sensor.${s + 1}.${k + 1}`, xMm: [38, 0, -30, 10][s] + k * 4, yMm: [0, 30, -10, -34][s] })),
    })),
    tumours: [{ xMm: 0, yMm: 0, semiMajorMm: 24, semiMinorMm: 18, angleDeg: 15 }],
    structures: [
      { kind: 'nerve', label: 'nerve', points: [{ xMm: 48, yMm: -60 }, { xMm: 46, yMm: 60 }] },
      { kind: 'skin', label: 'skin', points: [{ xMm: -60, yMm: -55 }, { xMm: 60, yMm: -52 }] },
    ],
    protocol: DEFAULT_PROTOCOL,
    field: { x: [-60, 60], y: [-60, 60] },
  },
};

const sim = new CryoSimulation(scenario, T0, {}, STEP_MS);
/** Spikes (one sample in 500 on each sensor) and a 2 s gap on one sensor a minute: what real thermocouples send. */
function roughen(items: CryoItem[], fromMs: number): CryoItem[] {
  return items.flatMap((x) => {
    if ('type' in x || !x.channel.startsWith('sensor.')) return [x];
    const v = x.v.slice();
    for (let i = 0; i < v.length; i++) if ((x.t[i] / STEP_MS) % 500 === 7) v[i] += 25;
    const inGap = (t: number) => x.channel === 'sensor.3.2' && (t - T0 - fromMs) % 60_000 < 2000;
    const keep = Array.from(x.t, (t) => !inGap(t));
    return keep.some(Boolean) ? [{ ...x, t: x.t.filter((_, i) => keep[i]), v: v.filter((_, i) => keep[i]) }] : [];
  });
}

const stage = document.querySelector<HTMLElement>('#stage')!;
const source = new Subject<RoomInput>();
const el = document.createElement('ir-iceball-curve');
el.procedure = scenario.procedure;
el.channels = sim.channels();
el.source = source;
stage.append(el);
await el.updateComplete;
await new Promise((r) => requestAnimationFrame(r));

for (let ms = 0; ms < FILL_MS; ms += 1000) for (const x of roughen(sim.between(ms, ms + 1000), ms)) source.next(x);
const frames = Array.from({ length: FRAMES }, (_, f) => roughen(sim.between(FILL_MS + f * STEP_MS, FILL_MS + (f + 1) * STEP_MS), FILL_MS + f * STEP_MS));
el.requestUpdate();
await el.updateComplete;
flushFrames();

const times = await timePanel({ warmUp: 30, frames: FRAMES - 30 }, el, (f) => {
  for (const x of frames[f]) source.next(x);
});
console.log(describe('ir-iceball-curve 8 probes + 12 sensor points at 10 Hz', times.ms));
window.benchResult = {
  ...(await environment()),
  rasterIncluded: true,
  canvases: canvasesOf(el).length,
  channels: sim.channels().length,
  sampleRateHz: 1000 / STEP_MS,
  timedFrames: times.ms.length,
  ...figures('', frameStats(times.ms), '_8probes_4sensors'),
  readBackMedianMs_8probes_4sensors: round(median(times.readBackMs)),
};
