import type { AlarmRule } from '../alarm-rules.js';
import { EP } from './channels.js';
import type { Modality } from './protocol.js';

/**
 * Default current limits, A. IRE: the 50 A hardware ceiling of a clinical IRE
 * generator (Bertacchini et al., Technol Cancer Res Treat 2007). ECT: 30 A, the
 * highest current reported for deep-seated electrochemotherapy with ECG
 * synchronisation (Edhemovic et al. / BioMed Eng OnLine 2015;14(S3):S5), used
 * here as a training default, an estimate; set the generator's own.
 */
export const DEFAULT_CURRENT_LIMIT_A: Record<Modality, number> = { IRE: 50, ECT: 30 };

/** Measured voltage further than this from the set voltage is an alarm, % (training default, an estimate). */
export const DEFAULT_VOLTAGE_TOLERANCE_PCT = 10;

export interface PulseAlarmOptions {
  modality: Modality;
  /** Default: `DEFAULT_CURRENT_LIMIT_A[modality]`. */
  currentLimitA?: number;
  /** Default: `DEFAULT_VOLTAGE_TOLERANCE_PCT`. */
  voltageTolerancePct?: number;
}

/** The largest double below x: `above` fires strictly above its limit, and the current alarm is "at or above". */
const justBelow = (x: number) => x - Math.max(Number.MIN_VALUE, Math.abs(x) * Number.EPSILON);

/**
 * A current alarm ends only 2 % of its limit below it (1 A at 50 A): pulse after pulse, a
 * plateau current near the limit scatters by about 1 % (the simulator's current noise; no
 * published measurement precision was found, an estimate), which must not raise it again and again.
 */
export const CURRENT_HYSTERESIS_FRACTION = 0.02;

/** A voltage error alarm ends 2 points below its tolerance (8 % for 10 %): an estimate, as the tolerance. */
export const VOLTAGE_HYSTERESIS_PCT = 2;

/**
 * Counts and codes (failed pulses, the sync code, incomplete pairs) move by whole steps: the
 * limit sits halfway to 1 and the hysteresis just under half a step, so "at least one" is
 * raised at 1 and ends only at 0, and a reading hovering between them cannot make it flap.
 */
const AT_LEAST_ONE = { limit: 0.5, hysteresis: 0.4 };

/**
 * The default alarm rules of an electroporation procedure, on the status
 * channels (`EP`). All configurable; sources in docs/clinical-defaults.md.
 * Status values return to 0 between pulses, so the pulse alarms latch: a
 * single pulse over the limit stays shown until acknowledged. No onset delay:
 * a status value summarises the pulses of its period, so one value over the
 * limit is one pulse over it, the finding itself.
 */
export function pulseAlarmRules(o: PulseAlarmOptions): AlarmRule[] {
  const limit = o.currentLimitA ?? DEFAULT_CURRENT_LIMIT_A[o.modality];
  const tolerance = o.voltageTolerancePct ?? DEFAULT_VOLTAGE_TOLERANCE_PCT;
  const rule = (id: string, channel: string, at: { limit: number; hysteresis: number }, priority: AlarmRule['priority'], kind: AlarmRule['kind'], message: AlarmRule['message']): AlarmRule => ({
    id, channel, condition: { kind: 'above', limit: at.limit }, priority, kind, onsetDelayMs: 0, hysteresis: at.hysteresis, latching: true, message,
  });
  return [
    // Bertacchini et al. 2007 (IRE 50 A ceiling); ECT limit an estimate (see DEFAULT_CURRENT_LIMIT_A).
    rule('ep-current-limit', EP.current, { limit: justBelow(limit), hysteresis: limit * CURRENT_HYSTERESIS_FRACTION }, 'hi', 'phy', { en: `Pulse current at or above ${limit} A`, fr: `Courant d’impulsion à ${limit} A ou plus` }),
    // A pulse not delivered must be repeated or accounted for (ESOPE SOP, Mir et al. 2006: every planned pulse delivered).
    rule('ep-pulse-failed', EP.failed, AT_LEAST_ONE, 'me', 'tec', { en: 'Pulse failed or missing', fr: 'Impulsion échouée ou manquante' }),
    // Measured against set voltage: training default, an estimate.
    rule('ep-voltage-error', EP.voltageError, { limit: tolerance, hysteresis: Math.min(VOLTAGE_HYSTERESIS_PCT, tolerance / 2) }, 'me', 'tec', { en: `Measured voltage more than ${tolerance} % from set`, fr: `Tension mesurée à plus de ${tolerance} % de la consigne` }),
    // Mali et al. 2005 (delivery blocked during arrhythmias); NICE IPG579 (delivery in the refractory period).
    rule('ep-ecg-sync', EP.sync, AT_LEAST_ONE, 'hi', 'tec', { en: 'ECG synchronisation lost or arrhythmia: delivery blocked', fr: 'Synchronisation ECG perdue ou arythmie : délivrance bloquée' }),
    // Every planned pulse per pair (Mir et al. 2006): a pair short at the end of the train.
    rule('ep-pair-incomplete', EP.incomplete, AT_LEAST_ONE, 'me', 'oth', { en: 'Train ended with a pair incomplete', fr: 'Train terminé avec une paire incomplète' }),
  ];
}
