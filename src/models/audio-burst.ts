/**
 * Alarm sound bursts shaped after IEC 60601-1-8:2006+A1:2012, 6.3.3: a high-priority
 * burst is 10 pulses (3 + 2, played twice), a medium one 3 pulses; each pulse has a
 * fundamental in 150-1000 Hz and at least 4 harmonics within 15 dB of it.
 * Pulse and gap lengths are within the standard's ranges as quoted secondarily
 * (verify exact timing against the standard's text before any clinical claim).
 */
export interface Pulse {
  startMs: number;
  durationMs: number;
}

export type BurstPriority = 'hi' | 'me';

/** Fundamentals: C5-ish for high, C4 for medium (the 'C4 C4 C4' medium melody). */
export const FUNDAMENTAL_HZ: Record<BurstPriority, number> = { hi: 523.25, me: 261.63 };
/** Relative amplitudes of the fundamental and 4 harmonics: 0, -3, -6, -9, -12 dB. */
export const HARMONIC_GAINS = [1, 0.708, 0.501, 0.355, 0.251] as const;

const PULSE_MS: Record<BurstPriority, number> = { hi: 150, me: 200 };
const GAP_MS = 100;
/** High: 3 pulses, a longer pause, 2 pulses; twice, with a pause between halves. */
const HIGH_GROUPS = [3, 2, 3, 2];
const GROUP_PAUSE_MS = 250;
const HALF_PAUSE_MS = 700;

export function burst(priority: BurstPriority): Pulse[] {
  const d = PULSE_MS[priority];
  const groups = priority === 'hi' ? HIGH_GROUPS : [3];
  const pulses: Pulse[] = [];
  let t = 0;
  groups.forEach((n, g) => {
    for (let i = 0; i < n; i++) {
      pulses.push({ startMs: t, durationMs: d });
      t += d + GAP_MS;
    }
    t += g === 1 ? HALF_PAUSE_MS : GROUP_PAUSE_MS;
  });
  return pulses;
}
