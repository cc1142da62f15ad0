/**
 * The Neumann solution of the two-phase Stefan problem (Carslaw & Jaeger,
 * Conduction of Heat in Solids, 2nd ed. 1959, §11.2): a half-space of liquid at
 * `initialC` whose face is held from t = 0 at `wallC`, below the melting point
 * `meltC`. The front sits at X(t) = 2λ·√(α_f·t), λ the root of
 *   k_f(Tm−Tw)e^(−λ²) / (erf λ·√(π α_f)) − k_u(Ti−Tm)e^(−λ²α_f/α_u) / (erfc(λ√(α_f/α_u))·√(π α_u)) = L·λ·√α_f.
 * Used to check the freezing model, never to estimate ice.
 */
export interface StefanCase {
  /** W/(m·K). */
  kFrozen: number;
  kUnfrozen: number;
  /** J/(m³·K). */
  cFrozen: number;
  cUnfrozen: number;
  /** J/m³. */
  latent: number;
  meltC: number;
  wallC: number;
  initialC: number;
}

/** erf to 1.2e-7 (Numerical Recipes' erfc by Chebyshev fit, 3rd ed. §6.2.2). */
export function erf(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - r : r - 1;
}

/** λ of the Neumann solution, by bisection. */
export function neumannLambda(s: StefanCase): number {
  const af = s.kFrozen / s.cFrozen;
  const au = s.kUnfrozen / s.cUnfrozen;
  const r = Math.sqrt(af / au);
  const f = (l: number) =>
    (s.kFrozen * (s.meltC - s.wallC) * Math.exp(-l * l)) / (erf(l) * Math.sqrt(Math.PI * af)) -
    (s.kUnfrozen * (s.initialC - s.meltC) * Math.exp(-l * l * r * r)) / ((1 - erf(l * r)) * Math.sqrt(Math.PI * au)) -
    s.latent * l * Math.sqrt(af);
  let lo = 1e-6;
  let hi = 3;
  for (let k = 0; k < 200; k++) {
    const m = 0.5 * (lo + hi);
    if (f(m) > 0) lo = m;
    else hi = m;
  }
  return 0.5 * (lo + hi);
}

/** Where the temperature `c` °C lies at `seconds`, mm from the wall (meltC: the front). */
export function neumannPositionMm(s: StefanCase, c: number, seconds: number): number {
  const l = neumannLambda(s);
  const af = s.kFrozen / s.cFrozen;
  const au = s.kUnfrozen / s.cUnfrozen;
  const front = 2 * l * Math.sqrt(af * seconds);
  // Invert the profile on each side by bisection on x.
  const temp = (x: number) =>
    x <= front
      ? s.wallC + ((s.meltC - s.wallC) * erf(x / (2 * Math.sqrt(af * seconds)))) / erf(l)
      : s.initialC - ((s.initialC - s.meltC) * (1 - erf(x / (2 * Math.sqrt(au * seconds))))) / (1 - erf(l * Math.sqrt(af / au)));
  let lo = 0;
  let hi = 20 * front + 1;
  for (let k = 0; k < 200; k++) {
    const m = 0.5 * (lo + hi);
    if (temp(m) < c) lo = m;
    else hi = m;
  }
  return 500 * (lo + hi);
}
