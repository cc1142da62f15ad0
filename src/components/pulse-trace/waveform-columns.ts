import { SLOTS, type Column } from '../../models/column-aggregator.js';
import type { Waveform } from '../../models/channel.js';

/**
 * Min and max per pixel column of one waveform on a microsecond axis, in the
 * slot layout `drawSeries` reads (gap marker, then min and max in time order).
 * Scratch arrays are kept between calls: drawing allocates nothing per sample.
 * Cost O(samples of the waveform) once per draw, the raster O(columns).
 */
export class WaveformColumns {
  private min = new Float64Array(0);
  private max = new Float64Array(0);
  private maxLater = new Uint8Array(0);
  private gap = new Uint8Array(0);
  private seen = new Uint8Array(0);
  out: Column[] = [];
  /** Samples that fell inside the span, at the last `fill`. */
  samples = 0;

  /**
   * Bins `w` into `columns` columns over [x0Us, x0Us + spanUs), microseconds
   * from `originMs` (epoch ms, the pulse start). A non-finite sample is a gap.
   */
  fill(w: Waveform, originMs: number, x0Us: number, spanUs: number, columns: number): Column[] {
    if (this.min.length !== columns) {
      this.min = new Float64Array(columns);
      this.max = new Float64Array(columns);
      this.maxLater = new Uint8Array(columns);
      this.gap = new Uint8Array(columns);
      this.seen = new Uint8Array(columns);
      this.out = new Array<Column>(columns * SLOTS);
    }
    this.seen.fill(0);
    this.gap.fill(0);
    const { data } = w;
    const startUs = (w.t0 - originMs) * 1000 - x0Us;
    const perSampleUs = 1e6 / w.sampleRateHz;
    const k = columns / spanUs;
    let n = 0;
    let wasGap = false;
    for (let i = 0; i < data.length; i++) {
      const c = Math.floor((startUs + i * perSampleUs) * k);
      if (c < 0 || c >= columns) continue;
      const v = data[i];
      if (!Number.isFinite(v)) {
        wasGap = true;
        continue;
      }
      n++;
      if (!this.seen[c]) {
        this.seen[c] = 1;
        this.min[c] = this.max[c] = v;
        this.maxLater[c] = 0;
        this.gap[c] = wasGap ? 1 : 0;
      } else if (v < this.min[c]) {
        this.min[c] = v;
        this.maxLater[c] = 0;
      } else if (v > this.max[c]) {
        this.max[c] = v;
        this.maxLater[c] = 1;
      }
      if (wasGap) this.gap[c] = 1;
      wasGap = false;
    }
    const out = this.out;
    for (let c = 0; c < columns; c++) {
      const o = c * SLOTS;
      if (!this.seen[c]) {
        out[o] = out[o + 1] = out[o + 2] = undefined;
        continue;
      }
      out[o] = this.gap[c] ? null : undefined;
      out[o + 1] = this.maxLater[c] ? this.min[c] : this.max[c];
      out[o + 2] = this.maxLater[c] ? this.max[c] : this.min[c];
    }
    this.samples = n;
    return out;
  }
}
