/**
 * Reduces time-ordered samples to first, min, max and last per pixel column,
 * aligned on one shared time grid so several channels plot against one x axis.
 * Empty columns become null: a stretch without data is drawn as a gap.
 */
export function columnTimes(t0: number, t1: number, columns: number, out: Float64Array): void {
  const w = (t1 - t0) / columns;
  for (let c = 0; c < columns; c++) for (let j = 0; j < 4; j++) out[c * 4 + j] = t0 + (c + j / 4) * w;
}

/** Writes 4 slots per column into `out` (length 4 * columns); allocates nothing. */
export function reduceToColumns(
  n: number,
  time: (i: number) => number,
  value: (i: number) => number,
  t0: number,
  t1: number,
  out: (number | null)[],
): void {
  const columns = out.length / 4;
  out.fill(null);
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
    if (c !== col) {
      col = c;
      min = max = v;
      out[k] = out[k + 1] = out[k + 2] = out[k + 3] = v;
      continue;
    }
    if (v < min) out[k + 1] = min = v;
    if (v > max) out[k + 2] = max = v;
    out[k + 3] = v;
  }
}
