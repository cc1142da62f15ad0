import type { Messages } from '../kit/language-controller.js';
import type { AlarmCommand } from '../../models/alarm-command.js';
import type { AlarmActionAbout, AlarmActionKind, RefusalReason } from '../../models/alarm-record.js';

type Why = Extract<AlarmActionAbout, { kind: 'pause-ended' }>['why'];

export interface AlarmLogWords {
  onset: string;
  priority: string;
  message: string;
  value: string;
  limit: string;
  acknowledged: string;
  ended: string;
  export: string;
  empty: string;
  by: string;
  actions: string;
  wall: string;
  dataTime: string;
  who: string;
  action: string;
  detail: string;
  /** Each action, in the action column. */
  actionNames: Record<AlarmActionKind, string>;
  /** Each command, as a refusal names it. */
  command: Record<AlarmCommand['type'], string>;
  refused: Record<RefusalReason, string>;
  pauseEnded: Record<Why, string>;
  rules: (n: number) => string;
  /** The viewer the log is shown on, the alarm system itself, another viewer whose name is not known, one known only by its generated id. */
  thisViewer: string;
  system: string;
  otherViewer: string;
  unnamedViewer: (shortId: string) => string;
  quote: (text: string) => string;
  /** A command and the alarm it named. */
  of: (command: string, alarm: string) => string;
  added: (channels: string) => string;
  removed: (channels: string) => string;
  orphaned: (channels: string) => string;
  kept: (alarm: string) => string;
  colon: string;
  /** Between the parts of one action's details. */
  separator: string;
}

export const alarmLogMessages: Messages<AlarmLogWords> = {
  en: {
    onset: 'Onset', priority: 'Priority', message: 'Alarm', value: 'Value', limit: 'Limit', acknowledged: 'Acknowledged', ended: 'Ended', export: 'Export CSV', empty: 'No alarm so far', by: 'by',
    actions: 'Operator actions', wall: 'Time', dataTime: 'Data time', who: 'Viewer', action: 'Action', detail: 'Details',
    actionNames: { acknowledge: 'Acknowledged', 'pause-audio': 'Audio paused', 'audio-off': 'Audio off', 'resume-audio': 'Audio resumed', 'pause-alarms': 'Alarms paused', 'resume-alarms': 'Alarms resumed', refused: 'Command refused', 'rules-added': 'Rules added', 'rule-removed': 'Rules removed', 'channels-set': 'Channels changed' },
    command: { acknowledge: 'acknowledgement', 'pause-audio': 'audio pause', 'audio-off': 'audio off', 'resume-audio': 'audio resumption', 'pause-alarms': 'alarm pause', 'resume-alarms': 'alarm resumption' },
    refused: { invalid: 'malformed command', 'not-present': 'no longer present or already acknowledged', forbidden: 'not permitted: read-only access', undelivered: 'the room did not answer: nothing was done' },
    pauseEnded: { elapsed: 'pause over', 'higher-priority': 'a higher-priority alarm started' },
    rules: (n) => `${n} rule${n === 1 ? '' : 's'}`,
    thisViewer: 'this console', system: 'system', otherViewer: 'another console', unnamedViewer: (id) => `console ${id}`,
    quote: (t) => `“${t}”`,
    of: (command, alarm) => `${command} of ${alarm}`,
    added: (c) => `added ${c}`,
    removed: (c) => `removed ${c}`,
    orphaned: (c) => `rules on ${c} can no longer be evaluated (no data)`,
    kept: (a) => `${a} kept until acknowledged`,
    colon: ': ',
    separator: '; ',
  },
  fr: {
    onset: 'Début', priority: 'Priorité', message: 'Alarme', value: 'Valeur', limit: 'Limite', acknowledged: 'Acquittée', ended: 'Fin', export: 'Exporter en CSV', empty: 'Aucune alarme', by: 'par',
    actions: 'Actions des opérateurs', wall: 'Heure', dataTime: 'Heure des données', who: 'Poste', action: 'Action', detail: 'Détails',
    actionNames: { acknowledge: 'Acquittement', 'pause-audio': 'Audio en pause', 'audio-off': 'Audio coupé', 'resume-audio': 'Audio repris', 'pause-alarms': 'Alarmes en pause', 'resume-alarms': 'Alarmes reprises', refused: 'Commande refusée', 'rules-added': 'Règles ajoutées', 'rule-removed': 'Règles retirées', 'channels-set': 'Voies modifiées' },
    command: { acknowledge: 'acquittement', 'pause-audio': 'pause audio', 'audio-off': 'coupure audio', 'resume-audio': 'reprise audio', 'pause-alarms': 'pause des alarmes', 'resume-alarms': 'reprise des alarmes' },
    refused: { invalid: 'commande mal formée', 'not-present': 'alarme plus présente ou déjà acquittée', forbidden: 'non autorisée : accès en lecture seule', undelivered: 'la salle n’a pas répondu : rien n’a été fait' },
    pauseEnded: { elapsed: 'fin de la pause', 'higher-priority': 'une alarme de priorité plus haute est apparue' },
    rules: (n) => `${n} règle${n === 1 ? '' : 's'}`,
    thisViewer: 'ce poste', system: 'système', otherViewer: 'un autre poste', unnamedViewer: (id) => `poste ${id}`,
    quote: (t) => `«\u00a0${t}\u00a0»`,
    of: (command, alarm) => `${command} de ${alarm}`,
    added: (c) => `ajout : ${c}`,
    removed: (c) => `retrait : ${c}`,
    orphaned: (c) => `les règles sur ${c} ne peuvent plus être évaluées (pas de données)`,
    kept: (a) => `${a} conservée jusqu’à son acquittement`,
    colon: ' : ',
    separator: ' ; ',
  },
};
