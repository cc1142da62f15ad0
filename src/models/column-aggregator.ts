/**
 * One slot of a drawn column: a value, `undefined` where a column has no data
 * (the chart joins across it) or `null` after a gap (the chart breaks the line).
 */
export type Column = number | null | undefined;

/**
 * Slots per column: a gap marker, then min and max in the order they occurred.
 * First and last add nothing to a column one pixel wide: both lie between min
 * and max, which the line already spans.
 */
export const SLOTS = 3;

/**
 * Keeps min and max per pixel column as samples arrive, so a frame reads
 * `columns` aggregates instead of every sample in the window: ingest is O(1) a
 * sample and drawing O(width). Columns are fixed in absolute data time (column k
 * covers [k, k+1) * columnMs), so they never need re-binning as the window
 * scrolls; only a new width or window calls for a rebuild.
 */
export class ColumnAggregator {
  private readonly size: number;
  private readonly index: Float64Array;
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  /** The max was reached after the min. */
  private readonly maxLater: Uint8Array;
  /** The data stopped for longer than the gap before (or inside) this column. */
  private readonly gap: Uint8Array;
  private prevT = NaN;
  /** Samples up to this time are an overview (min and max per step): a gap after one is judged at `coarseGapMs`. */
  private coarseUntil = -Infinity;
  private coarseGapMs = 0;
  /** What the last `write` wrote, so the next one rewrites only columns that changed since. */
  private written?: { end: number; out: Column[] };
  private dirtyFrom = Infinity;
  /** A sample since the last `write` changed what a column shows (a new column, a new extreme, a gap). */
  changed = false;
  /** Extremes of the values the last `write` emitted: the chart ranges its axis from them. */
  low = Infinity;
  high = -Infinity;

  constructor(
    readonly columns: number,
    readonly columnMs: number,
    readonly gapMs: number,
  ) {
    // One spare column: the newest is still filling while the oldest is shown.
    this.size = columns + 1;
    this.index = new Float64Array(this.size).fill(NaN);
    this.min = new Float64Array(this.size);
    this.max = new Float64Array(this.size);
    this.maxLater = new Uint8Array(this.size);
    this.gap = new Uint8Array(this.size);
  }

  /** Samples up to `until` are an overview, its points `gapMs` apart and more only at a gap. */
  coarse(until: number, gapMs: number): void {
    this.coarseUntil = until;
    this.coarseGapMs = Math.max(gapMs, this.gapMs);
  }

  /** Adds one sample; times must increase (validation upstream guarantees it). */
  add(t: number, v: number): void {
    const k = Math.floor(t / this.columnMs);
    const s = this.slotOf(k);
    const gap = t - this.prevT > (this.prevT <= this.coarseUntil ? this.coarseGapMs : this.gapMs) ? 1 : 0;
    this.prevT = t;
    if (k < this.dirtyFrom) this.dirtyFrom = k;
    if (this.index[s] !== k) {
      this.index[s] = k;
      this.min[s] = this.max[s] = v;
      this.maxLater[s] = 0;
      this.gap[s] = gap;
      this.changed = true;
      return;
    }
    if (v < this.min[s]) {
      this.min[s] = v;
      this.maxLater[s] = 0;
      this.changed = true;
    } else if (v > this.max[s]) {
      this.max[s] = v;
      this.maxLater[s] = 1;
      this.changed = true;
    }
    if (gap && !this.gap[s]) (this.gap[s] = 1), (this.changed = true);
  }

  /** Empties every column, to aggregate another series of the same geometry (a new pulse). */
  clear(): void {
    this.index.fill(NaN);
    this.prevT = NaN;
    this.written = undefined;
    this.dirtyFrom = Infinity;
    this.changed = false;
  }

  private slotOf(k: number): number {
    return ((k % this.size) + this.size) % this.size;
  }

  /** The column holding data time t. */
  columnOf(t: number): number {
    return Math.floor(t / this.columnMs);
  }

  /**
   * Writes the `columns` columns ending with column `end` into `out`, SLOTS
   * each: `null` after a gap (drawn as a gap) else `undefined`, then min and
   * max in time order; all `undefined` where a column has no data (joined
   * across). Sets `low` and `high`. Written again into the same `out` with the
   * same `end` (most frames: a column spans many), only the columns that took
   * samples since are rewritten; with a later `end`, the columns still shown
   * move along and only those newer or changed are written. Returns the first column (absolute) whose
   * content may differ from what the last write into `out` showed for it:
   * `Infinity` when none, so a drawing of the earlier columns can be kept.
   */
  write(end: number, out: Column[]): number {
    const start = end - this.columns + 1;
    const last = this.written?.out === out ? this.written.end : NaN;
    const same = last === end;
    // The window moved on by fewer columns than it shows: the columns still in it move
    // along in `out` (references moved, nothing allocated) and only the newer ones are written.
    const moved = end > last && end - last < this.columns ? end - last : 0;
    if (moved) out.copyWithin(0, moved * SLOTS);
    const from = same ? Math.max(start, this.dirtyFrom) : moved ? Math.max(start, Math.min(this.dirtyFrom, last + 1)) : start;
    const changedFrom = end >= last ? this.dirtyFrom : start;
    this.written = { end, out };
    this.dirtyFrom = Infinity;
    this.changed = false;
    // With the same end the columns are the same ones: those not rewritten keep
    // their extremes, and a column's extremes only widen, so the range carries over.
    let low = same ? this.low : Infinity;
    let high = same ? this.high : -Infinity;
    for (let c = same ? Math.max(0, from - start) : 0, s = this.slotOf(start + c); c < this.columns; c++, s = s + 1 < this.size ? s + 1 : 0) {
      const here = this.index[s] === start + c;
      if (start + c >= from) {
        const o = c * SLOTS;
        if (!here) out[o] = out[o + 1] = out[o + 2] = undefined;
        else {
          out[o] = this.gap[s] ? null : undefined;
          out[o + 1] = this.maxLater[s] ? this.min[s] : this.max[s];
          out[o + 2] = this.maxLater[s] ? this.max[s] : this.min[s];
        }
      }
      if (!here) continue;
      if (this.min[s] < low) low = this.min[s];
      if (this.max[s] > high) high = this.max[s];
    }
    this.low = low;
    this.high = high;
    return changedFrom;
  }

  /** Times of the slots written by `write(end)`, in seconds for the chart. */
  times(end: number, out: Float64Array): void {
    const start = end - this.columns + 1;
    for (let c = 0; c < this.columns; c++)
      for (let j = 0; j < SLOTS; j++) out[c * SLOTS + j] = ((start + c + j / SLOTS) * this.columnMs) / 1000;
  }
}
