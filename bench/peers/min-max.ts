import type { Recording } from './recording.js';

/**
 * Min/max per pixel column of the whole window, recomputed from every sample
 * each frame: what an engineer writes to feed uPlot without a per-column
 * store. Each column gives two points at its start time, min and max in the
 * order they occurred, so the trace stays continuous; a silent column is null
 * (a gap).
 */
export class MinMaxColumns {
  readonly x: Float64Array;
  readonly ys: (number | null)[][];

  constructor(
    private readonly rec: Recording,
    readonly columns: number,
  ) {
    this.x = new Float64Array(2 * columns);
    this.ys = rec.ys.map(() => new Array<number | null>(2 * columns).fill(null));
  }

  /** Decimates the window starting at sample `from`; x in seconds, as uPlot's time axis takes it. */
  compute(from: number): void {
    const { rec, columns, x } = this;
    const n = rec.window;
    for (let k = 0; k < columns; k++) x[2 * k] = x[2 * k + 1] = rec.t[from + Math.floor((k * n) / columns)] / 1000;
    rec.ys.forEach((y, c) => {
      const out = this.ys[c];
      for (let k = 0; k < columns; k++) {
        const end = from + Math.floor(((k + 1) * n) / columns);
        let min = Infinity;
        let max = -Infinity;
        let minAt = 0;
        let maxAt = 0;
        for (let i = from + Math.floor((k * n) / columns); i < end; i++) {
          const v = y[i];
          if (v < min) (min = v), (minAt = i);
          if (v > max) (max = v), (maxAt = i);
        }
        const silent = min > max;
        out[2 * k] = silent ? null : minAt <= maxAt ? min : max;
        out[2 * k + 1] = silent ? null : minAt <= maxAt ? max : min;
      }
    });
  }
}
