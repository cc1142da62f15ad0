import type { PointMm } from './procedure.js';
import { segmentDistanceXY } from './plane-geometry.js';
import { probeLinks } from './probe-coupling.js';

/**
 * A physical model of the ice ball: the Pennes bioheat equation with phase
 * change, in enthalpy form, on a uniform 2-D grid in the plan plane.
 *
 *   ∂H/∂t = ∇·(k(T) ∇T) + φ_l(T) · w_b · (T_b − T)
 *
 * H is the volumetric enthalpy: sensible heat of the frozen and unfrozen
 * tissue plus the latent heat of its water, released linearly across the
 * phase-change range [solidus, liquidus]; φ_l the unfrozen fraction (perfusion
 * stops in frozen tissue); w_b = ω_b·ρ_b·c_b the perfusion term.
 *
 * Geometry (stated): PLANAR. The plan plane cuts the probes across, the probes
 * run perpendicular to it and are taken as long compared with the ice ball
 * (heat flows in the plane only), so each probe is a cylinder at its MEASURED
 * tip temperature: the ice follows the console's real freeze, thaw and second
 * freeze, not a schedule. A probe up to a few cells thick draws heat from the
 * cells about its true position through a well index (probe-coupling.ts), so
 * the ice does not depend on where the grid falls; a thicker one is held as
 * the cells it covers. A vessel is a warm boundary held at blood
 * temperature. The grid's outer edge is held at body temperature (or insulated,
 * for the one-dimensional Stefan check).
 *
 * Scheme: explicit finite volumes, conductivities averaged on each face, the
 * step kept at 0.9 of the stability limit h²·C_min / (4·k_max). The probe's
 * well index is implicit in the cell it cools (backward Euler through the
 * enthalpy curve, so it never overshoots the tip and leaves the limit as it
 * is, however tight the coupling). Only a
 * rectangle around what has changed is updated (the rest is still at body
 * temperature); typed arrays only, nothing allocated per step.
 */

/** Thermal properties of a tissue for freezing, SI units. */
export interface FreezingTissue {
  name: string;
  /** Conductivity of unfrozen and frozen tissue, W/(m·K). */
  kUnfrozen: number;
  kFrozen: number;
  /** Volumetric heat capacity of unfrozen and frozen tissue, J/(m³·K). */
  cUnfrozen: number;
  cFrozen: number;
  /** Latent heat of the tissue's water, J/m³. */
  latent: number;
  /** Phase change between these temperatures, °C. */
  solidusC: number;
  liquidusC: number;
  /** Perfusion term ω_b·ρ_b·c_b, W/(m³·K). */
  perfusion: number;
  /** Arterial blood and body temperature, °C. */
  bloodC: number;
}

/**
 * The tissue the estimate assumes. Conductivities, heat capacities, latent heat
 * and the phase-change range are a project default: k 0.5 / 2 W/(m·K), C 3.6 /
 * 1.8 MJ/(m³·K), L 300 MJ/m³, −8 to −1 °C, the values usually attributed to the
 * cryosurgery models of Rabin & Shitzer (J Biomech Eng 1998;120:32–37), an
 * attribution not confirmed against the paper (consistent with the review of
 * Choi & Bischof, Cryobiology 2010;60:52–70: frozen tissue conducts about four
 * times better). Perfusion: liver, ω_b 3.6e-3 1/s with blood ρ_b·c_b = 1000 × 3639
 * (the liver values of the thermal models), 13.1 kW/(m³·K).
 */
export const TISSUE_ESTIMATE: Readonly<FreezingTissue> = {
  name: 'soft tissue (estimate)',
  kUnfrozen: 0.5,
  kFrozen: 2,
  cUnfrozen: 3.6e6,
  cFrozen: 1.8e6,
  latent: 3e8,
  solidusC: -8,
  liquidusC: -1,
  perfusion: 3.6e-3 * 1000 * 3639,
  bloodC: 37,
};

/**
 * A water-based gel phantom (agar, gelatin) at `bathC`, for checks against the
 * gel studies: water and ice (CRC Handbook of Chemistry and Physics): k 0.57 /
 * 2.2 W/(m·K), C 4.18 / 1.88 MJ/(m³·K), L 334 MJ/m³, freezing between −1 and
 * 0 °C; no perfusion.
 */
