import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { reduceGrid, reducing, reductionFactor } from '../../src/models/thermal/reduce.js';
import { runToEnd } from '../../src/models/steps.js';
import type { GridFrame } from '../../src/models/channel.js';

/** Block means by the definition: every finite pixel of block (bx, by), nothing else. */
function naive(g: GridFrame, f: number): number[] {
  const w = Math.ceil(g.width / f);
  const h = Math.ceil(g.height / f);
  const out: number[] = [];
  for (let by = 0; by < h; by++) {
    for (let bx = 0; bx < w; bx++) {
      const cells: number[] = [];
      for (let y = by * f; y < Math.min(g.height, (by + 1) * f); y++) for (let x = bx * f; x < Math.min(g.width, (bx + 1) * f); x++) cells.push(g.data[y * g.width + x]);
      const finite = cells.filter(Number.isFinite);
      out.push(finite.length ? Math.fround(finite.reduce((a, b) => a + b, 0) / finite.length) : NaN);
    }
  }
  return out;
}

describe('reduceGrid', () => {
  it('gives every block the mean of its finite pixels, partial blocks at the edges included, at once or in steps (property)', () => {
    const pixel = fc.oneof({ weight: 8, arbitrary: fc.float({ min: -50, max: 150, noNaN: true }) }, fc.constantFrom(NaN, Infinity, -Infinity));
    const grid = fc.record({ width: fc.integer({ min: 1, max: 23 }), height: fc.integer({ min: 1, max: 23 }), f: fc.integer({ min: 1, max: 6 }), step: fc.integer({ min: 1, max: 300 }) }).chain(({ width, height, f, step }) =>
      fc.array(pixel, { minLength: width * height, maxLength: width * height }).map((data) => ({ f, step, g: { kind: 'grid', channel: 'map', t: 0, width, height, spacingMm: [0.5, 0.5], originMm: [0, 0], data: Float32Array.from(data) } as GridFrame })),
    );
    fc.assert(
      fc.property(grid, ({ g, f, step }) => {
        const r = reduceGrid(g, f);
        expect(runToEnd(reducing(g, f, step)), 'the same in steps of about `step` pixels').to.deep.equal(r);
        expect([r.width, r.height]).to.deep.equal([Math.ceil(g.width / f), Math.ceil(g.height / f)]);
        const want = naive(g, f);
        Array.from(r.data).forEach((v, k) => (Number.isNaN(want[k]) ? expect(v).to.be.NaN : expect(v).to.be.closeTo(want[k], 1e-3 * Math.max(1, Math.abs(want[k])))));
      }),
      { numRuns: 300 },
    );
  });

  it('brings 2048 x 2048 within a million pixels with 2 x 2 blocks', () => {
    expect(reductionFactor({ width: 2048, height: 2048 }, 1024 * 1024)).to.equal(2);
    expect(reductionFactor({ width: 2049, height: 2048 }, 1024 * 1024)).to.equal(3);
  });
});
