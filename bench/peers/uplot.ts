import uPlot from 'uplot';
import { ColumnAggregator, SLOTS, type Column } from '../../src/models/column-aggregator.js';
import { canvasesOf, timeFrames, type FrameTimes, type TimedRun } from '../kit/frame-timer.js';
import { MinMaxColumns } from './min-max.js';
import { PALETTE, windowStart, type PlotSize, type Recording } from './recording.js';

/** A line series as uPlot draws fastest: no points, lines on whole pixels, one stroked path (uPlot's linear builder). */
const fastSeries = (c: number): uPlot.Series => ({ stroke: PALETTE[c % PALETTE.length], points: { show: false }, pxAlign: 1 });

/**
 * uPlot as an engineer sets it up from its docs: default series (1 CSS px line,
 * linear paths, which decimate to min/max per pixel themselves from 4 points a
 * pixel), auto-ranged scales, time x axis; the legend off, as the panel's
 * read-outs are not timed either. Gaps in the whole-window arrays are NaN (a
 * typed array holds no null), which uPlot skips, drawing across; the decimated
 * columns carry null, a break. Each frame commits synchronously in `batch`.
 */
async function timeUplot(run: TimedRun, host: HTMLElement, size: PlotSize, series: number, data: (frame: number) => uPlot.AlignedData): Promise<FrameTimes> {
  const u = new uPlot(
    { ...size, legend: { show: false }, series: [{}, ...Array.from({ length: series }, (_, c) => ({ stroke: PALETTE[c % PALETTE.length] }))] },
    data(-1),
    host,
  );
  try {
    return await timeFrames(run, (f) => u.batch(() => u.setData(data(f))), canvasesOf(host));
  } finally {
    u.destroy();
  }
}

/** uPlot given the whole window each frame (zero-copy views over the recording: its cheapest feed). */
export function plainUplot(run: TimedRun, rec: Recording, host: HTMLElement, size: PlotSize): Promise<FrameTimes> {
  const x = rec.t.map((t) => t / 1000);
  return timeUplot(run, host, size, rec.ys.length, (f) => {
    const i = windowStart(rec, f);
    return [x.subarray(i, i + rec.window), ...rec.ys.map((y) => y.subarray(i, i + rec.window))] as unknown as uPlot.AlignedData;
  });
}

/** uPlot given min/max per pixel column of the window, recomputed from every sample each frame. */
export function decimatedUplot(run: TimedRun, rec: Recording, host: HTMLElement, size: PlotSize): Promise<FrameTimes> {
  // One column per CSS pixel of the whole chart: a little more than the plot box, never fewer.
  const columns = new MinMaxColumns(rec, size.width);
  const data = [columns.x, ...columns.ys] as unknown as uPlot.AlignedData;
  return timeUplot(run, host, size, rec.ys.length, (f) => {
    columns.compute(windowStart(rec, f));
    return data;
  });
}

/**
 * uPlot fed as a competent engineer would feed it: min and max per pixel column
 * kept incrementally as samples arrive (this library's exported
 * `ColumnAggregator`: O(1) a sample, only changed columns rewritten), scales set
 * from the aggregates (uPlot scans nothing), and uPlot's fastest series
 * settings. One column per CSS pixel of the plot box, gaps longer than three
 * sample intervals break the line. It redraws every frame, as uPlot does on
 * `setData`; a frame it could skip would cost it the same when drawn.
 */
export async function incrementalUplot(run: TimedRun, rec: Recording, host: HTMLElement, size: PlotSize): Promise<FrameTimes> {
  const channels = rec.ys.length;
  const u = new uPlot(
    {
      ...size,
      legend: { show: false },
      scales: { x: { time: true, auto: false }, y: { auto: false } },
      series: [{}, ...Array.from({ length: channels }, (_, c) => fastSeries(c))],
    },
    [[]] as unknown as uPlot.AlignedData,
    host,
  );
  const columns = Math.max(1, Math.floor(u.bbox.width / devicePixelRatio));
  const intervalMs = rec.t[1] - rec.t[0];
  const columnMs = (rec.window * intervalMs) / columns;
  const aggs = rec.ys.map(() => new ColumnAggregator(columns, columnMs, 3 * intervalMs));
  const xs = new Float64Array(columns * SLOTS);
  const ys = rec.ys.map(() => new Array<Column>(columns * SLOTS));
  const data = [xs, ...ys] as unknown as uPlot.AlignedData;
  const add = (from: number, to: number) =>
    rec.ys.forEach((y, c) => {
      for (let i = from; i < to; i++) if (!Number.isNaN(y[i])) aggs[c].add(rec.t[i], y[i]);
    });
  const show = (newest: number) => {
    const end = aggs[0].columnOf(rec.t[newest]);
    aggs[0].times(end, xs);
    let low = Infinity;
    let high = -Infinity;
    aggs.forEach((a, c) => {
      a.write(end, ys[c]);
      low = Math.min(low, a.low);
      high = Math.max(high, a.high);
    });
    const x0 = xs[0];
    const [min, max] = uPlot.rangeNum(low, high, 0.1, true) as [number, number];
    u.batch(() => {
      u.setData(data, false);
      u.setScale('x', { min: x0, max: x0 + (columns * columnMs) / 1000 });
      u.setScale('y', { min, max });
    });
  };
  // The window filled before timing, as the panel's is.
  add(0, windowStart(rec, -1) + rec.window);
  show(windowStart(rec, -1) + rec.window - 1);
  try {
    return await timeFrames(
      run,
      (f) => {
        const end = windowStart(rec, f) + rec.window;
        add(end - rec.perFrame, end);
        show(end - 1);
      },
      canvasesOf(host),
    );
  } finally {
    u.destroy();
  }
}
