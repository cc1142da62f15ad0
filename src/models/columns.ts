/**
 * Reduces time-ordered samples to first, min, max and last per pixel column,
 * aligned on one shared time grid so several channels plot against one x axis.
 * A column without samples is `undefined`, which the chart joins across; a
 * step between samples longer than `gapMs` puts a `null` in between, which the
 * chart draws as a gap. So sparse data stays a line and lost data stays a gap.
 */
export function columnTimes(t0: number, t1: number, columns: number, out: Float64Array): void {
  const w = (t1 - t0) / columns;
  for (let c = 0; c < columns; c++) for (let j = 0; j < 4; j++) out[c * 4 + j] = t0 + (c + j / 4) * w;
}

export type Column = number | null | undefined;

/** Writes 4 slots per column into `out` (length 4 * columns); allocates nothing. */
export function reduceToColumns(
  n: number,
  time: (i: number) => number,
  value: (i: number) => number,
  t0: number,
  t1: number,
  gapMs: number,
  out: Column[],
): void {
  const columns = out.length / 4;
  out.fill(undefined);
  let prevT = NaN;
  const scale = columns / (t1 - t0);
  let col = -1;
  let min = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const t = time(i);
    if (t < t0 || t > t1) continue;
    const v = value(i);
    const c = Math.min(columns - 1, Math.floor((t - t0) * scale));
    const k = c * 4;
    const gap = t - prevT > gapMs;
    prevT = t;
    if (c !== col) {
      // The gap marker goes in the first empty slot after the previous column, or
      // replaces this column's first slot (its value stays in min, max and last).
      const marker = gap ? (c > col + 1 ? col * 4 + 4 : k) : -1;
      col = c;
      min = max = v;
      out[k] = out[k + 1] = out[k + 2] = out[k + 3] = v;
      if (marker >= 0) out[marker] = null;
      continue;
    }
    if (v < min) out[k + 1] = min = v;
    if (v > max) out[k + 2] = max = v;
    out[k + 3] = v;
  }
}
