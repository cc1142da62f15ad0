/**
 * One slot of a drawn column: a value, `undefined` where a column has no data
 * (the chart joins across it) or `null` after a gap (the chart breaks the line).
 */
export type Column = number | null | undefined;

/**
 * Keeps first, min, max and last per pixel column as samples arrive, so a frame
 * reads `columns` aggregates instead of every sample in the window: ingest is O(1)
 * a sample and drawing O(width). Columns are fixed in absolute data time
 * (column k covers [k, k+1) * columnMs), so they never need re-binning as the
 * window scrolls; only a new width or window calls for a rebuild.
 */
export class ColumnAggregator {
  private readonly size: number;
  private readonly index: Float64Array;
  private readonly first: Float64Array;
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly last: Float64Array;
  /** The data stopped for longer than the gap before (or inside) this column. */
  private readonly gap: Uint8Array;
  private prevT = NaN;

  constructor(
    readonly columns: number,
    readonly columnMs: number,
    private readonly gapMs: number,
  ) {
    // One spare column: the newest is still filling while the oldest is shown.
    this.size = columns + 1;
    this.index = new Float64Array(this.size).fill(NaN);
    this.first = new Float64Array(this.size);
    this.min = new Float64Array(this.size);
    this.max = new Float64Array(this.size);
    this.last = new Float64Array(this.size);
    this.gap = new Uint8Array(this.size);
  }

  /** Adds one sample; times must increase (validation upstream guarantees it). */
  add(t: number, v: number): void {
    const k = Math.floor(t / this.columnMs);
    const s = ((k % this.size) + this.size) % this.size;
    const gap = t - this.prevT > this.gapMs ? 1 : 0;
    this.prevT = t;
    if (this.index[s] !== k) {
      this.index[s] = k;
      this.first[s] = this.min[s] = this.max[s] = this.last[s] = v;
      this.gap[s] = gap;
      return;
    }
    if (v < this.min[s]) this.min[s] = v;
    if (v > this.max[s]) this.max[s] = v;
    this.last[s] = v;
    this.gap[s] |= gap;
  }

  /** The column holding data time t. */
  columnOf(t: number): number {
    return Math.floor(t / this.columnMs);
  }

  /**
   * Writes the `columns` columns ending with column `end` into `out`, 4 slots
   * each: first, min, max, last; `undefined` where a column has no data (joined
   * across), `null` in the first slot of a column after a gap (drawn as a gap).
   */
  write(end: number, out: Column[]): void {
    const start = end - this.columns + 1;
    for (let c = 0; c < this.columns; c++) {
      const k = start + c;
      const s = ((k % this.size) + this.size) % this.size;
      const o = c * 4;
      if (this.index[s] !== k) {
        out[o] = out[o + 1] = out[o + 2] = out[o + 3] = undefined;
        continue;
      }
      out[o] = this.gap[s] ? null : this.first[s];
      out[o + 1] = this.min[s];
      out[o + 2] = this.max[s];
      out[o + 3] = this.last[s];
    }
  }

  /** Times of the slots written by `write(end)`, in seconds for the chart. */
  times(end: number, out: Float64Array): void {
    const start = end - this.columns + 1;
    for (let c = 0; c < this.columns; c++)
      for (let j = 0; j < 4; j++) out[c * 4 + j] = ((start + c + j / 4) * this.columnMs) / 1000;
  }
}
