// ir-pulse-trace fed binary waveform frames through its public API (.source), on the main
// thread, timed by the bench kit: each timed frame decodes (decodeBinaryFrame), carries
// (the panel's room: frame checks, stores), draws (flushFrames), runs the Lit update it
// caused (the per-pair table, the electrode map, the ECG strip's markers) and reads one
// pixel back from every canvas, all inside the timing. Frames are encoded before timing.
// Plain uPlot, given the visible window each frame, runs in the same page on the same
// frames. Ingest (decode and carry as fast as the main thread goes) is reported apart,
// without drawing: a panel draws once an animation frame whatever arrives, and that draw
// is in the frame figures.
import uPlot from 'uplot';
import { Subject } from 'rxjs';
import '../src/components/pulse-trace.js';
import type { IrPulseTrace } from '../src/components/pulse-trace/pulse-trace.js';
import { decodeBinaryFrame, encodeBinaryFrame } from '../src/models/wire.js';
import { EP, EP_EVENT, encodePulseRecord, pairsLayout, waveformChannel, type PulseProtocol } from '../src/models/index.js';
import type { RoomInput } from '../src/streams/room/room.js';
import { environment } from './kit/environment.js';
import { canvasesOf, timeFrames, timePanel, timeSteps, type TimedRun } from './kit/frame-timer.js';
import { describe, figures, frameStats, round, speedups } from './kit/stats.js';
import { dataEpoch } from '../test/kit/clock.js';

const T0 = dataEpoch();
const RATE = 1e6;
/** A gateway's chunk of a continuous 1 MS/s stream: 1 ms, 1000 samples per channel. */
const CHUNK = 1000;
const layout = pairsLayout([{ id: 'A', x: 0, y: 0 }, { id: 'B', x: 15, y: 0 }]);
const protocol: PulseProtocol = { modality: 'IRE', pulsesPerPair: 70, pulseWidthUs: 70, repetition: 'ecg', fieldVPerCm: 1500, maxVoltageV: 3000, currentLimitA: 50 };
const stage = document.querySelector<HTMLElement>('#stage')!;
const nextFrame = () => new Promise((r) => requestAnimationFrame(r));
const RUN: TimedRun = { warmUp: 30, frames: 300 };

/** Realistic signal: 70 µs pulses every 200 µs with ~1 µs edges, droop and noise, rare spikes; a gap now and then (NaN). */
function signal(quantity: 'V' | 'I', i: number): number {
  const us = i % 200;
  const on = us < 70 ? (1 - Math.exp(-us / 0.8)) * Math.exp(-0.0006 * us) : us < 75 ? Math.exp(-(us - 70) / 0.8) : 0;
  const noise = Math.sin(i * 12.9898) * 43758.5453;
  const n = noise - Math.floor(noise) - 0.5;
  const spike = i % 99_991 === 0 ? 1.5 : 0;
  const v = quantity === 'V' ? 2250 * on + 8 * n + 2250 * spike : 36 * on + 0.4 * n + 36 * spike;
  return i % 250_007 < 5 ? NaN : v;
}

function chunkFrames(k: number): ArrayBuffer[] {
  return (['V', 'I'] as const).map((q) => {
    const data = new Float32Array(CHUNK).map((_, j) => signal(q, k * CHUNK + j));
    return encodeBinaryFrame({ kind: 'waveform', channel: waveformChannel(q, 'A-B'), seq: k, t0: T0 + k, sampleRateHz: RATE, data });
  });
}

/** The chunks of animation frame f of a continuous stream: 1/60 s of V and of I. */
const PER_FRAME = Math.round(1000 / 60);
const frameChunks = (f: number) => Array.from({ length: PER_FRAME }, (_, j) => chunkFrames(f * PER_FRAME + j)).flat();
/** Every frame of a run, encoded before timing (about 45 MB). */
const stream = Array.from({ length: RUN.warmUp + RUN.frames }, (_, f) => frameChunks(f));

async function panel(): Promise<{ el: IrPulseTrace; source: Subject<RoomInput> }> {
  const source = new Subject<RoomInput>();
  const el = document.createElement('ir-pulse-trace');
  el.layout = layout;
  el.protocol = protocol;
  el.source = source;
  stage.append(el);
  await el.updateComplete;
  await nextFrame();
  return { el, source };
}

const decodeAndPush = (source: Subject<RoomInput>, bufs: readonly ArrayBuffer[]) => {
  for (const b of bufs) {
    const f = decodeBinaryFrame(b);
    if (f.ok && f.value.kind === 'waveform') source.next(f.value);
  }
};

