import type { Grid } from '../channel.js';

/** A point in millimetres, in the grid's patient frame. */
export type PairMm = readonly [x: number, y: number];

/** A region drawn in millimetres: a tumour, a margin, a protected structure. */
export type Shape =
  | { kind: 'circle'; centreMm: PairMm; radiusMm: number }
  | { kind: 'ellipse'; centreMm: PairMm; radiiMm: PairMm; /** Rotation, degrees, counter-clockwise from x. */ angleDeg?: number }
  | { kind: 'polygon'; pointsMm: readonly PairMm[] };

/** The geometry of a grid: pixel (i, j) has its centre at originMm + (i, j) · spacingMm. */
export type GridGeometry = Pick<Grid, 'width' | 'height' | 'spacingMm' | 'originMm'>;

/** Vertices of a circle or ellipse outline (enough that the area is within 0.05 %). */
const OUTLINE_VERTICES = 128;

/** The outline of a shape as a closed polygon (last vertex not repeated). */
export function outlineOf(s: Shape): PairMm[] {
  if (s.kind === 'polygon') return [...s.pointsMm];
  const [cx, cy] = s.centreMm;
  const [a, b] = s.kind === 'circle' ? [s.radiusMm, s.radiusMm] : s.radiiMm;
  const phi = s.kind === 'ellipse' ? ((s.angleDeg ?? 0) * Math.PI) / 180 : 0;
  const c = Math.cos(phi);
  const sn = Math.sin(phi);
  return Array.from({ length: OUTLINE_VERTICES }, (_, k) => {
    const th = (2 * Math.PI * k) / OUTLINE_VERTICES;
    const x = a * Math.cos(th);
    const y = b * Math.sin(th);
    return [cx + x * c - y * sn, cy + x * sn + y * c] as const;
  });
}

/** Whether a point lies inside a shape (even-odd rule for polygons). */
export function contains(s: Shape, [x, y]: PairMm): boolean {
  if (s.kind === 'circle') return (x - s.centreMm[0]) ** 2 + (y - s.centreMm[1]) ** 2 <= s.radiusMm ** 2;
  if (s.kind === 'ellipse') {
    const phi = ((s.angleDeg ?? 0) * Math.PI) / 180;
    const dx = x - s.centreMm[0];
    const dy = y - s.centreMm[1];
    const u = dx * Math.cos(phi) + dy * Math.sin(phi);
    const v = -dx * Math.sin(phi) + dy * Math.cos(phi);
    return (u / s.radiiMm[0]) ** 2 + (v / s.radiiMm[1]) ** 2 <= 1;
  }
  return insidePolygon(s.pointsMm, x, y);
}

function insidePolygon(p: readonly PairMm[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
    const [xi, yi] = p[i];
    const [xj, yj] = p[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Outline segments per block; each block's bounding box lets a point far from it skip its segments. */
const BLOCK = 8;

/**
 * Whether points lie within `d` of a closed outline. Each segment's start and
 * direction are computed once (a shape grown by a margin tests thousands of
 * pixels against 128 segments), and a point farther than `d` from a block's
 * bounding box skips the block's segments: the same answer, segment for segment.
 */
class NearOutline {
  /** ax, ay, dx, dy, |d|² per segment. */
  private readonly segments: Float64Array;
  /** x0, y0, x1, y1 per block of `BLOCK` segments. */
  private readonly boxes: Float64Array;
  private readonly count: number;

  constructor(p: readonly PairMm[]) {
    this.count = p.length;
    this.segments = new Float64Array(5 * p.length);
    this.boxes = new Float64Array(4 * Math.ceil(p.length / BLOCK));
    const box = this.boxes;
    for (let b = 0; b < box.length; b += 4) box.set([Infinity, Infinity, -Infinity, -Infinity], b);
    for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
      const [ax, ay] = p[j];
      const [bx, by] = p[i];
      const dx = bx - ax;
      const dy = by - ay;
      this.segments.set([ax, ay, dx, dy, dx * dx + dy * dy], 5 * i);
      const b = 4 * Math.floor(i / BLOCK);
      box[b] = Math.min(box[b], ax, bx);
      box[b + 1] = Math.min(box[b + 1], ay, by);
      box[b + 2] = Math.max(box[b + 2], ax, bx);
      box[b + 3] = Math.max(box[b + 3], ay, by);
    }
  }

  /** Whether (x, y) lies within `d` of the outline (squared distances, stops at the first segment close enough). */
  near(x: number, y: number, d: number): boolean {
    const d2 = d * d;
    // A box is skipped only when clearly out of reach, never on a rounding of the last digit.
    const reach = d * (1 + 1e-9) + 1e-12;
    const { segments: s, boxes } = this;
    for (let b = 0; b < boxes.length; b += 4) {
      if (boxes[b] - x > reach || x - boxes[b + 2] > reach || boxes[b + 1] - y > reach || y - boxes[b + 3] > reach) continue;
      const end = Math.min(this.count, (b / 4 + 1) * BLOCK);
      for (let k = 5 * (b / 4) * BLOCK; k < 5 * end; k += 5) {
        const ax = s[k];
        const ay = s[k + 1];
        const dx = s[k + 2];
        const dy = s[k + 3];
        const len2 = s[k + 4];
        const u = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
        const ex = x - ax - u * dx;
        const ey = y - ay - u * dy;
        if (ex * ex + ey * ey <= d2) return true;
      }
    }
    return false;
  }
}

/**
 * The pixels of a grid whose centres lie inside a shape grown by `marginMm`
 * (tumour plus margin): 1 inside, 0 outside. Computed once per geometry; only
 * the pixels within the grown outline's bounding box are tested.
 */
export function rasterise(s: Shape, g: GridGeometry, marginMm = 0): Uint8Array {
  const mask = new Uint8Array(g.width * g.height);
  const outline = outlineOf(s);
  const grow = Math.max(0, marginMm);
  const xs = outline.map((p) => p[0]);
  const ys = outline.map((p) => p[1]);
  // Pixel range of the bounding box, one pixel wider for the outline's polygonal approximation.
  const [i0, j0] = mmToPixel(g, [Math.min(...xs) - grow, Math.min(...ys) - grow]);
  const [i1, j1] = mmToPixel(g, [Math.max(...xs) + grow, Math.max(...ys) + grow]);
  const near = grow > 0 ? new NearOutline(outline) : undefined;
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  for (let j = clamp(Math.floor(j0) - 1, g.height); j <= clamp(Math.ceil(j1) + 1, g.height); j++)
    for (let i = clamp(Math.floor(i0) - 1, g.width); i <= clamp(Math.ceil(i1) + 1, g.width); i++) {
      const p: PairMm = [g.originMm[0] + i * g.spacingMm[0], g.originMm[1] + j * g.spacingMm[1]];
      if (contains(s, p) || near?.near(p[0], p[1], grow)) mask[j * g.width + i] = 1;
    }
  return mask;
}

/** Millimetres to fractional pixel coordinates (pixel centres at integers). */
export const mmToPixel = (g: GridGeometry, [x, y]: PairMm): PairMm => [(x - g.originMm[0]) / g.spacingMm[0], (y - g.originMm[1]) / g.spacingMm[1]];

/** Fractional pixel coordinates to millimetres. */
export const pixelToMm = (g: GridGeometry, [i, j]: PairMm): PairMm => [g.originMm[0] + i * g.spacingMm[0], g.originMm[1] + j * g.spacingMm[1]];