export const gelPhantom = (bathC: number): FreezingTissue => ({
  name: `gel at ${bathC} °C`,
  kUnfrozen: 0.57,
  kFrozen: 2.2,
  cUnfrozen: 4.18e6,
  cFrozen: 1.88e6,
  latent: 3.34e8,
  solidusC: -1,
  liquidusC: 0,
  perfusion: 0,
  bloodC: bathC,
});

/** A probe in the plane: a cylinder at the measured tip temperature. */
export interface ModelProbe extends PointMm {
  /** Outer radius, mm (17 G needle: 0.74 mm; 2.4 mm probe: 1.2 mm). */
  radiusMm: number;
}

/** A warm structure (a vessel) held at blood temperature: a polyline with a radius. */
export interface ModelVessel {
  points: PointMm[];
  radiusMm: number;
}

export interface FreezingModelOptions {
  /** The plan's field, mm. */
  field: { x: readonly [number, number]; y: readonly [number, number] };
  /** Grid spacing, mm. */
  spacingMm: number;
  probes: readonly ModelProbe[];
  vessels?: readonly ModelVessel[];
  tissue?: Readonly<FreezingTissue>;
  /** 'body': the edge is held at blood temperature (default); 'insulated': no flux through it. */
  edge?: 'body' | 'insulated';
}

/** Below this gradient (°C/mm) a margin is taken as far; margins are clamped to ±MAX_MARGIN_MM. */
const MIN_GRADIENT = 0.05;
const MAX_MARGIN_MM = 200;
/** A cell further than this from body temperature (°C) keeps the update rectangle around it. */
const ACTIVE_C = 1e-3;

/** Cell kinds: tissue, or held at a probe's temperature (index ≥ 0), or at blood temperature. */
const TISSUE = -1;
const BLOOD = -2;

export class FreezingModel {
  readonly nx: number;
  readonly ny: number;
  readonly h: number;
  readonly tissue: Readonly<FreezingTissue>;
  /** Temperature per cell, °C, row-major (x fastest), cell (i, j) centred at field.x[0] + (i + 0.5)·h. */
  readonly temperature: Float64Array;
  /** Simulated seconds so far. */
  seconds = 0;
  /** The stable time step, s. */
  readonly dt: number;
  private readonly enthalpy: Float64Array;
  private readonly k: Float64Array;
  private readonly kind: Int16Array;
  private readonly probeC: Float64Array;
  private readonly seen: Uint32Array;
  /** 1 where the cell is held (a vessel or edge, or a probe with a known temperature). */
  private readonly held: Uint8Array;
  private readonly stack: Int32Array;
  /** Well-index links, probe p's from linkStart[p] to linkStart[p + 1]: the cell, and G (its conductance per unit length over k). */
  private readonly linkStart: Int32Array;
  private readonly linkCell: Int32Array;
  private readonly linkG: Float64Array;
  private stamp = 0;
  private readonly x0: number;
  private readonly y0: number;
  // Phase-change constants: H = cF·(T − Ts) below Ts; cM·(T − Ts) in the range; hL + cU·(T − Tl) above.
  private readonly cM: number;
  private readonly hL: number;
  // The rectangle [i0, i1] × [j0, j1] of cells that may differ from body temperature.
  private i0: number;
  private i1: number;
  private j0: number;
  private j1: number;

