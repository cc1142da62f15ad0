import type { ConditionState } from './alarm-condition.js';
import { isAlarmActionAbout, type AlarmAction } from './alarm-record.js';
import type { AlarmRule, Condition, ExternalLimit } from './alarm-rules.js';
import { readLabels } from './channel-label.js';
import type { AlarmSystemState } from './alarm-system.js';
import { errorText } from './error-text.js';

/** Version of the alarm snapshot a room publishes; a viewer refuses any other. */
export const ALARM_SNAPSHOT_VERSION = 1;

/** One present condition, as the deciding room holds it. */
export interface SnapshotAlarm {
  rule: AlarmRule;
  state: ConditionState;
  retired?: boolean;
}

/** A change of presence, as the deciding room saw it (who acknowledged, and when). */
export interface SnapshotChange extends SnapshotAlarm {
  t: number;
  wall: number;
  previous: ConditionState['presence'];
  by?: string;
}

/**
 * Everything a viewer needs to show one room's alarm decision: the present
 * conditions (in the deciding manager's order), the alarm system's pauses, and
 * what changed and who acted since the previous snapshot. One room decides;
 * every viewer renders this, so none disagrees with another.
 */
export interface AlarmSnapshot {
  ver: number;
  /** The deciding room's id for itself (the edge's sender name). */
  sender: string;
  present: SnapshotAlarm[];
  system: AlarmSystemState;
  changes: SnapshotChange[];
  actions: AlarmAction[];
}

// JSON has no NaN or Infinity, and the alarm state is full of NaN (no onset yet, no pause).
const NUMBER_TAG = '$num';

/** The snapshot as JSON, non-finite numbers kept (as `{"$num":"NaN"}`). */
export function encodeAlarmSnapshot(s: AlarmSnapshot): string {
  return JSON.stringify(s, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? { [NUMBER_TAG]: String(v) } : v));
}

type Untrusted = Record<string, unknown> | null | undefined;
const isLabelled = (x: unknown) => typeof (x as Untrusted)?.label === 'string' && !readLabels((x as Untrusted)?.labels).refused.length;

/** Whether an engine condition's limit off the wire is one this version reads: a number, a way, a unit in text, a count's nouns. */
function isExternalLimit(x: unknown): x is ExternalLimit {
  const a = x as Untrusted;
  const count = a?.count as Untrusted;
  return (
    typeof a?.limit === 'number' && (a.crossing === 'above' || a.crossing === 'below') && typeof a.unit === 'string' &&
    (a.decimals === undefined || typeof a.decimals === 'number') && (count === undefined || (isLabelled(count?.one) && isLabelled(count?.other)))
  );
}

/** Reads a snapshot; never throws. Another version, or something else, is refused with the reason. */
export function decodeAlarmSnapshot(text: string): { ok: true; value: AlarmSnapshot } | { ok: false; detail: string } {
  let o: unknown;
  try {
    o = JSON.parse(text, (_k, v) => (v !== null && typeof v === 'object' && Object.keys(v).length === 1 && typeof v[NUMBER_TAG] === 'string' ? Number(v[NUMBER_TAG]) : v));
  } catch (e) {
    return { ok: false, detail: errorText(e) };
  }
  const r = o as Partial<AlarmSnapshot> | null;
  if (typeof r !== 'object' || r === null) return { ok: false, detail: 'alarm snapshot is not an object' };
  if (r.ver !== ALARM_SNAPSHOT_VERSION) return { ok: false, detail: `alarm snapshot version ${JSON.stringify(r.ver)}, this viewer reads ${ALARM_SNAPSHOT_VERSION}` };
  if (!Array.isArray(r.present) || !Array.isArray(r.changes) || !Array.isArray(r.actions) || typeof r.system !== 'object' || r.system === null || typeof r.sender !== 'string')
    return { ok: false, detail: 'alarm snapshot lacks present, system, changes, actions or sender' };
  const wellFormed = (a: SnapshotAlarm) => typeof a?.rule?.id === 'string' && typeof a.rule.message?.en === 'string' && typeof a?.state?.presence === 'string';
  if (!r.present.every(wellFormed) || !r.changes.every(wellFormed)) return { ok: false, detail: 'alarm snapshot holds a malformed alarm' };
  // An action's `about` this viewer cannot read (malformed, or of a later version) is left out: its `detail` still says it.
  // Likewise an engine condition's limit, and its value with it (a number without the unit it is in): its message still says them.
  for (const a of [...r.present, ...r.changes]) {
    const c = a.rule.condition as Partial<Extract<Condition, { kind: 'external' }>> | undefined;
    if (c?.kind !== 'external' || c.against === undefined || isExternalLimit(c.against)) continue;
    delete c.against;
    a.state.valueAtOnset = NaN;
  }
  for (const a of r.actions as Partial<AlarmAction>[]) if (a?.about !== undefined && !isAlarmActionAbout(a.about)) delete a.about;
  return { ok: true, value: r as AlarmSnapshot };
}
