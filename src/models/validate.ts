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
 * Whether a data time is one no date can hold, or implausibly far from the
 * receiving clock's `now` (when there is one): a broken sender clock.
 */
export function clockSkewed(t: number, now: number | undefined, clock?: ClockCheck): boolean {
  if (Math.abs(t) > MAX_TIME_MS) return true;
  return now !== undefined && (t - now > (clock?.maxAheadMs ?? DEFAULT_MAX_AHEAD_MS) || now - t > (clock?.maxBehindMs ?? DEFAULT_MAX_BEHIND_MS));
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
  /** Without `clock`, data times are checked only against each other and the range of dates (a recording, a test). */
  constructor(readonly descriptor: ChannelDescriptor, readonly clock?: ClockCheck) {}

  /** `now` is the receiving clock, read once per batch by callers; read here when absent. */
  classify(t: number, v: number, now = this.clock?.clock()): Verdict {
    const verdict = this.judge(t, v, now);
    this.counts[verdict]++;
    if (verdict === 'accepted') this.lastT = t;
    return verdict;
  }

  private judge(t: number, v: number, now: number | undefined): Verdict {
    if (!Number.isFinite(t) || !Number.isFinite(v)) return 'not-finite';
    if (clockSkewed(t, now, this.clock)) return 'clock-skew';
    if (t < this.lastT) return 'time-backwards';
    if (t === this.lastT) return 'duplicate-time';
    const [min, max] = this.descriptor.range;
    if (v < min || v > max) return 'out-of-range';
    return 'accepted';
  }
}
