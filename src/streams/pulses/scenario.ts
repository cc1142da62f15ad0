import { hexagonLayout, pairsLayout, type ElectrodeLayout, type ElectrodePair } from '../../models/pulses/layout.js';
import { setVoltage, type PulseProtocol } from '../../models/pulses/protocol.js';
import { REFRACTORY_WINDOW_MS, type SyncState } from '../../models/pulses/ecg.js';
import type { PulseFailure } from '../../models/pulses/record.js';

/** One pulse the simulated generator fires (or tries to). */
export interface SimulatedPulse {
  pair: ElectrodePair;
  index: number;
  /** Start, epoch ms. */
  t: number;
  setV: number;
  /** Tissue resistance at the start of the pulse, Ohm. */
  ohm: number;
  /** Cut short at this many µs by the generator (a failed pulse). */
  cutUs?: number;
  reason?: PulseFailure;
}

/** A whole simulated procedure, planned ahead so every figure can be checked against it. */
export interface Scenario {
  name: 'hepatic-ect' | 'ire';
  layout: ElectrodeLayout;
  protocol: PulseProtocol;
  t0: number;
  /** The planned R-wave times, epoch ms, increasing. */
  rWaves: number[];
  /** The resting RR interval after the plan, ms: the heart beats on (`beatsUpTo`), and so does the ECG. */
  rrMs: number;
  /** Synchronisation state from each time on (the first from t0). */
  sync: { t: number; state: SyncState }[];
  pulses: SimulatedPulse[];
  trainStart: number;
  trainEnd: number;
  /** Waveform sampling, Hz (1 MS/s: 100 points on a 100 µs plateau, a derived need). */
  sampleRateHz: number;
  /** Recorded before and after each pulse, µs. */
  preUs: number;
  postUs: number;
  /** Delay from the R wave to a burst, ms: inside REFRACTORY_WINDOW_MS. */
  syncDelayMs: number;
  /** The window the simulator kept pulses in, ms after the R wave (what the ECG strip marks are checked against). */
  refractoryWindowMs: readonly [number, number];
  /** The end of the planned simulation (ECG and status go on after, unchanged). */
  durationMs: number;
}

/** The RR interval after beat `k`: `rrMs` with a small deterministic variability. */
const rrAfter = (k: number, rrMs: number) => rrMs + 15 * Math.sin(k * 1.7);

/** Beats at `rrMs` from `from` to `to`, appended to `out`; returns the time of the next. */
function beats(from: number, to: number, rrMs: number, out: number[]): number {
  let t = from;
  while (t < to) {
    out.push(t);
    t += rrAfter(out.length - 1, rrMs);
  }
  return t;
}

/**
 * Appends to `rWaves` (a copy of the scenario's, with whatever was appended
 * before) the beats up to `to`: the heart beats on at the resting rate after
 * the plan, so an ECG played past its end is never a flat line.
 */
export function beatsUpTo(s: Scenario, rWaves: number[], to: number): void {
  const last = rWaves.length - 1;
  if (last >= 0) beats(rWaves[last] + rrAfter(last, s.rrMs), to, s.rrMs, rWaves);
}

/**
 * The hepatic electrochemotherapy case: seven needles placed percutaneously in
 * the liver, hexagonal (six around one), 8 pulses of 100 µs per pair at
 * 1000 V/cm times each pair's measured spacing (Mir et al. 2006, ESOPE; Mali
 * et al. 2008), at 5 kHz within a burst, one pair per heartbeat when
 * ECG-synchronised. Tissue conductivity rises during the train, so current
 * climbs pulse to pulse (resistance falls); one pulse of pair 1-4 reaches the
 * current limit, is cut short and repeated as pulse 9.
 * Spacing 12 mm and the needle offsets are estimates for a liver lesion.
 */
