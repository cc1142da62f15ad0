import type { AlarmRule } from '../alarm-rules.js';
import { plungerTravelMm, workingLeftChannel, type InjectionPlan } from './plan.js';

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

export const DEFAULT_CEMENT_THRESHOLDS: CementThresholds = { pressureMediumKPa: 1700, pressureHighKPa: 3200, workingLeftS: 60 };

/** The id of the technical condition raised while the volume rises with the cement set: the cement engine's (`cement:`), per cement channel. */
export const setRiseAlarmId = (plan: InjectionPlan) => `cement:${plan.channel}:volume-after-set`;

/** The message of that condition. */
export const SET_RISE_MESSAGE = { en: 'Cement volume rising while the cement is set: check the delivery reading', fr: 'Volume de ciment en hausse alors que le ciment a pris : vérifier la mesure' };

/**
 * The default alarms of a cement injection, as rules on the plan's channels
 * (sources in docs/clinical-defaults.md, "Cementoplasty"):
 * - per site, planned volume reached: low, advisory;
 * - per site, maximum exceeded: high;
 * - pressure above about 1700 kPa: medium; above about 3200 kPa: high (Krebs et al., Spine 2005);
 * - working time nearly used: low, one minute before the paste phase ends;
 * - leak reported: high, latching (the injection is halted: NICE IPG179, 2006).
 * A volume rising while the cement is set is a technical condition raised by
 * the cement engine (`setRiseAlarmId`), not a rule.
 */
export function cementRules(plan: InjectionPlan, thresholds: Partial<CementThresholds> = {}): AlarmRule[] {
  const th = { ...DEFAULT_CEMENT_THRESHOLDS, ...thresholds };
  const rule = (r: Omit<AlarmRule, 'kind' | 'onsetDelayMs' | 'latching'> & Partial<AlarmRule>): AlarmRule => ({ kind: 'phy', onsetDelayMs: 0, latching: false, ...r });
  const sites = plan.sites.flatMap((s) => {
    // A site read as plunger travel is judged in mm: the limit is the travel that delivers the volume.
    const limit = (ml: number) => (s.plungerBoreMm ? plungerTravelMm(ml, s.plungerBoreMm) : ml);
    const hysteresis = limit(0.05);
    return [
      rule({ id: `${s.channel}:planned`, channel: s.channel, condition: { kind: 'above', limit: limit(s.plannedMl) - 1e-6 }, priority: 'lo', hysteresis, message: { en: `${s.label}: planned volume reached (${s.plannedMl} mL)`, fr: `${s.label} : volume prévu atteint (${String(s.plannedMl).replace('.', ',')} mL)` } }),
      rule({ id: `${s.channel}:max`, channel: s.channel, condition: { kind: 'above', limit: limit(s.maxMl) }, priority: 'hi', hysteresis, message: { en: `${s.label}: maximum volume exceeded (${s.maxMl} mL)`, fr: `${s.label} : volume maximal dépassé (${String(s.maxMl).replace('.', ',')} mL)` } }),
    ];
  });
  return [
    ...sites,
    rule({ id: `${plan.pressureChannel}:medium`, channel: plan.pressureChannel, condition: { kind: 'above', limit: th.pressureMediumKPa }, priority: 'me', onsetDelayMs: 1000, hysteresis: PRESSURE_HYSTERESIS_KPA, message: { en: `Injection pressure above ${th.pressureMediumKPa} kPa`, fr: `Pression d’injection au-dessus de ${th.pressureMediumKPa} kPa` } }),
    rule({ id: `${plan.pressureChannel}:high`, channel: plan.pressureChannel, condition: { kind: 'above', limit: th.pressureHighKPa }, priority: 'hi', hysteresis: PRESSURE_HYSTERESIS_KPA, message: { en: `Injection pressure above ${th.pressureHighKPa} kPa: stop`, fr: `Pression d’injection au-dessus de ${th.pressureHighKPa} kPa : arrêter` } }),
    rule({ id: `${workingLeftChannel(plan)}:low`, channel: workingLeftChannel(plan), condition: { kind: 'below', limit: th.workingLeftS }, priority: 'lo', hysteresis: 1, message: { en: 'Cement working time nearly used', fr: 'Temps de travail du ciment presque écoulé' } }),
    rule({ id: `${plan.channel}:leak`, channel: plan.channel, condition: { kind: 'above', limit: 0.5 }, priority: 'hi', hysteresis: 0.1, latching: true, message: { en: 'Cement leak reported: injection held', fr: 'Fuite de ciment signalée : injection suspendue' } }),
  ];
}
