// The peer of the contour benchmark: d3-contour's marching squares (Bostock,
// d3-contour 4, ISC licence: its case table, corner order and linear
// interpolation on cell edges) without its stitching of segments into rings,
// so it yields what the panel draws, unjoined segments, and the two are
// timed like for like. d3-contour itself also joins, orients and nests rings.

/** Cell edges, in pixel-centre coordinates of the cell's top-left corner. */
const TOP = 0;
const RIGHT = 1;
const BOTTOM = 2;
const LEFT = 3;

/**
 * d3-contour's `cases`, indexed by bottom-left | bottom-right << 1 |
 * top-right << 2 | top-left << 3 (1 where a corner is at or above the level):
 * the segments of a cell as pairs of the edges they join. Its saddles (5, 10)
 * always take the same pair, without looking at the centre.
 */
const CASES: readonly (readonly number[])[] = [
  [],
  [BOTTOM, LEFT],
  [RIGHT, BOTTOM],
  [RIGHT, LEFT],
  [TOP, RIGHT],
  [BOTTOM, LEFT, TOP, RIGHT],
  [TOP, BOTTOM],
  [TOP, LEFT],
  [LEFT, TOP],
  [BOTTOM, TOP],
  [LEFT, TOP, RIGHT, BOTTOM],
  [RIGHT, TOP],
  [LEFT, RIGHT],
  [BOTTOM, RIGHT],
  [LEFT, BOTTOM],
  [],
];

/** Where along an edge from a to b the level falls; d3 takes the middle when it cannot say (an invalid corner). */
function along(a: number, b: number, level: number): number {
  const t = (level - a) / (b - a);
  return Number.isFinite(t) ? t : 0.5;
}

/** Unjoined contour segments, d3-contour's way, into a buffer reused from frame to frame. */
export class MarchingSquares {
  /** x0, y0, x1, y1 per segment, pixel centres at integers; the first `count` are valid. */
  segments = new Float32Array(4096);
  count = 0;

  /** The segments where `field` (width × height, row-major) crosses `level`; invalid values count as below, as in d3. */
  trace(field: ArrayLike<number>, width: number, height: number, level: number): this {
    this.count = 0;
    for (let y = 0; y < height - 1; y++) {
      const top = y * width;
      const bottom = top + width;
      let tl = field[top] >= level ? 1 : 0;
      let bl = field[bottom] >= level ? 1 : 0;
      for (let x = 0; x < width - 1; x++) {
        const tr = field[top + x + 1] >= level ? 1 : 0;
        const br = field[bottom + x + 1] >= level ? 1 : 0;
        const edges = CASES[bl | (br << 1) | (tr << 2) | (tl << 3)];
        for (let e = 0; e < edges.length; e += 2) this.segment(field, width, x, y, level, edges[e], edges[e + 1]);
        tl = tr;
        bl = br;
      }
    }
    return this;
  }

  private segment(field: ArrayLike<number>, width: number, x: number, y: number, level: number, from: number, to: number): void {
    if (4 * this.count + 4 > this.segments.length) {
      const grown = new Float32Array(this.segments.length * 2);
      grown.set(this.segments);
      this.segments = grown;
    }
    const o = 4 * this.count++;
    this.point(field, width, x, y, level, from, o);
    this.point(field, width, x, y, level, to, o + 2);
  }

  /** The crossing on one edge of cell (x, y), interpolated between the edge's two pixels. */
  private point(field: ArrayLike<number>, width: number, x: number, y: number, level: number, edge: number, o: number): void {
    const k = y * width + x;
    const s = this.segments;
    if (edge === TOP) (s[o] = x + along(field[k], field[k + 1], level)), (s[o + 1] = y);
    else if (edge === BOTTOM) (s[o] = x + along(field[k + width], field[k + width + 1], level)), (s[o + 1] = y + 1);
    else if (edge === LEFT) (s[o] = x), (s[o + 1] = y + along(field[k], field[k + width], level));
    else (s[o] = x + 1), (s[o + 1] = y + along(field[k + 1], field[k + width + 1], level));
  }
}
