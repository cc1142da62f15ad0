/**
 * Inferno (van der Walt & Smith, matplotlib 2015): perceptually uniform and
 * readable with the common colour-vision deficiencies and in grey. Ten
 * evenly spaced stops, interpolated linearly.
 */
export const INFERNO = ['#000004', '#1b0c41', '#4a0c6b', '#781c6d', '#a52c60', '#cf4446', '#ed6925', '#fb9b06', '#f7d13d', '#fcffa4'] as const;

/** Entries of the table: 1024 over the range, finer than a 0.1 °C step over 37–100 °C. */
const ENTRIES = 1024;

const rgbOf = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
/** RGBA packed for a little-endian Uint32 view of ImageData. */
const pack = ([r, g, b]: readonly number[], a = 255) => ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;

/** The colour at `f` in [0, 1] along the stops. */
export function colourAt(f: number, stops: readonly string[] = INFERNO): [number, number, number] {
  const x = Math.min(1, Math.max(0, f)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const a = rgbOf(stops[i]);
  const b = rgbOf(stops[i + 1]);
  return a.map((v, k) => Math.round(v + (b[k] - v) * (x - i))) as [number, number, number];
}

/**
 * A precomputed colour lookup table over [lo, hi] °C, and the one loop that
 * turns a temperature map into pixels: a table read per pixel, no allocation.
 * Below `lo` takes the first colour, above `hi` the last; a NaN pixel (masked)
 * takes a two-tone checker so it can never be read as a temperature.
 */
export class ColourTable {
  readonly lut = new Uint32Array(ENTRIES);
  lo = 37;
  hi = 100;
  private maskA = 0;
  private maskB = 0;

  set(lo: number, hi: number, maskA: readonly number[], maskB: readonly number[], stops: readonly string[] = INFERNO): void {
    this.lo = lo;
    this.hi = hi;
    for (let i = 0; i < ENTRIES; i++) this.lut[i] = pack(colourAt(i / (ENTRIES - 1), stops));
    this.maskA = pack(maskA);
    this.maskB = pack(maskB);
  }

  /** Colours `data` (width × height, °C) into `out`, a Uint32 view of an ImageData of the same size. */
  paint(data: ArrayLike<number>, width: number, height: number, out: Uint32Array): void {
    const { lut, lo } = this;
    const scale = (ENTRIES - 1) / (this.hi - lo);
    const top = ENTRIES - 1;
    for (let j = 0; j < height; j++) {
      const row = j * width;
      for (let i = 0; i < width; i++) {
        const c = data[row + i];
        if (c !== c) {
          out[row + i] = ((i >> 1) + (j >> 1)) & 1 ? this.maskA : this.maskB;
          continue;
        }
        let k = ((c - lo) * scale + 0.5) | 0;
        if (k < 0) k = 0;
        else if (k > top) k = top;
        out[row + i] = lut[k];
      }
    }
  }
}
