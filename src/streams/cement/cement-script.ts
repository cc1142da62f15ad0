import type { InjectionPlan } from '../../models/cement/plan.js';

/** A push of cement into one site at a constant rate, between two times (minutes after the start). */
export interface InjectionSpan {
  site: string;
  fromMin: number;
  toMin: number;
  rateMlPerMin: number;
}

/** A step of the procedure, shown on its timeline; `panel` names the element that shows it (null: none). */
export interface ProcedureStep {
  id: string;
  kind: 'embolisation' | 'biopsy' | 'cryoablation' | 'cement';
  label: { en: string; fr: string };
  fromMin: number;
  toMin: number;
  panel: 'ir-cement-gauge' | 'ir-iceball-curve' | 'ir-dose-gauge' | null;
}

/** A simulated injection: the plan, its events (cement channel kinds, and `step`), and its pushes. */
export interface CementScript {
  plan: InjectionPlan;
  /** Events at minutes after the start, on the plan's cement channel. */
  events: { atMin: number; kind: string; text?: string }[];
  spans: InjectionSpan[];
  steps: ProcedureStep[];
  /** Length of the script (minutes). */
  durationMin: number;
}

/**
 * Injection pressure (kPa) in the simulations, an illustration rather than a
 * model: proportional to the flow and rising exponentially with the time since
 * mixing (viscosity growing as the cement cures), about 600 kPa at 5 min and
 * 1700 kPa at 7.5 min at 3.5 mL/min. Pressure rises later in polymerisation
 * (Krebs et al., Spine 2005: early 300–500 s, late > 500 s after mixing);
 * the shape and constants are ours.
 */
export const SIM_PRESSURE = { baseKPa: 60, perFlowKPa: 75 / 3.5, curingTauMin: 2.4, riseS: 2, decayS: 3 } as const;
