import type { ChannelDescriptor } from './channel.js';

/** Why a value was kept out of the picture; `accepted` when it was not. */
export type Verdict = 'accepted' | 'not-finite' | 'out-of-range' | 'time-backwards' | 'duplicate-time' | 'clock-skew';

/** The largest time value a JavaScript date can hold (ECMA-262 §21.4.1.1), in ms either side of 1970. */
export const MAX_TIME_MS = 8.64e15;

/** Default allowance ahead of the receiving clock: 60 s. */
export const DEFAULT_MAX_AHEAD_MS = 60_000;
/** Default allowance behind the receiving clock: 24 h. */
export const DEFAULT_MAX_BEHIND_MS = 24 * 3600_000;

/**
 * The receiving clock that data times are checked against, and how far they may stray.
 * Synchronised clocks agree within a second (IHE ITI Consistent Time; NTP, RFC 5905, does
 * better on a LAN), so a minute ahead is generous; data behind the clock is legitimately old
 * when a gateway replays what a late viewer missed, so the default behind is a day.
 * Give the wall clock (`Date.now`) for live sources; a replay's own clock for recordings.
 */
export interface ClockCheck {
  /** Now, in epoch ms, on the receiving side. */
  clock: () => number;
  maxAheadMs?: number;
  maxBehindMs?: number;
}

/**
 * Classifies values of one channel in arrival order. Holds only the last accepted time,
 * so it is cheap enough to run on every sample. Only an accepted sample becomes the
 * reference for the next: a refused one (a far-future time among them) blocks nothing.
 */
export class ChannelValidator {
  private lastT = -Infinity;
  readonly counts: Record<Verdict, number> = {
    accepted: 0,
    'not-finite': 0,
    'out-of-range': 0,
    'time-backwards': 0,
    'duplicate-time': 0,
    'clock-skew': 0,
  };
  private readonly ahead: number;
  private readonly behind: number;

  /** Without `clock`, data times are checked only against each other (a recording, a test). */
  constructor(readonly descriptor: ChannelDescriptor, readonly clock?: ClockCheck) {
    this.ahead = clock?.maxAheadMs ?? DEFAULT_MAX_AHEAD_MS;
    this.behind = clock?.maxBehindMs ?? DEFAULT_MAX_BEHIND_MS;
  }

  /** `now` is the receiving clock, read once per batch by callers; read here when absent. */
  classify(t: number, v: number, now = this.clock?.clock()): Verdict {
    const verdict = this.judge(t, v, now);
    this.counts[verdict]++;
    if (verdict === 'accepted') this.lastT = t;
    return verdict;
  }

  private judge(t: number, v: number, now: number | undefined): Verdict {
    if (!Number.isFinite(t) || !Number.isFinite(v)) return 'not-finite';
    // Beyond ±8.64e15 ms no date exists (ECMA-262 time values): a broken clock, with or without a receiving one.
    if (Math.abs(t) > MAX_TIME_MS) return 'clock-skew';
    if (now !== undefined && (t - now > this.ahead || now - t > this.behind)) return 'clock-skew';
    if (t < this.lastT) return 'time-backwards';
    if (t === this.lastT) return 'duplicate-time';
    const [min, max] = this.descriptor.range;
    if (v < min || v > max) return 'out-of-range';
    return 'accepted';
  }
}
