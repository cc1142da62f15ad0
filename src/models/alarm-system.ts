import { PRIORITY_RANK, type Priority } from './alarm-rules.js';

/**
 * One inactivation state of the alarm system (BICEPS SystemSignalActivation:
 * On, Psd, Off). Paused is time-limited, off is indefinite (IEC 60601-1-8
 * vocabulary, DOMAIN.md 6.3). A pause lasts 120 s by default and never more
 * than 15 min (DOMAIN.md 7.2, after the ISO 7396-1 cap); a new alarm of higher
 * priority than any present at the pause ends it at once.
 */
export interface Inactivation {
  mode: 'on' | 'paused' | 'off';
  /** Data time the pause ends. */
  until: number;
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

export const signalsOn = (): Inactivation => ({ mode: 'on', until: NaN, pausedRank: 0 });
export const signalsOff = (): Inactivation => ({ mode: 'off', until: NaN, pausedRank: 0 });

export function pause(t: number, highest: Priority | undefined, ms = DEFAULT_PAUSE_MS): Inactivation {
  return { mode: 'paused', until: t + Math.min(Math.max(0, ms), MAX_PAUSE_MS), pausedRank: highest ? PRIORITY_RANK[highest] : 0 };
}

/** The state at data time t, given the highest priority now sounding. */
export function inactivationAt(s: Inactivation, t: number, highest: Priority | undefined): Inactivation {
  if (s.mode !== 'paused') return s;
  if (t >= s.until || (highest !== undefined && PRIORITY_RANK[highest] > s.pausedRank)) return signalsOn();
  return s;
}

/** Remaining pause at data time t (ms), 0 when not paused. */
export const pauseRemaining = (s: Inactivation, t: number): number => (s.mode === 'paused' ? Math.max(0, s.until - t) : 0);
