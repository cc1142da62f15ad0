import { MAX_PAUSE_MS } from './alarm-system.js';

/**
 * What an operator may ask of the alarm system, from anywhere: a panel, a
 * hardware button on the console, another viewer over the wire. The names
 * follow the IEC 60601-1-8 inactivation states: "paused" is time-limited,
 * "off" is indefinite.
 *
 * An acknowledgement names the occurrence it acts on (the condition's id and
 * the occurrence's `ConditionState.occurrence`), so one that arrives late, from
 * a viewer that saw an occurrence since ended, never reaches a new one.
 */
export type AlarmCommand =
  | { type: 'acknowledge'; id: string; occurrence: number }
  | { type: 'pause-audio'; ms?: number }
  | { type: 'audio-off' }
  | { type: 'resume-audio' }
  | { type: 'pause-alarms'; ms?: number }
  | { type: 'resume-alarms' };

export const ALARM_COMMAND_TYPES = ['acknowledge', 'pause-audio', 'audio-off', 'resume-audio', 'pause-alarms', 'resume-alarms'] as const;

/**
 * Checks an untrusted value (an API call, a wire message, a postMessage) is a
 * command, keeping only its fields; never throws. Every path into the alarm
 * system goes through it.
 */
export function parseAlarmCommand(x: unknown): { ok: true; value: AlarmCommand } | { ok: false; detail: string } {
  if (typeof x !== 'object' || x === null) return { ok: false, detail: 'command is not an object' };
  const r = x as Record<string, unknown>;
  if (!ALARM_COMMAND_TYPES.includes(r.type as AlarmCommand['type'])) return { ok: false, detail: `unknown command ${JSON.stringify(r.type) ?? 'undefined'}` };
  if (r.type === 'acknowledge') {
    if (typeof r.id !== 'string' || r.id === '') return { ok: false, detail: 'acknowledge needs an alarm id' };
    if (typeof r.occurrence !== 'number' || !Number.isFinite(r.occurrence)) return { ok: false, detail: 'acknowledge needs the occurrence it acknowledges (a finite number)' };
    return { ok: true, value: { type: 'acknowledge', id: r.id, occurrence: r.occurrence } };
  }
  if (r.type === 'pause-audio' || r.type === 'pause-alarms') {
    if (r.ms !== undefined && !(typeof r.ms === 'number' && r.ms > 0 && Number.isFinite(r.ms))) return { ok: false, detail: `${r.type}: ms must be a positive number` };
    // A pause is time-limited (IEC 60601-1-8): a longer one is refused, never shortened unsaid.
    if (typeof r.ms === 'number' && r.ms > MAX_PAUSE_MS) return { ok: false, detail: `${r.type}: ${r.ms} ms is longer than the ${MAX_PAUSE_MS} ms a pause may last` };
    return { ok: true, value: r.ms === undefined ? { type: r.type } : { type: r.type, ms: r.ms } };
  }
  return { ok: true, value: { type: r.type as 'audio-off' | 'resume-audio' | 'resume-alarms' } };
}
