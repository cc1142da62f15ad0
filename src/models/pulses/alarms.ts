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
 * The default alarm rules of an electroporation procedure, on the status
 * channels (`EP`). All configurable; sources in docs/clinical-defaults.md.
 * Status values return to 0 between pulses, so the pulse alarms latch: a
 * single pulse over the limit stays shown until acknowledged.
 */
export function pulseAlarmRules(o: PulseAlarmOptions): AlarmRule[] {
  const limit = o.currentLimitA ?? DEFAULT_CURRENT_LIMIT_A[o.modality];
  const tolerance = o.voltageTolerancePct ?? DEFAULT_VOLTAGE_TOLERANCE_PCT;
  const rule = (id: string, channel: string, limit: number, priority: AlarmRule['priority'], kind: AlarmRule['kind'], message: AlarmRule['message']): AlarmRule => ({
    id, channel, condition: { kind: 'above', limit }, priority, kind, onsetDelayMs: 0, hysteresis: 0, latching: true, message,
  });
  return [
    // Bertacchini et al. 2007 (IRE 50 A ceiling); ECT limit an estimate (see DEFAULT_CURRENT_LIMIT_A).
    rule('ep-current-limit', EP.current, justBelow(limit), 'hi', 'phy', { en: `Pulse current at or above ${limit} A`, fr: `Courant d’impulsion à ${limit} A ou plus` }),
    // A pulse not delivered must be repeated or accounted for (ESOPE SOP, Mir et al. 2006: every planned pulse delivered).
    rule('ep-pulse-failed', EP.failed, 0, 'me', 'tec', { en: 'Pulse failed or missing', fr: 'Impulsion échouée ou manquante' }),
    // Measured against set voltage: training default, an estimate.
    rule('ep-voltage-error', EP.voltageError, tolerance, 'me', 'tec', { en: `Measured voltage more than ${tolerance} % from set`, fr: `Tension mesurée à plus de ${tolerance} % de la consigne` }),
    // Mali et al. 2005 (delivery blocked during arrhythmias); NICE IPG579 (delivery in the refractory period).
    rule('ep-ecg-sync', EP.sync, 0, 'hi', 'tec', { en: 'ECG synchronisation lost or arrhythmia: delivery blocked', fr: 'Synchronisation ECG perdue ou arythmie : délivrance bloquée' }),
    // Every planned pulse per pair (Mir et al. 2006): a pair short at the end of the train.
    rule('ep-pair-incomplete', EP.incomplete, 0, 'me', 'oth', { en: 'Train ended with a pair incomplete', fr: 'Train terminé avec une paire incomplète' }),
  ];
}
