// Streams N channels at 1 kHz through a 10-minute window and measures the main-thread
// cost of each frame (ingest + draw) for ir-trend, plain uPlot given the whole window on
// each setData, and Chart.js with its min/max decimation plugin.
import uPlot from 'uplot';
import { Chart, LineController, LineElement, LinearScale, PointElement, Decimation } from 'chart.js';
import '../src/components/trend.js';
import type { IrTrend } from '../src/components/trend/trend.js';
import type { ChannelDescriptor } from '../src/models/channel.js';
import { heapMB, quantile, round } from './stats.js';

const RATE_HZ = 1000;
const WINDOW_S = 600;
const PER_FRAME = Math.round(RATE_HZ / 60);
const N = RATE_HZ * WINDOW_S;
const T0 = Date.UTC(2026, 0, 1);
const stage = document.querySelector<HTMLElement>('#stage')!;
const wave = (ch: number, i: number) => Math.sin(i / (200 + ch * 37)) * 20 + (i % 9973 === 0 ? 60 : 0);
const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

async function timeFrames(frames: number, step: (frame: number) => void): Promise<number[]> {
  const ms: number[] = [];
  for (let f = 0; f < frames; f++) {
    await nextFrame();
    const start = performance.now();
    step(f);
    await null; // after uPlot's and Chart.js's own microtask-committed redraws
    ms.push(performance.now() - start);
  }
  return ms;
}

async function irTrend(channels: number, frames: number) {
  const before = heapMB();
  const el = document.createElement('ir-trend') as IrTrend;
  el.window = WINDOW_S;
  el.channels = Array.from({ length: channels }, (_, c): ChannelDescriptor => ({ id: `c${c}`, label: `Ch ${c}`, unit: 'Cel', intervalMs: 1, range: [-1e3, 1e3] }));
  stage.append(el);
  await el.updateComplete;
  const sink = el as unknown as { ingest(b: unknown): void; draw(): void };
  // Fill the window, a second at a time, as a live stream would have.
  for (let s = 0; s < WINDOW_S; s++)
    for (let c = 0; c < channels; c++) {
      const t = new Float64Array(RATE_HZ).map((_, k) => T0 + s * 1000 + k);
      const v = new Float32Array(RATE_HZ).map((_, k) => wave(c, s * RATE_HZ + k));
      sink.ingest({ channel: `c${c}`, t, v });
    }
  const batches = Array.from({ length: frames }, (_, f) =>
    Array.from({ length: channels }, (_, c) => {
      const i0 = N + f * PER_FRAME;
      return { channel: `c${c}`, t: new Float64Array(PER_FRAME).map((_, k) => T0 + i0 + k), v: new Float32Array(PER_FRAME).map((_, k) => wave(c, i0 + k)) };
    }),
  );
  const ms = await timeFrames(frames, (f) => {
    for (const b of batches[f]) sink.ingest(b);
    sink.draw();
  });
  const heap = heapMB() - before;
  el.remove();
  return { ms, heap };
}

async function plainUplot(channels: number, frames: number) {
  const total = N + frames * PER_FRAME;
  const x = new Float64Array(total).map((_, i) => (T0 + i) / 1000);
  const ys = Array.from({ length: channels }, (_, c) => new Float32Array(total).map((_, i) => wave(c, i)));
  const window = (f: number) => [x.subarray(f * PER_FRAME, N + f * PER_FRAME), ...ys.map((y) => y.subarray(f * PER_FRAME, N + f * PER_FRAME))];
  const host = document.createElement('div');
  stage.append(host);
  const u = new uPlot(
    { width: 1000, height: 300, legend: { show: false }, series: [{}, ...ys.map(() => ({ stroke: '#4fc3f7', points: { show: false } }))] },
    window(0) as unknown as uPlot.AlignedData,
    host,
  );
  const ms = await timeFrames(frames, (f) => u.setData(window(f + 1) as unknown as uPlot.AlignedData));
  u.destroy();
  host.remove();
  return ms;
}

async function chartjs(channels: number, frames: number) {
  Chart.register(LineController, LineElement, LinearScale, PointElement, Decimation);
  const canvas = document.createElement('canvas');
  canvas.width = 1000;
  canvas.height = 300;
  stage.append(canvas);
  const datasets = Array.from({ length: channels }, (_, c) => ({
    data: Array.from({ length: N }, (_, i) => ({ x: T0 + i, y: wave(c, i) })),
    borderColor: '#4fc3f7',
    borderWidth: 1,
    pointRadius: 0,
  }));
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: false,
      scales: { x: { type: 'linear' } },
      plugins: { decimation: { enabled: true, algorithm: 'min-max' } },
    },
  });
  const ms = await timeFrames(frames, (f) => {
    datasets.forEach((d, c) => {
      for (let k = 0; k < PER_FRAME; k++) {
        const i = N + f * PER_FRAME + k;
        d.data.push({ x: T0 + i, y: wave(c, i) });
      }
      d.data.splice(0, PER_FRAME);
    });
    chart.update('none');
  });
  chart.destroy();
  canvas.remove();
  return ms;
}

/**
 * ir-trend as it was before it drew its own paths from 2 points a column (commit 1cd02d3,
 * median of 5 runs on the reference machine), kept beside each new run for comparison.
 */
const BEFORE = { p95FrameMs_8ch: 2.3, p95FrameMs_16ch: 6, medianFrameMs_16ch: 3.4 };

const median = (xs: number[]) => quantile(xs, 0.5);
const log = (what: string, ms: number[]) => console.log(`${what}: median ${round(median(ms))} ms, p95 ${round(quantile(ms, 0.95))} ms over ${ms.length} frames`);

const ir8 = await irTrend(8, 300);
log('ir-trend 8ch', ir8.ms);
const ir16 = await irTrend(16, 300);
log('ir-trend 16ch', ir16.ms);
const up16 = await plainUplot(16, 30);
log('plain uPlot 16ch', up16);
const cj16 = await chartjs(16, 10);
log('Chart.js decimation 16ch', cj16);
const rawMB = (16 * N * (8 + 4)) / 2 ** 20;

window.benchResult = {
  p95FrameMs_8ch: round(quantile(ir8.ms, 0.95)),
  p95FrameMs_16ch: round(quantile(ir16.ms, 0.95)),
  medianFrameMs_16ch: round(median(ir16.ms)),
  uplotPlainMedianFrameMs_16ch: round(median(up16)),
  chartjsMedianFrameMs_16ch: round(median(cj16)),
  speedupVsUplot_16ch: round(median(up16) / median(ir16.ms), 1),
  speedupVsChartjs_16ch: round(median(cj16) / median(ir16.ms), 1),
  heapMB_16ch: round(ir16.heap, 1),
  rawSamplesMB_16ch: round(rawMB, 1),
  memoryOverRaw_16ch: round(ir16.heap / rawMB, 2),
  ...Object.fromEntries(Object.entries(BEFORE).map(([k, v]) => [`before_${k}`, v])),
};
