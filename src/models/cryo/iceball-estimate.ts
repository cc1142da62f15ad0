import { convexHull, distanceToHull, roundedHullArea, type Vec } from './plane-geometry.js';

/**
 * The FALLBACK estimate of the ice-ball isotherms (a curve fit), used by
 * CryoTracker only while a running probe has no recent tip temperature; the
 * estimate otherwise comes from the freezing model (freezing-model.ts). For
 * the display; never a measurement. Measured sizes (imaging, the device) are
 * shown in preference whenever they arrive.
 *
 * The model, and what it is fitted to:
 * - Each cluster of probes (probes closer than `interactionMm`) freezes as one:
 *   its footprint for isotherm T is the convex hull of its probes grown by a
 *   radius r_T (a "rounded hull"); the size reported is the diameter of the
 *   circle of equal area, as areas are what Littrup et al. (JVIR 2009) compared.
 * - r_0 at the reference time (15 min) grows with the number of probes n:
 *   r_0 = A + B·ln n, fitted by least squares to the 0 °C sizes implied by
 *   Littrup et al. 2009 (2.4 mm probes, 2 cm apart, 15 min: lethal-ice
 *   diameters 1.2 / 3.3 / 4.1 / 4.9 cm for 1-4 probes, 13 / 46 / 51 / 56 % of
 *   the ice-ball area); probes assumed in a line, triangle and square.
 * - Temperature rises linearly from the -40 °C isotherm to the 0 °C edge
 *   (gel study of PMC4850244, Urology 2016: "≤ -40 °C ... ~1 cm around the needles,
 *   increases linearly to the leading edge, a further ≈ 1 cm"). The -40 °C
 *   radius is a fraction q of r_0, fitted to Littrup's lethal ice taken as the
 *   -30 °C isotherm: q = 0.147 for one probe, 0.469 for two or more, which
 *   puts -40 °C about 1 cm inside the edge for clusters.
 * - Isotherms grow together (the similarity of the freezing front around a
 *   line sink), as h(t) = (1 - e^(-t/τ)) / (1 - e^(-15/τ)), τ = 6 min, fitted to
 *   the early-growth points read as the lethal (-20 °C) isotherm reaching the
 *   target: 1 cm at 4 min and 2 cm at 12 min (Visica2, PMC7798152; a misreading:
 *   that study reports histological lesion sizes at 3 days, not isotherms), and to
 *   -20 °C at 1 cm from a single probe after 19 min 10 s on average
 *   (Young et al., J Urol 2011; range 9-46 min).
 * Tolerances against each point are in docs/clinical-defaults.md and tested.
 */
export interface IceballModel {
  a: number;
  b: number;
  q40Single: number;
  q40Cluster: number;
  tauMin: number;
  referenceMin: number;
  interactionMm: number;
}

export const ICEBALL_MODEL: Readonly<IceballModel> = {
  /** r_0 at 15 min for one probe, mm. */
  a: 16.72,
  /** r_0 gain per ln(probe count), mm. */
  b: 2.8,
  /** -40 °C radius over r_0, one probe alone. */
  q40Single: 0.147,
  /** -40 °C radius over r_0, two or more probes. */
  q40Cluster: 0.469,
  /** Growth time constant, min. */
  tauMin: 6,
  /** Reference freeze time, min. */
  referenceMin: 15,
  /** Probes closer than this freeze as one cluster, mm (twice a single probe's 15-min r_0). */
  interactionMm: 33.4,
};

/** The isotherms the panel shows, °C. */
export const ISOTHERMS = [0, -20, -40] as const;
export type Isotherm = (typeof ISOTHERMS)[number];

/** Growth factor for `freezeMin` minutes of effective freeze (1 at the reference time). */
export function growth(freezeMin: number, m: Readonly<IceballModel> = ICEBALL_MODEL): number {
  if (!(freezeMin > 0)) return 0;
  return (1 - Math.exp(-freezeMin / m.tauMin)) / (1 - Math.exp(-m.referenceMin / m.tauMin));
}

