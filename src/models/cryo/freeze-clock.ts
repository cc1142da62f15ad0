import type { ProbeState } from './procedure.js';

/**
 * How much each state adds to (or takes from) a probe's effective freeze time,
 * per minute. Freeze counts at its power; a thaw melts the ice back. The thaw
 * rates are OUR ASSUMPTION for the estimate (no published melt rate was found):
 * active (helium) thaw undoes half a minute of freeze a minute, passive a
 * quarter, so a second freeze starts from the ice left (a double freeze ends
 * near the size of a single one: Open Biomed Eng J 2016).
 */
export const FREEZE_RATE: Record<Exclude<ProbeState, 'freeze'>, number> = {
  'thaw-active': -0.5,
  'thaw-passive': -0.25,
  off: -0.25,
  stick: 0,
};

interface ProbeClock {
  state: ProbeState;
  powerPct: number;
  since: number;
  minutes: number;
}

/**
 * Effective freeze time per probe on data time, from the console's state
 * changes. A change older than the probe's last one is refused (returns false).
 */
export class FreezeClock {
  private readonly probes = new Map<string, ProbeClock>();

  /** The probe entered `state` at data time `t` (power in % for a freeze). */
  set(id: string, t: number, state: ProbeState, powerPct = 100): boolean {
    const p = this.probes.get(id);
    if (p && t < p.since) return false;
    const minutes = p ? this.minutesAt(p, t) : 0;
    this.probes.set(id, { state, powerPct: Math.max(0, Math.min(100, powerPct)), since: t, minutes });
    return true;
  }

  state(id: string): ProbeState {
    return this.probes.get(id)?.state ?? 'off';
  }

  /** Data time the probe entered its current state (NaN before any). */
  since(id: string): number {
    return this.probes.get(id)?.since ?? NaN;
  }

  /** Effective freeze minutes at data time t (0 for an unknown probe). */
  minutes(id: string, t: number): number {
    const p = this.probes.get(id);
    return p ? this.minutesAt(p, t) : 0;
  }

  private minutesAt(p: ProbeClock, t: number): number {
    const dt = Math.max(0, t - p.since) / 60_000;
    const rate = p.state === 'freeze' ? p.powerPct / 100 : FREEZE_RATE[p.state];
    return Math.max(0, p.minutes + rate * dt);
  }
}

/** Parses a probe-state event text: `freeze 80`, `thaw-active`, `thaw-passive`, `stick`, `off`, in any case. */
export function parseProbeState(text: string): { state: ProbeState; powerPct: number } | undefined {
  const [cased, power] = text.trim().split(/\s+/);
  const word = cased.toLowerCase();
  if (word === 'freeze') {
    const p = power === undefined ? 100 : Number(power);
    return Number.isFinite(p) && p >= 0 && p <= 100 ? { state: 'freeze', powerPct: p } : undefined;
  }
  if (word === 'thaw-active' || word === 'thaw-passive' || word === 'stick' || word === 'off') return { state: word, powerPct: 0 };
  return undefined;
}
