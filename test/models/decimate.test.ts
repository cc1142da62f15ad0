import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { createColumns, decimate } from '../../src/models/decimate.js';

describe('decimate', () => {
  it('keeps a one-sample spike in a million samples', () => {
    const n = 1_000_000;
    const v = new Float32Array(n);
    v[654_321] = 100;
    const out = decimate(n, (i) => i, (i) => v[i], 0, n, 800, 10, createColumns(800));
    expect(out.length).to.be.at.most(800 * 4);
    expect(Math.max(...out.v.subarray(0, out.length))).to.equal(100);
  });

  it('marks a stretch without data as a gap (NaN)', () => {
    const times = [0, 10, 20, 500, 510];
    const out = decimate(times.length, (i) => times[i], () => 1, 0, 600, 60, 50, createColumns(60));
    const v = Array.from(out.v.subarray(0, out.length));
    expect(v.filter(Number.isNaN)).to.have.length(1);
  });

  it('preserves the extremes of any series (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 5000 }), fc.integer({ min: 1, max: 300 }), (vals, cols) => {
        const out = decimate(vals.length, (i) => i, (i) => vals[i], 0, vals.length, cols, 2, createColumns(cols));
        const got = Array.from(out.v.subarray(0, out.length));
        return Math.max(...got) === Math.max(...vals) && Math.min(...got) === Math.min(...vals) && out.length <= cols * 4;
      }),
      { numRuns: 500 },
    );
  });
});
