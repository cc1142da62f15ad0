import type { ElectrodeLayout, ElectrodePair } from './layout.js';

/**
 * How pulses follow each other: 1 Hz or 5 kHz (ESOPE electrochemotherapy:
 * Mir et al. 2006; 5 kHz less unpleasant than 1 Hz in 40 volunteers: Županič
 * et al., Neoplasma 2007), or one
 * burst per heartbeat in the refractory period (`ecg`: Mali et al. 2005; NICE
 * IPG579 for IRE).
 */
export type Repetition = '1Hz' | '5kHz' | 'ecg';

export type Modality = 'ECT' | 'IRE';

/** A treatment plan: what the generator should deliver to each pair. */
export interface PulseProtocol {
  modality: Modality;
  pulsesPerPair: number;
  pulseWidthUs: number;
  repetition: Repetition;
  /**
   * Field strength asked for, V/cm: each pair's set voltage is this times its
   * spacing (ESOPE: voltage to distance ratio), capped at `maxVoltageV`.
   */
  fieldVPerCm: number;
  /** The generator's maximum output (3000 V: Bertacchini et al. 2007). */
  maxVoltageV: number;
  /** The current at or above which a pulse is an alarm (A): 50 A for IRE (Bertacchini et al. 2007). */
  currentLimitA: number;
  /** Pulses per heartbeat when ECG-synchronised (default 1). */
  pulsesPerBeat?: number;
}

/** V/cm of `voltageV` across needles `spacingMm` apart (the nominal field, V/d). */
export const fieldStrength = (voltageV: number, spacingMm: number): number => voltageV / (spacingMm / 10);

/** The set voltage of a pair: the protocol's field times the spacing, never above the generator's maximum. */
export const setVoltage = (p: PulseProtocol, pair: ElectrodePair): number => Math.min(p.maxVoltageV, Math.round(p.fieldVPerCm * (pair.spacingMm / 10)));

/** What one pair gets: its voltage (V = E × d, capped) and the field that voltage gives across its measured spacing. */
export interface PairSetting {
  pairId: string;
  spacingMm: number;
  /** Set voltage, V. */
  voltageV: number;
  /** Nominal field V/d at the set voltage, V/cm. */
  fieldVPerCm: number;
  /** The field the protocol asked for, V/cm. */
  askedVPerCm: number;
  /** The set voltage is E × d to the volt it is rounded to: the pair gets the field asked. */
  asAsked: boolean;
  /** The generator's limit held the voltage below E × d: this pair gets less field than asked. */
  capped: boolean;
  /** How far the field falls short of the request, % (0 unless capped). */
  shortfallPct: number;
}

/**
 * What a pair gets at `voltageV` (by default the plan's, `setVoltage`; a generator's record
 * gives the one it set): the field across its measured spacing, against the field asked.
 * Capped when the voltage is at the generator's maximum and E × d above it (15 mm square,
 * 1500 V/cm, 3000 V: the diagonals, 21.2 mm, get 1414 V/cm), so such a pair is marked
 * rather than silently under-treated.
 */
export function pairSetting(p: PulseProtocol, pair: ElectrodePair, voltageV = setVoltage(p, pair)): PairSetting {
  const fieldVPerCm = fieldStrength(voltageV, pair.spacingMm);
  const wantedV = p.fieldVPerCm * (pair.spacingMm / 10);
  const capped = voltageV >= p.maxVoltageV && wantedV > p.maxVoltageV;
  return {
    pairId: pair.id, spacingMm: pair.spacingMm, voltageV, fieldVPerCm, askedVPerCm: p.fieldVPerCm,
    asAsked: Math.abs(voltageV - wantedV) <= 0.5, capped, shortfallPct: capped ? (1 - fieldVPerCm / p.fieldVPerCm) * 100 : 0,
  };
}

/** Each pair's plan: its voltage from its own measured spacing and the requested field, capped at the generator's maximum (`pairSetting`). */
export const pairSettings = (p: PulseProtocol, pairs: readonly ElectrodePair[]): PairSetting[] => pairs.map((pair) => pairSetting(p, pair));

/** The field a delivered pulse gave across its pair, V/cm, from its measured peak voltage. */
export const deliveredField = (peakV: number, pair: Pick<ElectrodePair, 'spacingMm'>): number => fieldStrength(peakV, pair.spacingMm);

/** Time between pulse starts within a burst, ms: 1000 at 1 Hz, 0.2 at 5 kHz (ECG: the burst repeats at 5 kHz inside one beat). */
export const pulsePeriodMs = (r: Repetition): number => (r === '1Hz' ? 1000 : 0.2);

/** Pulses planned over the layout. */
export const plannedPulses = (p: PulseProtocol, layout: ElectrodeLayout): number => p.pulsesPerPair * layout.pairs.length;