/** Estimated radius (mm) of isotherm `tempC` (-40..0 °C) for a cluster of `n` probes after `freezeMin` min. */
export function isothermRadiusMm(tempC: number, n: number, freezeMin: number, m: Readonly<IceballModel> = ICEBALL_MODEL): number {
  if (n < 1) return 0;
  const r0 = (m.a + m.b * Math.log(n)) * growth(freezeMin, m);
  const q = n === 1 ? m.q40Single : m.q40Cluster;
  const depth = Math.min(1, Math.max(0, -tempC / 40));
  return r0 * (1 - (1 - q) * depth);
}

/** A freezing probe: where it is and how long it has effectively frozen. */
export interface FreezingProbe {
  xMm: number;
  yMm: number;
  freezeMin: number;
}

/** One footprint of one isotherm: the hull of its probes, grown by `radiusMm`; `cluster` numbers the group of probes freezing as one. */
export interface Footprint {
  hull: Vec[];
  radiusMm: number;
  cluster: number;
}

/** Clusters of probes: connected through pairs closer than the interaction distance. Probes with no freeze time are left out. */
export function clusters(probes: readonly FreezingProbe[], m: Readonly<IceballModel> = ICEBALL_MODEL): FreezingProbe[][] {
  const live = probes.filter((p) => p.freezeMin > 0);
  const group = live.map((_, i) => i);
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i])));
  for (let i = 0; i < live.length; i++)
    for (let j = i + 1; j < live.length; j++)
      if (Math.hypot(live[i].xMm - live[j].xMm, live[i].yMm - live[j].yMm) < m.interactionMm) group[find(i)] = find(j);
  const out = new Map<number, FreezingProbe[]>();
  live.forEach((p, i) => out.set(find(i), [...(out.get(find(i)) ?? []), p]));
  return [...out.values()];
}

/**
 * The estimated footprints of isotherm `tempC`. Within a cluster, the probes
 * share the cluster's mean freeze time; inner isotherms bridge two probes only
 * where their disks meet.
 */
export function footprints(probes: readonly FreezingProbe[], tempC: number, m: Readonly<IceballModel> = ICEBALL_MODEL): Footprint[] {
  const out: Footprint[] = [];
  let cluster = 0;
  for (const c of clusters(probes, m)) {
    cluster++;
    const minutes = c.reduce((s, p) => s + p.freezeMin, 0) / c.length;
    const r = isothermRadiusMm(tempC, c.length, minutes, m);
    if (!(r > 0)) continue;
    for (const part of clusters(c.map((p) => ({ ...p, freezeMin: 1 })), { ...m, interactionMm: 2 * r }))
      out.push({ hull: convexHull(part.map((p) => [p.xMm, p.yMm] as Vec)), radiusMm: r, cluster });
  }
  return out;
}

/**
 * Diameter of the circle with the area of the largest cluster's footprints, mm
 * (0 without ice). Parts of one cluster add up, so an inner isotherm bridging
 * two probes grows the size smoothly rather than by a jump.
 */
export function equivalentDiameterMm(prints: readonly Footprint[]): number {
  const areas = new Map<number, number>();
  for (const f of prints) areas.set(f.cluster, (areas.get(f.cluster) ?? 0) + roundedHullArea(f.hull, f.radiusMm));
  const area = Math.max(0, ...areas.values());
  return 2 * Math.sqrt(area / Math.PI);
}

/**
 * How far the footprints reach beyond the farthest of `points` (mm): positive
 * when every point is inside, negative by how much the worst one is missed.
 */
export function coverageMarginMm(prints: readonly Footprint[], points: readonly Vec[]): number {
  let worst = Infinity;
  for (const p of points) {
    let best = -Infinity;
    for (const f of prints) best = Math.max(best, f.radiusMm - distanceToHull(p, f.hull));
    worst = Math.min(worst, best);
  }
  return points.length ? worst : -Infinity;
}

/** Shortest distance from the footprints' edge to any of `points` (mm; negative when a point is inside). */
export function clearanceMm(prints: readonly Footprint[], points: readonly Vec[]): number {
  let d = Infinity;
  for (const p of points) for (const f of prints) d = Math.min(d, distanceToHull(p, f.hull) - f.radiusMm);
  return d;
}
