/**
 * ECG synchronisation of electroporation: pulses go in the refractory period
 * after an R wave, never in the vulnerable period on the T wave, and delivery
 * is blocked during arrhythmias (Mali et al., J Med Eng Technol 2005; NICE
 * IPG579 for IRE). The exact delay after the R wave is not published for a
 * generator we could source: the window below is an estimate for training.
 */

/** Pulses start between these delays after an R wave, ms (estimate: within the QRS-ST segment, before the T wave). */
export const REFRACTORY_WINDOW_MS: readonly [number, number] = [20, 150];

/** The synchronisation state a generator reports. */
export type SyncState = 'synchronised' | 'lost' | 'arrhythmia';

/** The numeric code of a sync state on the `ep.sync` channel: 0 synchronised, 1 lost, 2 arrhythmia blocking delivery. */
export const SYNC_CODE: Record<SyncState, number> = { synchronised: 0, lost: 1, arrhythmia: 2 };

/** Whether a pulse at `t` lies in the refractory window of the R wave at `r` (ms). */
export const inRefractoryWindow = (t: number, r: number, window: readonly [number, number] = REFRACTORY_WINDOW_MS): boolean =>
  t - r >= window[0] && t - r <= window[1];

/** The latest R wave at or before t, from times in increasing order (NaN when none). */
export function lastRWave(rWaves: readonly number[], t: number): number {
  const k = lastRWaveIndex(rWaves, t);
  return k < 0 ? NaN : rWaves[k];
}

/** The index of the latest R wave at or before t (-1 when none): a binary search. */
function lastRWaveIndex(rWaves: readonly number[], t: number): number {
  let lo = 0;
  let hi = rWaves.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rWaves[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The ECG at t draws on the beats up to this long after t (the next P wave starts before its R wave), ms. */
export const ECG_LOOKAHEAD_MS = 300;

/**
 * A synthetic ECG lead in mV at time t (ms), from the beats' R-wave times: a
 * sum of Gaussian P, Q, R, S and T waves after McSharry et al., IEEE TBME 2003
 * (ECGSYN), with amplitudes and widths of a normal lead II (estimates). The
 * beats must reach `ECG_LOOKAHEAD_MS` past t; after the last, the line is flat.
 */
export function ecgValue(t: number, rWaves: readonly number[]): number {
  let v = 0;
  const idx = lastRWaveIndex(rWaves, t + ECG_LOOKAHEAD_MS);
  // The beat whose P wave may have begun and the one before, whose T wave may not have ended.
  for (let k = Math.max(0, idx - 1); k <= idx; k++) {
    const d = t - rWaves[k];
    for (const [at, amp, width] of WAVES) v += amp * Math.exp(-((d - at) ** 2) / (2 * width * width));
  }
  return v;
}

/** [delay from R, amplitude mV, width ms] of P, Q, R, S, T. */
const WAVES: readonly (readonly [number, number, number])[] = [
  [-180, 0.15, 22],
  [-28, -0.12, 7],
  [0, 1.3, 9],
  [28, -0.3, 8],
  [260, 0.35, 40],
];
