import type { Messages } from '../kit/language-controller.js';
import type { CementPhase } from '../../models/cement/setting.js';
import type { CementFindingReason, SiteStatus } from '../../models/cement/ledger.js';

export interface CementWords {
  phase: Record<CementPhase, string>;
  status: Record<SiteStatus, string>;
  finding: Record<CementFindingReason, string>;
  workingLeft: string;
  workingOver: string;
  setIn: string;
  paused: string;
  leakHeld: string;
  leak: string;
  flow: string;
  pressure: string;
  total: string;
  planned: string;
  max: string;
  of: string;
  stale: string;
  refused: string;
  volumeCurve: string;
  pressureTrace: string;
  colon: string;
}

export const cementMessages: Messages<CementWords> = {
  en: {
    phase: { unmixed: 'Cement not mixed', liquid: 'Liquid', paste: 'Paste (working)', hardening: 'Hardening', set: 'Set' },
    status: { waiting: 'waiting', injecting: 'injecting', done: 'done' },
    finding: { 'volume-decreased': 'volume reading went down: last valid volume kept', 'site-not-in-plan': 'site not in the plan', 'volume-after-set': 'volume rising while the cement is set', 'bad-event': 'unreadable event' },
    workingLeft: 'working time left',
    workingOver: 'working time over',
    setIn: 'set in',
    paused: 'INJECTION PAUSED',
    leakHeld: 'LEAK — INJECTION HELD',
    leak: 'leak',
    flow: 'Flow',
    pressure: 'Pressure',
    total: 'Total',
    planned: 'planned',
    max: 'max',
    of: 'of',
    stale: 'no recent data',
    refused: 'reading refused',
    volumeCurve: 'Injected volume per site',
    pressureTrace: 'Injection pressure',
    colon: ': ',
  },
  fr: {
    phase: { unmixed: 'Ciment non préparé', liquid: 'Liquide', paste: 'Pâteux (travail)', hardening: 'Durcissement', set: 'Pris' },
    status: { waiting: 'en attente', injecting: 'en injection', done: 'terminé' },
    finding: { 'volume-decreased': 'volume mesuré en baisse : dernier volume valide conservé', 'site-not-in-plan': 'site hors du plan', 'volume-after-set': 'volume en hausse alors que le ciment a pris', 'bad-event': 'événement illisible' },
    workingLeft: 'temps de travail restant',
    workingOver: 'temps de travail écoulé',
    setIn: 'prise dans',
    paused: 'INJECTION EN PAUSE',
    leakHeld: 'FUITE — INJECTION SUSPENDUE',
    leak: 'fuite',
    flow: 'Débit',
    pressure: 'Pression',
    total: 'Total',
    planned: 'prévu',
    max: 'max',
    of: 'sur',
    stale: 'pas de données récentes',
    refused: 'mesure refusée',
    volumeCurve: 'Volume injecté par site',
    pressureTrace: 'Pression d’injection',
    colon: ' : ',
  },
};
