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
 * What a frame may keep of the last one, drawn over the same columns: those
 * before `from`, after which everything is written again. Kept only when the
 * size, the column count and the `key` (whatever else maps a value to a
 * pixel: ranges, colours) match the last frame's.
 */
export interface Keep {
  columns: number;
  key: string;
  from: number;
}

/**
 * Dense series (several samples a column) written as pixel spans into one
 * image, then composited in a single `drawImage`. Each column is a span from
 * min to max, reaching back to where the previous column ended so the trace is
 * continuous. A software rasteriser fills a path of a thousand one-pixel
 * rectangles at ~10 ms for 16 series, a thick zigzag line at ~70 ms; writing
 * the spans into memory costs well under a millisecond (bench/raster.ts), and
 * a frame that keeps the columns already drawn writes only the newest.
 */
export class SpanRaster {
  private canvas?: OffscreenCanvas;
  private image?: ImageData;
  private pixels = new Uint32Array(0);
  private width = 0;
  private height = 0;
  private drawn = false;
  /** The column count and key of the image as drawn, and its first column written this frame. */
  private columns = 0;
  private key = '';
  private from = 0;
  /** RGBA of a CSS colour, as one little-endian word for the pixel buffer. */
  private readonly words = new Map<string, number>();

  /** Starts a frame of the given size in canvas pixels: cleared, or keeping what `keep` allows. */
  begin(width: number, height: number, keep?: Keep): void {
    width = Math.max(1, Math.round(width));
    height = Math.max(1, Math.round(height));
    const fresh = width !== this.width || height !== this.height || !this.image;
    if (fresh) {
      this.width = width;
      this.height = height;
      this.image = new ImageData(width, height);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    const kept = !fresh && this.drawn && keep && keep.columns === this.columns && keep.key === this.key;
    this.from = kept ? Math.max(0, Math.min(keep.from, keep.columns)) : 0;
    this.columns = keep?.columns ?? 0;
    this.key = keep?.key ?? '';
    if (!kept) this.pixels.fill(0);
    else for (let row = 0, x0 = this.x0(); row < this.pixels.length; row += width) this.pixels.fill(0, row + x0, row + width);
    this.drawn = false;
  }

  /** The first pixel column written this frame. */
  private x0(): number {
    return this.from && Math.min(this.width, Math.round((this.from * this.width) / this.columns));
  }

  /** Writes one series' columns in `colour` (from the frame's first column to write on). */
  series(ys: readonly Column[], plot: Plot, colour: string): void {
    const word = this.word(colour);
    const { width, height, pixels } = this;
    const columns = ys.length / SLOTS;
    const kx = width / columns;
    const ky = (height - 1) / (plot.yMax - plot.yMin || 1);
    const base = height - 1 + plot.yMin * ky;
    let exit = 0;
    eachColumn(ys, (c, first, second, pen) => {
      const a = Math.round(base - first * ky);
      const b = Math.round(base - second * ky);
      exit = pen ? exit : a;
      if (c >= this.from) {
        const hi = Math.max(0, Math.min(a, b, exit));
        const lo = Math.min(height - 1, Math.max(a, b, exit));
        const x0 = Math.round(c * kx);
        const x1 = Math.max(x0 + 1, Math.round((c + 1) * kx));
        for (let x = x0; x < x1 && x < width; x++) for (let y = hi, i = hi * width + x; y <= lo; y++, i += width) pixels[i] = word;
      }
      exit = b;
    }, this.from - 1);
    this.drawn = true;
  }

  /** Composites what was written onto `ctx` at the plot's corner; only the columns written this frame are uploaded again. */
  end(ctx: CanvasRenderingContext2D, left: number, top: number): void {
    if (!this.drawn || !this.image) return;
    if (this.canvas?.width !== this.width || this.canvas.height !== this.height) this.canvas = new OffscreenCanvas(this.width, this.height);
    this.put(this.canvas.getContext('2d')!);
    ctx.drawImage(this.canvas, left, top);
  }

  /**
   * Writes the frame into a canvas of its own size (a layer of the chart),
   * which keeps what it showed: only the columns written this frame are
   * copied. Returns the first pixel column copied (the width when none),
   * where whatever is drawn over the spans goes again.
   */
  put(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D): number {
    if (!this.image) return this.width;
    const x0 = this.x0();
    if (x0 < this.width) ctx.putImageData(this.image, 0, 0, x0, 0, this.width - x0, this.height);
    return x0;
  }

  private word(colour: string): number {
    let w = this.words.get(colour);
    if (w === undefined) {
      // The browser parses any CSS colour (names, rgb(), system colours) for us.
      const probe = new OffscreenCanvas(1, 1).getContext('2d')!;
      probe.fillStyle = colour;
      probe.fillRect(0, 0, 1, 1);
      w = new Uint32Array(probe.getImageData(0, 0, 1, 1).data.buffer)[0];
      this.words.set(colour, w);
    }
    return w;
  }
}

/**
 * Sparse data (fewer samples than columns) as a polyline of the given width,
 * which reads better where there is room for it. `null` lifts the pen (a gap);
 * `undefined` is a column without data, joined across.
 */
export function strokeSeries(ctx: CanvasRenderingContext2D, ys: readonly Column[], plot: Plot, lineWidth: number): void {
  const { left, top, height, yMin, yMax } = plot;
  const columns = ys.length / SLOTS;
  const kx = plot.width / columns;
  const ky = height / (yMax - yMin || 1);
  const bottom = top + height;
  const y = (v: number) => Math.round(bottom - (v - yMin) * ky);
  const path = new Path2D();
  eachColumn(ys, (c, first, second, pen) => {
    const x = Math.round(left + c * kx);
    const a = y(first);
    const b = y(second);
    if (pen) path.lineTo(x, a);
    else path.moveTo(x, a);
    if (b !== a) path.lineTo(x, b);
  });
  ctx.lineWidth = lineWidth;
  ctx.lineJoin = 'round';
  ctx.stroke(path);
}

/**
 * Each column with data: its index, its two values in time order, and whether
 * the pen is down (joined to the previous column with data: no gap since).
 */
function eachColumn(ys: readonly Column[], draw: (c: number, first: number, second: number, pen: boolean) => void, from = 0): void {
  let pen = false;
  // The column with data before `from` is visited too: where the trace enters `from` depends on it.
  while (from > 0 && ys[from * SLOTS + 1] == null && ys[from * SLOTS] !== null) from--;
  for (let c = Math.max(0, from); c < ys.length / SLOTS; c++) {
    const o = c * SLOTS;
    if (ys[o] === null) pen = false;
    const first = ys[o + 1];
    const second = ys[o + 2];
    if (first == null || second == null) continue;
    draw(c, first, second, pen);
    pen = true;
  }
}
