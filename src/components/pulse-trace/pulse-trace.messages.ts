import type { Messages } from '../kit/language-controller.js';

export interface PulseTraceWords {
  pair: string;
  field: string;
  pulses: string;
  failed: string;
  meanI: string;
  resistance: string;
  deltaR: string;
  state: string;
  /** After a set voltage held at the generator's maximum. */
  generatorLimit: string;
  /** After a field other than the one asked: the field asked, with its unit (`1,500 V/cm`). */
  asked: (field: string) => string;
  states: Record<'pending' | 'active' | 'done' | 'failed', string>;
  map: string;
  timeline: string;
  trace: string;
  ecg: string;
  noPulse: string;
  colon: string;
  /** `{d} of {p} delivered` */
  deliveredOf: (d: string, p: string) => string;
  failedN: (n: string) => string;
  missingN: (n: string) => string;
  train: (n: string, failed: string) => string;
  trainEnded: string;
  latest: string;
  /** The generator has been silent this long (an age such as `12 s`). */
  stale: (age: string) => string;
}

export const pulseTraceMessages: Messages<PulseTraceWords> = {
  en: {
    pair: 'Pair', field: 'Set', pulses: 'Pulses', failed: 'Failed', meanI: 'Mean current', resistance: 'Resistance first → last', deltaR: 'ΔR', state: 'State',
    generatorLimit: 'generator limit', asked: (f) => `${f} asked`,
    states: { pending: 'pending', active: 'under way', done: 'done', failed: 'failed' },
    map: 'Electrode map', timeline: 'Train: one mark per pulse, height is current', trace: 'Voltage and current of the latest pulses', ecg: 'ECG', noPulse: 'No pulse yet', colon: ': ',
    deliveredOf: (d, p) => `${d} of ${p} delivered`, failedN: (n) => `${n} failed`, missingN: (n) => `${n} missing`,
    train: (n, f) => `Train: ${n} pulses, ${f} failed`, trainEnded: 'train ended', latest: 'latest pulse', stale: (age) => `No data from the generator for ${age}: what is shown is not live`,
  },
  fr: {
    pair: 'Paire', field: 'Consigne', pulses: 'Impulsions', failed: 'Échouées', meanI: 'Courant moyen', resistance: 'Résistance première → dernière', deltaR: 'ΔR', state: 'État',
    generatorLimit: 'limite du générateur', asked: (f) => `${f} demandés`,
    states: { pending: 'en attente', active: 'en cours', done: 'terminée', failed: 'en échec' },
    map: 'Carte des électrodes', timeline: 'Train : une marque par impulsion, hauteur = courant', trace: 'Tension et courant des dernières impulsions', ecg: 'ECG', noPulse: 'Aucune impulsion', colon: ' : ',
    deliveredOf: (d, p) => `${d} sur ${p} délivrées`, failedN: (n) => `${n} échouée(s)`, missingN: (n) => `${n} manquante(s)`,
    train: (n, f) => `Train : ${n} impulsions, ${f} échouée(s)`, trainEnded: 'train terminé', latest: 'dernière impulsion', stale: (age) => `Aucune donnée du générateur depuis ${age} : l’affichage n’est pas en direct`,
  },
};
