import type { Grid } from '../channel.js';
import { checkGrid, type FrameReason } from '../frame-check.js';
import { LIVER_ARRHENIUS, type ArrheniusTissue } from './tissue.js';
import { CEM43_FLOOR_C, RampIntegral, cem43Rate, damageRate } from './dose.js';

/** `masked`: NaN pixels (thermometry fails there); `refused`: infinite pixels, left out of the dose. */
export type AccumulateVerdict = { ok: true; masked: number; refused: number } | { ok: false; reason: FrameReason; detail: string };

/** Upper end of the tabulated integrals (°C); above, they continue by quadrature. */
const TABLE_TOP_C = 150;

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
    this.dose = new RampIntegral((c) => cem43Rate(c) / 60, CEM43_FLOOR_C, TABLE_TOP_C);
    this.damage = new RampIntegral((c) => damageRate(c, tissue), tissue.baselineC, TABLE_TOP_C);
  }

  /** Adds one map; refused (and nothing changed) when out of order or of another geometry. */
  add(g: Grid): AccumulateVerdict {
    const base = this.latest ?? { ...this.geometry, channel: g.channel, t: -Infinity, data: g.data };
    const verdict = checkGrid(g, base);
    if (!verdict.ok) return verdict;
    const dt = this.latest ? (g.t - this.latest.t) / 1000 : 0;
    const { cem43, omega, peak, previous, dose, damage } = this;
    const floor = Math.min(dose.lo, damage.lo);
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
      const p = previous[i];
      // A pixel seen for the first time (or again after a mask) starts its interval here.
      if (dt > 0 && p === p && (c > floor || p > floor)) {
        cem43[i] += dose.mean(p, c) * dt;
        omega[i] += damage.mean(p, c) * dt;
      }
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