  /** @throws RangeError for a probe or vessel without a positive radius: it would take no heat, and the ice would silently be missing. */
  constructor(readonly options: FreezingModelOptions) {
    const thin = [...options.probes, ...(options.vessels ?? [])].find((x) => !(x.radiusMm > 0));
    if (thin) throw new RangeError(`FreezingModel: radius ${thin.radiusMm} mm, not above 0`);
    const t = (this.tissue = options.tissue ?? TISSUE_ESTIMATE);
    this.h = options.spacingMm;
    this.x0 = options.field.x[0];
    this.y0 = options.field.y[0];
    this.nx = Math.max(3, Math.round((options.field.x[1] - options.field.x[0]) / this.h));
    this.ny = Math.max(3, Math.round((options.field.y[1] - options.field.y[0]) / this.h));
    const n = this.nx * this.ny;
    this.temperature = new Float64Array(n).fill(t.bloodC);
    this.enthalpy = new Float64Array(n);
    this.k = new Float64Array(n);
    this.kind = new Int16Array(n).fill(TISSUE);
    this.probeC = new Float64Array(options.probes.length).fill(NaN);
    this.seen = new Uint32Array(n);
    this.held = new Uint8Array(n);
    this.stack = new Int32Array(n);
    this.cM = t.latent / (t.liquidusC - t.solidusC) + 0.5 * (t.cFrozen + t.cUnfrozen);
    this.hL = this.cM * (t.liquidusC - t.solidusC);
    const hM = this.h / 1000;
    this.dt = (0.9 * hM * hM * Math.min(t.cFrozen, t.cUnfrozen)) / (4 * Math.max(t.kFrozen, t.kUnfrozen));
    for (let c = 0; c < n; c++) this.setTemperature(c, t.bloodC);
    const links = this.mark(options);
    this.linkStart = new Int32Array(options.probes.length + 1);
    links.forEach((l, p) => (this.linkStart[p + 1] = this.linkStart[p] + l.length));
    this.linkCell = Int32Array.from(links.flat(), (l) => l.cell);
    this.linkG = Float64Array.from(links.flat(), (l) => l.g);
    this.i0 = this.nx;
    this.i1 = -1;
    this.j0 = this.ny;
    this.j1 = -1;
  }

  /** Sets probe `index`'s measured tip temperature (°C); NaN or ±Infinity: unknown, the probe no longer holds its cells. */
  setProbe(index: number, tempC: number): void {
    if (index < 0 || index >= this.probeC.length) return;
    this.probeC[index] = Number.isFinite(tempC) ? tempC : NaN;
  }

  /** Advances the model by `seconds` with the probes at their latest temperatures. */
  advance(seconds: number): void {
    if (!(seconds > 0)) return;
    const steps = Math.ceil(seconds / this.dt - 1e-9);
    const dt = seconds / steps;
    this.holdProbes();
    for (let s = 0; s < steps; s++) this.step(dt);
    this.seconds += seconds;
  }

  /** Temperature at a point (mm) by bilinear interpolation between cell centres; NaN outside the grid. */
  at(xMm: number, yMm: number): number {
    const fx = (xMm - this.x0) / this.h - 0.5;
    const fy = (yMm - this.y0) / this.h - 0.5;
    if (!(fx >= 0 && fy >= 0 && fx <= this.nx - 1 && fy <= this.ny - 1)) return NaN;
    const i = Math.min(this.nx - 2, fx | 0);
    const j = Math.min(this.ny - 2, fy | 0);
    const u = fx - i;
    const v = fy - j;
    const T = this.temperature;
    const c = j * this.nx + i;
    return (1 - v) * ((1 - u) * T[c] + u * T[c + 1]) + v * ((1 - u) * T[c + this.nx] + u * T[c + this.nx + 1]);
  }

  /** Temperature gradient magnitude at a point, °C/mm (central differences on the interpolated field). */
  gradientAt(xMm: number, yMm: number): number {
    const d = this.h / 2;
    return Math.hypot(this.at(xMm + d, yMm) - this.at(xMm - d, yMm), this.at(xMm, yMm + d) - this.at(xMm, yMm - d)) / (2 * d);
  }

