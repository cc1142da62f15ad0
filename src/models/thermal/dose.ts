import { GAS_CONSTANT, type ArrheniusTissue } from './tissue.js';

/**
 * Thermal dose as cumulative equivalent minutes at 43 °C (Sapareto & Dewey,
 * Int J Radiat Oncol Biol Phys 1984;10:787): CEM43 = Σ Δt · R^(43 − T), with
 * R = 0.5 at or above 43 °C and 0.25 below.
 */
export const CEM43_BREAKPOINT_C = 43;
/** Below this temperature no dose is accumulated (37 °C, as in common CEM43 implementations). */
export const CEM43_FLOOR_C = 37;
/** Necrosis threshold, 240 CEM43 (Sapareto & Dewey 1984; Dewey 2009, Int J Hyperthermia 25:3). */
export const LETHAL_CEM43 = 240;

const LN2 = Math.LN2;
const LN4 = 2 * Math.LN2;

/** Dose rate in CEM43 minutes per minute at temperature `c` (°C); 0 below the floor or for NaN. */
export function cem43Rate(c: number, floorC = CEM43_FLOOR_C): number {
  if (!(c >= floorC)) return 0;
  return c >= CEM43_BREAKPOINT_C ? Math.exp(LN2 * (c - CEM43_BREAKPOINT_C)) : Math.exp(LN4 * (c - CEM43_BREAKPOINT_C));
}

/** CEM43 minutes accumulated over `seconds` at a steady `c` °C. */
export const cem43 = (c: number, seconds: number): number => (cem43Rate(c) * seconds) / 60;

/** Arrhenius damage rate dΩ/dt (1/s) at `c` °C; 0 below the tissue's floor or for NaN. */
export function arrheniusRate(c: number, tissue: ArrheniusTissue): number {
  if (!(c >= tissue.floorC)) return 0;
  return tissue.a * Math.exp(-tissue.ea / (GAS_CONSTANT * (c + 273.15)));
}

/** Closed form: seconds at a steady `c` °C until Ω = 1. */
export const secondsToOmega1 = (c: number, tissue: ArrheniusTissue): number => 1 / arrheniusRate(c, tissue);

/**
 * A rate tabulated every `step` °C from `lo` to `hi` and interpolated linearly:
 * two exponentials per pixel per frame become a table read. Above `hi` (or for
 * a step that does not fit) the exact rate is computed. Relative error below
 * (k·step)²/8, k the log-slope: 2.4e-5 for CEM43 at 0.01 °C.
 */
export class RateTable {
  /** Rates at lo, lo + step, ...: public for hot loops that inline `at`. */
  readonly table: Float64Array;
  /** 1 / step. */
  readonly inv: number;

  constructor(
    readonly rate: (c: number) => number,
    readonly lo: number,
    readonly hi: number,
    step = 0.01,
  ) {
    const n = Math.ceil((hi - lo) / step) + 1;
    this.inv = 1 / step;
    this.table = new Float64Array(n + 1);
    for (let i = 0; i <= n; i++) this.table[i] = rate(lo + i * step);
  }

  /** The rate at `c` (0 for NaN or below the table). */
  at(c: number): number {
    if (!(c >= this.lo)) return 0;
    if (c >= this.hi) return this.rate(c);
    const x = (c - this.lo) * this.inv;
    const i = x | 0;
    const f = x - i;
    const t = this.table;
    return t[i] + (t[i + 1] - t[i]) * f;
  }
}