/** Ingest without drawing: the run's frames decoded and carried into the panel's room, back to back. */
async function ingest(): Promise<{ mSamplesPerS: number; decodeOnlyMSamplesPerS: number }> {
  const { el, source } = await panel();
  const samples = stream[0].length * CHUNK;
  const carry = frameStats(await timeSteps(RUN, (f) => decodeAndPush(source, stream[f])));
  const decode = frameStats(await timeSteps(RUN, (f) => stream[f].forEach((b) => decodeBinaryFrame(b))));
  el.remove();
  return { mSamplesPerS: samples / carry.median / 1000, decodeOnlyMSamplesPerS: samples / decode.median / 1000 };
}

/** A continuous 1 MS/s stream displayed: each animation frame decodes, carries and draws 1/60 s of it. */
async function continuous(): Promise<number[]> {
  const { el, source } = await panel();
  const times = await timePanel(RUN, el, (f) => decodeAndPush(source, stream[f]));
  el.remove();
  return times.ms;
}

/** One 10 MS/s, 200 µs pulse record (2000 samples of V and of I, and its record) drawn, with the table and map it updates. */
async function pulseDraw(pulses: number): Promise<number[]> {
  const { el, source } = await panel();
  const made = Array.from({ length: pulses }, (_, p) => {
    const t = T0 + 10_000 + p * 820;
    const bufs = (['V', 'I'] as const).map((q) =>
      encodeBinaryFrame({ kind: 'waveform', channel: waveformChannel(q, 'A-B'), seq: p, t0: t - 0.01, sampleRateHz: 1e7, data: new Float32Array(2000).map((_, j) => signal(q, Math.floor(j / 10) + 190)) }),
    );
    const record = encodePulseRecord({ pair: 'A-B', index: p + 1, t, setV: 2250, peakV: 2260, meanI: 36 + p / 10, delivered: true });
    return { t, bufs, record };
  });
  const times = await timePanel({ warmUp: 5, frames: pulses - 5 }, el, (p) => {
    const { t, bufs, record } = made[p];
    source.next({ type: 'event', channel: EP.current, t, kind: EP_EVENT.pulse, text: record });
    decodeAndPush(source, bufs);
  });
  el.remove();
  return times.ms;
}

/** Plain uPlot given the visible window (the latest 4 chunks of V and of I, overlaid) each frame, decoding the same frames. */
async function plainUplot(): Promise<number[]> {
  const host = document.createElement('div');
  stage.append(host);
  const x = Float64Array.from({ length: CHUNK }, (_, i) => i);
  const series = [{}, ...Array.from({ length: 8 }, (_, k) => ({ scale: k < 4 ? 'V' : 'A', stroke: k < 4 ? '#4fc3f7' : '#ffb74d', points: { show: false } }))];
  const u = new uPlot({ width: 1000, height: 220, legend: { show: false }, scales: { x: { time: false } }, series }, [x, ...Array.from({ length: 8 }, () => new Float32Array(CHUNK))] as unknown as uPlot.AlignedData, host);
  const latest: { V: Float32Array[]; I: Float32Array[] } = { V: [], I: [] };
  const times = await timeFrames(
    RUN,
    (f) => {
      for (const b of stream[f]) {
        const d = decodeBinaryFrame(b);
        if (!d.ok) continue;
        const list = d.value.channel.startsWith('ep.V') ? latest.V : latest.I;
        list.push(d.value.data);
        if (list.length > 4) list.shift();
      }
      // In a batch, uPlot commits its redraw now rather than in a microtask.
      u.batch(() => u.setData([x, ...latest.V, ...latest.I] as unknown as uPlot.AlignedData));
    },
    canvasesOf(host),
  );
  u.destroy();
  host.remove();
  return times.ms;
}

const ing = await ingest();
console.log(`ingest without drawing ${round(ing.mSamplesPerS, 1)} MS/s (decode alone ${round(ing.decodeOnlyMSamplesPerS, 1)} MS/s)`);
const cont = frameStats(await continuous());
console.log(`1 MS/s continuous: median ${round(cont.median)} ms, p95 ${round(cont.p95)} ms`);
const pulseMs = await pulseDraw(105);
console.log(describe('10 MS/s pulse draw', pulseMs));
const up = frameStats(await plainUplot());
console.log(`plain uPlot 1 MS/s: median ${round(up.median)} ms, p95 ${round(up.p95)} ms`);

window.benchResult = {
  ...(await environment()),
  rasterIncluded: true,
  litUpdateIncluded: true,
  timedFrames: RUN.frames,
  ingestNoDrawMSamplesPerS: round(ing.mSamplesPerS, 1),
  decodeOnlyMSamplesPerS: round(ing.decodeOnlyMSamplesPerS, 1),
  ...figures('', cont, '_1MSps'),
  ...figures('pulseDraw', frameStats(pulseMs), ''),
  ...figures('uplotPlain', up, '_1MSps'),
  ...speedups('UplotPlain', cont, up, '_1MSps'),
};
