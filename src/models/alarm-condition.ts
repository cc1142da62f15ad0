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
  /** Data time the current (or last) occurrence was raised; NaN before any. */
  onset: number;
  /**
   * Names the current (or last) occurrence, for acknowledgements: its onset,
   * raised past the previous occurrence's when two would share one (events at
   * one data time, or a wall-clock stamp before data), so within one condition
   * it only grows and never names two occurrences. Viewers that evaluate the
   * same data compute the same value, so it names the occurrence between them.
   */
  occurrence: number;
  /**
   * The value that crossed: the furthest past the limit in the crossing up to onset (the sample,
   * or the rate in unit per minute for a rate rule), so the log never shows a value on the
   * safe side of the limit it names, as the value at onset can be within the hysteresis.
   */
  valueAtOnset: number;
  /** The furthest value past the limit in the current crossing (NaN when none). */
  peak: number;
  /** Data time of the last stale or invalid report, for technical rules. */
  lastFault: number;
  /** Wall-clock time an external condition was first reported clear since it was last present; NaN otherwise. */
  clearSince: number;
  /** Recent points, for rate rules only. */
  anchors: readonly Anchor[];
}

const NO_ANCHORS: readonly Anchor[] = [];

export const initialCondition = (): ConditionState => ({
  active: false, crossingSince: NaN, presence: 'off', onset: NaN, occurrence: NaN, valueAtOnset: NaN, peak: NaN, lastFault: NaN, clearSince: NaN, anchors: NO_ANCHORS,
});

/** What a channel can report instead of a value. */
export type Fault = 'stale' | 'invalid';

/**
 * Whether v crosses the limit. Once a crossing has begun (during the onset
 * delay as well as once raised) it is broken only by coming back past the
 * limit by the hysteresis, so noise that crosses back briefly neither ends an
 * alarm nor restarts its onset delay.
 */
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
    return { ...s, active: false, crossingSince: NaN, peak: NaN, presence };
  }
  if (s.active) return s;
  const since = Number.isNaN(s.crossingSince) ? t : s.crossingSince;
  const peak = beyond(rule.condition, v) > beyond(rule.condition, s.peak) || Number.isNaN(s.peak) ? v : s.peak;
  if (t - since < rule.onsetDelayMs) return since === s.crossingSince && peak === s.peak ? s : { ...s, crossingSince: since, peak };
  // Back before anyone acknowledged it (a latched alarm, a limit crossed pulse after pulse): the
  // same occurrence, shown active again with its worst value, not a new alarm to sound and log.
  if (s.presence === 'latch') return { ...s, active: true, crossingSince: since, presence: 'on', valueAtOnset: worse(rule.condition, s.valueAtOnset, peak), peak };
  // Raised again after an acknowledgement or an end: a new occurrence, to be acknowledged again.
  const occurrence = Number.isNaN(s.occurrence) || t > s.occurrence ? t : after(s.occurrence);
  return { ...s, active: true, crossingSince: since, presence: 'on', onset: t, occurrence, valueAtOnset: peak, peak };
}

/** How far v is past the condition's limit (negative on the safe side; NaN for a condition without one). */
function beyond(c: Condition, v: number): number {
  switch (c.kind) {
    case 'above':
      return v - c.limit;
    case 'below':
      return c.limit - v;
    case 'outside':
      return Math.max(v - c.high, c.low - v);
    case 'rate':
      return c.perMin > 0 ? v - c.perMin : c.perMin - v;
    case 'external':
      return !c.against ? NaN : c.against.crossing === 'above' ? v - c.against.limit : c.against.limit - v;
    default:
      return NaN;
  }
}

/** Of two values, the one further past the condition's limit. */
const worse = (c: Condition, a: number, b: number): number => (Number.isNaN(a) || beyond(c, b) > beyond(c, a) ? b : a);

/** The next double above x. */
const after = (x: number): number => x + Math.max(Math.abs(x) * Number.EPSILON, Number.MIN_VALUE);

/** Whether a crossing has begun: raised, or counting its onset delay. */
const crossingBegun = (s: ConditionState): boolean => s.active || !Number.isNaN(s.crossingSince);

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
  if (c.kind === 'external') return s;
  if (c.kind !== 'rate') return advance(rule, s, t, crosses(c, v, crossingBegun(s) ? rule.hysteresis : 0), v);
  const rate = rateOver(c.windowMs, s.anchors, t, v);
  const anchors = withAnchor(c.windowMs, s.anchors, t, v);
  const next = anchors === s.anchors ? s : { ...s, anchors };
  return Number.isNaN(rate) ? next : advance(rule, next, t, crosses(c, rate, crossingBegun(s) ? rule.hysteresis : 0), rate);
}

/** A stale or invalid report at data time t: raises the matching technical rule, holds every other. */
export function stepFault(rule: AlarmRule, s: ConditionState, t: number, fault: Fault): ConditionState {
  if (rule.condition.kind !== fault) return s;
  return advance(rule, { ...s, lastFault: t }, t, true, NaN);
}

/**
 * An external technical condition (a transport down) reported present or clear
 * by its owner at data time t (for the onset) and wall-clock time `wall`. One
 * outage is one occurrence: it ends only once reported clear for the rule's
 * hysteresis (ms, wall clock), so reconnect attempts do not restart it and an
 * acknowledgement holds through them. Call again while clear to let it end.
 * `v`: the value its owner judged it on (NaN for none), kept as the value at
 * onset of a new occurrence; one latched and back keeps the worse of the two.
 */
export function stepExternal(rule: AlarmRule, s: ConditionState, t: number, wall: number, present: boolean, v = NaN): ConditionState {
  if (rule.condition.kind !== 'external') return s;
  const over = (x: ConditionState) => x.active && wall - x.clearSince >= rule.hysteresis;
  if (present) {
    // Clear for the hold time since the last report: that outage ended, this is a new one.
    const from = over(s) ? advance(rule, s, t, false, NaN) : s;
    if (from.active) return Number.isNaN(from.clearSince) ? from : { ...from, clearSince: NaN };
    return advance(rule, { ...from, crossingSince: NaN, clearSince: NaN }, t, true, v);
  }
  if (!s.active) return s;
  const cleared = Number.isNaN(s.clearSince) ? { ...s, clearSince: wall } : s;
  return over(cleared) ? advance(rule, { ...cleared, clearSince: NaN }, t, false, NaN) : cleared;
}

/**
 * Acknowledgement of the occurrence named `occurrence`: silences it while
 * active, clears it once latched. Any other occurrence, earlier or later, is
 * left as it is: an acknowledgement never reaches an alarm nobody saw.
 */
export function acknowledge(s: ConditionState, occurrence: number): ConditionState {
  if (occurrence !== s.occurrence) return s;
  if (s.presence === 'on') return { ...s, presence: 'ack' };
  if (s.presence === 'latch') return { ...s, presence: 'off' };
  return s;
}
