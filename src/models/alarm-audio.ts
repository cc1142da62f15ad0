import { PRIORITY_RANK, type Priority } from './alarm-rules.js';

/**
 * The alarm system's audio (BICEPS SystemSignalActivation for Aud: On, Psd, Off).
 * A pause is time-limited: 120 s by default, never more than 15 min (DOMAIN.md 7.2,
 * after the ISO 7396-1 cap), and a new alarm of higher priority than any present
 * at the pause ends it at once.
 */
export interface AudioState {
  mode: 'on' | 'paused' | 'off';
  /** Data time the pause ends. */
  until: number;
  /** Rank of the highest priority present when paused (0 for none). */
  pausedRank: number;
}

export const DEFAULT_PAUSE_MS = 120_000;
export const MAX_PAUSE_MS = 15 * 60_000;

export const audioOn = (): AudioState => ({ mode: 'on', until: NaN, pausedRank: 0 });

export function pauseAudio(t: number, highest: Priority | undefined, ms = DEFAULT_PAUSE_MS): AudioState {
  return { mode: 'paused', until: t + Math.min(Math.max(0, ms), MAX_PAUSE_MS), pausedRank: highest ? PRIORITY_RANK[highest] : 0 };
}

/** The audio state at data time t, given the highest priority now present. */
export function audioAt(s: AudioState, t: number, highest: Priority | undefined): AudioState {
  if (s.mode !== 'paused') return s;
  if (t >= s.until || (highest !== undefined && PRIORITY_RANK[highest] > s.pausedRank)) return audioOn();
  return s;
}
