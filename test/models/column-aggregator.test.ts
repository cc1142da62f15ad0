import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { ColumnAggregator, type Column } from '../../src/models/column-aggregator.js';

const T0 = Date.UTC(2026, 0, 1);

describe('ColumnAggregator', () => {
  it('keeps a one-sample spike in a million samples at full height', () => {
    const agg = new ColumnAggregator(800, 1_000_000 / 800, 10);
    for (let i = 0; i < 1_000_000; i++) agg.add(T0 + i, i === 654_321 ? 100 : 0);
    const out: Column[] = new Array(800 * 4);
    agg.write(agg.columnOf(T0 + 999_999), out);
    expect(Math.max(...out.filter((x): x is number => x != null))).to.equal(100);
  });

  it('breaks the line after a gap and joins sparse samples', () => {
    const agg = new ColumnAggregator(60, 10, 50);
    for (const t of [0, 20, 40, 500, 520]) agg.add(T0 + t, 1);
    const out: Column[] = new Array(60 * 4);
    const end = agg.columnOf(T0 + 520);
    agg.write(end, out);
    expect(out.filter((x) => x === null)).to.have.length(1);
    // The column of t=500 starts with the gap marker; the empty columns between are undefined.
    const col500 = 59 - (end - agg.columnOf(T0 + 500));
    expect(out[col500 * 4]).to.equal(null);
    expect(out[col500 * 4 - 1]).to.equal(undefined);
  });

  it('equals first/min/max/last of each column computed directly (property)', () => {
    const steps = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: -1000, max: 1000 })), { minLength: 1, maxLength: 2000 });
    fc.assert(
      fc.property(steps, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 30 }), (xs, columns, columnMs) => {
        const agg = new ColumnAggregator(columns, columnMs, Infinity);
        let t = T0;
        const samples = xs.map(([dt, v]) => ((t += dt), [t, v] as const));
        for (const [ts, v] of samples) agg.add(ts, v);
        const end = agg.columnOf(t);
        const out: Column[] = new Array(columns * 4);
        agg.write(end, out);
        for (let c = 0; c < columns; c++) {
          const k = end - columns + 1 + c;
          const inCol = samples.filter(([ts]) => Math.floor(ts / columnMs) === k).map(([, v]) => v);
          const want = inCol.length ? [inCol[0], Math.min(...inCol), Math.max(...inCol), inCol[inCol.length - 1]] : [undefined, undefined, undefined, undefined];
          expect(out.slice(c * 4, c * 4 + 4)).to.deep.equal(want);
        }
      }),
      { numRuns: 300 },
    );
  });
});
