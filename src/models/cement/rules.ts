import type { AlarmRule } from '../alarm-rules.js';
import { naming } from '../channel-label.js';
import { plungerTravelMm, workingLeftChannel, type InjectionPlan, type InjectionSite } from './plan.js';

/** The thresholds of the default cement alarms; each is configurable. */
export interface CementThresholds {
  /**
   * Injection pressure, medium priority (kPa). Krebs et al., Spine 2005
   * (PMID 15738774): mean in-vivo peak injection pressures 1693 ± 653 kPa and
   * 1727 ± 597 kPa. A pressure above the mean peak is worth a look.
   */
  pressureMediumKPa: number;
  /** Injection pressure, high priority (kPa). Krebs et al., Spine 2005: maximum peak pressure measured in vivo, 3215 kPa. */
  pressureHighKPa: number;
  /** Working time left that raises the low-priority warning (s). A training value: one minute before the paste phase ends. */
  workingLeftS: number;
}

/**
 * A pressure alarm ends only 200 kPa below its limit (and the medium one needs 1 s above it):
 * a hand push ripples by about ±100 kPa near 1700 kPa, which must not make the alarm flap. Our choice.
 */
const PRESSURE_HYSTERESIS_KPA = 200;

/**
 * The high pressure alarm needs 250 ms above its limit: one transient sample of a hand push is
 * not a pressure to stop for, and at 3.5 mL/min 250 ms is 0.015 mL of cement, below the 0.1 mL
 * a gauge shows (Baroud & Steffen, Eur Spine J 2005, for the rate). Our choice.
 */
const PRESSURE_HIGH_ONSET_MS = 250;

export const DEFAULT_CEMENT_THRESHOLDS: CementThresholds = { pressureMediumKPa: 1700, pressureHighKPa: 3200, workingLeftS: 60 };

/** The id of the technical condition raised while the volume rises with the cement set: the cement engine's (`cement:`), per cement channel. */
export const setRiseAlarmId = (plan: InjectionPlan) => `cement:${plan.channel}:volume-after-set`;

/** The message of that condition. */
export const SET_RISE_MESSAGE = { en: 'Cement volume rising while the cement is set: check the delivery reading', fr: 'Volume de ciment en hausse alors que le ciment a pris : vérifier la mesure' };

/**
 * The id of the alarm of the `n`th leak reported (from 1), raised by the cement engine under its
 * prefix (`cement:leak:1`): each report is its own occurrence, high priority and latching (the
 * injection is halted while the cement hardens and plugs the leak: NICE IPG179, 2006).
 */
export const leakAlarmId = (n: number) => `leak:${n}`;

/** The message of a leak's alarm, naming its site by its label (when the report named one the plan has). */
export function leakMessage(site?: InjectionSite): { en: string; fr: string } {
  if (!site) return { en: 'Cement leak reported: injection held', fr: 'Fuite de ciment signalée : injection suspendue' };
  return naming(site, { en: (l) => `Cement leak reported at ${l}: injection held`, fr: (l) => `Fuite de ciment signalée à ${l} : injection suspendue` });
}

/**
 * The default alarms of a cement injection, as rules on the plan's channels
 * (sources in docs/clinical-defaults.md, "Cementoplasty"):
 * - per site, planned volume reached: low, advisory;
 * - per site, maximum exceeded: high;
 * - pressure above about 1700 kPa: medium; above about 3200 kPa: high (Krebs et al., Spine 2005);
 * - working time nearly used: low, one minute before the paste phase ends.
 * Two conditions are raised by the cement engine, not by rules: a volume rising
 * while the cement is set (technical, `setRiseAlarmId`), and each leak reported
 * (`leakAlarmId`, `leakMessage`).
 * A leak is an event, not a signal: a rule on the leak flag could only say
 * "still held" (a second leak while the first holds would add nothing) and
 * would call the flag lost whenever the data it is published from paused.
 */
export function cementRules(plan: InjectionPlan, thresholds: Partial<CementThresholds> = {}): AlarmRule[] {
  const th = { ...DEFAULT_CEMENT_THRESHOLDS, ...thresholds };
  const rule = (r: Omit<AlarmRule, 'kind' | 'onsetDelayMs' | 'latching'> & Partial<AlarmRule>): AlarmRule => ({ kind: 'phy', onsetDelayMs: 0, latching: false, ...r });
  const sites = plan.sites.flatMap((s) => {
    // A site read as plunger travel is judged in mm: the limit is the travel that delivers the volume.
    const limit = (ml: number) => (s.plungerBoreMm ? plungerTravelMm(ml, s.plungerBoreMm) : ml);
    const hysteresis = limit(0.05);
    return [
      rule({ id: `${s.channel}:planned`, channel: s.channel, condition: { kind: 'above', limit: limit(s.plannedMl) - 1e-6 }, priority: 'lo', hysteresis, message: naming(s, { en: (l) => `${l}: planned volume reached (${s.plannedMl} mL)`, fr: (l) => `${l} : volume prévu atteint (${String(s.plannedMl).replace('.', ',')} mL)` }) }),
      rule({ id: `${s.channel}:max`, channel: s.channel, condition: { kind: 'above', limit: limit(s.maxMl) }, priority: 'hi', hysteresis, message: naming(s, { en: (l) => `${l}: maximum volume exceeded (${s.maxMl} mL)`, fr: (l) => `${l} : volume maximal dépassé (${String(s.maxMl).replace('.', ',')} mL)` }) }),
    ];
  });
  return [
    ...sites,
    rule({ id: `${plan.pressureChannel}:medium`, channel: plan.pressureChannel, condition: { kind: 'above', limit: th.pressureMediumKPa }, priority: 'me', onsetDelayMs: 1000, hysteresis: PRESSURE_HYSTERESIS_KPA, message: { en: `Injection pressure above ${th.pressureMediumKPa} kPa`, fr: `Pression d’injection au-dessus de ${th.pressureMediumKPa} kPa` } }),
    rule({ id: `${plan.pressureChannel}:high`, channel: plan.pressureChannel, condition: { kind: 'above', limit: th.pressureHighKPa }, priority: 'hi', onsetDelayMs: PRESSURE_HIGH_ONSET_MS, hysteresis: PRESSURE_HYSTERESIS_KPA, message: { en: `Injection pressure above ${th.pressureHighKPa} kPa: stop`, fr: `Pression d’injection au-dessus de ${th.pressureHighKPa} kPa : arrêter` } }),
    rule({ id: `${workingLeftChannel(plan)}:low`, channel: workingLeftChannel(plan), condition: { kind: 'below', limit: th.workingLeftS }, priority: 'lo', hysteresis: 1, message: { en: 'Cement working time nearly used', fr: 'Temps de travail du ciment presque écoulé' } }),
  ];
}
