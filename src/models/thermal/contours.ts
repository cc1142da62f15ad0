/**
 * Marching squares (Lorensen & Cline 1987, in its 2-D form) over a row-major
 * scalar field, with the crossing on each cell edge placed by linear
 * interpolation (sub-pixel). Cells with a NaN corner (masked) give no segment.
 * Segments are written as x0, y0, x1, y1 in pixel coordinates (pixel centres
 * at integers) into a buffer that is reused and grows only when it must, so a
 * frame allocates nothing once warmed up.
 */
export class ContourBuffer {
  /** x0, y0, x1, y1 per segment; the first `count` segments are valid. */
  segments = new Float32Array(4096);
  count = 0;

  private push(x0: number, y0: number, x1: number, y1: number): void {
    let s = this.segments;
    const o = this.count * 4;
    if (o + 4 > s.length) {
      const grown = new Float32Array(s.length * 2);
      grown.set(s);
      this.segments = s = grown;
    }
    s[o] = x0;
    s[o + 1] = y0;
    s[o + 2] = x1;
    s[o + 3] = y1;
    this.count++;
  }

  /** Above-level bits of two rows, 32 pixels a word, reused from frame to frame. */
  private bits = new Uint32Array(0);

  /**
   * The segments where `field` (width × height, any numeric array) crosses
   * `level`. A value equal to the level counts as above it. Each pixel is
   * compared once, into a bit row; cells whose four corners agree (nearly all
   * of them) are skipped 32 at a time, and only the rest are interpolated.
   */
  trace(field: ArrayLike<number>, width: number, height: number, level: number): this {
    this.count = 0;
    const words = (width + 31) >>> 5;
    if (this.bits.length < 2 * words + 2) this.bits = new Uint32Array(2 * words + 2);
    const bits = this.bits;
    let top = 0;
    let bottom = words + 1;
    this.row(field, 0, width, level, bits, top);
    for (let j = 0; j < height - 1; j++) {
      this.row(field, (j + 1) * width, width, level, bits, bottom);
      for (let k = 0; k < words; k++) {
        const a = bits[top + k];
        const d = bits[bottom + k];
        // Each corner's right neighbour, shifted onto its bit (the next word's first bit at 31).
        const b = (a >>> 1) | (bits[top + k + 1] << 31);
        const c = (d >>> 1) | (bits[bottom + k + 1] << 31);
        let crossing = (a ^ b) | (a ^ d) | (d ^ c);
        // Cells of the last column (and beyond) do not exist: width - 1 cells a row.
        const last = width - 1 - 32 * k;
        if (last < 32) crossing &= last <= 0 ? 0 : (1 << last) - 1;
        while (crossing) {
          const bit = 31 - Math.clz32(crossing & -crossing);
          crossing &= crossing - 1;
          this.cell(field, width, 32 * k + bit, j, level);
        }
      }
      const t = top;
      top = bottom;
      bottom = t;
    }
    return this;
  }

  /** One row's above-level bits into `bits` from `at`; the word after the row is cleared. */
  private row(field: ArrayLike<number>, offset: number, width: number, level: number, bits: Uint32Array, at: number): void {
    const words = (width + 31) >>> 5;
    for (let k = 0; k < words; k++) {
      let w = 0;
      const base = offset + 32 * k;
      const n = Math.min(32, width - 32 * k);
      for (let b = 0; b < n; b++) if (field[base + b] >= level) w |= 1 << b;
      bits[at + k] = w;
    }
    bits[at + words] = 0;
  }

  /** The segments of cell (i, j), whose corners are known to disagree. */
  private cell(field: ArrayLike<number>, width: number, i: number, j: number, level: number): void {
    const k = j * width + i;
    const a = field[k]; // top-left
    const b = field[k + 1]; // top-right
    const c = field[k + width + 1]; // bottom-right
    const d = field[k + width]; // bottom-left
    // NaN compares false: a masked corner drops the cell (the sum is NaN).
    if (!(a + b + c + d === a + b + c + d)) return;
    const code = (a >= level ? 8 : 0) | (b >= level ? 4 : 0) | (c >= level ? 2 : 0) | (d >= level ? 1 : 0);
    if (code === 0 || code === 15) return;
    // Crossings on the four edges: top (a-b), right (b-c), bottom (d-c), left (a-d).
    const top = i + (level - a) / (b - a);
    const right = j + (level - b) / (c - b);
    const bottom = i + (level - d) / (c - d);
    const left = j + (level - a) / (d - a);
    switch (code) {
      case 1: case 14: this.push(i, left, bottom, j + 1); break;
      case 2: case 13: this.push(bottom, j + 1, i + 1, right); break;
      case 3: case 12: this.push(i, left, i + 1, right); break;
      case 4: case 11: this.push(top, j, i + 1, right); break;
      case 6: case 9: this.push(top, j, bottom, j + 1); break;
      case 7: case 8: this.push(i, left, top, j); break;
      case 5: case 10: {
        // Saddle: the mean of the corners decides which pair of corners is joined.
        const centreAbove = (a + b + c + d) / 4 >= level;
        if ((code === 5) === centreAbove) {
          this.push(i, left, top, j);
          this.push(bottom, j + 1, i + 1, right);
        } else {
          this.push(top, j, i + 1, right);
          this.push(i, left, bottom, j + 1);
        }
        break;
      }
    }
  }
}
