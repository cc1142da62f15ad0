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
 * What a frame may keep of the last one: its columns, moved left by
 * `scrolled` when the window moved, up to `from`, after which everything is
 * written again; after a move, the first `leadIn` columns are written again
 * too (`leadIn()`). Kept only when the size, the column count and the `key`
 * (whatever else maps a value to a pixel: ranges, colours) match the last
 * frame's, and a move is whole pixels.
 */
export interface Keep {
  columns: number;
  key: string;
  from: number;
  scrolled?: number;
  leadIn?: number;
}

/**
 * Columns up to the first with data: where the trace enters the window. Drawn
 * after the window moved, that column reached back to one now gone, so it is
 * written again.
 */
export function leadIn(ys: readonly Column[]): number {
  for (let c = 0; c < ys.length / SLOTS; c++) if (ys[c * SLOTS + 1] != null) return c + 1;
  return 0;
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
  /** Nothing kept and nothing written yet this frame: the image is cleared (or made) by the first series. */
  private blank = true;
  /** The column count and key of the image as drawn, and its first column written this frame. */
  private columns = 0;
  private key = '';
  private from = 0;
  /** After a move: the image moved left (copied whole), and the columns written again at the left edge. */
  private moved = false;
  private lead = 0;
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
      this.image = undefined;
    }
    const scrolled = keep?.scrolled ?? 0;
    const shift = keep ? (scrolled * width) / keep.columns : 0;
    const kept = !fresh && this.drawn && keep && keep.columns === this.columns && keep.key === this.key && Number.isInteger(shift) && scrolled >= 0 && scrolled < keep.columns;
    this.columns = keep?.columns ?? 0;
    this.key = keep?.key ?? '';
    this.from = kept ? Math.max(0, Math.min(keep.from, keep.columns - scrolled)) : 0;
    this.lead = kept && scrolled ? Math.max(0, Math.min(keep.leadIn ?? keep.columns, this.from)) : 0;
    this.moved = !!kept && shift > 0;
    this.drawn = false;
    this.blank = !kept;
    if (!kept) return;
    const [xl, x0] = [this.xOf(this.lead), this.xOf(this.from)];
    for (let row = 0; row < this.pixels.length; row += width) {
      if (shift) this.pixels.copyWithin(row, row + shift, row + width);
      this.pixels.fill(0, row, row + xl);
      this.pixels.fill(0, row + x0, row + width);
    }
  }

  /** The first pixel column of column c. */
  private xOf(c: number): number {
    return c && Math.min(this.width, Math.round((c * this.width) / this.columns));
  }

  /** Writes one series' columns in `colour` (from the frame's first column to write on). */
  series(ys: readonly Column[], plot: Plot, colour: string): void {
    if (this.blank) this.clear();
    const word = this.word(colour);
    const { width, height, pixels } = this;
    const columns = ys.length / SLOTS;
    const kx = width / columns;
    const ky = (height - 1) / (plot.yMax - plot.yMin || 1);
    const base = height - 1 + plot.yMin * ky;
    let exit = 0;
    const span = (c: number, first: number, second: number, pen: boolean) => {
      const a = Math.round(base - first * ky);
      const b = Math.round(base - second * ky);
      exit = pen ? exit : a;
      if (c >= this.from || c < this.lead) {
        const hi = Math.max(0, Math.min(a, b, exit));
        const lo = Math.min(height - 1, Math.max(a, b, exit));
        const x0 = Math.round(c * kx);
        const x1 = Math.max(x0 + 1, Math.round((c + 1) * kx));
        for (let x = x0; x < x1 && x < width; x++) for (let y = hi, i = hi * width + x; y <= lo; y++, i += width) pixels[i] = word;
      }
      exit = b;
    };
    if (this.lead) eachColumn(ys, span, 0, this.lead);
    eachColumn(ys, span, this.from - 1);
    this.drawn = true;
  }

  /** The image at the frame's size, cleared: made only when a frame has spans to write (an empty chart's costs nothing). */
  private clear(): void {
    if (this.image) this.pixels.fill(0);
    else (this.image = new ImageData(this.width, this.height)), (this.pixels = new Uint32Array(this.image.data.buffer));
    this.blank = false;
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
   * copied, or the whole image when the window moved (the image was moved in
   * memory: one copy, where moving the canvas by itself would snapshot it
   * first). Returns the pixel ranges [x0, x1) copied, where whatever is drawn
   * over the spans goes again.
   */
  put(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D): (readonly [number, number])[] {
    if (this.blank) return ctx.clearRect(0, 0, this.width, this.height), [[0, this.width]];
    if (!this.image) return [];
    const ranges = this.moved ? [[0, this.width] as const] : [[0, this.xOf(this.lead)] as const, [this.xOf(this.from), this.width] as const].filter(([a, b]) => a < b);
    for (const [a, b] of ranges) ctx.putImageData(this.image, 0, 0, a, 0, b - a, this.height);
    return ranges;
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
function eachColumn(ys: readonly Column[], draw: (c: number, first: number, second: number, pen: boolean) => void, from = 0, to = ys.length / SLOTS): void {
  let pen = false;
  // The column with data before `from` is visited too: where the trace enters `from` depends on it.
  while (from > 0 && ys[from * SLOTS + 1] == null && ys[from * SLOTS] !== null) from--;
  for (let c = Math.max(0, from); c < to; c++) {
    const o = c * SLOTS;
    if (ys[o] === null) pen = false;
    const first = ys[o + 1];
    const second = ys[o + 2];
    if (first == null || second == null) continue;
    draw(c, first, second, pen);
    pen = true;
  }
}
