import type { ContourBuffer } from '../../models/thermal/contours.js';
import { outlineOf, type PairMm, type Shape } from '../../models/thermal/shapes.js';
import type { GridGeometry } from '../../models/thermal/shapes.js';

/**
 * Where the map lies on the canvas: device pixels of its top-left corner and
 * device pixels per millimetre, the same in x and y, so the map keeps its
 * aspect ratio whatever the pixel spacing.
 */
export interface MapPlacement {
  left: number;
  top: number;
  pxPerMm: number;
  geometry: GridGeometry;
}

/** Fits the map's extent (in mm) into a box of device pixels, centred. */
export function place(g: GridGeometry, left: number, top: number, width: number, height: number): MapPlacement {
  const wMm = g.width * g.spacingMm[0];
  const hMm = g.height * g.spacingMm[1];
  const pxPerMm = Math.max(0, Math.min(width / wMm, height / hMm));
  return { left: left + (width - wMm * pxPerMm) / 2, top: top + (height - hMm * pxPerMm) / 2, pxPerMm, geometry: g };
}

/** Device pixels of a point given in mm. */
export function toCanvas(p: MapPlacement, [x, y]: PairMm): PairMm {
  const g = p.geometry;
  // Pixel i covers [i - 0.5, i + 0.5] around its centre; the image starts at the first pixel's edge.
  return [p.left + (x - g.originMm[0] + g.spacingMm[0] / 2) * p.pxPerMm, p.top + (y - g.originMm[1] + g.spacingMm[1] / 2) * p.pxPerMm];
}

/** The point in mm under a canvas position (device pixels). */
export function toMm(p: MapPlacement, x: number, y: number): PairMm {
  const g = p.geometry;
  return [(x - p.left) / p.pxPerMm + g.originMm[0] - g.spacingMm[0] / 2, (y - p.top) / p.pxPerMm + g.originMm[1] - g.spacingMm[1] / 2];
}

/** Strokes the segments of a contour (pixel coordinates) as one path. */
export function strokeContour(ctx: CanvasRenderingContext2D, c: ContourBuffer, p: MapPlacement): void {
  const g = p.geometry;
  const sx = g.spacingMm[0] * p.pxPerMm;
  const sy = g.spacingMm[1] * p.pxPerMm;
  const ox = p.left + sx / 2;
  const oy = p.top + sy / 2;
  const s = c.segments;
  ctx.beginPath();
  for (let k = 0; k < c.count * 4; k += 4) {
    ctx.moveTo(ox + s[k] * sx, oy + s[k + 1] * sy);
    ctx.lineTo(ox + s[k + 2] * sx, oy + s[k + 3] * sy);
  }
  ctx.stroke();
}

/** Outlines a shape given in mm; `grow` mm draws it grown (a margin) as an offset of its outline. */
export function strokeShape(ctx: CanvasRenderingContext2D, shape: Shape, p: MapPlacement, grow = 0): void {
  const outline = grow > 0 ? grown(shape, grow) : outlineOf(shape);
  ctx.beginPath();
  outline.forEach((pt, k) => {
    const [x, y] = toCanvas(p, pt);
    if (k === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.closePath();
  ctx.stroke();
}

/** A circle or ellipse grows exactly; a polygon by moving each vertex out along its bisector. */
function grown(s: Shape, d: number): PairMm[] {
  if (s.kind === 'circle') return outlineOf({ ...s, radiusMm: s.radiusMm + d });
  if (s.kind === 'ellipse') return outlineOf({ ...s, radiiMm: [s.radiiMm[0] + d, s.radiiMm[1] + d] });
  const pts = s.pointsMm;
  const n = pts.length;
  // Orientation: move outwards whichever way the polygon turns.
  let area = 0;
  for (let i = 0; i < n; i++) area += pts[i][0] * pts[(i + 1) % n][1] - pts[(i + 1) % n][0] * pts[i][1];
  const sign = area > 0 ? 1 : -1;
  return pts.map((pt, i) => {
    const a = pts[(i + n - 1) % n];
    const b = pts[(i + 1) % n];
    const n1 = normal(a, pt, sign);
    const n2 = normal(pt, b, sign);
    const bx = n1[0] + n2[0];
    const by = n1[1] + n2[1];
    const len = Math.hypot(bx, by) || 1;
    const cos = Math.max(0.3, (bx * n1[0] + by * n1[1]) / len);
    return [pt[0] + ((bx / len) * d) / cos, pt[1] + ((by / len) * d) / cos] as const;
  });
}

function normal(a: PairMm, b: PairMm, sign: number): PairMm {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy) || 1;
  return [(sign * dy) / len, (-sign * dx) / len];
}

/**
 * A text with a dark halo, readable over any part of the colour scale. The
 * halo is a pixel and a half around the letters, with round joins: a mitred
 * outline spikes out of sharp corners (M, V, 4) by several pixels and smears
 * the label.
 */
export function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, colour: string, halo: string): void {
  ctx.lineWidth = 3 * devicePixelRatio;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = halo;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = colour;
  ctx.fillText(text, x, y);
}

/** The length of a scale bar: the largest of 1, 2, 5 × 10^k mm no longer than `maxMm`. */
export function scaleBarMm(maxMm: number): number {
  const k = 10 ** Math.floor(Math.log10(maxMm));
  return [5, 2, 1].map((m) => m * k).find((v) => v <= maxMm) ?? k;
}
