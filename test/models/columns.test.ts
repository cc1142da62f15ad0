import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { reduceToColumns } from '../../src/models/columns.js';

describe('reduceToColumns', () => {
  it('keeps a one-sample spike in a million samples at full height', () => {
    const n = 1_000_000;
    const v = new Float32Array(n);
    v[654_321] = 100;
    const out: (number | null)[] = new Array(800 * 4);
    reduceToColumns(n, (i) => i, (i) => v[i], 0, n, out);
    expect(Math.max(...(out as number[]))).to.equal(100);
  });

  it('leaves columns without data empty, so a gap stays a gap', () => {
    const times = [0, 10, 20, 500, 510];
    const out: (number | null)[] = new Array(60 * 4);
    reduceToColumns(times.length, (i) => times[i], () => 1, 0, 600, out);
    expect(out.slice(0, 4)).to.deep.equal([1, 1, 1, 1]);
    expect(out.slice(4 * 10, 4 * 40).every((x) => x === null)).to.equal(true);
  });

  it('preserves the first, last and extremes of each column (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 1, max: 200 }), (vals, cols) => {
        const out: (number | null)[] = new Array(cols * 4);
        reduceToColumns(vals.length, (i) => i, (i) => vals[i], 0, vals.length, out);
        const got = out.filter((x): x is number => x !== null);
        return Math.max(...got) === Math.max(...vals) && Math.min(...got) === Math.min(...vals) && got[0] === vals[0] && out.lastIndexOf(vals[vals.length - 1]) >= 0;
      }),
      { numRuns: 500 },
    );
  });
});
