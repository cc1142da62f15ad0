import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';

export interface SignalOptions {
  channels: number;
  rateHz: number;
  /** Data time of sample 0, epoch ms. */
  t0: number;
  seed?: number;
}

/** Sensor noise: standard deviation as a share of a channel's swing (a few percent, as real probes show). */
const NOISE = 0.05;
/** Spikes (a loose contact, an RF burst) per second of a channel: one every half-minute or so. */
const SPIKES_PER_S = 1 / 30;
/** Every period of this many seconds (give or take), a channel may fall silent... */
const GAP_PERIOD_S = 60;
/** ...with this chance, for 2 to 5 s. */
const GAP_CHANCE = 0.5;

/** 32-bit integer hash (lowbias32) to [0, 1): random access, so any span is generated alone and alike. */
function unit(a: number, b: number, c: number): number {
  let x = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return (x >>> 0) / 2 ** 32;
}

/**
 * Deterministic, realistic telemetry for benchmarks: per channel a slow wave
 * (two sines of tens of seconds) with Gaussian-like sensor noise, rare spikes,
 * and gaps (the channel silent for a few seconds now and then). Sample `i` of
 * channel `c` is a pure function of (seed, c, i): spans are generated on demand,
 * so nothing window-sized is held unless a caller asks for a series.
 */
export class Signals {
  readonly channels: number;
  readonly rateHz: number;
  readonly t0: number;
  private readonly seed: number;

  constructor({ channels, rateHz, t0, seed = 8 }: SignalOptions) {
    this.channels = channels;
    this.rateHz = rateHz;
    this.t0 = t0;
    this.seed = seed;
  }

  /** Temperatures in Cel; the physical range is wide, so spikes are valid data, drawn, not refused. */
  descriptors(): ChannelDescriptor[] {
    return Array.from({ length: this.channels }, (_, c) => ({ id: `c${c}`, label: `T${c + 1}`, unit: 'Cel', intervalMs: 1000 / this.rateHz, range: [-1e3, 1e3] }));
  }

  /** Data time of sample i, epoch ms. */
  time(i: number): number {
    return this.t0 + (i * 1000) / this.rateHz;
  }

  /** Whether channel c is silent at sample i (inside one of its gaps). */
  silent(c: number, i: number): boolean {
    const period = Math.round((GAP_PERIOD_S + 7 * c) * this.rateHz);
    const k = Math.floor(i / period);
    if (unit(this.seed, c, -1 - 3 * k) >= GAP_CHANCE) return false;
    const length = (2 + 3 * unit(this.seed, c, -2 - 3 * k)) * this.rateHz;
    const start = unit(this.seed, c, -3 - 3 * k) * (period - length);
    const at = i - k * period;
    return at >= start && at < start + length;
  }

  /** Value of channel c at sample i, NaN while it is silent. */
  value(c: number, i: number): number {
    if (this.silent(c, i)) return NaN;
    const s = i / this.rateHz;
    const swing = 10 + c;
    const wave = 37 + 3 * c + swing * (0.7 * Math.sin((2 * Math.PI * s) / (40 + 5 * c)) + 0.3 * Math.sin((2 * Math.PI * s) / (9 + c) + c));
    // Irwin-Hall with 3 uniforms: close enough to Gaussian, standard deviation 0.5 before scaling.
    const noise = (unit(this.seed, c, 3 * i) + unit(this.seed, c, 3 * i + 1) + unit(this.seed, c, 3 * i + 2) - 1.5) * 2 * NOISE * swing;
    const chance = SPIKES_PER_S / this.rateHz;
    const u = unit(this.seed ^ 0x5bd1e995, c, i);
    const spike = u < chance ? (u < chance / 2 ? -1 : 1) * 3 * swing : 0;
    return wave + noise + spike;
  }

  /**
   * The batches a source would send for samples [from, from + count): one a
   * channel, without the samples of its gaps; none for a channel silent throughout.
   */
  batches(from: number, count: number): SampleBatch[] {
    const out: SampleBatch[] = [];
    for (let c = 0; c < this.channels; c++) {
      const t = new Float64Array(count);
      const v = new Float32Array(count);
      let n = 0;
      for (let i = from; i < from + count; i++) {
        const x = this.value(c, i);
        if (Number.isNaN(x)) continue;
        t[n] = this.time(i);
        v[n++] = x;
      }
      if (n) out.push({ channel: `c${c}`, t: n === count ? t : t.slice(0, n), v: n === count ? v : v.slice(0, n) });
    }
    return out;
  }

  /** Channel c's samples [from, from + count) on the common time base, NaN in gaps (for peers that take whole arrays). */
  series(c: number, from: number, count: number): Float32Array {
    const out = new Float32Array(count);
    for (let k = 0; k < count; k++) out[k] = this.value(c, from + k);
    return out;
  }
}
