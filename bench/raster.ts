// What a dense trace costs to draw and raster in Chromium's software canvas, by
// way of drawing: 16 series of min/max per column (noisy signals, 10-minute
// window) on a 1000 x 200 canvas, raster included. Evidence for how a panel
// should draw dense data; not a test of any panel.
import { environment } from './kit/environment.js';
import { timeFrames } from './kit/frame-timer.js';
import { Signals } from './kit/signals.js';
import { describe, figures, frameStats, median, round } from './kit/stats.js';
import { MinMaxColumns } from './peers/min-max.js';
import { PALETTE, record } from './peers/recording.js';
import { dataEpoch } from '../test/kit/clock.js';

const WIDTH = 1000;
const HEIGHT = 200;
const signals = new Signals({ channels: 16, rateHz: 1000, t0: dataEpoch() });
const columns = new MinMaxColumns(record(signals, 600_000, 17, 0), WIDTH);
columns.compute(0);
// Column spans in pixel rows, from a range that fits every series.
const values = columns.ys.flat().filter((v): v is number => v !== null);
const [lo, hi] = [Math.min(...values), Math.max(...values)];
const row = (v: number) => Math.round(HEIGHT - 1 - ((v - lo) / (hi - lo)) * (HEIGHT - 1));
const spans = columns.ys.map((ys) => Array.from({ length: WIDTH }, (_, k) => (ys[2 * k] === null ? null : ([row(ys[2 * k]!), row(ys[2 * k + 1]!)] as const))));

const canvas = document.createElement('canvas');
canvas.width = WIDTH;
canvas.height = HEIGHT;
document.querySelector('#stage')!.append(canvas);
const ctx = canvas.getContext('2d')!;
const image = ctx.createImageData(WIDTH, HEIGHT);
const pixels = new Uint32Array(image.data.buffer);
// Palette as little-endian RGBA words for the pixel writer.
const words = PALETTE.map((hex) => 0xff000000 | (parseInt(hex.slice(5, 7), 16) << 16) | (parseInt(hex.slice(3, 5), 16) << 8) | parseInt(hex.slice(1, 3), 16));

function polyline(width: number): () => void {
  return () =>
    spans.forEach((s, c) => {
      const path = new Path2D();
      s.forEach((span, x) => span && (path.lineTo(x + 0.5, span[0]), path.lineTo(x + 0.5, span[1])));
      ctx.strokeStyle = PALETTE[c % PALETTE.length];
      ctx.lineWidth = width;
      ctx.stroke(path);
    });
}

const ways: Record<string, () => void> = {
  polyline1_5px: polyline(1.5),
  polyline1px: polyline(1),
  rectPath: () =>
    spans.forEach((s, c) => {
      const path = new Path2D();
      s.forEach((span, x) => span && path.rect(x, Math.min(span[0], span[1]), 1, Math.abs(span[1] - span[0]) + 1));
      ctx.fillStyle = PALETTE[c % PALETTE.length];
      ctx.fill(path);
    }),
  imageDataSpans: () => {
    pixels.fill(0);
    spans.forEach((s, c) =>
      s.forEach((span, x) => {
        if (!span) return;
        const colour = words[c % words.length];
        for (let y = Math.min(span[0], span[1]), end = Math.max(span[0], span[1]); y <= end; y++) pixels[y * WIDTH + x] = colour;
      }),
    );
    ctx.putImageData(image, 0, 0);
  },
};

const result: Record<string, number> = {};
for (const [name, draw] of Object.entries(ways)) {
  const t = await timeFrames(
    { warmUp: 20, frames: 200 },
    () => {
      ctx.clearRect(0, 0, WIDTH, HEIGHT);
      draw();
    },
    [canvas],
  );
  console.log(`${describe(name, t.ms)}; read-back median ${round(median(t.readBackMs))} ms`);
  Object.assign(result, figures(name, frameStats(t.ms), '_16ch'));
}
window.benchResult = { ...(await environment()), rasterIncluded: true, ...result };
