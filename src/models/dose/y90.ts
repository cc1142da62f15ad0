/**
 * Yttrium-90 radioembolisation: the activity prescribed, available after decay,
 * delivered and left behind, and the lung dose a shunt gives.
 */

/** Y-90 physical half-life (h): 64.1 h (NNDC/ENSDF evaluated nuclear data; Dezarn et al., Med Phys 2011, AAPM TG-144). */
export const Y90_HALF_LIFE_H = 64.1;
const LAMBDA_PER_MS = Math.LN2 / (Y90_HALF_LIFE_H * 3_600_000);

/** Activity `a0` (any unit) at `t0` decayed to `t` (epoch ms); before `t0`, the activity it had. */
export function decayed(a0: number, t0: number, t: number): number {
  return a0 * Math.exp(-LAMBDA_PER_MS * (t - t0));
}

/**
 * Energy absorbed per GBq of Y-90 decayed completely in 1 kg of tissue (Gy·kg/GBq):
 * 49.67, the MIRD single-compartment constant (Ho et al., Eur J Nucl Med 1996;
 * Kennedy et al., Int J Radiat Oncol Biol Phys 2007).
 */
export const Y90_GY_KG_PER_GBQ = 49.67;

/** Lung dose (Gy) from `activityGBq` delivered with lung shunt fraction `lsf` (0..1), lung mass 1 kg by convention (Ho 1996). */
export function lungDoseGy(activityGBq: number, lsf: number, lungMassKg = 1): number {
  return (Y90_GY_KG_PER_GBQ * activityGBq * lsf) / lungMassKg;
}

/** A microsphere product: what differs between resin and glass for the panel and its alarms. */
export interface MicrosphereProduct {
  id: 'resin' | 'glass';
  label: { en: string; fr: string };
  /** Activity per sphere (Bq), for the sphere count (resin ~50 Bq, glass ~2500 Bq; Kim et al. 2018, PMC6095426, Table 3). */
  bqPerSphere: number;
  /** Median residual fraction left in the delivery set (resin 3.01 %, glass 0.61 %; Hoang et al., JVIR). */
  typicalResidual: number;
}

export const MICROSPHERES: Readonly<Record<MicrosphereProduct['id'], MicrosphereProduct>> = {
  resin: { id: 'resin', label: { en: 'resin microspheres', fr: 'microsphères de résine' }, bqPerSphere: 50, typicalResidual: 0.0301 },
  glass: { id: 'glass', label: { en: 'glass microspheres', fr: 'microsphères de verre' }, bqPerSphere: 2500, typicalResidual: 0.0061 },
};

/** Limits judged before and after an injection; defaults with their sources in docs/clinical-defaults.md. */
export interface Y90Limits {
  /** Delivered activity off the prescription by more than this fraction (0.2: the US NRC medical-event criterion, 10 CFR 35.3045). */
  deviation: number;
  /** Lung shunt fraction above which the treatment is contraindicated (0.2). */
  lsf: number;
  /** Lung dose per treatment above which it is contraindicated (30 Gy; Ho 1996, Salem & Thurston 2006). */
  lungDoseGy: number;
  /** No progress for this long while the injection is incomplete: stasis or a stalled delivery (ms, project default 60 s). */
  stallMs: number;
}

export const DEFAULT_Y90_LIMITS: Readonly<Y90Limits> = { deviation: 0.2, lsf: 0.2, lungDoseGy: 30, stallMs: 60_000 };

/** What the activity ledger knows at one time. */
export interface ActivityBalance {
  /** Prescribed activity (GBq) at treatment. */
  prescribedGBq: number;
  /** The vial's activity decayed to `at` (GBq). */
  availableGBq: number;
  /** Delivered to the patient so far, at `at` (GBq). */
  deliveredGBq: number;
  /** Measured residual decayed to `at` (GBq; NaN before it is measured). */
  residualGBq: number;
  /** delivered / prescribed − 1 (NaN before any delivery). */
  deviation: number;
  /** Lung dose of what was delivered (Gy). */
  lungDoseGy: number;
  /** The time every activity is decay-corrected to (epoch ms). */
  at: number;
}

export interface Y90Plan {
  product: MicrosphereProduct['id'];
  /** Prescribed activity (GBq), at the planned treatment time. */
  prescribedGBq: number;
  /** The vial's calibrated activity (GBq) and its calibration time (epoch ms). */
  vialGBq: number;
  calibratedAt: number;
  /** Lung shunt fraction from the planning scan (0..1). */
  lsf: number;
  /** Lung mass (kg); 1 by convention. */
  lungMassKg?: number;
}

/**
 * The balance at `at`, with `fraction` of the vial's contents injected (0..1)
 * and, once measured, the residual `residualGBq` measured at `residualAt`. The
 * delivered activity is the available one less the residual when it is known,
 * else the injected fraction of the available activity.
 */
export function balanceAt(plan: Y90Plan, at: number, fraction: number, residualGBq = NaN, residualAt = at): ActivityBalance {
  const available = decayed(plan.vialGBq, plan.calibratedAt, at);
  const residual = Number.isFinite(residualGBq) ? decayed(residualGBq, residualAt, at) : NaN;
  const delivered = Number.isFinite(residual) ? Math.max(0, available - residual) : available * Math.min(1, Math.max(0, fraction));
  return {
    prescribedGBq: plan.prescribedGBq,
    availableGBq: available,
    deliveredGBq: delivered,
    residualGBq: residual,
    deviation: delivered > 0 && plan.prescribedGBq > 0 ? delivered / plan.prescribedGBq - 1 : NaN,
    lungDoseGy: lungDoseGy(delivered, plan.lsf, plan.lungMassKg),
    at,
  };
}