  /**
   * Diameter (mm) of the circle with the area of the largest connected region
   * at or below `level` °C (4-connected cells; each cell counted by the part of
   * it beyond the isotherm, from its temperature and the local gradient, so the
   * size moves smoothly rather than a cell at a time). 0 without such a region.
   */
  equivalentDiameterMm(level: number): number {
    const { nx, ny, temperature: T, seen, stack } = this;
    const stamp = ++this.stamp;
    let best = 0;
    for (let start = 0; start < T.length; start++) {
      if (seen[start] === stamp || !(T[start] <= level)) continue;
      // Flood fill of one region; its rim (warmer neighbours) adds the parts of cells beyond the isotherm.
      let top = 0;
      let area = 0;
      stack[top++] = start;
      seen[start] = stamp;
      const rim = ++this.stamp;
      while (top > 0) {
        const c = stack[--top];
        area += this.fraction(c, level);
        const i = c % nx;
        const j = (c - i) / nx;
        for (let d = 0; d < 4; d++) {
          const ni = d === 0 ? i - 1 : d === 1 ? i + 1 : i;
          const nj = d === 2 ? j - 1 : d === 3 ? j + 1 : j;
          if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
          const n = nj * nx + ni;
          if (seen[n] === stamp || seen[n] === rim) continue;
          if (T[n] <= level) {
            seen[n] = stamp;
            stack[top++] = n;
          } else {
            seen[n] = rim;
            area += this.fraction(n, level);
          }
        }
      }
      // Rim marks must not hide cells from the next region's search: restamp them as visited-by-nobody.
      for (let c = 0; c < T.length; c++) if (seen[c] === rim) seen[c] = 0;
      if (area > best) best = area;
    }
    return 2 * Math.sqrt((best * this.h * this.h) / Math.PI);
  }

  /**
   * Signed distance (mm) from the isotherm `level` to the farthest of `points`:
   * positive when all are at or below it, negative by how far the worst is
   * outside; from the temperature and its gradient at each point (local, first order).
   */
  marginMm(level: number, points: readonly (readonly [number, number])[]): number {
    let worst = Infinity;
    for (const [x, y] of points) {
      const T = this.at(x, y);
      if (T !== T) return -Infinity;
      const g = Math.max(this.gradientAt(x, y), MIN_GRADIENT);
      worst = Math.min(worst, (level - T) / g);
    }
    return points.length ? Math.max(-MAX_MARGIN_MM, Math.min(MAX_MARGIN_MM, worst)) : -Infinity;
  }

  /** The part of cell c at or below `level`, from its temperature and gradient (a straight isotherm across it). */
  private fraction(c: number, level: number): number {
    const { nx, temperature: T } = this;
    const i = c % nx;
    const j = (c - i) / nx;
    const e = i + 1 < nx ? T[c + 1] : T[c];
    const w = i > 0 ? T[c - 1] : T[c];
    const n = j + 1 < this.ny ? T[c + nx] : T[c];
    const s = j > 0 ? T[c - nx] : T[c];
    // Gradient in °C per cell; the isotherm's distance from the centre in cells, |n·(x)| ≤ 1/2 spans the cell.
    const g = 0.5 * Math.hypot(e - w, n - s);
    if (!(g > 1e-9)) return T[c] <= level ? 1 : 0;
    return Math.max(0, Math.min(1, 0.5 + (level - T[c]) / g));
  }

  /** Centre of cell (i, j), mm. */
  cellX(i: number): number {
    return this.x0 + (i + 0.5) * this.h;
  }
  cellY(j: number): number {
    return this.y0 + (j + 0.5) * this.h;
  }

  private setTemperature(c: number, T: number): void {
    const t = this.tissue;
    this.temperature[c] = T;
    this.enthalpy[c] = T <= t.solidusC ? t.cFrozen * (T - t.solidusC) : T < t.liquidusC ? this.cM * (T - t.solidusC) : this.hL + t.cUnfrozen * (T - t.liquidusC);
    this.k[c] = this.conductivity(T);
  }

  private conductivity(T: number): number {
    const t = this.tissue;
    if (T <= t.solidusC) return t.kFrozen;
    if (T >= t.liquidusC) return t.kUnfrozen;
    const f = (T - t.solidusC) / (t.liquidusC - t.solidusC);
    return t.kFrozen + (t.kUnfrozen - t.kFrozen) * f;
  }

