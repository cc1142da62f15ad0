// ir-pulse-trace fed binary waveform frames through its public API (.source), on the main
// thread: decode (decodeBinaryFrame), carry (the panel's room: frame checks, stores), draw
// (flushFrames), and one pixel read back from every canvas inside each timed frame so the
// raster counts. Plain uPlot, given the visible window each frame, runs in the same page.
import uPlot from 'uplot';
import { Subject } from 'rxjs';
import '../src/components/pulse-trace.js';
import type { IrPulseTrace } from '../src/components/pulse-trace/pulse-trace.js';
import { flushFrames } from '../src/components/kit/frame-scheduler.js';
import { decodeBinaryFrame, encodeBinaryFrame } from '../src/models/wire.js';
import { EP, EP_EVENT, encodePulseRecord, pairsLayout, waveformChannel, type PulseProtocol } from '../src/models/index.js';
import type { RoomInput } from '../src/streams/room/room.js';
import { environment } from './kit/environment.js';
import { quantile, round } from './kit/stats.js';
import { dataEpoch } from '../test/kit/clock.js';

const T0 = dataEpoch();
const RATE = 1e6;
/** A gateway's chunk of a continuous 1 MS/s stream: 1 ms, 1000 samples per channel. */
const CHUNK = 1000;
const layout = pairsLayout([{ id: 'A', x: 0, y: 0 }, { id: 'B', x: 15, y: 0 }]);
const protocol: PulseProtocol = { modality: 'IRE', pulsesPerPair: 70, pulseWidthUs: 70, repetition: 'ecg', fieldVPerCm: 1500, maxVoltageV: 3000, currentLimitA: 50 };
const stage = document.querySelector<HTMLElement>('#stage')!;
const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

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

/** One pixel from every canvas of the panel (its chart, its train, the ECG strip's), so the raster is in the timing. */
function readPixels(el: IrPulseTrace): number {
  let sum = 0;
  const canvases = [...el.shadowRoot!.querySelectorAll('canvas'), ...(el.shadowRoot!.querySelector('ir-trend')?.shadowRoot?.querySelectorAll('canvas') ?? [])];
  for (const c of canvases) sum += c.getContext('2d')!.getImageData(c.width >> 1, c.height >> 1, 1, 1).data[0];
  return sum;
}

const decodeAndPush = (source: Subject<RoomInput>, bufs: readonly ArrayBuffer[]) => {
  for (const b of bufs) {
    const f = decodeBinaryFrame(b);
    if (f.ok && f.value.kind === 'waveform') source.next(f.value);
  }
};

/** Ingest: many frames per step, as fast as the main thread goes. */
async function ingest(): Promise<{ mSamplesPerS: number; decodeOnlyMSamplesPerS: number }> {
  const { el, source } = await panel();
  const perStep = 200;
  const steps = 25;
  let ms = 0;
  let decodeMs = 0;
  let samples = 0;
  for (let s = 0; s < steps; s++) {
    // Frames arrive as the network delivers them: made before the frame, not held for the whole run.
    const bufs = Array.from({ length: perStep }, (_, k) => chunkFrames(s * perStep + k)).flat();
    samples += bufs.length * CHUNK;
    await nextFrame();
    const start = performance.now();
    decodeAndPush(source, bufs);
    flushFrames();
    readPixels(el);
    ms += performance.now() - start;
    await nextFrame();
    const d = performance.now();
    for (const b of bufs) decodeBinaryFrame(b);
    decodeMs += performance.now() - d;
  }
  el.remove();
  return { mSamplesPerS: samples / ms / 1000, decodeOnlyMSamplesPerS: samples / decodeMs / 1000 };
}

/** A continuous 1 MS/s stream displayed: each animation frame decodes, carries and draws 1/60 s of it. */
async function continuous(frames: number): Promise<number[]> {
  const { el, source } = await panel();
  const ms: number[] = [];
  for (let f = 0; f < frames; f++) {
    const bufs = frameChunks(f);
    await nextFrame();
    const start = performance.now();
    decodeAndPush(source, bufs);
    flushFrames();
    readPixels(el);
    ms.push(performance.now() - start);
  }
  el.remove();
  return ms;
}

