import uPlot from 'uplot';
import { canvasesOf, timeFrames, type FrameTimes, type TimedRun } from '../kit/frame-timer.js';
import { MinMaxColumns } from './min-max.js';
import { PALETTE, windowStart, type PlotSize, type Recording } from './recording.js';

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

/** uPlot given min/max per pixel column of the window, recomputed each frame. */
export function decimatedUplot(run: TimedRun, rec: Recording, host: HTMLElement, size: PlotSize): Promise<FrameTimes> {
  // One column per CSS pixel of the whole chart: a little more than the plot box, never fewer.
  const columns = new MinMaxColumns(rec, size.width);
  const data = [columns.x, ...columns.ys] as unknown as uPlot.AlignedData;
  return timeUplot(run, host, size, rec.ys.length, (f) => {
    columns.compute(windowStart(rec, f));
    return data;
  });
}
