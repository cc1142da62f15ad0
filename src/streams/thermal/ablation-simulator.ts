import { BioheatSolver } from '../../models/thermal/bioheat.js';
import { rasterise, type PairMm } from '../../models/thermal/shapes.js';
import { LIVER, type BioheatTissue } from '../../models/thermal/tissue.js';
import type { AblationScenario } from './scenarios.js';
import { seededRandom } from '../../models/seeded-random.js';

/** Generator voltage ceiling (V rms): power falls as V²/Z once impedance rises. A training estimate. */
const V_MAX = 150;
/** Impedance of the circuit at 37 °C (Ohm): RF liver ablation starts near 60–100 Ohm (training estimate). */
const Z0_RF = 80;
/** Microwave antenna impedance (Ohm), matched. */
const Z0_MW = 50;
/**
 * Fraction of the generator's power deposited in the simulated slice, by
 * modality: a 2-D model of a 3-D heating (an estimate). What it gives at 12 min
 * (tested): lethal zones 25 mm across by 240 CEM43 and 30 mm by Ω = 1 (liver
 * RF), 30 and 35 mm (microwave beside the vessel).
 */
const SLICE_FRACTION = { rf: 0.06, mw: 0.075 } as const;
/** After a roll-off the generator stops for this long, then resumes (s; a training estimate). */
const ROLL_OFF_PAUSE_S = 15;
/** Impedance above the starting value by this much is a roll-off (Ohm; a training estimate). */
const ROLL_OFF_RISE_OHM = 100;
/** Slice thickness (m) over which that power spreads. */
const SLICE_M = 0.01;
/** Radius (m) of the heating core: a deployed multi-tine array spreads the current (an estimate). */
const TIP_RADIUS_M = 4e-3;
/** Radius (m) of the electrode surface whose contact tissue sets the impedance. */
const CONTACT_RADIUS_M = 1.5e-3;
/** Vaporised tissue takes water back below this temperature (°C; an estimate). */
const REWET_C = 90;
/** Microwave penetration (m) of the simplified heating pattern. */
const MW_DEPTH_M = 7e-3;
/** MR thermometry noise, 1 SD (°C): maps reach about 1 °C precision (PMC4028434). */
const MAP_NOISE_C = 0.4;

export interface SimulatorOptions {
  /** Map width and height in pixels (default 128, up to 256). */
  resolution?: number;
  seed?: number;
}

/** What the console shows at one moment. */
export interface ConsoleReading {
  powerW: number;
  impedanceOhm: number;
  tipC: number;
  elapsedS: number;
}

/**
 * A simulated RF or microwave ablation: the Pennes solver on the map's grid,
 * a source at the applicator tip (RF: σ|E|², |E|² ∝ 1/r⁴ around the electrode,
 * with σ rising 1.5 %/°C and collapsing at 99–100 °C as tissue vaporises, so
 * impedance rolls off and the voltage-limited generator's power falls; MW: a
 * heating pattern decaying over a few mm), a perfused vessel as a heat sink,
 * and what the console and the probes read. Deterministic for a seed.
 */
export class AblationSimulator {
  readonly solver: BioheatSolver;
  readonly resolution: number;
  readonly spacingMm: number;
  elapsedS = 0;
  reading: ConsoleReading;
  private readonly weight: Float64Array;
  private readonly contact: Float64Array;
  private readonly dry: Uint8Array;
  private readonly sigma: Float64Array;
  private readonly fat: Uint8Array;
  private readonly rand: () => number;
  private readonly tissue: BioheatTissue = LIVER;
  private tipMm: PairMm;
  private pausedUntilS = -Infinity;

  constructor(
    readonly scenario: AblationScenario,
    options: SimulatorOptions = {},
  ) {
    const n = (this.resolution = Math.min(256, Math.max(16, Math.round(options.resolution ?? 128))));
    this.spacingMm = scenario.fovMm / n;
    this.solver = new BioheatSolver({ width: n, height: n, dx: this.spacingMm / 1000, tissue: this.tissue });
    const g = this.geometry;
    for (const s of scenario.structures)
      if (scenario.perfused.includes(s.id)) {
        const m = rasterise(s.shape, g);
        for (let i = 0; i < m.length; i++) if (m[i]) this.solver.perfusion[i] = scenario.vesselPerfusion;
      }
    this.fat = new Uint8Array(n * n);
    for (const f of scenario.fat) {
      const m = rasterise(f, g);
      for (let i = 0; i < m.length; i++) this.fat[i] |= m[i];
    }
    this.weight = new Float64Array(n * n);
    this.contact = new Float64Array(n * n);
    this.dry = new Uint8Array(n * n);
    this.sigma = new Float64Array(n * n);
    this.rand = seededRandom(options.seed ?? 1);
    this.tipMm = scenario.tip[0].tipMm;
    this.placeTip(this.tipMm);
    this.reading = { powerW: 0, impedanceOhm: scenario.modality === 'rf' ? Z0_RF : Z0_MW, tipC: 37, elapsedS: 0 };
  }

