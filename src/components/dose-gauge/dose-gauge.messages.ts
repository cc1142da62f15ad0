import type { Messages } from '../kit/language-controller.js';

export const doseMessages: Messages<{
  kar: string; next: string; inAbout: string; atRate: string; notRising: string; kap: string; fluoro: string; psd: string; estimate: string;
  substantial: string; crossed: string; none: string; colon: string; stale: string; rate: string; beyondLevels: string;
}> = {
  en: {
    kar: 'Reference air kerma', next: 'Next level', inAbout: 'in about', atRate: 'at', notRising: 'dose not rising', kap: 'KAP', fluoro: 'Fluoroscopy',
    psd: 'Peak skin dose', estimate: 'estimate', substantial: 'substantial level', crossed: 'Levels reached', none: 'no level reached', colon: ': ',
    stale: 'no recent data', rate: 'rate', beyondLevels: 'above the substantial level',
  },
  fr: {
    kar: 'Kerma de référence', next: 'Niveau suivant', inAbout: 'dans environ', atRate: 'à', notRising: 'dose stable', kap: 'PDS', fluoro: 'Scopie',
    psd: 'Dose cutanée maximale', estimate: 'estimation', substantial: 'niveau substantiel', crossed: 'Niveaux atteints', none: 'aucun niveau atteint', colon: ' : ',
    stale: 'pas de données récentes', rate: 'débit', beyondLevels: 'au-delà du niveau substantiel',
  },
};
