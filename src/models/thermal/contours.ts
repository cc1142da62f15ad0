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

  /**
   * The segments where `field` (width × height, any numeric array) crosses
   * `level`. A value equal to the level counts as above it.
   */
  trace(field: ArrayLike<number>, width: number, height: number, level: number): this {
    this.count = 0;
    for (let j = 0; j < height - 1; j++) {
      const row = j * width;
      for (let i = 0; i < width - 1; i++) {
        const k = row + i;
        const a = field[k]; // top-left
        const b = field[k + 1]; // top-right
        const c = field[k + width + 1]; // bottom-right
        const d = field[k + width]; // bottom-left
        // NaN compares false: a masked corner drops the cell (the sum is NaN).
        if (!(a + b + c + d === a + b + c + d)) continue;
        const code = (a >= level ? 8 : 0) | (b >= level ? 4 : 0) | (c >= level ? 2 : 0) | (d >= level ? 1 : 0);
        if (code === 0 || code === 15) continue;
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
    return this;
  }
}
