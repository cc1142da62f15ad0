/** Small plane geometry for footprints: convex hulls, distances, ellipses. Points are [x, y] in mm. */
export type Vec = readonly [number, number];

const cross = (o: Vec, a: Vec, b: Vec) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Convex hull, counter-clockwise (Andrew's monotone chain); one or two points come back as they are. */
export function convexHull(points: readonly Vec[]): Vec[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const lower: Vec[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Vec[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p[i]) <= 0) upper.pop();
    upper.push(p[i]);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Area and perimeter of a convex polygon (0 for a point; a segment's perimeter is twice its length). */
export function areaAndPerimeter(hull: readonly Vec[]): { area: number; perimeter: number } {
  let area = 0;
  let perimeter = 0;
  if (hull.length < 2) return { area, perimeter };
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i];
    const b = hull[(i + 1) % hull.length];
    area += a[0] * b[1] - b[0] * a[1];
    perimeter += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return { area: Math.abs(area) / 2, perimeter };
}

/** Area of the hull grown by r (Steiner's formula): area + perimeter·r + π·r². */
export const roundedHullArea = (hull: readonly Vec[], r: number) => {
  const { area, perimeter } = areaAndPerimeter(hull);
  return area + perimeter * r + Math.PI * r * r;
};

/** Distance from (px, py) to the segment (ax, ay)–(bx, by), in coordinates: no arrays, for hot loops. */
export function segmentDistanceXY(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const u = len2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - ax - u * dx, py - ay - u * dy);
}

const segmentDistance = (p: Vec, a: Vec, b: Vec): number => segmentDistanceXY(p[0], p[1], a[0], a[1], b[0], b[1]);

/** Distance from p to a convex hull (0 inside). */
export function distanceToHull(p: Vec, hull: readonly Vec[]): number {
  if (hull.length === 1) return Math.hypot(p[0] - hull[0][0], p[1] - hull[0][1]);
  let inside = hull.length >= 3;
  let d = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i];
    const b = hull[(i + 1) % hull.length];
    if (cross(a, b, p) < 0) inside = false;
    d = Math.min(d, segmentDistance(p, a, b));
  }
  return inside ? 0 : d;
}

/** Points along an ellipse (centre, semi-axes, rotation in degrees). */
export function ellipsePoints(cx: number, cy: number, a: number, b: number, angleDeg = 0, n = 72): Vec[] {
  const th = (angleDeg * Math.PI) / 180;
  const c = Math.cos(th);
  const s = Math.sin(th);
  return Array.from({ length: n }, (_, i) => {
    const u = (2 * Math.PI * i) / n;
    const x = a * Math.cos(u);
    const y = b * Math.sin(u);
    return [cx + x * c - y * s, cy + x * s + y * c] as Vec;
  });
}

/** Points along a polyline, at most `stepMm` apart. */
export function polylinePoints(points: readonly Vec[], stepMm = 1): Vec[] {
  const out: Vec[] = points.length ? [points[0]] : [];
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1];
    const [x1, y1] = points[i];
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / stepMm));
    for (let k = 1; k <= n; k++) out.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  return out;
}
