import { Chart, Decimation, LineController, LineElement, LinearScale, PointElement } from 'chart.js';
import { timeFrames, type FrameTimes, type TimedRun } from '../kit/frame-timer.js';
import { PALETTE, windowStart, type PlotSize, type Recording } from './recording.js';

Chart.register(LineController, LineElement, LinearScale, PointElement, Decimation);

interface Point {
  x: number;
  y: number;
}

/**
 * Chart.js as its performance guide sets it up for big data: min-max
 * decimation, `parsing: false`, `normalized: true`, animation off, no points;
 * lines 1 CSS px (its default of 3 would triple the raster), gaps as NaN
 * (lines break). Each frame hands each dataset its new window, a copy of
 * the references (pushing and splicing a 600 000-point array, as the docs'
 * streaming example does, cost ten times more here: V8 moves every element), then
 * `update('none')` draws synchronously.
 */
export async function chartjs(run: TimedRun, rec: Recording, host: HTMLElement, size: PlotSize): Promise<FrameTimes> {
  const canvas = document.createElement('canvas');
  // Not responsive: Chart.js keeps the size given here, in CSS pixels, and scales by devicePixelRatio itself.
  canvas.width = size.width;
  canvas.height = size.height;
  host.append(canvas);
  const points = rec.ys.map((y) => Array.from(y, (v, i): Point => ({ x: rec.t[i], y: v })));
  const view = (c: number, f: number) => points[c].slice(windowStart(rec, f), windowStart(rec, f) + rec.window);
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: points.map((_, c) => ({ data: view(c, -1), borderColor: PALETTE[c % PALETTE.length], borderWidth: 1, pointRadius: 0 })) },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: false,
      // The window edge to edge, as a strip chart shows it (the default rounds the axis out to ticks).
      scales: { x: { type: 'linear', bounds: 'data' } },
      plugins: { decimation: { enabled: true, algorithm: 'min-max' } },
    },
  });
  try {
    return await timeFrames(
      run,
      (f) => {
        chart.data.datasets.forEach((d, c) => (d.data = view(c, f)));
        chart.update('none');
      },
      [canvas],
    );
  } finally {
    chart.destroy();
    canvas.remove();
  }
}
