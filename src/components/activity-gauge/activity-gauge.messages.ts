import type { Messages } from '../kit/language-controller.js';

export const activityMessages: Messages<{
  title: string; correctedTo: string; prescribed: string; available: string; delivered: string; residual: string; notMeasured: string;
  deviation: string; injected: string; lsf: string; lungDose: string; limit: string; planned: string; colon: string; estimate: string;
  phase: Record<'planned' | 'injecting' | 'stalled' | 'done', string>; noPlan: string;
}> = {
  en: {
    title: 'Y-90', correctedTo: 'activities decay-corrected to', prescribed: 'Prescribed', available: 'Available', delivered: 'Delivered', residual: 'Residual',
    notMeasured: 'not measured yet', deviation: 'Deviation', injected: 'Injected', lsf: 'Lung shunt', lungDose: 'Lung dose', limit: 'limit', planned: 'planned',
    colon: ': ', estimate: 'estimate until the residual is measured', phase: { planned: 'Planned', injecting: 'Injecting', stalled: 'Stalled', done: 'Injection ended' },
    noPlan: 'no plan given',
  },
  fr: {
    title: 'Y-90', correctedTo: 'activités corrigées de la décroissance à', prescribed: 'Prescrite', available: 'Disponible', delivered: 'Délivrée', residual: 'Résiduelle',
    notMeasured: 'pas encore mesurée', deviation: 'Écart', injected: 'Injecté', lsf: 'Shunt pulmonaire', lungDose: 'Dose pulmonaire', limit: 'limite', planned: 'prévue',
    colon: ' : ', estimate: 'estimation tant que le résidu n’est pas mesuré', phase: { planned: 'Prévue', injecting: 'Injection', stalled: 'Arrêtée', done: 'Injection terminée' },
    noPlan: 'aucun plan donné',
  },
};
