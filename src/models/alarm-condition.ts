import type { AlarmRule } from './alarm-rules.js';

/**
 * The state of one alarm condition, a pure function of (state, input) on data
 * time. Presence uses BICEPS AlertSignalPresence: off, on, latch (condition
 * over, never acknowledged), ack (acknowledged while the condition lasts).
 */
export interface ConditionState {
  /** The condition holds (its onset delay has passed). */
  active: boolean;
  /** Data time the current crossing began, NaN when not crossing. */
  crossingSince: number;
  presence: 'off' | 'on' | 'latch' | 'ack';
  onset: number;
  valueAtOnset: number;
}

export const initialCondition = (): ConditionState => ({ active: false, crossingSince: NaN, presence: 'off', onset: NaN, valueAtOnset: NaN });

/** Whether v crosses the rule's limit; once active, it must come back past it by the hysteresis. */
function crosses(rule: AlarmRule, v: number, active: boolean): boolean {
  const h = active ? rule.hysteresis : 0;
  const c = rule.condition;
  switch (c.kind) {
    case 'above':
      return v > c.limit - h;
    case 'below':
      return v < c.limit + h;
    case 'outside':
      return v > c.high - h || v < c.low + h;
    case 'no-valid-data':
      return false;
  }
}

/**
 * One sample at data time t. `v` is NaN when the channel has no valid value
 * (invalid or stale): that never ends a limit alarm; it holds the state, and a
 * `no-valid-data` rule turns it into the technical alarm.
 */
export function stepCondition(rule: AlarmRule, s: ConditionState, t: number, v: number): ConditionState {
  const noData = Number.isNaN(v);
  if (noData && rule.condition.kind !== 'no-valid-data') return s;
  const crossing = rule.condition.kind === 'no-valid-data' ? noData : crosses(rule, v, s.active);
  if (!crossing) {
    if (!s.active && Number.isNaN(s.crossingSince)) return s;
    // An unacknowledged latching alarm outlives its condition; anything else ends with it.
    const presence = !s.active ? s.presence : s.presence === 'on' && rule.latching ? 'latch' : 'off';
    return { ...s, active: false, crossingSince: NaN, presence };
  }
  if (s.active) return s;
  const since = Number.isNaN(s.crossingSince) ? t : s.crossingSince;
  if (t - since < rule.onsetDelayMs) return since === s.crossingSince ? s : { ...s, crossingSince: since };
  // Raised (again): a re-triggered alarm must be acknowledged again.
  return { active: true, crossingSince: since, presence: 'on', onset: t, valueAtOnset: v };
}

/** Acknowledgement: silences an active alarm, clears a latched one. */
export function acknowledge(s: ConditionState): ConditionState {
  if (s.presence === 'on') return { ...s, presence: 'ack' };
  if (s.presence === 'latch') return { ...s, presence: 'off' };
  return s;
}
