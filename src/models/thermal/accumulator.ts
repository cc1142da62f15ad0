import type { Grid } from '../channel.js';
import { checkGridFrame, type FrameReason } from '../frame-check.js';
import { LIVER_ARRHENIUS, type ArrheniusTissue } from './tissue.js';
import { CEM43_FLOOR_C, RampIntegral, cem43Rate, damageRate } from './dose.js';
import { runToEnd } from '../steps.js';

/** `masked`: NaN pixels (thermometry fails there); `refused`: infinite pixels, left out of the dose. */
export type AccumulateVerdict = { ok: true; masked: number; refused: number } | { ok: false; reason: FrameReason; detail: string };

/**
 * What a linear ramp from p to c over dt adds, (G(c) − G(p)) · dt / (c − p), from
 * `dg` = G(c) − G(p) and `perDegree` = dt / (c − p): one division serves dose and
 * damage (within 1e-15 of dividing each). Never negative; infinite when both ends
 * are past ~1000 °C (both antiderivatives overflow).
 */
function rampDose(dg: number, perDegree: number): number {
  const m = dg * perDegree;
  return m >= 0 ? m : m === m ? 0 : Infinity;
}

/** What a map's bands have found so far. */
interface Tally {
  masked: number;
  refused: number;
  hottest: number;
}

/** Upper end of the tabulated integrals (°C); above, they continue by quadrature. */
const TABLE_TOP_C = 150;
/**
 * How far below the tables (°C) a pixel still takes the branch-free read: far
 * enough for any tissue, near enough that the scaled index stays an int32. Colder,
 * G is 0 without a read.
 */
const COLDEST_C = 100;

/**
 * Dose and damage integrals on the same nodes, and both interleaved node by node
 * (G dose, rate dose, G damage, rate damage): a pixel's eight Hermite reads fall
 * on one or two cache lines instead of eight, in one array instead of four.
 */
interface Tables {
  dose: RampIntegral;
  damage: RampIntegral;
  nodes: Float64Array;
}

