import { BLOOD, type BioheatTissue } from './tissue.js';

export interface BioheatOptions {
  width: number;
  height: number;
  /** Pixel size (m), the same in x and y. */
  dx: number;
  tissue: BioheatTissue;
  /** Initial and arterial blood temperature (°C). */
  bodyC?: number;
  /** Edges held at body temperature ('body', default) or without heat flux ('insulated'). */
  boundary?: 'body' | 'insulated';
}

/**
 * The Pennes bioheat equation (Pennes 1948, J Appl Physiol 1:93) on a 2-D grid:
 *   ρc ∂T/∂t = k ∇²T + ρ_b c_b ω_b (T_b − T) + Q
 * by explicit finite differences (5-point Laplacian) for conduction, with the
 * perfusion term taken implicitly (stable at any perfusion, so a vessel can be a
 * strong heat sink). The conduction step is stable for dt ≤ ρc·dx²/(4k)
 * (von Neumann); `step` splits a longer interval into stable sub-steps.
 */
export class BioheatSolver {
  /** Temperature (°C), row-major. */
  readonly t: Float64Array;
  /** Perfusion ω_b per pixel (1/s); raise it along a vessel. */
  readonly perfusion: Float64Array;
  /** Heat source Q per pixel (W/m³), set by the caller before each step. */
  readonly source: Float64Array;
  readonly width: number;
  readonly height: number;
  readonly dx: number;
  readonly bodyC: number;
  /** Largest stable time step (s), with a 10 % safety margin. */
  readonly maxDt: number;
  private readonly next: Float64Array;
  private readonly rhoC: number;
  private readonly k: number;
  private readonly boundary: 'body' | 'insulated';

  constructor(o: BioheatOptions) {
    this.width = o.width;
    this.height = o.height;
    this.dx = o.dx;
    this.bodyC = o.bodyC ?? BLOOD.temperatureC;
    this.boundary = o.boundary ?? 'body';
    const n = o.width * o.height;
    this.t = new Float64Array(n).fill(this.bodyC);
    this.next = new Float64Array(n);
    this.perfusion = new Float64Array(n).fill(o.tissue.perfusion);
    this.source = new Float64Array(n);
    this.rhoC = o.tissue.density * o.tissue.specificHeat;
    this.k = o.tissue.conductivity;
    this.maxDt = (0.9 * this.rhoC * o.dx * o.dx) / (4 * this.k);
  }

  /** Advances `seconds`, in equal sub-steps no longer than the stable step. */
  step(seconds: number): void {
    const n = Math.max(1, Math.ceil(seconds / this.maxDt));
    for (let s = 0; s < n; s++) this.substep(seconds / n);
  }

  /** Heat content relative to body temperature, per metre of slice thickness (J/m): ρc Σ (T − T_b) dx². */
  energy(): number {
    let sum = 0;
    for (let i = 0; i < this.t.length; i++) sum += this.t[i] - this.bodyC;
    return sum * this.rhoC * this.dx * this.dx;
  }

  private substep(dt: number): void {
    const { width: w, height: h, t, next, perfusion, source, bodyC } = this;
    const a = (this.k * dt) / (this.rhoC * this.dx * this.dx);
    const blood = (BLOOD.density * BLOOD.specificHeat * dt) / this.rhoC;
    const qs = dt / this.rhoC;
    const insulated = this.boundary === 'insulated';
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        const k = j * w + i;
        const c = t[k];
        if (!insulated && (i === 0 || j === 0 || i === w - 1 || j === h - 1)) {
          next[k] = bodyC;
          continue;
        }
        // Insulated edges mirror the centre value: no flux across the edge.
        const l = i > 0 ? t[k - 1] : c;
        const r = i < w - 1 ? t[k + 1] : c;
        const u = j > 0 ? t[k - w] : c;
        const d = j < h - 1 ? t[k + w] : c;
        const p = blood * perfusion[k];
        next[k] = (c + a * (l + r + u + d - 4 * c) + qs * source[k] + p * bodyC) / (1 + p);
      }
    }
    t.set(next);
  }
}