  /**
   * Marks vessels, the edge and the probes held as cells: a probe too thick
   * for a well index, as the cells it covers (at least the nearest). Returns
   * each probe's well-index links (none for a held probe).
   */
  private mark(o: FreezingModelOptions): { cell: number; g: number }[][] {
    const { nx, ny, kind } = this;
    const links = o.probes.map((p, index) => {
      const fx = (p.xMm - this.x0) / this.h;
      const fy = (p.yMm - this.y0) / this.h;
      const ci = Math.min(nx - 1, Math.max(0, Math.floor(fx)));
      const cj = Math.min(ny - 1, Math.max(0, Math.floor(fy)));
      // A probe centred off the grid (a wall, in the Stefan check) is held as the cells it covers.
      const inside = fx >= 0 && fy >= 0 && fx < nx && fy < ny;
      const spread = inside ? probeLinks(fx - ci - 0.5, fy - cj - 0.5, p.radiusMm / this.h) : undefined;
      if (spread)
        return spread
          .map(({ di, dj, g }) => ({ i: ci + di, j: cj + dj, g }))
          .filter(({ i, j }) => i >= 0 && j >= 0 && i < nx && j < ny)
          .map(({ i, j, g }) => ({ cell: j * nx + i, g }));
      kind[cj * nx + ci] = index;
      const reach = Math.ceil(p.radiusMm / this.h) + 1;
      for (let j = Math.max(0, cj - reach); j <= Math.min(ny - 1, cj + reach); j++)
        for (let i = Math.max(0, ci - reach); i <= Math.min(nx - 1, ci + reach); i++)
          if (Math.hypot(this.cellX(i) - p.xMm, this.cellY(j) - p.yMm) <= p.radiusMm) kind[j * nx + i] = index;
      return [];
    });
    for (const v of o.vessels ?? [])
      for (let j = 0; j < ny; j++)
        for (let i = 0; i < nx; i++)
          for (let s = 1; s < v.points.length; s++) if (segmentDistanceXY(this.cellX(i), this.cellY(j), v.points[s - 1].xMm, v.points[s - 1].yMm, v.points[s].xMm, v.points[s].yMm) <= v.radiusMm) kind[j * nx + i] = BLOOD;
    if ((o.edge ?? 'body') === 'body')
      for (let j = 0; j < ny; j++)
        for (let i = 0; i < nx; i++) if (i === 0 || j === 0 || i === nx - 1 || j === ny - 1) kind[j * nx + i] = BLOOD;
    return links;
  }

