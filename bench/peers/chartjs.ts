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
 * (lines break). Each frame appends the new points and drops as many from the
 * front of each dataset's array, then `update('none')` draws synchronously.
 */
export async function chartjs(run: TimedRun, rec: Recording, host: HTMLElement, size: PlotSize): Promise<FrameTimes> {
  const canvas = document.createElement('canvas');
  // Not responsive: Chart.js keeps the size given here, in CSS pixels, and scales by devicePixelRatio itself.
  canvas.width = size.width;
  canvas.height = size.height;
  host.append(canvas);
  const points = rec.ys.map((y) => Array.from(y, (v, i): Point => ({ x: rec.t[i], y: v })));
  // The arrays Chart.js was given: the decimation plugin swaps `dataset.data` for its output, so keep our own handles.
  const windows = points.map((p) => p.slice(0, rec.window));
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: windows.map((data, c) => ({ data, borderColor: PALETTE[c % PALETTE.length], borderWidth: 1, pointRadius: 0 })) },
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
        const end = windowStart(rec, f) + rec.window;
        windows.forEach((w, c) => {
          for (let i = end - rec.perFrame; i < end; i++) w.push(points[c][i]);
          w.splice(0, rec.perFrame);
        });
        chart.update('none');
      },
      [canvas],
    );
  } finally {
    chart.destroy();
    canvas.remove();
  }
}
