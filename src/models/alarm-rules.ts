import type { ChannelDescriptor } from './channel.js';
import type { Crossing } from './channel-reading.js';

/**
 * Alarm rules, in the vocabulary of IEEE 11073 SDC (BICEPS): priority Hi/Me/Lo,
 * kind Phy/Tec/Oth, a condition generation delay (our onset delay), latching.
 */
export type Priority = 'hi' | 'me' | 'lo';
export type AlarmKind = 'phy' | 'tec' | 'oth';

export type Condition =
  | { kind: 'above'; limit: number }
  | { kind: 'below'; limit: number }
  | { kind: 'outside'; low: number; high: number }
  /**
   * Changing faster than `perMin` (channel unit per minute) over `windowMs`:
   * a positive limit watches a rise, a negative one a fall.
   */
  | { kind: 'rate'; perMin: number; windowMs: number }
  /** No data for longer than the channel's expected interval times a factor: a technical condition. */
  | { kind: 'stale' }
  /** Values refused as invalid (NaN, out of physical range, time going backwards): a technical condition. */
  | { kind: 'invalid' }
  /**
   * A condition judged outside the rules (a transport down, an engine's finding), raised and
   * cleared by its owner through `AlarmManager.setTechnical`; never a channel rule. `against`:
   * the limit its value is judged against, when it has one value and one limit.
   */
  | { kind: 'external'; against?: ExternalLimit };

/**
 * The limit of a condition judged outside the rules, and how its value reads: there is no
 * channel to take the unit from (a supply pressure in MPa converted from the channel's kPa,
 * a count of roll-offs). `unit` is UCUM, as a channel's.
 */
export interface ExternalLimit extends Pick<ChannelDescriptor, 'unit' | 'decimals' | 'count'> {
  limit: number;
  /** Which way a value crosses the limit to raise the condition. */
  crossing: Crossing;
}

/** What the owner of a condition judged outside the rules measured: the value it raised it on, against its limit. */
export interface AlarmReading extends ExternalLimit {
  value: number;
}

export interface AlarmRule {
  id: string;
  channel: string;
  condition: Condition;
  priority: Priority;
  kind: AlarmKind;
  /** The crossing must last this long on data time before the alarm is raised (ms). */
  onsetDelayMs: number;
  /**
   * A crossing is broken only when the value comes back past the limit by this
   * much, both during the onset delay and once raised: channel unit, unit per
   * minute for a rate, ms of valid data for stale and invalid, ms cleared for an
   * external condition.
   */
  hysteresis: number;
  /** A latching alarm stays shown after its condition ends, until acknowledged. */
  latching: boolean;
  message: { en: string; fr: string };
}

export const PRIORITY_RANK: Record<Priority, number> = { hi: 3, me: 2, lo: 1 };

/** The text marker of each priority, so colour is never the only cue (IEC 60601-1-8: `***`, `**`, `*`). */
export const PRIORITY_MARKER: Record<Priority, string> = { hi: '***', me: '**', lo: '*' };

/**
 * Refuses a rule set that cannot work, naming the rule: never a silent
 * misconfiguration. `taken` holds the ids already in use (rules accepted
 * earlier, technical conditions): only the new rules are judged, so a rule once
 * accepted is never refused later.
 */
export function checkRules(rules: readonly AlarmRule[], channels: readonly string[], taken: ReadonlySet<string> = new Set()): void {
  const ids = new Set<string>(taken);
  for (const r of rules) {
    const fail = (why: string) => {
      throw new Error(`alarm rule '${r?.id}': ${why}`);
    };
    if (typeof r !== 'object' || r === null) throw new Error(`alarm rule ${String(r)}: not a rule`);
    if (typeof r.id !== 'string' || r.id === '') fail('the id must be a non-empty string');
    if (ids.has(r.id)) fail('duplicate id');
    ids.add(r.id);
    if (!channels.includes(r.channel)) fail(`unknown channel '${r.channel}'`);
    if (!(r.priority in PRIORITY_RANK)) fail(`unknown priority '${r.priority}'`);
    if (!['phy', 'tec', 'oth'].includes(r.kind)) fail(`unknown kind '${r.kind}'`);
    if (typeof r.latching !== 'boolean') fail('latching must be true or false');
    if (!(r.onsetDelayMs >= 0)) fail(`onset delay must be >= 0 ms, got ${r.onsetDelayMs}`);
    if (!(r.hysteresis >= 0)) fail(`hysteresis must be >= 0, got ${r.hysteresis}`);
    const c = r.condition;
    if (typeof c !== 'object' || c === null || !CONDITION_KINDS.includes(c.kind)) fail(`unknown condition ${JSON.stringify(c?.kind)}`);
    if (c.kind === 'external') fail('an external condition is set by its owner (setTechnical), not declared as a rule');
    if (c.kind === 'outside' && !(c.low < c.high)) fail(`inverted band: low ${c.low} is not below high ${c.high}`);
    // Once raised, an 'outside' alarm ends only inside [low + h, high - h]: an empty band never ends it.
    if (c.kind === 'outside' && !(c.high - c.low > 2 * r.hysteresis)) fail(`band ${c.low}..${c.high} is not wider than twice the hysteresis ${r.hysteresis}: the alarm could never end`);
    if ((c.kind === 'above' || c.kind === 'below') && !Number.isFinite(c.limit)) fail(`limit must be a number, got ${c.limit}`);
    if (c.kind === 'rate' && !(Number.isFinite(c.perMin) && c.perMin !== 0)) fail(`rate limit must be a non-zero number, got ${c.perMin}`);
    // Likewise a rate alarm ends only below |limit| - h: a steady value (rate 0) must end it.
    if (c.kind === 'rate' && !(r.hysteresis < Math.abs(c.perMin))) fail(`hysteresis ${r.hysteresis} is not below the rate limit ${Math.abs(c.perMin)}: the alarm could never end`);
    if (c.kind === 'rate' && !(c.windowMs > 0)) fail(`rate window must be > 0 ms, got ${c.windowMs}`);
    if (c.kind === 'stale' && r.onsetDelayMs > 0) fail('a stale condition has no onset delay: its delay is the channel interval times the stale factor');
  }
}

const CONDITION_KINDS: readonly string[] = ['above', 'below', 'outside', 'rate', 'stale', 'invalid', 'external'];

/** The limit a value crossed, for the log (unit per minute for a rate); none for stale and invalid. */
export function crossedLimit(c: Condition, v: number): number | undefined {
  switch (c.kind) {
    case 'above':
    case 'below':
      return c.limit;
    case 'outside':
      return v > c.high ? c.high : c.low;
    case 'rate':
      return c.perMin;
    case 'external':
      return c.against?.limit;
    default:
      return undefined;
  }
}

/** Which way a value crossed the condition's limit (a rate's: the way it watches). */
export function crossingOf(c: Condition, v: number): Crossing {
  switch (c.kind) {
    case 'below':
      return 'below';
    case 'outside':
      return v < c.low ? 'below' : 'above';
    case 'rate':
      return c.perMin < 0 ? 'below' : 'above';
    case 'external':
      return c.against?.crossing ?? 'above';
    default:
      return 'above';
  }
}
