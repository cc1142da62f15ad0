/**
 * Tissue parameters of the thermal models. Every figure carries its source;
 * all are defaults a host may replace.
 */

/** Arrhenius damage parameters: Ω(t) = ∫ A·exp(−Ea/(R·T)) dt, lesion where Ω ≥ 1. */
export interface ArrheniusTissue {
  name: string;
  /** Frequency factor A (1/s). */
  a: number;
  /** Activation energy Ea (J/mol). */
  ea: number;
  /**
   * Baseline (body) temperature, °C: damage accrues at the Arrhenius rate in
   * excess of the rate here (project default; see `damageRate`). With the liver
   * figures alone, 37 °C would give Ω = 1 after about an hour.
   */
  baselineC: number;
}

/** Gas constant R (J/(mol·K)), CODATA 2018. */
export const GAS_CONSTANT = 8.314462618;

/**
 * Liver: A = 7.39e39 1/s, Ea = 2.577e5 J/mol, the liver material of the COMSOL
 * "microwave cancer therapy" model and many RF/MW ablation models. The
 * measurement behind these figures was not found (not the review by Pearce
 * 2010, nor the simulation package): treat them as a project default.
 */
export const LIVER_ARRHENIUS: ArrheniusTissue = { name: 'liver', a: 7.39e39, ea: 2.577e5, baselineC: 37 };

/** Artery wall (Agah, Pearce, Welch et al. 1994): A = 5.6e63 1/s, Ea = 4.3e5 J/mol. */
export const ARTERY_ARRHENIUS: ArrheniusTissue = { name: 'artery', a: 5.6e63, ea: 4.3e5, baselineC: 37 };

/** Properties of the Pennes bioheat equation for one tissue. */
export interface BioheatTissue {
  /** Density ρ (kg/m³). */
  density: number;
  /** Specific heat c (J/(kg·K)). */
  specificHeat: number;
  /** Thermal conductivity k (W/(m·K)). */
  conductivity: number;
  /** Blood perfusion ω_b (1/s, volume of blood per volume of tissue per second). */
  perfusion: number;
  /** Electrical conductivity σ at 37 °C (S/m). */
  sigma: number;
  /** Rise of σ per °C, relative (0.015 = 1.5 %/°C). */
  sigmaPerC: number;
}

/** Blood: ρ_b = 1000 kg/m³, c_b = 3639 J/(kg·K), T_b = 37 °C (COMSOL microwave cancer therapy model). */
export const BLOOD = { density: 1000, specificHeat: 3639, temperatureC: 37 } as const;

/**
 * Liver: ρ 1079 kg/m³, c 3540 J/(kg·K), k 0.52 W/(m·K), ω_b 3.6e-3 1/s, σ 1.69 S/m
 * at 2.45 GHz (COMSOL microwave cancer therapy model); σ rising 1.5 %/°C as in
 * RF ablation models (e.g. Haemmerich et al. 2003, IEEE TBME 50:493).
 */
export const LIVER: BioheatTissue = { density: 1079, specificHeat: 3540, conductivity: 0.52, perfusion: 3.6e-3, sigma: 1.69, sigmaPerC: 0.015 };
