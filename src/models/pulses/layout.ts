/**
 * Electrode layouts for electroporation: where the needles are (mm, in the
 * plane across the needles) and which pairs the generator fires between.
 * Pure data and geometry; no DOM.
 */

export interface Needle {
  /** Label as the generator and the radiologist name it: '1'...'7'. */
  id: string;
  /** Position in mm, x to the patient's left, y anterior (as imaged across the needles). */
  x: number;
  y: number;
}

/** Two needles pulsed against each other: `a` is the anode of the first pulse. */
export interface ElectrodePair {
  /** `a-b`, the id used in channel names (`ep.V.1-2`). */
  id: string;
  a: string;
  b: string;
  /** Distance between the needles in mm, from the layout (measured on imaging). */
  spacingMm: number;
}

export type LayoutKind = 'hexagon' | 'rows' | 'pairs' | 'custom';

export interface ElectrodeLayout {
  kind: LayoutKind;
  needles: readonly Needle[];
  pairs: readonly ElectrodePair[];
}

/** The pair id of needles a and b. */
export const pairId = (a: string, b: string): string => `${a}-${b}`;

export const distanceMm = (p: Needle, q: Needle): number => Math.hypot(p.x - q.x, p.y - q.y);

/** Pairs between the given needle ids, their spacing measured from the positions. */
export function pairsOf(needles: readonly Needle[], ids: readonly (readonly [string, string])[]): ElectrodePair[] {
  const byId = new Map(needles.map((n) => [n.id, n]));
  return ids.map(([a, b]) => {
    const p = byId.get(a);
    const q = byId.get(b);
    if (!p || !q) throw new Error(`electrode pair ${a}-${b}: unknown needle`);
    return { id: pairId(a, b), a, b, spacingMm: distanceMm(p, q) };
  });
}

/**
 * Seven needles, six on a regular hexagon around one in the centre (the
 * hexagonal array of electrochemotherapy: Mali et al. 2008; Mir et al. 2006,
 * ESOPE SOP). Needle 1 is the centre. Pairs: the six spokes (centre to each
 * outer needle) and the six sides, so each pair is `spacingMm` apart; `offsets`
 * moves needles as placed (mm), since percutaneous needles rarely land exactly
 * on the plan.
 */
export function hexagonLayout(spacingMm: number, offsets: Readonly<Record<string, readonly [number, number]>> = {}): ElectrodeLayout {
  const needles: Needle[] = [{ id: '1', x: 0, y: 0 }];
  for (let k = 0; k < 6; k++) {
    const a = (Math.PI / 3) * k;
    needles.push({ id: String(k + 2), x: spacingMm * Math.cos(a), y: spacingMm * Math.sin(a) });
  }
  const placed = needles.map((n) => ({ ...n, x: n.x + (offsets[n.id]?.[0] ?? 0), y: n.y + (offsets[n.id]?.[1] ?? 0) }));
  const spokes = placed.slice(1).map((n) => ['1', n.id] as const);
  const sides = placed.slice(1).map((n, k) => [n.id, placed[1 + ((k + 1) % 6)].id] as const);
  return { kind: 'hexagon', needles: placed, pairs: pairsOf(placed, [...spokes, ...sides]) };
}

/**
 * Two parallel rows of needles (the needle-row electrode: 8 needles in 2 rows,
 * Mali et al. 2008). Pairs face each other across the rows.
 */
export function rowsLayout(perRow: number, needleGapMm: number, rowGapMm: number): ElectrodeLayout {
  const needles: Needle[] = [];
  for (let r = 0; r < 2; r++) for (let k = 0; k < perRow; k++) needles.push({ id: String(r * perRow + k + 1), x: k * needleGapMm, y: r * rowGapMm });
  const ids = Array.from({ length: perRow }, (_, k) => [String(k + 1), String(perRow + k + 1)] as const);
  return { kind: 'rows', needles, pairs: pairsOf(needles, ids) };
}

/**
 * Needles placed one by one (IRE: 2 to 6 probes, Bertacchini et al. 2007; NICE
 * IPG579 typically 3 to 5), pulsed between every pair closer than `maxSpacingMm`.
 */
export function pairsLayout(needles: readonly Needle[], maxSpacingMm = Infinity): ElectrodeLayout {
  const ids: [string, string][] = [];
  for (let i = 0; i < needles.length; i++)
    for (let j = i + 1; j < needles.length; j++) if (distanceMm(needles[i], needles[j]) <= maxSpacingMm) ids.push([needles[i].id, needles[j].id]);
  return { kind: 'pairs', needles, pairs: pairsOf(needles, ids) };
}
