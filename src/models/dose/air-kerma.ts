/**
 * Patient radiation dose in fluoroscopically guided procedures: the cumulative
 * reference air kerma (Ka,r) against its notification levels.
 *
 * Defaults from the AAPM Medical Physics Practice Guideline 12.a (2022), §5.3:
 * notify first at 3 Gy Ka,r, then at every further 1 Gy; §5.4: the substantial
 * radiation dose level (SRDL) at 5 Gy Ka,r or 3 Gy peak skin dose, as in NCRP
 * Report 168 (2010). The guideline sets no kerma-area-product level. All are
 * configurable; none is clinical advice.
 */
export interface DoseLevels {
  /** First notification (Gy Ka,r). */
  firstGy: number;
  /** Every further notification (Gy Ka,r). */
  stepGy: number;
  /** Substantial radiation dose level, Ka,r (Gy). */
  substantialKarGy: number;
  /** Substantial radiation dose level, peak skin dose (Gy), where the system reports it. */
  substantialPsdGy: number;
}

export const DEFAULT_DOSE_LEVELS: Readonly<DoseLevels> = { firstGy: 3, stepGy: 1, substantialKarGy: 5, substantialPsdGy: 3 };

/** The notification levels at or below `karGy` (Gy), lowest first: 3, 4, 5... */
export function levelsReached(karGy: number, l: Readonly<DoseLevels> = DEFAULT_DOSE_LEVELS): number[] {
  if (!(karGy >= l.firstGy) || !(l.stepGy > 0)) return [];
  const n = Math.floor((karGy - l.firstGy) / l.stepGy + 1e-9) + 1;
  return Array.from({ length: n }, (_, i) => roundGy(l.firstGy + i * l.stepGy));
}

/** The next notification level above `karGy` (Gy). */
export function nextLevel(karGy: number, l: Readonly<DoseLevels> = DEFAULT_DOSE_LEVELS): number {
  if (!(karGy >= l.firstGy)) return l.firstGy;
  return roundGy(l.firstGy + (Math.floor((karGy - l.firstGy) / l.stepGy + 1e-9) + 1) * l.stepGy);
}

/** Time until `targetGy` at `rateGyPerMin` (ms): Infinity when the dose is not rising. */
export function timeToLevelMs(karGy: number, targetGy: number, rateGyPerMin: number): number {
  if (karGy >= targetGy) return 0;
  return rateGyPerMin > 0 ? ((targetGy - karGy) / rateGyPerMin) * 60_000 : Infinity;
}

/** Levels are multiples of a step in Gy: 4 prints as 4, never 3.9999999. */
const roundGy = (gy: number) => Math.round(gy * 1e6) / 1e6;

/**
 * The dose rate over the last `windowMs` of a cumulative series (Gy/min), from
 * its first and last points in that window: a cumulative dose only rises, so
 * the two ends carry the whole information and noise does not add up.
 */
export function doseRateGyPerMin(t: ArrayLike<number>, gy: ArrayLike<number>, windowMs = 60_000): number {
  const n = t.length;
  if (n < 2) return NaN;
  const end = t[n - 1];
  let i = n - 2;
  while (i > 0 && t[i - 1] >= end - windowMs) i--;
  const dt = end - t[i];
  return dt > 0 ? Math.max(0, ((gy[n - 1] - gy[i]) / dt) * 60_000) : NaN;
}
