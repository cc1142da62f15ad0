import { ALARM_COMMAND_TYPES, type AlarmCommand } from './alarm-command.js';
import { readLabels, type Labels } from './channel-label.js';

/**
 * What an operator (or the system, for a pause that ran out) did to the alarm
 * system: commands carried out or refused, rules added or removed, channels
 * reconfigured. IEC 60601-1-8 6.12 asks an alarm log to record inactivation
 * states as well as alarm conditions.
 */
export type AlarmActionKind = AlarmCommand['type'] | 'refused' | 'rules-added' | 'rule-removed' | 'channels-set';

/** One entry of the operator-action log: who did what, when. */
export interface AlarmAction {
  action: AlarmActionKind;
  /** The viewer that acted; `system` when a pause ran out or a higher priority ended it. */
  who: string;
  /** Wall-clock time the person acted (epoch ms): at the viewer that acted, for a remote command. */
  wall: number;
  /** Data time when it was carried out (epoch ms); NaN before any data. */
  t: number;
  /** What was acted on: an alarm occurrence (`id@occurrence`), rule ids, channel ids. */
  target?: string;
  /**
   * What else to know, in English: a pause's length, why a command was refused, that a
   * removed rule's alarm is kept. For files and readers of earlier versions; `about` says
   * the same as data, for a view to put in its own language.
   */
  detail?: string;
  /** What the action was about, as data (channels with their labels, alarms with their messages, durations): absent from earlier versions. */
  about?: AlarmActionAbout;
}

/** A channel as an action names it: its id, for machines, and its label (in other languages too), for people. */
export interface NamedChannel {
  id: string;
  label: string;
  labels?: Labels;
}

/** An alarm as an action names it: its rule's id, and its message in both languages. */
export interface NamedAlarm {
  id: string;
  message: { en: string; fr: string };
}

/**
 * What an action was about, without words, so that each view says it in its language:
 * - `channels` (`channels-set`): the channels added and removed, and `orphaned`, those
 *   removed while rules watched them (their stale alarm is raised);
 * - `rules` (`rules-added`, `rule-removed`): the rules, and for a removal the alarms
 *   `kept` until acknowledged;
 * - `alarm` (`acknowledge`): the occurrence acknowledged;
 * - `pause` (`pause-audio`, `pause-alarms`): how long, in ms;
 * - `pause-ended` (`resume-audio`, `resume-alarms` by the system): the pause ran out
 *   (`elapsed`) or an alarm of higher priority started;
 * - `refused`: why, which command (when it was one), and the alarm it named (when known).
 */
export type AlarmActionAbout =
  | { kind: 'channels'; added: NamedChannel[]; removed: NamedChannel[]; orphaned: NamedChannel[] }
  | { kind: 'rules'; rules: NamedAlarm[]; kept?: NamedAlarm[] }
  | { kind: 'alarm'; alarm: NamedAlarm; occurrence: number }
  | { kind: 'pause'; ms: number }
  | { kind: 'pause-ended'; why: 'elapsed' | 'higher-priority' }
  | { kind: 'refused'; reason: RefusalReason; command?: AlarmCommand['type']; alarm?: NamedAlarm };

/** Who acts when nobody did: a pause that ran out, or ended for a higher priority. */
export const SYSTEM_ACTOR = 'system';

/** Who acted when another viewer's command came without its origin. */
export const REMOTE_ACTOR = 'remote';

/**
 * A viewer's id when none was given: 16 random hex digits (`crypto.randomUUID` needs a
 * secure context, and hospital dashboards are often served over plain http).
 */
export const newViewerId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');

/** Whether a viewer id is one `newViewerId` made rather than a name given: people are never shown such an id alone. */
export const isGeneratedViewerId = (who: string): boolean => /^[0-9a-f]{16}$/.test(who);

/**
 * Why a command was not carried out: malformed, naming no present, unacknowledged
 * occurrence, not permitted to this viewer (a read-only credential), or not
 * delivered to the room that decides.
 */
export type RefusalReason = 'invalid' | 'not-present' | 'forbidden' | 'undelivered';
const REFUSAL_REASONS: readonly unknown[] = ['invalid', 'not-present', 'forbidden', 'undelivered'] satisfies RefusalReason[];

/** A command refused: a typed error, reported on `AlarmManager.refused`, never thrown, never acted on. */
export class AlarmCommandRefused extends Error {
  override readonly name = 'AlarmCommandRefused';
  constructor(
    /** The value given, as given. */
    readonly command: unknown,
    readonly reason: RefusalReason,
    readonly detail: string,
    /** The viewer it came from. */
    readonly who: string,
    /** Wall-clock time it was given (epoch ms). */
    readonly wall: number,
  ) {
    super(`alarm command refused (${reason}): ${detail}`);
  }
}

/** An occurrence as acknowledgements name it. */
export const occurrenceKey = (id: string, occurrence: number): string => `${id}@${occurrence}`;

type Untrusted = Record<string, unknown> | null | undefined;
const isChannel = (x: unknown) => typeof (x as Untrusted)?.id === 'string' && typeof (x as Untrusted)?.label === 'string' && !readLabels((x as Untrusted)?.labels).refused.length;
const isAlarm = (x: unknown) => {
  const m = (x as Untrusted)?.message as Untrusted;
  return typeof (x as Untrusted)?.id === 'string' && typeof m?.en === 'string' && typeof m?.fr === 'string';
};
const all = (x: unknown, is: (y: unknown) => boolean) => Array.isArray(x) && x.every(is);

/**
 * Whether a value from outside (an alarm snapshot off the wire) is an `about` this version
 * reads; never throws. One it does not (malformed, or of a later version) is left unread, and
 * the action's `detail` says it instead.
 */
export function isAlarmActionAbout(x: unknown): x is AlarmActionAbout {
  const a = x as Untrusted;
  switch (a?.kind) {
    case 'channels':
      return all(a.added, isChannel) && all(a.removed, isChannel) && all(a.orphaned, isChannel);
    case 'rules':
      return all(a.rules, isAlarm) && (a.kept === undefined || all(a.kept, isAlarm));
    case 'alarm':
      return isAlarm(a.alarm) && typeof a.occurrence === 'number';
    case 'pause':
      return typeof a.ms === 'number';
    case 'pause-ended':
      return a.why === 'elapsed' || a.why === 'higher-priority';
    case 'refused':
      return REFUSAL_REASONS.includes(a.reason) && (a.command === undefined || (ALARM_COMMAND_TYPES as readonly unknown[]).includes(a.command)) && (a.alarm === undefined || isAlarm(a.alarm));
    default:
      return false;
  }
}
