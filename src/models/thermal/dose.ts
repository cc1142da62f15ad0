import { GAS_CONSTANT, type ArrheniusTissue } from './tissue.js';

/**
 * Thermal dose as cumulative equivalent minutes at 43 °C, the method of Sapareto
 * & Dewey (Int J Radiat Oncol Biol Phys 1984;10:787): CEM43 = ∫ R^(43 − T) dt,
 * with R = 0.5 at or above 43 °C and 0.25 below.
 */
export const CEM43_BREAKPOINT_C = 43;
/**
 * Below this temperature no dose is accumulated: project default (body
 * temperature), not a published value. The step it leaves is 2.4e-4 CEM43 per
 * minute (0.25^6), negligible against any threshold.
 */
export const CEM43_FLOOR_C = 37;
/**
 * 240 CEM43: project default, the convention of ablation thermometry (an
 * MRgFUS study compared 17–240 CEM and found 100–200 best matched the lesion:
 * PMC6181766). Thresholds are tissue-dependent in the compilations of
 * Dewhirst et al. (Proc SPIE 2003;4954:37) and Yarmolenko et al. (Int J
 * Hyperthermia 2011;27:320); Sapareto & Dewey 1984 define the dose, not this
 * threshold.
 */
export const LETHAL_CEM43 = 240;

/** The criterion that decides a pixel is lethally treated, with the source the panel can show. */
export interface LethalCriterionSource {
  kind: 'cem43' | 'omega';
  /** CEM43 minutes or Ω at which tissue counts as dead. */
  level: number;
  /** Short label for people. */
  label: string;
  /** Where the threshold comes from (author, year). */
  source: string;
}

/** 240 CEM43 (project default; tissue thresholds: Dewhirst et al. 2003, Yarmolenko et al. 2011). */
export const LETHAL_BY_CEM43: LethalCriterionSource = {
  kind: 'cem43',
  level: LETHAL_CEM43,
  label: 'CEM43 ≥ 240 min',
  source: 'project default (ablation convention); tissue thresholds: Dewhirst et al. 2003, Yarmolenko et al. 2011',
};
/** Ω = 1: 63 % of cells damaged (Henriques & Moritz 1947; Pearce 2010), with this project's liver parameters. */
export const LETHAL_BY_OMEGA: LethalCriterionSource = { kind: 'omega', level: 1, label: 'Ω ≥ 1 (Arrhenius)', source: 'Henriques & Moritz 1947; Pearce 2010' };

const LN2 = Math.LN2;
const LN4 = 2 * Math.LN2;

/** Dose rate in CEM43 minutes per minute at temperature `c` (°C); 0 below the floor or for NaN. */
export function cem43Rate(c: number, floorC = CEM43_FLOOR_C): number {
  if (!(c >= floorC)) return 0;
  return c >= CEM43_BREAKPOINT_C ? Math.exp(LN2 * (c - CEM43_BREAKPOINT_C)) : Math.exp(LN4 * (c - CEM43_BREAKPOINT_C));
}

/** CEM43 minutes accumulated over `seconds` at a steady `c` °C. */
export const cem43 = (c: number, seconds: number): number => (cem43Rate(c) * seconds) / 60;

/** The Arrhenius rate k(T) = A·exp(−Ea/(R·T)) (1/s) at `c` °C, with no threshold; NaN for NaN. */
export function arrheniusRate(c: number, tissue: ArrheniusTissue): number {
  return tissue.a * Math.exp(-tissue.ea / (GAS_CONSTANT * (c + 273.15)));
}

/**
 * Damage rate dΩ/dt (1/s) at `c` °C: the Arrhenius rate in excess of its value
 * at the tissue's baseline (body) temperature, never negative. Continuous: no
 * step anywhere (a floor at 43 °C gave Ω = 1 after 8.5 min at 43.0 °C and never
 * at 42.99 °C). Tissue at body temperature is by definition not being injured;
 * the liver figures alone would give Ω = 1 after 57 min at 37 °C. Project
 * default; above 50 °C it changes the rate by less than 2 %.
 */
export function damageRate(c: number, tissue: ArrheniusTissue): number {
  if (!(c > tissue.baselineC)) return 0;
  return arrheniusRate(c, tissue) - arrheniusRate(tissue.baselineC, tissue);
}

