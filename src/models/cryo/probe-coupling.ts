/**
 * How a probe thinner than a few grid cells takes heat from the grid, so that
 * the ice it makes does not depend on where the cells fall.
 *
 * Holding the cells a probe covers at its temperature makes its size a matter
 * of the grid: on a square five-point grid one held cell acts as a cylinder of
 * radius 0.1985·h, whatever the probe's radius (Peaceman, Soc Pet Eng J
 * 1978;18:183–194: the well-block value is the field at r ≈ 0.2·Δx; exactly
 * e^(−γ)/2^(3/2) from the grid's Green's function), and a 17 G needle on a 1 mm
 * grid becomes one cell or four as it moves.
 *
 * Peaceman's well index couples the probe to its cell by 2π·k / ln(r_eq / r),
 * which needs r < r_eq ≈ 0.2·h: thinner than a 17 G needle (0.74 mm) on the
 * 1 mm grid. So the probe's heat is spread instead over the cells of a tent
 * (bilinear) kernel of n cells' half-width about the probe's true position
 * (n = 1 is bilinear interpolation; any whole n keeps the heat's total and its
 * centre exactly where the probe is), each cell i joined to the probe by a
 * conductance k·G_i with
 *
 *   G_i = q_i / (Σ_j q_j·a(x_i − x_j) − ln(r / r_eq) / 2π)
 *
 * q the kernel's weights and a the grid's potential kernel (a(0) = 0, far
 * away ≈ (ln|x| − ln r_eq)/2π). In a steady field these conductances draw heat
 * in the kernel's proportions, and the field beyond the kernel is that of a
 * cylinder of the probe's true radius about its true centre: Peaceman's
 * matching, for a spread source. n is the smallest that keeps every G_i
 * positive (it grows as the probe fills more cells); a probe too thick for
 * any n up to MAX_SPREAD spans several cells and is held as the cells it covers.
 */

/** Euler's constant. */
const EULER_GAMMA = 0.5772156649015329;
/** The equivalent radius of a cell-centred source on the square five-point grid, in cells (Peaceman 1978: ≈ 0.2). */
export const PEACEMAN_RADIUS = Math.exp(-EULER_GAMMA) / (2 * Math.SQRT2);
/** Widest kernel tried, in cells: beyond it the probe spans several cells and is held as the cells it covers. */
export const MAX_SPREAD = 8;
/** Smallest denominator of G_i accepted: a cell joined more tightly is in effect held, which the kernel's next width does better. */
const MIN_DENOMINATOR = 0.02;
/** Midpoints of the potential kernel's integral: exact to about 1e-8 over the kernel's reach. */
const QUADRATURE = 2000;

const REACH = 2 * MAX_SPREAD + 2;
const potentials = new Float64Array(REACH * REACH).fill(NaN);

/**
 * The potential kernel of the five-point grid (spacing 1): a(0) = 0 and the sum
 * of a over a cell's four neighbours minus four times its own value is 1 at
 * the origin, 0 elsewhere; a(1, 0) = 1/4, a(1, 1) = 1/π. By the integral
 * a(x, y) = (1/2π)∫₀^π (1 − e^(−|x|·t)·cos(yθ)) / sinh t dθ with cosh t = 2 − cos θ.
 */
export function latticePotential(x: number, y: number): number {
  let u = Math.abs(x);
  let v = Math.abs(y);
  if (u < v) [u, v] = [v, u];
  const index = u * REACH + v;
  if (u < REACH && potentials[index] === potentials[index]) return potentials[index];
  let sum = 0;
  for (let k = 0; k < QUADRATURE; k++) {
    const theta = ((k + 0.5) / QUADRATURE) * Math.PI;
    const t = Math.acosh(2 - Math.cos(theta));
    sum += (1 - Math.exp(-u * t) * Math.cos(v * theta)) / Math.sinh(t);
  }
  const a = sum / (2 * QUADRATURE);
  if (u < REACH) potentials[index] = a;
  return a;
}

/** One cell's link to a probe: its offset from the cell holding the probe's centre, and G (k·G is the conductance per unit length). */
export interface ProbeLink {
  di: number;
  dj: number;
  g: number;
}

/**
 * The links of a probe at (px, py) cells from the centre of the cell that
 * contains it (each in [−½, ½)) with a radius of `radius` cells; undefined when
 * the probe is too thick for the kernel (hold the cells it covers instead).
 */
export function probeLinks(px: number, py: number, radius: number): ProbeLink[] | undefined {
  const offset = Math.log(radius / PEACEMAN_RADIUS) / (2 * Math.PI);
  for (let n = 1; n <= MAX_SPREAD; n++) {
    const cells: { di: number; dj: number; q: number }[] = [];
    for (let dj = -n; dj <= n; dj++)
      for (let di = -n; di <= n; di++) {
        const q = (Math.max(0, 1 - Math.abs(di - px) / n) * Math.max(0, 1 - Math.abs(dj - py) / n)) / (n * n);
        if (q > 0) cells.push({ di, dj, q });
      }
    const links: ProbeLink[] = [];
    for (const c of cells) {
      let potential = 0;
      for (const o of cells) potential += o.q * latticePotential(c.di - o.di, c.dj - o.dj);
      const denominator = potential - offset;
      if (!(denominator >= MIN_DENOMINATOR)) break;
      links.push({ di: c.di, dj: c.dj, g: c.q / denominator });
    }
    if (links.length === cells.length) return links;
  }
  return undefined;
}
