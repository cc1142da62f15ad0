import { ColumnAggregator, SLOTS, type Column } from '../../models/column-aggregator.js';
import type { Waveform } from '../../models/channel.js';

/**
 * Min and max per pixel column of one waveform on a microsecond axis, through
 * the library's one min/max aggregation (`ColumnAggregator`, as the trend's):
 * time in µs from the axis start, a non-finite sample a gap. The aggregator is
 * kept between calls while the geometry holds: drawing allocates nothing per sample.
 */
export class WaveformColumns {
  private agg?: ColumnAggregator;
  private out: Column[] = [];
  /** Samples that fell inside the span, at the last `fill`. */
  samples = 0;

  /** Bins `w` into `columns` columns over [x0Us, x0Us + spanUs), microseconds from `originMs` (epoch ms, the pulse start). */
  fill(w: Waveform, originMs: number, x0Us: number, spanUs: number, columns: number): Column[] {
    const perSampleUs = 1e6 / w.sampleRateHz;
    // A skipped (non-finite) sample leaves twice the sample interval between its neighbours: a gap.
    const gapUs = 1.5 * perSampleUs;
    let agg = this.agg;
    if (!agg || agg.columns !== columns || agg.columnMs !== spanUs / columns || agg.gapMs !== gapUs) {
      agg = this.agg = new ColumnAggregator(columns, spanUs / columns, gapUs);
      this.out = new Array<Column>(columns * SLOTS);
    } else agg.clear();
    const { data } = w;
    const startUs = (w.t0 - originMs) * 1000 - x0Us;
    let n = 0;
    for (let i = 0; i < data.length; i++) {
      const x = startUs + i * perSampleUs;
      if (x < 0 || x >= spanUs || !Number.isFinite(data[i])) continue;
      agg.add(x, data[i]);
      n++;
    }
    agg.write(columns - 1, this.out);
    this.samples = n;
    return this.out;
  }
}