/** Closed form: seconds at a steady `c` °C until Ω = 1. */
export const secondsToOmega1 = (c: number, tissue: ArrheniusTissue): number => 1 / damageRate(c, tissue);

// Four-point Gauss–Legendre nodes and weights on [0, 1].
const GAUSS_X = [0.0694318442029737, 0.3300094782075719, 0.6699905217924281, 0.9305681557970263];
const GAUSS_W = [0.1739274225687269, 0.3260725774312731, 0.3260725774312731, 0.1739274225687269];

/** ∫ rate over [a, b] by four-point Gauss–Legendre on `panels` equal panels. */
function gauss(rate: (c: number) => number, a: number, b: number, panels: number): number {
  const h = (b - a) / panels;
  let sum = 0;
  for (let p = 0; p < panels; p++) for (let q = 0; q < 4; q++) sum += GAUSS_W[q] * rate(a + (p + GAUSS_X[q]) * h);
  return sum * h;
}

/** Panels beyond the table: 1 °C each up to this many (a hotter pixel is far past any threshold). */
const MAX_PANELS = 256;

/**
 * The time integral of a temperature-dependent rate over an interval in which
 * the temperature changes linearly from `p` to `q`:
 *   ∫ r(T(t)) dt = Δt · (G(q) − G(p)) / (q − p),  G(T) = ∫_lo^T r,
 * exact for a linear change between two maps (G(q) is kept per pixel, so each
 * map costs one read of G), where the rate at the mean
 * temperature under-counts a fast rise (r is convex: 2 % at 1 °C/s with a map
 * each second, 7.6 % with one every 2 s, for CEM43).
 * G is tabulated every `step` °C (each cell integrated by Gauss–Legendre) and
 * read by cubic Hermite interpolation from G and its derivative r: relative
 * error about h⁴k³/(384·|q − p|) for a rate of log-slope k, 1e-7 for CEM43 at
 * 0.01 °C over 1e-4 °C. Above `hi`, G continues by quadrature. The rate is 0 below `lo`
 * and may jump there (G stays continuous, so the jump is integrated exactly).
 */
export class RampIntegral {
  /** G at lo, lo + step, ...: its antiderivative. */
  readonly g: Float64Array;
  /** The rate at the same nodes. */
  readonly r: Float64Array;
  /** Node spacing (°C) and its inverse: public for the accumulator's inlined reads. */
  readonly h: number;
  readonly inv: number;

  constructor(
    readonly rate: (c: number) => number,
    readonly lo: number,
    readonly hi: number,
    nodesPerC = 100,
  ) {
    const n = Math.ceil((hi - lo) * nodesPerC);
    this.hi = lo + n / nodesPerC;
    this.inv = nodesPerC;
    this.h = 1 / nodesPerC;
    this.g = new Float64Array(n + 1);
    this.r = new Float64Array(n + 1);
    // Nodes as lo + i / nodesPerC: 43 °C lands exactly on one, so CEM43's kink is at a node.
    const right = (c: number) => (c >= lo ? rate(c) : 0);
    this.r[0] = right(lo);
    for (let i = 1; i <= n; i++) {
      const a = lo + (i - 1) / nodesPerC;
      const b = lo + i / nodesPerC;
      this.r[i] = right(b);
      this.g[i] = this.g[i - 1] + gauss(right, a, b, 1);
    }
  }

  /** G(c): the integral of the rate from `lo` to `c`. */
  antiderivative(c: number): number {
    if (!(c > this.lo)) return 0;
    const { g, r, h } = this;
    if (c >= this.hi) {
      const n = g.length - 1;
      if (c === this.hi) return g[n];
      const panels = Math.min(MAX_PANELS, Math.ceil(c - this.hi));
      return g[n] + gauss(this.rate, this.hi, c, panels);
    }
    const x = (c - this.lo) * this.inv;
    const i = x | 0;
    const t = x - i;
    const t2 = t * t;
    const t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * g[i] + (t3 - 2 * t2 + t) * h * r[i] + (3 * t2 - 2 * t3) * g[i + 1] + (t3 - t2) * h * r[i + 1];
  }
}
