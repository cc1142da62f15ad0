import type { ChannelDescriptor } from './channel.js';

/** Why a value was kept out of the picture; `accepted` when it was not. */
export type Verdict = 'accepted' | 'not-finite' | 'out-of-range' | 'time-backwards' | 'duplicate-time';

/**
 * Classifies values of one channel in arrival order. Holds only the last
 * accepted time, so it is cheap enough to run on every sample.
 */
export class ChannelValidator {
  private lastT = -Infinity;
  readonly counts: Record<Verdict, number> = {
    accepted: 0,
    'not-finite': 0,
    'out-of-range': 0,
    'time-backwards': 0,
    'duplicate-time': 0,
  };

  constructor(readonly descriptor: ChannelDescriptor) {}

  classify(t: number, v: number): Verdict {
    const verdict = this.judge(t, v);
    this.counts[verdict]++;
    if (verdict === 'accepted') this.lastT = t;
    return verdict;
  }

  private judge(t: number, v: number): Verdict {
    if (!Number.isFinite(t) || !Number.isFinite(v)) return 'not-finite';
    if (t < this.lastT) return 'time-backwards';
    if (t === this.lastT) return 'duplicate-time';
    const [min, max] = this.descriptor.range;
    if (v < min || v > max) return 'out-of-range';
    return 'accepted';
  }
}
