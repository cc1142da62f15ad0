import type { Messages } from '../kit/language-controller.js';

export interface ThermalMapWords {
  colon: string;
  temperature: string;
  dose: string;
  damage: string;
  coverage: string;
  coverageOf: (marginMm: string) => string;
  masked: string;
  noMap: string;
  stale: (age: string) => string;
  max: string;
  geometry: string;
  mapsStopped: (label: string) => string;
  geometryChanged: (label: string) => string;
  lethalCem43: string;
  lethalOmega: string;
  isotherms: string;
  tumour: string;
  margin: string;
  protectedStructure: string;
}

export const thermalMapMessages: Messages<ThermalMapWords> = {
  en: {
    colon: ': ',
    temperature: 'Temperature',
    dose: 'Dose',
    damage: 'Damage Ω',
    coverage: 'Coverage',
    coverageOf: (m) => `of tumour + ${m} margin`,
    masked: 'masked',
    noMap: 'No temperature map yet',
    stale: (age) => `No new map for ${age}`,
    max: 'max',
    geometry: 'Map refused: its size or spacing changed',
    mapsStopped: (l) => `${l}: temperature maps stopped`,
    geometryChanged: (l) => `${l}: map geometry changed, map refused`,
    lethalCem43: 'lethal dose',
    lethalOmega: 'Ω = 1',
    isotherms: 'isotherms',
    tumour: 'tumour',
    margin: 'margin',
    protectedStructure: 'protected structure',
  },
  fr: {
    colon: ' : ',
    temperature: 'Température',
    dose: 'Dose',
    damage: 'Lésion Ω',
    coverage: 'Couverture',
    coverageOf: (m) => `de la tumeur + marge de ${m}`,
    masked: 'masqués',
    noMap: 'Pas encore de carte de température',
    stale: (age) => `Pas de nouvelle carte depuis ${age}`,
    max: 'max',
    geometry: 'Carte refusée : sa taille ou son pas a changé',
    mapsStopped: (l) => `${l} : les cartes de température se sont arrêtées`,
    geometryChanged: (l) => `${l} : géométrie de la carte modifiée, carte refusée`,
    lethalCem43: 'dose létale',
    lethalOmega: 'Ω = 1',
    isotherms: 'isothermes',
    tumour: 'tumeur',
    margin: 'marge',
    protectedStructure: 'structure à protéger',
  },
};
