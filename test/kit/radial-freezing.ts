import type { FreezingTissue } from '../../src/models/cryo/freezing-model.js';

/**
 * One infinitely long probe in tissue, solved about its axis: Pennes bioheat with
 * phase change in one radial dimension, written apart from the freezing model
 * (its own enthalpy curve, finite volumes from the probe's surface out), so the
 * model's two-dimensional grid is checked against an independent solution.
 *
 * Cells of width `h` from the probe's surface at `radiusMm` out to `outerMm`
 * (insulated there); the surface held at `tipC`; explicit steps at 0.9 of the
 * limit h²·C_min / (3·k_max) (the first cell meets the surface half a cell away).
 * Perfusion in the unfrozen fraction, implicit in T.
 */
export class RadialFreezing {
  private readonly T: Float64Array;
  private readonly H: Float64Array;
  private readonly flux: Float64Array;
  private readonly rCell: Float64Array;
  private readonly hMm: number;
  private seconds = 0;

  constructor(
    private readonly tissue: Readonly<FreezingTissue>,
    private readonly radiusMm: number,
    private readonly tipC: number,
    cells: number,
    outerMm = 40,
  ) {
    this.hMm = (outerMm - radiusMm) / cells;
    this.T = new Float64Array(cells).fill(tissue.bloodC);
    this.H = this.T.map((T) => this.enthalpy(T));
    this.flux = new Float64Array(cells + 1);
    this.rCell = new Float64Array(cells).map((_, i) => radiusMm + (i + 0.5) * this.hMm);
  }

  /** Runs to `seconds` since the freeze began. */
  runTo(seconds: number): void {
    const t = this.tissue;
    const h = this.hMm / 1000;
    const dtMax = (0.9 * h * h * Math.min(t.cFrozen, t.cUnfrozen)) / (3 * Math.max(t.kFrozen, t.kUnfrozen));
    const steps = Math.ceil((seconds - this.seconds) / dtMax);
    const dt = (seconds - this.seconds) / steps;
    const { T, H, flux, rCell } = this;
    const n = T.length;
    for (let s = 0; s < steps; s++) {
      // Heat per radian and metre of probe through each face, W: the surface half a cell from the first centre.
      flux[0] = (this.radiusMm / 1000) * this.k(T[0]) * (this.tipC - T[0]) / (h / 2);
      for (let i = 1; i < n; i++) flux[i] = ((rCell[i] - this.hMm / 2) / 1000) * 0.5 * (this.k(T[i - 1]) + this.k(T[i])) * (T[i - 1] - T[i]) / h;
      flux[n] = 0;
      for (let i = 0; i < n; i++) {
        let e = H[i] + (dt * (flux[i] - flux[i + 1])) / ((rCell[i] / 1000) * h);
        const w = t.perfusion * dt * this.unfrozen(T[i]);
        e += (w * (t.bloodC - T[i])) / (1 + w / t.cUnfrozen);
        H[i] = e;
      }
      for (let i = 0; i < n; i++) T[i] = this.temperature(H[i]);
    }
    this.seconds = seconds;
  }

  /** Diameter (mm) of the isotherm `c`: where the temperature first rises above it, between cell centres. */
  diameterMm(c: number): number {
    const { T, rCell } = this;
    if (!(T[0] <= c)) return 2 * this.radiusMm;
    for (let i = 1; i < T.length; i++) if (T[i] > c) return 2 * (rCell[i - 1] + ((c - T[i - 1]) / (T[i] - T[i - 1])) * this.hMm);
    return 2 * rCell[T.length - 1];
  }

  private get mush(): number {
    const t = this.tissue;
    return t.latent / (t.liquidusC - t.solidusC) + 0.5 * (t.cFrozen + t.cUnfrozen);
  }

  private enthalpy(T: number): number {
    const t = this.tissue;
    if (T <= t.solidusC) return t.cFrozen * (T - t.solidusC);
    if (T < t.liquidusC) return this.mush * (T - t.solidusC);
    return this.mush * (t.liquidusC - t.solidusC) + t.cUnfrozen * (T - t.liquidusC);
  }

  private temperature(H: number): number {
    const t = this.tissue;
    const top = this.mush * (t.liquidusC - t.solidusC);
    if (H <= 0) return t.solidusC + H / t.cFrozen;
    if (H < top) return t.solidusC + H / this.mush;
    return t.liquidusC + (H - top) / t.cUnfrozen;
  }

  private unfrozen(T: number): number {
    const t = this.tissue;
    return Math.max(0, Math.min(1, (T - t.solidusC) / (t.liquidusC - t.solidusC)));
  }

  private k(T: number): number {
    const t = this.tissue;
    return t.kFrozen + (t.kUnfrozen - t.kFrozen) * this.unfrozen(T);
  }
}
