import type { AlarmCommand } from './alarm-command.js';

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
  /** What else to know: a pause's length, why a command was refused, that a removed rule's alarm is kept. */
  detail?: string;
}

/** Who acts when nobody did: a pause that ran out, or ended for a higher priority. */
export const SYSTEM_ACTOR = 'system';

/**
 * Why a command was not carried out: malformed, naming no present, unacknowledged
 * occurrence, not permitted to this viewer (a read-only credential), or not
 * delivered to the room that decides.
 */
export type RefusalReason = 'invalid' | 'not-present' | 'forbidden' | 'undelivered';

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