  /** Probe cells take their probe's temperature (when known); they and the cells a known probe cools widen the active rectangle. */
  private holdProbes(): void {
    const { nx, ny, kind, probeC } = this;
    probeC.forEach((tip, p) => {
      if (tip !== tip) return;
      for (let l = this.linkStart[p]; l < this.linkStart[p + 1]; l++) this.include(this.linkCell[l] % nx, Math.floor(this.linkCell[l] / nx));
    });
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const c = j * nx + i;
        const p = kind[c];
        this.held[c] = p === BLOOD || (p >= 0 && probeC[p] === probeC[p]) ? 1 : 0;
        if (p < 0 || probeC[p] !== probeC[p]) continue;
        if (this.temperature[c] !== probeC[p]) this.setTemperature(c, probeC[p]);
        this.include(i, j);
      }
  }

  private include(i: number, j: number): void {
    if (i - 1 < this.i0) this.i0 = Math.max(0, i - 1);
    if (i + 1 > this.i1) this.i1 = Math.min(this.nx - 1, i + 1);
    if (j - 1 < this.j0) this.j0 = Math.max(0, j - 1);
    if (j + 1 > this.j1) this.j1 = Math.min(this.ny - 1, j + 1);
  }

  private step(dt: number): void {
    const { nx, ny, kind, held, tissue: t, probeC, linkStart, linkCell, linkG } = this;
    const { i0, i1, j0, j1 } = this;
    if (i1 < i0) return;
    const T = this.temperature;
    const H = this.enthalpy;
    const k = this.k;
    const perArea = dt / ((this.h / 1000) * (this.h / 1000));
    const a = 0.5 * perArea;
    const ts = t.solidusC;
    const tl = t.liquidusC;
    const span = tl - ts;
    const wb = t.perfusion * dt;
    const wbImplicit = wb / t.cUnfrozen;
    const tb = t.bloodC;
    const cF = 1 / t.cFrozen;
    const cM = 1 / this.cM;
    const cU = 1 / t.cUnfrozen;
    const hL = this.hL;
    const kF = t.kFrozen;
    const dk = t.kUnfrozen - t.kFrozen;
    let ni0 = nx;
    let ni1 = -1;
    let nj0 = ny;
    let nj1 = -1;
    // First the enthalpies, from the old temperatures and conductivities (which stay as they are until every cell has its new enthalpy).
    for (let j = j0; j <= j1; j++) {
      const row = j * nx;
      const hasS = j > 0;
      const hasN = j + 1 < ny;
      for (let i = i0; i <= i1; i++) {
        const c = row + i;
        if (held[c]) continue;
        const T0 = T[c];
        const kc = k[c];
        // Face conductivities are means of the two cells'; an insulated edge has no face.
        let q = 0;
        if (i > 0) q += (kc + k[c - 1]) * (T[c - 1] - T0);
        if (i + 1 < nx) q += (kc + k[c + 1]) * (T[c + 1] - T0);
        if (hasS) q += (kc + k[c - nx]) * (T[c - nx] - T0);
        if (hasN) q += (kc + k[c + nx]) * (T[c + nx] - T0);
        let h = H[c] + q * a;
        // Perfusion in the unfrozen fraction, implicit in T so any rate is stable.
        if (T0 > ts) {
          const w = T0 >= tl ? wb : (wb * (T0 - ts)) / span;
          h += (w * (tb - T0)) / (1 + (T0 >= tl ? wbImplicit : wbImplicit * ((T0 - ts) / span)));
        }
        H[c] = h;
      }
    }
    // Then each known probe's pull k·G·(tip − T) on its linked cells, backward Euler: H + κ·T(H) = H* + κ·tip solved on
    // the enthalpy curve's three pieces (H + κ·T(H) rises with H), so a tight link neither overshoots the tip nor needs a shorter step.
    // Linked cells stay in the rectangle (they are in this step's, from holdProbes or the step before).
    for (let p = 0; p < probeC.length; p++) {
      const tip = probeC[p];
      if (tip !== tip) continue;
      for (let l = linkStart[p]; l < linkStart[p + 1]; l++) {
        const c = linkCell[l];
        const i = c % nx;
        const j = (c - i) / nx;
        if (i < ni0) ni0 = i;
        if (i > ni1) ni1 = i;
        if (j < nj0) nj0 = j;
        if (j > nj1) nj1 = j;
        if (held[c]) continue;
        const kappa = k[c] * linkG[l] * perArea;
        const r = H[c] + kappa * tip;
        if (r <= kappa * ts) H[c] = (r - kappa * ts) / (1 + kappa * cF);
        else if (r < hL + kappa * tl) H[c] = (r - kappa * ts) / (1 + kappa * cM);
        else H[c] = (r - kappa * tl + kappa * hL * cU) / (1 + kappa * cU);
      }
    }
    // Then temperatures and conductivities from the enthalpies, and the rectangle that has changed.
    for (let j = j0; j <= j1; j++) {
      const row = j * nx;
      for (let i = i0; i <= i1; i++) {
        const c = row + i;
        // A held probe keeps its surroundings in the rectangle; a vessel or the edge does not.
        if (held[c]) {
          if (kind[c] < 0) continue;
        } else {
          const h = H[c];
          let T1: number;
          if (h <= 0) {
            T1 = ts + h * cF;
            k[c] = kF;
          } else if (h < hL) {
            T1 = ts + h * cM;
            k[c] = kF + dk * ((T1 - ts) / span);
          } else {
            T1 = tl + (h - hL) * cU;
            k[c] = kF + dk;
          }
          T[c] = T1;
          if (!(T1 - tb > ACTIVE_C || tb - T1 > ACTIVE_C)) continue;
        }
        if (i < ni0) ni0 = i;
        if (i > ni1) ni1 = i;
        if (j < nj0) nj0 = j;
        if (j > nj1) nj1 = j;
      }
    }
    // The changed rectangle, one cell wider: heat spreads at most one cell a step.
    this.i0 = ni1 < 0 ? nx : Math.max(0, ni0 - 1);
    this.i1 = ni1 < 0 ? -1 : Math.min(nx - 1, ni1 + 1);
    this.j0 = nj1 < 0 ? ny : Math.max(0, nj0 - 1);
    this.j1 = nj1 < 0 ? -1 : Math.min(ny - 1, nj1 + 1);
  }
}
