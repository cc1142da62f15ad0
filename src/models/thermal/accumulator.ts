import type { Grid } from '../channel.js';
import { checkGrid, type FrameReason } from '../frame-check.js';
import { LIVER_ARRHENIUS, type ArrheniusTissue } from './tissue.js';
import { CEM43_FLOOR_C, RampIntegral, cem43Rate, damageRate } from './dose.js';

/** `masked`: NaN pixels (thermometry fails there); `refused`: infinite pixels, left out of the dose. */
export type AccumulateVerdict = { ok: true; masked: number; refused: number } | { ok: false; reason: FrameReason; detail: string };

/**
 * The mean rate over a linear ramp, (G(c) − G(p)) / (c − p): never negative;
 * infinite when both ends are past ~1000 °C (both antiderivatives overflow).
 */
function meanRate(gc: number, gp: number, span: number): number {
  const m = (gc - gp) / span;
  return m >= 0 ? m : m === m ? 0 : Infinity;
}

/** Upper end of the tabulated integrals (°C); above, they continue by quadrature. */
const TABLE_TOP_C = 150;

/** The tables are immutable and costly to build (45 000 rate evaluations): one per tissue, shared by every accumulator. */
const TABLES = new Map<string, RampIntegral>();
function shared(key: string, make: () => RampIntegral): RampIntegral {
  let t = TABLES.get(key);
  if (!t) TABLES.set(key, (t = make()));
  return t;
}

/**
 * Thermal dose (CEM43, minutes) and Arrhenius damage Ω per pixel, accumulated
 * from temperature maps arriving at uneven intervals. Between two maps each
 * pixel's temperature is taken to change linearly, and the dose and damage
 * rates are integrated exactly along that ramp (see `RampIntegral`). A NaN
 * pixel (masked: thermometry fails in fat) adds nothing while masked; an
 * infinite one is refused the same way and counted; dose and Ω never decrease.
 * A map out of order or of another geometry is refused, and changes nothing.
 */
export class ThermalAccumulator {
  /** CEM43 minutes per pixel. */
  readonly cem43: Float64Array;
  /** Arrhenius Ω per pixel. */
  readonly omega: Float64Array;
  /** The highest valid temperature each pixel reached (°C; NaN before any). */
  readonly peak: Float32Array;
  /** The latest map (its data are a copy, owned here). */
  latest?: Grid;
  private readonly previous: Float32Array;
  /** Each pixel's antiderivatives G at its previous temperature, dose and damage. */
  private readonly gDose: Float64Array;
  private readonly gDamage: Float64Array;
  private readonly dose: RampIntegral;
  private readonly damage: RampIntegral;

  constructor(
    readonly geometry: Pick<Grid, 'width' | 'height' | 'spacingMm' | 'originMm'>,
    readonly tissue: ArrheniusTissue = LIVER_ARRHENIUS,
  ) {
    const n = geometry.width * geometry.height;
    this.cem43 = new Float64Array(n);
    this.omega = new Float64Array(n);
    this.peak = new Float32Array(n).fill(NaN);
    this.previous = new Float32Array(n).fill(NaN);
    this.gDose = new Float64Array(n);
    this.gDamage = new Float64Array(n);
    // Both tables on the same nodes, so one interpolation serves both (each rate is 0 below its own threshold).
    const lo = Math.min(CEM43_FLOOR_C, tissue.baselineC);
    this.dose = shared(`cem43 ${lo}`, () => new RampIntegral((c) => cem43Rate(c) / 60, lo, TABLE_TOP_C));
    this.damage = shared(`arrhenius ${lo} ${tissue.a} ${tissue.ea} ${tissue.baselineC}`, () => new RampIntegral((c) => damageRate(c, tissue), lo, TABLE_TOP_C));
  }

  /** Adds one map; refused (and nothing changed) when out of order or of another geometry. */
  add(g: Grid): AccumulateVerdict {
    const base = this.latest ?? { ...this.geometry, channel: g.channel, t: -Infinity, data: g.data };
    const verdict = checkGrid(g, base);
    if (!verdict.ok) return verdict;
    const dt = this.latest ? (g.t - this.latest.t) / 1000 : 0;
    const { cem43, omega, peak, previous, gDose, gDamage, dose, damage } = this;
    // The tables' Hermite reads inlined: this loop runs over every pixel of every map.
    const { lo, hi, inv, h } = dose;
    const G1 = dose.g;
    const R1 = dose.r;
    const G2 = damage.g;
    const R2 = damage.r;
    const data = g.data;
    let masked = 0;
    let refused = 0;
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      // NaN and ±Infinity both fail c − c === 0.
      if (c - c !== 0) {
        if (c === c) refused++;
        else masked++;
        previous[i] = NaN;
        continue;
      }
      // G and the rate at c, for dose (1) and damage (2).
      let g1 = 0;
      let g2 = 0;
      let r1 = 0;
      let r2 = 0;
      if (c > lo) {
        if (c < hi) {
          const x = (c - lo) * inv;
          const k = x | 0;
          const t = x - k;
          const t2 = t * t;
          const t3 = t2 * t;
          const a0 = 2 * t3 - 3 * t2 + 1;
          const b0 = (t3 - 2 * t2 + t) * h;
          const a1 = 3 * t2 - 2 * t3;
          const b1 = (t3 - t2) * h;
          g1 = a0 * G1[k] + b0 * R1[k] + a1 * G1[k + 1] + b1 * R1[k + 1];
          g2 = a0 * G2[k] + b0 * R2[k] + a1 * G2[k + 1] + b1 * R2[k + 1];
          r1 = R1[k] + (R1[k + 1] - R1[k]) * t;
          r2 = R2[k] + (R2[k + 1] - R2[k]) * t;
        } else {
          g1 = dose.antiderivative(c);
          g2 = damage.antiderivative(c);
          r1 = dose.rate(c);
          r2 = damage.rate(c);
        }
      }
      const p = previous[i];
      // A pixel seen for the first time (or again after a mask) starts its interval here.
      if (dt > 0 && p === p) {
        if (c === p) {
          cem43[i] += r1 * dt;
          omega[i] += r2 * dt;
        } else {
          cem43[i] += meanRate(g1, gDose[i], c - p) * dt;
          omega[i] += meanRate(g2, gDamage[i], c - p) * dt;
        }
      }
      gDose[i] = g1;
      gDamage[i] = g2;
      previous[i] = c;
      if (!(c <= peak[i])) peak[i] = c;
    }
    this.latest = { ...g, data: previous };
    return { ok: true, masked, refused };
  }

  /** Temperature (°C) of the latest map at pixel index `i` (NaN if masked or none). */
  temperatureAt(i: number): number {
    return this.latest ? this.previous[i] : NaN;
  }
}