/** The tables are immutable and costly to build (45 000 rate evaluations): one per tissue, shared by every accumulator. */
const TABLES = new Map<string, Tables>();
function tablesFor(tissue: ArrheniusTissue): Tables {
  // Each rate is 0 below its own threshold, so both start at the lower one.
  const lo = Math.min(CEM43_FLOOR_C, tissue.baselineC);
  const key = `${lo} ${tissue.a} ${tissue.ea} ${tissue.baselineC}`;
  let t = TABLES.get(key);
  if (t) return t;
  const dose = new RampIntegral((c) => cem43Rate(c) / 60, lo, TABLE_TOP_C);
  const damage = new RampIntegral((c) => damageRate(c, tissue), lo, TABLE_TOP_C);
  const nodes = new Float64Array(4 * dose.g.length);
  for (let k = 0; k < dose.g.length; k++) nodes.set([dose.g[k], dose.r[k], damage.g[k], damage.r[k]], 4 * k);
  TABLES.set(key, (t = { dose, damage, nodes }));
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
  /** The hottest valid pixel of the latest map (°C; NaN before any or when all are masked). */
  latestPeakC = NaN;
  private readonly previous: Float32Array;
  /** Each pixel's antiderivatives G at its previous temperature, dose then damage (2 per pixel). */
  private readonly gAt: Float64Array;
  private readonly tables: Tables;

  constructor(
    readonly geometry: Pick<Grid, 'width' | 'height' | 'spacingMm' | 'originMm'>,
    readonly tissue: ArrheniusTissue = LIVER_ARRHENIUS,
  ) {
    const n = geometry.width * geometry.height;
    this.cem43 = new Float64Array(n);
    this.omega = new Float64Array(n);
    this.peak = new Float32Array(n).fill(NaN);
    this.previous = new Float32Array(n).fill(NaN);
    this.gAt = new Float64Array(2 * n);
    this.tables = tablesFor(tissue);
  }

  /** Adds one map; refused (and nothing changed) when out of order or of another geometry. */
  add(g: Grid): AccumulateVerdict {
    return runToEnd(this.adding(g));
  }

  /**
   * `add` in steps of `bandPixels` pixels, one per `next()`, so that a caller can spread a
   * large map over several tasks (a 1024² map is a few hundred milliseconds of work). Until
   * its last step the map is partly in: dose and Ω only grow, `latest` is still the previous
   * map's time. One map at a time: the next starts after this one's last step.
   */
  *adding(g: Grid, bandPixels = Infinity): Generator<void, AccumulateVerdict, undefined> {
    const base = this.latest ?? { ...this.geometry, channel: g.channel, t: -Infinity, data: g.data };
    // Geometry and order only: the pixel loop finds the infinite pixels itself.
    const verdict = checkGridFrame(g, base);
    if (!verdict.ok) return verdict;
    const dt = this.latest ? (g.t - this.latest.t) / 1000 : 0;
    const tally: Tally = { masked: 0, refused: 0, hottest: -Infinity };
    for (let from = 0; from < g.data.length; from += bandPixels) {
      if (from > 0) yield;
      this.band(g.data, from, Math.min(g.data.length, from + bandPixels), dt, tally);
    }
    this.latest = { ...g, data: this.previous };
    this.latestPeakC = tally.hottest === -Infinity ? NaN : tally.hottest;
    return { ok: true, masked: tally.masked, refused: tally.refused };
  }

  /** Pixels `from` to `to` of a map `dt` seconds after the previous one. */
  private band(data: ArrayLike<number>, from: number, to: number, dt: number, tally: Tally): void {
    const { cem43, omega, peak, previous, gAt } = this;
    const { dose, damage, nodes } = this.tables;
    // The tables' Hermite reads inlined: this loop runs over every pixel of every map.
    const { lo, hi, inv, h } = dose;
    let { masked, refused, hottest } = tally;
    for (let i = from; i < to; i++) {
      const c = data[i];
      // NaN and ±Infinity both fail c − c === 0.
      if (c - c !== 0) {
        if (c === c) refused++;
        else masked++;
        previous[i] = NaN;
        continue;
      }
      // G at c, for dose (1) and damage (2); `o` and `t` locate c in the tables for the rates below.
      let g1 = 0;
      let g2 = 0;
      let o = 0;
      let t = 0;
      if (c > lo - COLDEST_C && c < hi) {
        // Background pixels fall on either side of lo at random (noise around body
        // temperature): a branch on c > lo mispredicted half of them. Instead, below lo
        // the index is clamped to the first node (an integer clamp, no branch) and G
        // multiplied by 0 (the comparison as a number, no branch either); above, the
        // arithmetic is the same as the branch's.
        const x = (c - lo) * inv;
        const xi = x | 0;
        const k = xi & ~(xi >> 31);
        t = x - k;
        const t2 = t * t;
        const t3 = t2 * t;
        const a0 = 2 * t3 - 3 * t2 + 1;
        const b0 = (t3 - 2 * t2 + t) * h;
        const a1 = 3 * t2 - 2 * t3;
        const b1 = (t3 - t2) * h;
        const warm = +(c > lo);
        o = 4 * k;
        g1 = (a0 * nodes[o] + b0 * nodes[o + 1] + a1 * nodes[o + 4] + b1 * nodes[o + 5]) * warm;
        g2 = (a0 * nodes[o + 2] + b0 * nodes[o + 3] + a1 * nodes[o + 6] + b1 * nodes[o + 7]) * warm;
      } else if (c >= hi) {
        g1 = dose.antiderivative(c);
        g2 = damage.antiderivative(c);
      }
      const p = previous[i];
      // A pixel seen for the first time (or again after a mask) starts its interval here.
      if (dt > 0 && p === p) {
        if (c === p) {
          // A steady pixel: the rate itself (0 at or below lo), read only here, the rare case.
          const r1 = !(c > lo) ? 0 : c < hi ? nodes[o + 1] + (nodes[o + 5] - nodes[o + 1]) * t : dose.rate(c);
          const r2 = !(c > lo) ? 0 : c < hi ? nodes[o + 3] + (nodes[o + 7] - nodes[o + 3]) * t : damage.rate(c);
          cem43[i] += r1 * dt;
          omega[i] += r2 * dt;
        } else {
          const perDegree = dt / (c - p);
          cem43[i] += rampDose(g1 - gAt[2 * i], perDegree);
          omega[i] += rampDose(g2 - gAt[2 * i + 1], perDegree);
        }
      }
      gAt[2 * i] = g1;
      gAt[2 * i + 1] = g2;
      previous[i] = c;
      if (!(c <= peak[i])) peak[i] = c;
      if (c > hottest) hottest = c;
    }
    tally.masked = masked;
    tally.refused = refused;
    tally.hottest = hottest;
  }

  /** Temperature (°C) of the latest map at pixel index `i` (NaN if masked or none). */
  temperatureAt(i: number): number {
    return this.latest ? this.previous[i] : NaN;
  }
}