export function hepaticEct(t0: number, repetition: 'ecg' | '5kHz' = 'ecg'): Scenario {
  const layout = hexagonLayout(12, { '3': [0.6, -0.4], '5': [-0.5, 0.7], '6': [0.8, 0.3] });
  const protocol: PulseProtocol = { modality: 'ECT', pulsesPerPair: 8, pulseWidthUs: 100, repetition, fieldVPerCm: 1000, maxVoltageV: 3000, currentLimitA: 30 };
  const rWaves: number[] = [];
  const trainStart = t0 + 2500;
  const rrMs = 850;
  beats(t0 + 300, t0 + 40_000, rrMs, rWaves);
  const syncDelayMs = 50;
  const pulses: SimulatedPulse[] = [];
  // One pair per beat after the train starts (ECG), or every 400 ms (5 kHz, not synchronised).
  const starts = repetition === 'ecg' ? rWaves.filter((r) => r > trainStart).map((r) => r + syncDelayMs) : Array.from({ length: 40 }, (_, k) => trainStart + 200 + k * 400);
  let slot = 0;
  layout.pairs.forEach((pair, p) => {
    const setV = setVoltage(protocol, pair);
    // Liver between needles 12 mm apart: ~95 Ohm falling by a quarter over the train (estimate; resistance falls as cells are permeabilised: Dunki-Jacobs et al. 2014).
    const ohm0 = 95 + 6 * Math.sin(p * 2.3) + (pair.spacingMm - 12) * 6;
    const burst = (index: number, t: number, k: number, extra?: Partial<SimulatedPulse>) =>
      pulses.push({ pair, index, t, setV, ohm: ohm0 * (1 - 0.25 * (k / 7)), ...extra });
    const start = starts[slot++];
    for (let k = 0; k < 8; k++) {
      const failing = pair.id === '1-4' && k === 4;
      // Needle close to a vessel: the resistance drops suddenly, current reaches the limit, the generator cuts the pulse at 35 µs.
      burst(k + 1, start + k * 0.2, k, failing ? { ohm: 36, cutUs: 35, reason: 'current-limit' } : undefined);
    }
    if (pair.id === '1-4') burst(9, starts[slot++], 7);
  });
  const last = pulses[pulses.length - 1].t;
  const trainEnd = last + 600;
  return {
    name: 'hepatic-ect', layout, protocol, t0, rWaves, rrMs, sync: [{ t: t0, state: 'synchronised' }], pulses, trainStart, trainEnd,
    sampleRateHz: 1e6, preUs: 10, postUs: 30, syncDelayMs, refractoryWindowMs: REFRACTORY_WINDOW_MS, durationMs: trainEnd - t0 + 3000,
  };
}

/**
 * Irreversible electroporation of a liver tumour with four probes 15 mm apart
 * (a square; NICE IPG579: typically 3 to 5 electrodes), six pairs, 70 pulses of
 * 70 µs per pair at 1500 V/cm times the spacing, capped at 3000 V: 2250 V on
 * the sides, 3000 V on the diagonals (Ben-David et al., AJR 2012: 2250-3000 V,
 * 70 x 70 µs). One pulse per heartbeat in the refractory period. Resistance
 * falls during treatment so current climbs towards the 50 A ceiling
 * (Bertacchini et al. 2007; Dunki-Jacobs et al. 2014); an arrhythmia blocks
 * delivery for a few beats (Mali et al. 2005); the operator ends the train with
 * the last pair 6 pulses short. Resistances are estimates.
 */
export function ire(t0: number): Scenario {
  const s = 15;
  const layout = pairsLayout(
    [
      { id: 'A', x: 0, y: 0 },
      { id: 'B', x: s, y: 0 },
      { id: 'C', x: s, y: s },
      { id: 'D', x: 0, y: s },
    ],
    22,
  );
  const protocol: PulseProtocol = { modality: 'IRE', pulsesPerPair: 70, pulseWidthUs: 70, repetition: 'ecg', fieldVPerCm: 1500, maxVoltageV: 3000, currentLimitA: 50 };
  const trainStart = t0 + 2500;
  const rWaves: number[] = [];
  const syncDelayMs = 50;
  // Normal rhythm, then after ~150 beats an arrhythmia (premature beats, irregular RR) for ~6 s, then normal again.
  const rrMs = 820;
  let t = beats(t0 + 300, trainStart + 150 * rrMs, rrMs, rWaves);
  const arrhythmiaFrom = t;
  for (const rr of [430, 1150, 390, 980, 460, 1210, 520, 900]) {
    rWaves.push(t);
    t += rr;
  }
  const arrhythmiaTo = t;
  beats(t, t + 400 * rrMs, rrMs, rWaves);
  const usable = rWaves.filter((r) => r > trainStart && (r < arrhythmiaFrom || r >= arrhythmiaTo + rrMs));
  const pulses: SimulatedPulse[] = [];
  let slot = 0;
  layout.pairs.forEach((pair, p) => {
    const setV = setVoltage(protocol, pair);
    const n = p === layout.pairs.length - 1 ? 64 : 70;
    // Sides ~62 Ohm, diagonals ~84 Ohm, falling ~25 % over a pair's 70 pulses: current from ~36 A to ~48 A.
    const ohm0 = pair.spacingMm > 20 ? 84 : 62 + p;
    for (let k = 0; k < n; k++) pulses.push({ pair, index: k + 1, t: usable[slot++] + syncDelayMs, setV, ohm: ohm0 * (1 - 0.25 * (k / 69)) });
  });
  const trainEnd = pulses[pulses.length - 1].t + 600;
  return {
    name: 'ire', layout, protocol, t0, rWaves, rrMs,
    sync: [
      { t: t0, state: 'synchronised' },
      { t: arrhythmiaFrom, state: 'arrhythmia' },
      { t: arrhythmiaTo + rrMs, state: 'synchronised' },
    ],
    pulses, trainStart, trainEnd, sampleRateHz: 1e6, preUs: 10, postUs: 20, syncDelayMs, refractoryWindowMs: REFRACTORY_WINDOW_MS, durationMs: trainEnd - t0 + 3000,
  };
}

/** The sync state at t. */
export const syncAt = (s: Scenario, t: number): SyncState => s.sync.reduce<SyncState>((state, x) => (x.t <= t ? x.state : state), 'synchronised');
