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
 * (lines break). Streaming without copying: the dataset is given once and each
 * frame moves the x scale's `min` and `max` over it (the guide's "specify min
 * and max for scales"), then `update('none')` draws synchronously; decimation
 * and drawing take only the points inside the scale, found by binary search on
 * the sorted data. The y range stays Chart.js's own, from the visible points.
 */
export async function chartjs(run: TimedRun, rec: Recording, host: HTMLElement, size: PlotSize): Promise<FrameTimes> {
  const canvas = document.createElement('canvas');
  // Not responsive: Chart.js keeps the size given here, in CSS pixels, and scales by devicePixelRatio itself.
  canvas.width = size.width;
  canvas.height = size.height;
  host.append(canvas);
  const points = rec.ys.map((y) => Array.from(y, (v, i): Point => ({ x: rec.t[i], y: v })));
  const span = (f: number) => ({ min: rec.t[windowStart(rec, f)], max: rec.t[windowStart(rec, f) + rec.window - 1] });
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: points.map((data, c) => ({ data, borderColor: PALETTE[c % PALETTE.length], borderWidth: 1, pointRadius: 0 })) },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: false,
      scales: { x: { type: 'linear', ...span(-1) } },
      plugins: { decimation: { enabled: true, algorithm: 'min-max' } },
    },
  });
  const x = chart.options.scales!.x!;
  try {
    return await timeFrames(
      run,
      (f) => {
        Object.assign(x, span(f));
        chart.update('none');
      },
      [canvas],
    );
  } finally {
    chart.destroy();
    canvas.remove();
  }
}
