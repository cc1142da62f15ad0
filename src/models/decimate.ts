/**
 * Min/max decimation to pixel columns: for each column keep the first, min, max
 * and last sample, so a frame costs O(columns) to draw and no spike is lost
 * (the same discipline as uPlot's own linear path builder).
 */
export interface Columns {
  /** Output times and values, up to 4 per column; NaN marks a gap. */
  t: Float64Array;
  v: Float64Array;
  length: number;
}

export function createColumns(columns: number): Columns {
  // 4 points per column plus one gap marker between columns.
  const size = columns * 5 + 5;
  return { t: new Float64Array(size), v: new Float64Array(size), length: 0 };
}

/**
 * Decimates samples `at(i)` for i in [0, n) with times in [t0, t1) into `out`.
 * `gapMs`: a larger step between samples is a gap and is drawn as one (NaN).
 * Reuses `out`; allocates nothing.
 */
export function decimate(
  n: number,
  time: (i: number) => number,
  value: (i: number) => number,
  t0: number,
  t1: number,
  columns: number,
  gapMs: number,
  out: Columns,
): Columns {
  const span = t1 - t0;
  let k = 0;
  let col = -1;
  let first = 0, min = 0, max = 0, last = 0, tFirst = 0, tMin = 0, tMax = 0, tLast = 0;
  let prevT = -Infinity;
  const flush = () => {
    if (col < 0) return;
    // Keep time order within the column: first, then min/max in the order they happened, then last.
    out.t[k] = tFirst; out.v[k++] = first;
    const minFirst = tMin <= tMax;
    if (tMin !== tFirst && tMin !== tLast || tMax !== tFirst && tMax !== tLast) {
      out.t[k] = minFirst ? tMin : tMax; out.v[k++] = minFirst ? min : max;
      out.t[k] = minFirst ? tMax : tMin; out.v[k++] = minFirst ? max : min;
    }
    if (tLast !== tFirst) { out.t[k] = tLast; out.v[k++] = last; }
  };
  for (let i = 0; i < n; i++) {
    const t = time(i);
    if (t < t0 || t >= t1) continue;
    const v = value(i);
    const c = Math.min(columns - 1, Math.floor(((t - t0) / span) * columns));
    const gap = t - prevT > gapMs && prevT !== -Infinity;
    if (c !== col || gap) {
      flush();
      if (gap) { out.t[k] = (prevT + t) / 2; out.v[k++] = NaN; }
      col = c;
      first = min = max = last = v;
      tFirst = tMin = tMax = tLast = t;
    } else {
      if (v < min) { min = v; tMin = t; }
      if (v > max) { max = v; tMax = t; }
      last = v; tLast = t;
    }
    prevT = t;
    // A flush writes at most 5 points (gap marker and 4 column points).
    if (k > out.t.length - 5) break;
  }
  flush();
  out.length = k;
  return out;
}