/** One 10 MS/s, 200 µs pulse record (2000 samples of V and of I, and its record) drawn. */
async function pulseDraw(pulses: number): Promise<number[]> {
  const { el, source } = await panel();
  const ms: number[] = [];
  for (let p = 0; p < pulses; p++) {
    const t = T0 + 10_000 + p * 820;
    const bufs = (['V', 'I'] as const).map((q) =>
      encodeBinaryFrame({ kind: 'waveform', channel: waveformChannel(q, 'A-B'), seq: p, t0: t - 0.01, sampleRateHz: 1e7, data: new Float32Array(2000).map((_, j) => signal(q, Math.floor(j / 10) + 190)) }),
    );
    const record = encodePulseRecord({ pair: 'A-B', index: p + 1, t, setV: 2250, peakV: 2260, meanI: 36 + p / 10, delivered: true });
    await nextFrame();
    const start = performance.now();
    source.next({ type: 'event', channel: EP.current, t, kind: EP_EVENT.pulse, text: record });
    decodeAndPush(source, bufs);
    flushFrames();
    readPixels(el);
    ms.push(performance.now() - start);
  }
  el.remove();
  return ms;
}

/** Plain uPlot given the visible window (the latest 4 chunks of V and of I, overlaid) each frame, decoding the same frames. */
async function plainUplot(frames: number): Promise<number[]> {
  const host = document.createElement('div');
  stage.append(host);
  const x = Float64Array.from({ length: CHUNK }, (_, i) => i);
  const series = [{}, ...Array.from({ length: 8 }, (_, k) => ({ scale: k < 4 ? 'V' : 'A', stroke: k < 4 ? '#4fc3f7' : '#ffb74d', points: { show: false } }))];
  const u = new uPlot({ width: 1000, height: 220, legend: { show: false }, scales: { x: { time: false } }, series }, [x, ...Array.from({ length: 8 }, () => new Float32Array(CHUNK))] as unknown as uPlot.AlignedData, host);
  const latest: { V: Float32Array[]; I: Float32Array[] } = { V: [], I: [] };
  const ms: number[] = [];
  for (let f = 0; f < frames; f++) {
    const bufs = frameChunks(f);
    await nextFrame();
    const start = performance.now();
    for (const b of bufs) {
      const d = decodeBinaryFrame(b);
      if (!d.ok) continue;
      const list = d.value.channel.startsWith('ep.V') ? latest.V : latest.I;
      list.push(d.value.data);
      if (list.length > 4) list.shift();
    }
    u.setData([x, ...latest.V, ...latest.I] as unknown as uPlot.AlignedData);
    await null; // uPlot commits its redraw in a microtask
    const c = host.querySelector('canvas')!;
    c.getContext('2d')!.getImageData(c.width >> 1, c.height >> 1, 1, 1);
    ms.push(performance.now() - start);
  }
  u.destroy();
  host.remove();
  return ms;
}

const p95 = (xs: number[]) => round(quantile(xs, 0.95));
const ing = await ingest();
console.log(`ingest ${round(ing.mSamplesPerS, 1)} MS/s (decode alone ${round(ing.decodeOnlyMSamplesPerS, 1)} MS/s)`);
const cont = await continuous(300);
console.log(`1 MS/s continuous: median ${round(quantile(cont, 0.5))} ms, p95 ${p95(cont)} ms`);
const pulse = await pulseDraw(100);
console.log(`10 MS/s pulse draw: p95 ${p95(pulse)} ms`);
const up = await plainUplot(300);
console.log(`plain uPlot 1 MS/s: median ${round(quantile(up, 0.5))} ms, p95 ${p95(up)} ms`);

window.benchResult = {
  ...(await environment()),
  rasterIncluded: true,
  ingestMSamplesPerS: round(ing.mSamplesPerS, 1),
  decodeOnlyMSamplesPerS: round(ing.decodeOnlyMSamplesPerS, 1),
  p95FrameMs_1MSps: p95(cont),
  medianFrameMs_1MSps: round(quantile(cont, 0.5)),
  p95PulseDrawMs: p95(pulse),
  uplotPlainP95FrameMs_1MSps: p95(up),
  uplotPlainMedianFrameMs_1MSps: round(quantile(up, 0.5)),
};
