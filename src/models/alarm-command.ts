/**
 * What an operator may ask of the alarm system, from anywhere: a panel, a
 * hardware button on the console, another viewer over the wire. The names
 * follow IEC 60601-1-8 inactivation states (DOMAIN.md 6.3): "paused" is
 * time-limited, "off" is indefinite.
 */
export type AlarmCommand =
  | { type: 'acknowledge'; id: string }
  | { type: 'pause-audio'; ms?: number }
  | { type: 'audio-off' }
  | { type: 'resume-audio' }
  | { type: 'pause-alarms'; ms?: number }
  | { type: 'resume-alarms' };

export const ALARM_COMMAND_TYPES = ['acknowledge', 'pause-audio', 'audio-off', 'resume-audio', 'pause-alarms', 'resume-alarms'] as const;

/** Checks an untrusted value (a wire message, a postMessage) is a command; never throws. */
export function parseAlarmCommand(x: unknown): { ok: true; value: AlarmCommand } | { ok: false; detail: string } {
  if (typeof x !== 'object' || x === null) return { ok: false, detail: 'command is not an object' };
  const r = x as Record<string, unknown>;
  if (!ALARM_COMMAND_TYPES.includes(r.type as AlarmCommand['type'])) return { ok: false, detail: `unknown command ${JSON.stringify(r.type)}` };
  if (r.type === 'acknowledge') {
    if (typeof r.id !== 'string' || r.id === '') return { ok: false, detail: 'acknowledge needs an alarm id' };
    return { ok: true, value: { type: 'acknowledge', id: r.id } };
  }
  if (r.type === 'pause-audio' || r.type === 'pause-alarms') {
    if (r.ms !== undefined && !(typeof r.ms === 'number' && r.ms > 0 && Number.isFinite(r.ms))) return { ok: false, detail: `${r.type}: ms must be a positive number` };
    return { ok: true, value: r.ms === undefined ? { type: r.type } : { type: r.type, ms: r.ms } };
  }
  return { ok: true, value: { type: r.type as 'audio-off' | 'resume-audio' | 'resume-alarms' } };
}
