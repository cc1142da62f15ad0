import { PRIORITY_RANK, type Priority } from './alarm-rules.js';

/**
 * One inactivation state of the alarm system (BICEPS SystemSignalActivation:
 * On, Psd, Off). Paused is time-limited, off is indefinite (IEC 60601-1-8,
 * definitions and rationale to 6.8). A pause lasts 120 s by default and never
 * more than 15 min (the cap ISO 7396-1 Amendment 3 sets on an emergency alarm's
 * audio pause, taken as an analogue); a new alarm of higher
 * priority than any present at the pause ends it at once. It runs on data time
 * (a replay at 60x pauses for 2 s of wall time) and on the wall clock, whichever
 * ends first, so a pause never outlives a source that fell silent.
 */
export interface Inactivation {
  mode: 'on' | 'paused' | 'off';
  /** Data time the pause ends. */
  until: number;
  /** Wall-clock time the pause ends at the latest. */
  wallUntil: number;
  /** Rank of the highest priority present when paused (0 for none). */
  pausedRank: number;
}

/**
 * The alarm system: AUDIO ON, PAUSED or OFF, and ALARM ON or PAUSED (alarm
 * signals, visual and audio, held back while conditions are still evaluated
 * and logged). There is no ALARM OFF: a panel must not switch alarms off for good.
 */
export interface AlarmSystemState {
  audio: Inactivation;
  alarms: Inactivation;
}

export const DEFAULT_PAUSE_MS = 120_000;
export const MAX_PAUSE_MS = 15 * 60_000;

export const signalsOn = (): Inactivation => ({ mode: 'on', until: NaN, wallUntil: NaN, pausedRank: 0 });
export const signalsOff = (): Inactivation => ({ mode: 'off', until: NaN, wallUntil: NaN, pausedRank: 0 });

/** How long a pause asked for `ms` (default 120 s) lasts: never more than 15 min. */
export const pauseSpan = (ms = DEFAULT_PAUSE_MS): number => Math.min(ms, MAX_PAUSE_MS);

/**
 * A pause from data time t and wall-clock time `wall`, of `ms` capped at 15 min.
 * Throws a RangeError on a length that is not a positive number (NaN would pause for ever):
 * callers validate commands first (`parseAlarmCommand`).
 */
export function pause(t: number, highest: Priority | undefined, ms = DEFAULT_PAUSE_MS, wall = -Infinity): Inactivation {
  if (!(ms > 0)) throw new RangeError(`a pause must last a positive number of ms, got ${ms}`);
  const span = pauseSpan(ms);
  // Before any data, data time cannot end the pause: the wall clock will.
  return { mode: 'paused', until: Number.isFinite(t) ? t + span : Infinity, wallUntil: Number.isFinite(wall) ? wall + span : Infinity, pausedRank: highest ? PRIORITY_RANK[highest] : 0 };
}

/** The state at data time t and wall-clock time `wall`, given the highest priority now sounding. */
export function inactivationAt(s: Inactivation, t: number, highest: Priority | undefined, wall = -Infinity): Inactivation {
  if (s.mode !== 'paused') return s;
  if (t >= s.until || wall >= s.wallUntil || (highest !== undefined && PRIORITY_RANK[highest] > s.pausedRank)) return signalsOn();
  return s;
}

/** Remaining pause at data time t and wall-clock time `wall` (ms), 0 when not paused. */
export const pauseRemaining = (s: Inactivation, t: number, wall = -Infinity): number =>
  s.mode === 'paused' ? Math.max(0, Math.min(s.until - t, s.wallUntil - wall)) : 0;
