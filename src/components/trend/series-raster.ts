import { SLOTS, type Column } from '../../models/column-aggregator.js';

/** Where a series is drawn: the plot box in canvas pixels (the columns span its width), and the value range mapped onto its height. */
export interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Value at the bottom and at the top of the box. */
  yMin: number;
  yMax: number;
}

/**
 * Draws one series from its column slots (gap marker, then min and max in time
 * order), at a raster cost a software rasteriser can afford every frame.
 *
 * Dense data (several samples a column) is a filled span per column, from min
 * to max and reaching back to where the previous column ended, so the trace is
 * continuous: axis-aligned rectangles one column wide, where a thick line
 * zigzagging inside every column costs an order of magnitude more to raster.
 * Sparse data (fewer samples than columns) is a polyline of the given width,
 * which reads better where there is room for it. `null` lifts the pen (a gap);
 * `undefined` is a column without data, joined across.
 */
export function drawSeries(ctx: CanvasRenderingContext2D, ys: readonly Column[], plot: Plot, dense: boolean, lineWidth: number): void {
  const { left, top, height, yMin, yMax } = plot;
  const columns = ys.length / SLOTS;
  const kx = plot.width / columns;
  const ky = height / (yMax - yMin || 1);
  const bottom = top + height;
  const y = (v: number) => Math.round(bottom - (v - yMin) * ky);
  const path = new Path2D();
  let pen = false;
  let exit = 0;
  for (let c = 0; c < columns; c++) {
    const o = c * SLOTS;
    if (ys[o] === null) pen = false;
    const first = ys[o + 1];
    const second = ys[o + 2];
    if (first == null || second == null) continue;
    const x = Math.round(left + c * kx);
    const a = y(first);
    const b = y(second);
    if (dense) {
      const hi = Math.min(a, b, pen ? exit : a);
      const lo = Math.max(a, b, pen ? exit : a);
      path.rect(x, hi, Math.max(1, Math.round(left + (c + 1) * kx) - x), lo - hi + 1);
    } else {
      if (pen) path.lineTo(x, a);
      else path.moveTo(x, a);
      if (b !== a) path.lineTo(x, b);
    }
    exit = b;
    pen = true;
  }
  if (dense) ctx.fill(path);
  else {
    ctx.lineWidth = lineWidth;
    ctx.lineJoin = 'round';
    ctx.stroke(path);
  }
}
