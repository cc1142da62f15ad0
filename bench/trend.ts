// ir-trend against its peers side by side in one run: 16 channels at 1 kHz through a
// 10-minute window, 17 new samples a channel each frame, realistic signals (slow waves,
// noise, spikes, gaps), raster included in every timed frame. Every contestant reports
// median and p95 per frame from the kit's frameStats; speed-ups are p95 against p95
// (and median against median). ir-trend skips a frame whose samples change no pixel
// column: its drawn and skipped frames are counted apart (its framesDrawn counter) and
// its headline is the p95 of the drawn ones, against peers that draw every frame.
import '../src/components/trend.js';
import { flushFrames } from '../src/components/kit/frame-scheduler.js';
import { environment } from './kit/environment.js';
import { feed, frameBatches, telemetryPage } from './kit/feed.js';
import { canvasesOf, timePanel, type FrameTimes, type TimedRun } from './kit/frame-timer.js';
import { Signals } from './kit/signals.js';
import { describe, figures, frameStats, heapMB, median, round, speedups } from './kit/stats.js';
import { chartjs } from './peers/chartjs.js';
import { record, type Peer, type PlotSize, type Recording } from './peers/recording.js';
import { decimatedUplot, incrementalUplot, plainUplot } from './peers/uplot.js';
import { dataEpoch } from '../test/kit/clock.js';

const CHANNELS = 16;
const RATE_HZ = 1000;
const WINDOW_S = 600;
const WINDOW = RATE_HZ * WINDOW_S;
/** A window whose columns (~67 ms) move every few frames: the cost of frames that redraw the axes. */
const SHORT_WINDOW_S = 60;
const PER_FRAME = 17;
const RUN: TimedRun = { warmUp: 30, frames: 300 };
/** Peers at 100 ms a frame and more: fewer frames keep the run within minutes, and their median and p95 are steady by then. */
const SLOW_RUN: TimedRun = { warmUp: 5, frames: 100 };
/** Raw size of a full window: Float64 time and Float32 value per sample. */
const RAW_MB = (CHANNELS * WINDOW * (8 + 4)) / 2 ** 20;
/** Suffix of the result keys: the figures are for 16 channels. */
const S = '_16ch';

const log = (what: string, t: FrameTimes) => console.log(`${describe(`${what} 16ch`, t.ms)}; read-back median ${round(median(t.readBackMs))} ms`);
const stage = document.querySelector<HTMLElement>('#stage')!;
const signals = new Signals({ channels: CHANNELS, rateHz: RATE_HZ, t0: dataEpoch() });

function trend(windowS: number): HTMLElement {
  const el = document.createElement('ir-trend');
  el.channel = signals.descriptors().map((c) => c.id).join(' ');
  el.window = windowS;
  return el;
}

/** A page with `panels` trends on the 16 channels, the 10-minute window filled through the source. */
async function filledPage(panels: number, windowS = WINDOW_S) {
  const page = await telemetryPage(stage, signals.descriptors(), Array.from({ length: panels }, () => trend(windowS)));
  feed(page.source, signals, 0, WINDOW);
  flushFrames();
  return page;
}

/**
 * ir-trend's frames over a window of `windowS`; also the size of its chart, which the peers take.
 * Most frames add samples to the columns already drawn and write only those; a frame whose
 * window moves by a column redraws axes and all: a shorter window moves more often.
 */
async function trendFrames(windowS = WINDOW_S): Promise<{ times: FrameTimes; size: PlotSize }> {
  const page = await filledPage(1, windowS);
  const panel = page.telemetry.querySelector('ir-trend')!;
  const canvas = canvasesOf(panel).find((c) => !c.closest('.u-over'))!;
  const size = { width: canvas.clientWidth, height: canvas.clientHeight };
  const frames = frameBatches(signals, WINDOW, RUN.warmUp + RUN.frames, PER_FRAME);
  const times = await timePanel(RUN, panel, (f) => {
    for (const b of frames[f]) page.source.next(b);
  });
  page.remove();
  return { times, size };
}

