import type { AlarmRule, Condition } from './alarm-rules.js';

/** A (t, v) point a rate rule keeps, a few per window. */
export type Anchor = readonly [t: number, v: number];

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
  /** The value at onset: the sample, or the rate (unit per minute) for a rate rule. */
  valueAtOnset: number;
  /** Data time of the last stale or invalid report, for technical rules. */
  lastFault: number;
  /** Recent points, for rate rules only. */
  anchors: readonly Anchor[];
}

const NO_ANCHORS: readonly Anchor[] = [];

export const initialCondition = (): ConditionState => ({
  active: false, crossingSince: NaN, presence: 'off', onset: NaN, valueAtOnset: NaN, lastFault: NaN, anchors: NO_ANCHORS,
});

/** What a channel can report instead of a value. */
export type Fault = 'stale' | 'invalid';

/** Whether v crosses the limit; once active, it must come back past it by the hysteresis. */
function crosses(c: Condition, v: number, h: number): boolean {
  switch (c.kind) {
    case 'above':
      return v > c.limit - h;
    case 'below':
      return v < c.limit + h;
    case 'outside':
      return v > c.high - h || v < c.low + h;
    case 'rate':
      return c.perMin > 0 ? v > c.perMin - h : v < c.perMin + h;
    default:
      return false;
  }
}

/** Anchors are kept every window/8, so a rate is measured over 7/8 to all of the window. */
const ANCHORS_PER_WINDOW = 8;

/** Unit per minute from the oldest anchor in the window; NaN until half a window of data exists. */
function rateOver(windowMs: number, anchors: readonly Anchor[], t: number, v: number): number {
  for (const [ta, va] of anchors) {
    const age = t - ta;
    if (age <= windowMs) return age >= windowMs / 2 ? ((v - va) / age) * 60_000 : NaN;
  }
  return NaN;
}

function withAnchor(windowMs: number, anchors: readonly Anchor[], t: number, v: number): readonly Anchor[] {
  const last = anchors[anchors.length - 1];
  if (last && t - last[0] < windowMs / ANCHORS_PER_WINDOW) return anchors;
  return [...anchors.filter(([ta]) => t - ta <= windowMs), [t, v]];
}

/** The common step: a crossing (or its absence) observed at data time t. */
function advance(rule: AlarmRule, s: ConditionState, t: number, crossing: boolean, v: number): ConditionState {
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
  return { ...s, active: true, crossingSince: since, presence: 'on', onset: t, valueAtOnset: v };
}

/**
 * One valid sample at data time t. A NaN holds the state: a missing value never
 * ends an alarm (invalid values arrive through `stepFault`). A valid value ends
 * a stale or invalid condition once it has lasted the rule's hysteresis (ms).
 */
export function stepCondition(rule: AlarmRule, s: ConditionState, t: number, v: number): ConditionState {
  if (Number.isNaN(v)) return s;
  const c = rule.condition;
  // A fault stamped on another clock (the wall, before any data) must not outlive valid data from an earlier time.
  if (c.kind === 'stale' || c.kind === 'invalid') return advance(rule, s, t, s.active && t >= s.lastFault && t - s.lastFault < rule.hysteresis, v);
  if (c.kind !== 'rate') return advance(rule, s, t, crosses(c, v, s.active ? rule.hysteresis : 0), v);
  const rate = rateOver(c.windowMs, s.anchors, t, v);
  const anchors = withAnchor(c.windowMs, s.anchors, t, v);
  const next = anchors === s.anchors ? s : { ...s, anchors };
  return Number.isNaN(rate) ? next : advance(rule, next, t, crosses(c, rate, s.active ? rule.hysteresis : 0), rate);
}

/** A stale or invalid report at data time t: raises the matching technical rule, holds every other. */
export function stepFault(rule: AlarmRule, s: ConditionState, t: number, fault: Fault): ConditionState {
  if (rule.condition.kind !== fault) return s;
  return advance(rule, { ...s, lastFault: t }, t, true, NaN);
}

/** Acknowledgement: silences an active alarm, clears a latched one. */
export function acknowledge(s: ConditionState): ConditionState {
  if (s.presence === 'on') return { ...s, presence: 'ack' };
  if (s.presence === 'latch') return { ...s, presence: 'off' };
  return s;
}
