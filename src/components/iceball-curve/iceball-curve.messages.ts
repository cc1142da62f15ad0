import type { Messages } from '../kit/language-controller.js';

export interface IceballWords {
  colon: string;
  before: string;
  freeze: string;
  thaw: string;
  end: string;
  elapsed: string;
  remaining: string;
  overrun: string;
  planned: string;
  measured: string;
  estimate: string;
  /** The estimate while the fallback fit makes it (no recent tip temperature). */
  fitEstimate: string;
  estimated: string;
  difference: string;
  target: string;
  covers: string;
  notCovered: string;
  covered: string;
  toNerve: string;
  toSkin: string;
  probes: string;
  sensors: string;
  nerveSensors: string;
  questionable: string;
  outsideField: string;
  iceShrinking: string;
  colderThanTip: string;
  noData: string;
  diameter: string;
  time: string;
  plan: string;
  curve: string;
}

export const iceballMessages: Messages<IceballWords> = {
  en: {
    colon: ': ',
    before: 'Not started',
    freeze: 'Freeze',
    thaw: 'Thaw',
    end: 'Done',
    elapsed: 'elapsed',
    remaining: 'remaining',
    overrun: 'over plan',
    planned: 'planned',
    measured: 'measured',
    estimate: 'estimate',
    fitEstimate: 'estimate (fit: no tip temperature)',
    estimated: 'est.',
    difference: 'diff.',
    target: 'target + margin',
    covers: 'covers target at',
    notCovered: 'target not covered',
    covered: 'target covered',
    toNerve: '0 °C edge to nerve',
    toSkin: '0 °C edge to skin',
    probes: 'Probe tips',
    sensors: 'Thermosensors',
    nerveSensors: 'Sensors beside a nerve (10–45 °C)',
    questionable: 'Questionable',
    outsideField: 'outside the field',
    iceShrinking: 'ice shrinking during a freeze',
    colderThanTip: 'colder than the probe tips',
    noData: 'no data',
    diameter: 'Ice-ball diameter',
    time: 'procedure time',
    plan: 'Plan view, estimated isotherms',
    curve: 'Ice-ball diameter per isotherm against time',
  },
  fr: {
    colon: ' : ',
    before: 'Pas commencé',
    freeze: 'Congélation',
    thaw: 'Décongélation',
    end: 'Terminé',
    elapsed: 'écoulé',
    remaining: 'restant',
    overrun: 'au-delà du plan',
    planned: 'prévu',
    measured: 'mesuré',
    estimate: 'estimation',
    fitEstimate: 'estimation (ajustement : pas de température de pointe)',
    estimated: 'est.',
    difference: 'écart',
    target: 'cible + marge',
    covers: 'couvre la cible à',
    notCovered: 'cible non couverte',
    covered: 'cible couverte',
    toNerve: 'bord 0 °C – nerf',
    toSkin: 'bord 0 °C – peau',
    probes: 'Pointes des sondes',
    sensors: 'Thermocapteurs',
    nerveSensors: 'Capteurs près d’un nerf (10–45 °C)',
    questionable: 'Douteux',
    outsideField: 'hors du champ',
    iceShrinking: 'glaçon qui diminue pendant une congélation',
    colderThanTip: 'plus froid que les pointes des sondes',
    noData: 'pas de données',
    diameter: 'Diamètre du glaçon',
    time: 'temps de la procédure',
    plan: 'Vue en plan, isothermes estimées',
    curve: 'Diamètre du glaçon par isotherme en fonction du temps',
  },
};