/** Heap of `ir-telemetry` with two trends on the same channels, window full, per MB of raw samples. */
async function heapPerRaw(): Promise<{ heap: number; ratio: number }> {
  const before = await heapMB();
  const page = await filledPage(2);
  const heap = (await heapMB()) - before;
  page.remove();
  return { heap, ratio: heap / RAW_MB };
}

/** A peer in its own host on the stage, given the run's recording. */
async function peer(time: Peer, run: TimedRun, rec: Recording, size: PlotSize): Promise<FrameTimes> {
  const host = document.createElement('div');
  stage.append(host);
  try {
    return await time(run, rec, host, size);
  } finally {
    host.remove();
  }
}

const env = await environment();
const memory = await heapPerRaw();
console.log(`heap: ${round(memory.heap, 1)} MB for ${round(RAW_MB, 1)} MB of raw samples (x${round(memory.ratio, 2)})`);
const ir = await trendFrames();
log('ir-trend, all frames', ir.times);
const drawnMs = ir.times.ms.filter((_, f) => ir.times.drawn[f]);
const drawnFrames = drawnMs.length;
console.log(`ir-trend drew ${drawnFrames} of ${ir.times.ms.length} frames; ${describe('drawn frames', drawnMs)}`);
if (!drawnFrames) throw new Error('ir-trend drew no timed frame: nothing to compare');
const short = await trendFrames(SHORT_WINDOW_S);
const shortDrawn = frameStats(short.times.ms.filter((_, f) => short.times.drawn[f]));
console.log(`ir-trend, ${SHORT_WINDOW_S} s window (a new column every ~4 frames): ${describe('drawn frames', short.times.ms.filter((_, f) => short.times.drawn[f]))}`);
const rec = record(signals, WINDOW, PER_FRAME, Math.max(RUN.warmUp + RUN.frames, SLOW_RUN.warmUp + SLOW_RUN.frames));
const incremental = await peer(incrementalUplot, RUN, rec, ir.size);
log('uPlot, incremental min/max per column', incremental);
const decimated = await peer(decimatedUplot, RUN, rec, ir.size);
log('uPlot, min/max per column rescanned', decimated);
const plain = await peer(plainUplot, SLOW_RUN, rec, ir.size);
log('uPlot, whole window', plain);
const cj = await peer(chartjs, SLOW_RUN, rec, ir.size);
log('Chart.js, min-max decimation, moving scale', cj);

const ours = frameStats(drawnMs);
const peers = { UplotIncremental: incremental, UplotDecimated: decimated, UplotPlain: plain, Chartjs: cj };
const peerFigures = Object.entries(peers).flatMap(([name, t]) => {
  const key = name[0].toLowerCase() + name.slice(1);
  return Object.entries({ ...figures(key, frameStats(t.ms), S), [`${key}ReadBackMedianMs${S}`]: round(median(t.readBackMs)), ...speedups(name, ours, frameStats(t.ms), S) });
});
for (const [name, t] of Object.entries(peers)) {
  const theirs = frameStats(t.ms);
  console.log(`ir-trend drawn frames vs ${name}: x${round(theirs.p95 / ours.p95, 1)} p95 against p95, x${round(theirs.median / ours.median, 1)} median against median`);
}

window.benchResult = {
  ...env,
  rasterIncluded: true,
  signals: 'slow waves, 5% noise, spikes, gaps; seeded',
  timedFrames: RUN.frames,
  timedFramesSlowPeers: SLOW_RUN.frames,
  plotCssPx: `${ir.size.width}x${ir.size.height}`,
  drawnFrames,
  skippedFrames: ir.times.ms.length - drawnFrames,
  ...figures('', frameStats(ir.times.ms), S),
  p95DrawnFrameMs_16ch: round(ours.p95),
  medianDrawnFrameMs_16ch: round(ours.median),
  p95DrawnFrameMs_16ch_60sWindow: round(shortDrawn.p95),
  medianDrawnFrameMs_16ch_60sWindow: round(shortDrawn.median),
  readBackMedianMs_16ch: round(median(ir.times.readBackMs)),
  ...Object.fromEntries(peerFigures),
  heapMB_16ch_2panels: round(memory.heap, 1),
  rawSamplesMB_16ch: round(RAW_MB, 1),
  heapMBPerRawMB_16ch_2panels: round(memory.ratio, 3),
};
