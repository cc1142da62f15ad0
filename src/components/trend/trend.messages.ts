import type { Messages } from '../kit/language-controller.js';

export const trendMessages: Messages<{ stale: string; rising: string; falling: string; steady: string; above: string; below: string; colon: string }> = {
  en: { stale: 'no recent data', rising: 'rising', falling: 'falling', steady: 'steady', above: 'above its limit', below: 'below its limit', colon: ': ' },
  fr: { stale: 'pas de données récentes', rising: 'en hausse', falling: 'en baisse', steady: 'stable', above: 'au-dessus de la limite', below: 'en dessous de la limite', colon: ' : ' },
};
