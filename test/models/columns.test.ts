import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { reduceToColumns, type Column } from '../../src/models/columns.js';

describe('reduceToColumns', () => {
  it('keeps a one-sample spike in a million samples at full height', () => {
    const n = 1_000_000;
    const v = new Float32Array(n);
    v[654_321] = 100;
    const out: Column[] = new Array(800 * 4);
    reduceToColumns(n, (i) => i, (i) => v[i], 0, n, 10, out);
    expect(Math.max(...(out as number[]))).to.equal(100);
  });

  it('marks a step longer than the gap as a gap and joins sparse samples', () => {
    const times = [0, 20, 40, 500, 520];
    const out: Column[] = new Array(60 * 4);
    reduceToColumns(times.length, (i) => times[i], () => 1, 0, 600, 50, out);
    expect(out.slice(0, 4)).to.deep.equal([1, 1, 1, 1]);
    // One gap marker, right after the column of t=40; the sparse steps of 20 are joined.
    expect(out.filter((x) => x === null)).to.have.length(1);
    expect(out[4 * 4 + 4]).to.equal(null);
    expect(out[4 * 1]).to.equal(undefined);
  });

  it('preserves the first, last and extremes of each column (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 1, max: 200 }), (vals, cols) => {
        const out: Column[] = new Array(cols * 4);
        reduceToColumns(vals.length, (i) => i, (i) => vals[i], 0, vals.length, 10, out);
        const got = out.filter((x): x is number => x != null);
        return Math.max(...got) === Math.max(...vals) && Math.min(...got) === Math.min(...vals) && got[0] === vals[0] && out.lastIndexOf(vals[vals.length - 1]) >= 0;
      }),
      { numRuns: 500 },
    );
  });
});
