import type { Grid } from '../channel.js';
import { checkGrid, type FrameReason } from '../frame-check.js';
import { LIVER_ARRHENIUS, type ArrheniusTissue } from './tissue.js';
import { CEM43_FLOOR_C, RateTable, arrheniusRate, cem43Rate } from './dose.js';

export type AccumulateVerdict = { ok: true; masked: number } | { ok: false; reason: FrameReason; detail: string };

/** Upper end of the rate tables (°C); above, rates are computed exactly. */
const TABLE_TOP_C = 150;

/**
 * Thermal dose (CEM43, minutes) and Arrhenius damage Ω per pixel, accumulated
 * from temperature maps arriving at uneven intervals. Between two maps each
 * pixel is taken at the mean of its two temperatures for the interval between
 * their data times. A NaN pixel (masked: thermometry fails in fat) adds
 * nothing while masked; dose and Ω never decrease. A map out of order or of
 * another geometry is refused, and changes nothing.
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
  private readonly doseRate: RateTable;
  private readonly damageRate: RateTable;

  constructor(
    readonly geometry: Pick<Grid, 'width' | 'height' | 'spacingMm' | 'originMm'>,
    readonly tissue: ArrheniusTissue = LIVER_ARRHENIUS,
  ) {
    const n = geometry.width * geometry.height;
    this.cem43 = new Float64Array(n);
    this.omega = new Float64Array(n);
    this.peak = new Float32Array(n).fill(NaN);
    this.previous = new Float32Array(n).fill(NaN);
    this.doseRate = new RateTable((c) => cem43Rate(c) / 60, CEM43_FLOOR_C, TABLE_TOP_C);
    this.damageRate = new RateTable((c) => arrheniusRate(c, tissue), tissue.floorC, TABLE_TOP_C);
  }

  /** Adds one map; refused (and nothing changed) when out of order or of another geometry. */
  add(g: Grid): AccumulateVerdict {
    const base = this.latest ?? { ...this.geometry, channel: g.channel, t: -Infinity, data: g.data };
    const verdict = checkGrid(g, base);
    if (!verdict.ok) return verdict;
    const dt = this.latest ? (g.t - this.latest.t) / 1000 : 0;
    const { cem43, omega, peak, previous, doseRate, damageRate } = this;
    const data = g.data;
    // The two tables' reads inlined: this loop runs over every pixel of every map.
    const doseLo = doseRate.lo;
    const doseHi = doseRate.hi;
    const doseInv = doseRate.inv;
    const doseT = doseRate.table;
    const damageLo = damageRate.lo;
    const damageInv = damageRate.inv;
    const damageT = damageRate.table;
    let masked = 0;
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (c !== c) {
        masked++;
        previous[i] = NaN;
        continue;
      }
      const p = previous[i];
      // A pixel seen for the first time (or again after a mask) starts its interval here.
      if (dt > 0 && p === p) {
        const m = 0.5 * (p + c);
        if (m >= doseLo) {
          if (m >= doseHi) {
            cem43[i] += doseRate.at(m) * dt;
            omega[i] += damageRate.at(m) * dt;
          } else {
            let x = (m - doseLo) * doseInv;
            let k = x | 0;
            cem43[i] += (doseT[k] + (doseT[k + 1] - doseT[k]) * (x - k)) * dt;
            if (m >= damageLo) {
              x = (m - damageLo) * damageInv;
              k = x | 0;
              omega[i] += (damageT[k] + (damageT[k + 1] - damageT[k]) * (x - k)) * dt;
            }
          }
        }
      }
      previous[i] = c;
      if (!(c <= peak[i])) peak[i] = c;
    }
    this.latest = { ...g, data: previous };
    return { ok: true, masked };
  }

  /** Temperature (°C) of the latest map at pixel index `i` (NaN if masked or none). */
  temperatureAt(i: number): number {
    return this.latest ? this.previous[i] : NaN;
  }
}
