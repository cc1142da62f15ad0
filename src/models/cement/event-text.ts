/**
 * The cement channel's events, as `TelemetryEvent`s with these kinds and a
 * text of `key=value` pairs separated by `;` (free text without `=` is a note):
 *
 * | kind | text | meaning |
 * | --- | --- | --- |
 * | `mix` | `cement=Name` (optional) | cement mixed: the setting clock starts (again, for a new batch) |
 * | `site` | `site=L2` | injection moves to this site |
 * | `done` | `site=L2` | this site is finished |
 * | `pause` | `reason=...` (optional) | injection held |
 * | `resume` | | injection goes on (a reported leak is no longer holding it) |
 * | `leak` | `site=L2; source=imaging; note=paravertebral vein` | a leak reported by the operator or seen on imaging: the injection is held |
 * | `end` | | the procedure ended: its channels going quiet is planned, not a lost signal (a `mix` starts it again) |
 */
export type CementEventKind = 'mix' | 'site' | 'done' | 'pause' | 'resume' | 'leak' | 'end';

export const CEMENT_EVENT_KINDS: readonly CementEventKind[] = ['mix', 'site', 'done', 'pause', 'resume', 'leak', 'end'];

export const isCementEventKind = (k: string): k is CementEventKind => (CEMENT_EVENT_KINDS as readonly string[]).includes(k);

/** The fields of an event text; free text becomes `note`. */
export function parseEventText(text: string): Record<string, string> {
  if (!text.includes('=')) return text.trim() ? { note: text.trim() } : {};
  const out: Record<string, string> = {};
  for (const part of text.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const key = part.slice(0, i).trim();
    if (key) out[key] = part.slice(i + 1).trim();
  }
  return out;
}

/** An event text from fields, the inverse of `parseEventText` for values without `;`. */
export const eventText = (fields: Record<string, string | undefined>): string =>
  Object.entries(fields)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