  get geometry() {
    const s = this.spacingMm;
    // Pixel centres from half a pixel in: the map covers exactly 0..fovMm.
    return { width: this.resolution, height: this.resolution, spacingMm: [s, s] as const, originMm: [s / 2, s / 2] as const };
  }

  /** Advances the procedure by `seconds`. */
  advance(seconds: number): void {
    const sc = this.scenario;
    const end = Math.min(sc.durationS, this.elapsedS + seconds);
    const solver = this.solver;
    // Sub-steps of at most 0.5 s: the source follows temperature (roll-off) closely enough.
    while (this.elapsedS < end - 1e-9) {
      const dt = Math.min(0.5, solver.maxDt, end - this.elapsedS);
      const move = [...sc.tip].reverse().find((m) => m.atS <= this.elapsedS)!;
      if (move.tipMm !== this.tipMm) this.placeTip((this.tipMm = move.tipMm));
      this.deposit(sc.powerW(this.elapsedS));
      solver.step(dt);
      this.elapsedS += dt;
    }
    this.reading = { ...this.reading, tipC: this.probe(this.tipMm), elapsedS: this.elapsedS };
  }

  /** Temperature (°C) at a point, interpolated bilinearly. */
  probe([x, y]: PairMm): number {
    const { originMm, spacingMm, width } = this.geometry;
    const fi = Math.min(width - 1.001, Math.max(0, (x - originMm[0]) / spacingMm[0]));
    const fj = Math.min(width - 1.001, Math.max(0, (y - originMm[1]) / spacingMm[1]));
    const i = Math.floor(fi);
    const j = Math.floor(fj);
    const u = fi - i;
    const v = fj - j;
    const t = this.solver.t;
    const k = j * width + i;
    return (t[k] * (1 - u) + t[k + 1] * u) * (1 - v) + (t[k + width] * (1 - u) + t[k + width + 1] * u) * v;
  }

  /** The thermometry map now: the tissue temperature with noise, NaN where fat masks it. */
  map(out = new Float32Array(this.resolution * this.resolution)): Float32Array {
    const t = this.solver.t;
    for (let i = 0; i < t.length; i++) {
      if (this.fat[i]) {
        out[i] = NaN;
        continue;
      }
      // Box–Muller is costly; the sum of three uniforms is close enough to Gaussian noise here.
      const noise = (this.rand() + this.rand() + this.rand() - 1.5) * 2 * MAP_NOISE_C;
      out[i] = t[i] + noise;
    }
    return out;
  }

  private placeTip([x, y]: PairMm): void {
    const { width } = this.geometry;
    const w = this.weight;
    const a = TIP_RADIUS_M;
    for (let j = 0; j < width; j++)
      for (let i = 0; i < width; i++) {
        const dx = ((i + 0.5) * this.spacingMm - x) / 1000;
        const dy = ((j + 0.5) * this.spacingMm - y) / 1000;
        const r = Math.hypot(dx, dy);
        w[j * width + i] = this.scenario.modality === 'rf' ? 1 / (r * r + a * a) ** 2 : Math.exp(-r / MW_DEPTH_M) / (r + a);
        this.contact[j * width + i] = 1 / (r * r + CONTACT_RADIUS_M ** 2) ** 2;
      }
  }

  /** Spreads the generator's delivered power over the slice, by the heating pattern and, for RF, by σ(T). */
  private deposit(setW: number): void {
    const { t, source } = this.solver;
    const w = this.weight;
    const rf = this.scenario.modality === 'rf';
    const tissue = this.tissue;
    let sum = 0;
    let contact = 0;
    let contact0 = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      // σ(T): +1.5 %/°C; tissue that reached 100 °C has vaporised its water and conducts a
      // hundredth as well (Haemmerich et al. 2003) until it cools below 90 °C (an estimate).
      if (c >= 100) this.dry[i] = 1;
      else if (c < REWET_C) this.dry[i] = 0;
      const rise = 1 + tissue.sigmaPerC * (c - 37);
      const s = this.dry[i] ? rise * 0.01 : rise;
      this.sigma[i] = rf ? s : 1;
      sum += w[i] * this.sigma[i];
      contact += this.contact[i] * s;
      contact0 += this.contact[i];
    }
    const z0 = rf ? Z0_RF : Z0_MW;
    // Impedance follows the conductance near the tip; a microwave antenna stays matched.
    const z = rf ? (z0 * contact0) / contact : z0;
    if (rf && z > z0 + ROLL_OFF_RISE_OHM && this.elapsedS >= this.pausedUntilS) this.pausedUntilS = this.elapsedS + ROLL_OFF_PAUSE_S;
    const p = this.elapsedS < this.pausedUntilS ? 0 : Math.min(setW, (V_MAX * V_MAX) / z);
    const scale = (p * SLICE_FRACTION[this.scenario.modality]) / (sum * (this.spacingMm / 1000) ** 2 * SLICE_M);
    for (let i = 0; i < t.length; i++) source[i] = w[i] * this.sigma[i] * scale;
    this.reading = { ...this.reading, powerW: p, impedanceOhm: z };
  }
}
