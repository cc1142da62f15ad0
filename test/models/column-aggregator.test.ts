import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { ColumnAggregator, SLOTS, type Column } from '../../src/models/column-aggregator.js';
import { dataEpoch } from '../kit/clock.js';

const T0 = dataEpoch();

describe('ColumnAggregator', () => {
  it('keeps a one-sample spike in a million samples at full height', () => {
    const agg = new ColumnAggregator(800, 1_000_000 / 800, 10);
    for (let i = 0; i < 1_000_000; i++) agg.add(T0 + i, i === 654_321 ? 100 : 0);
    const out: Column[] = new Array(800 * SLOTS);
    agg.write(agg.columnOf(T0 + 999_999), out);
    expect(Math.max(...out.filter((x): x is number => x != null))).to.equal(100);
    expect([agg.low, agg.high]).to.deep.equal([0, 100]);
  });

  it('breaks the line after a gap and joins sparse samples', () => {
    const agg = new ColumnAggregator(60, 10, 50);
    for (const t of [0, 20, 40, 500, 520]) agg.add(T0 + t, 1);
    const out: Column[] = new Array(60 * SLOTS);
    const end = agg.columnOf(T0 + 520);
    agg.write(end, out);
    expect(out.filter((x) => x === null)).to.have.length(1);
    // The column of t=500 starts with the gap marker and keeps its value; the empty columns before are undefined.
    const col500 = 59 - (end - agg.columnOf(T0 + 500));
    expect(out.slice(col500 * SLOTS, col500 * SLOTS + SLOTS)).to.deep.equal([null, 1, 1]);
    expect(out[col500 * SLOTS - 1]).to.equal(undefined);
  });

  it('judges gaps in an overview at its step, and at the sample interval after it', () => {
    // A 1 ms channel: an overview with points 50 ms apart up to t=1000, a dropout of 400 ms in
    // it, then every sample; then a dropout of 10 ms among every sample.
    const agg = new ColumnAggregator(100, 20, 3);
    agg.coarse(T0 + 1000, 300);
    const times = [...Array.from({ length: 11 }, (_, i) => i * 50), ...Array.from({ length: 10 }, (_, i) => 950 + i * 5), 1000, ...Array.from({ length: 500 }, (_, i) => 1001 + i), 1511, 1512];
    for (const t of times) agg.add(T0 + t, 1);
    const out: Column[] = new Array(100 * SLOTS);
    const end = agg.columnOf(T0 + 1512);
    agg.write(end, out);
    const gaps = out.flatMap((x, i) => (x === null ? [end - 99 + Math.floor(i / SLOTS) - agg.columnOf(T0)] : []));
    expect(gaps).to.deep.equal([agg.columnOf(T0 + 950) - agg.columnOf(T0), agg.columnOf(T0 + 1511) - agg.columnOf(T0)]);
  });

  it('gives each column its gap mark, then min and max in the order they occurred (property)', () => {
    const steps = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: -1000, max: 1000 })), { minLength: 1, maxLength: 2000 });
    fc.assert(
      fc.property(steps, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 60 }), (xs, columns, columnMs, gapMs) => {
        const agg = new ColumnAggregator(columns, columnMs, gapMs);
        let t = T0;
        const samples = xs.map(([dt, v], i) => ((t += dt), { t, v, gap: i > 0 && dt > gapMs }));
        for (const s of samples) agg.add(s.t, s.v);
        const end = agg.columnOf(t);
        const out: Column[] = new Array(columns * SLOTS);
        agg.write(end, out);
        const shown: number[] = [];
        for (let c = 0; c < columns; c++) {
          const k = end - columns + 1 + c;
          const inCol = samples.filter((s) => Math.floor(s.t / columnMs) === k);
          const vs = inCol.map((s) => s.v);
          const [min, max] = [Math.min(...vs), Math.max(...vs)];
          const minFirst = vs.indexOf(min) <= vs.indexOf(max);
          const want = inCol.length ? [inCol.some((s) => s.gap) ? null : undefined, minFirst ? min : max, minFirst ? max : min] : [undefined, undefined, undefined];
          expect(out.slice(c * SLOTS, c * SLOTS + SLOTS)).to.deep.equal(want);
          shown.push(...vs);
        }
        expect([agg.low, agg.high]).to.deep.equal(shown.length ? [Math.min(...shown), Math.max(...shown)] : [Infinity, -Infinity]);
      }),
      { numRuns: 300 },
    );
  });

  it('times each slot inside its column, in order', () => {
    const agg = new ColumnAggregator(10, 250, 1000);
    const xs = new Float64Array(10 * SLOTS);
    const end = agg.columnOf(T0);
    agg.times(end, xs);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).to.be.greaterThan(xs[i - 1]);
    expect(Math.floor((xs[xs.length - 1] * 1000) / 250)).to.equal(end);
    expect(Math.floor((xs[0] * 1000) / 250)).to.equal(end - 9);
  });

  it('rewrites only what changed, and the result equals a full write (property, 500 runs)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.float({ noNaN: true, min: -100, max: 100 }), fc.boolean()), { minLength: 1, maxLength: 200 }), (steps) => {
        const agg = new ColumnAggregator(20, 10, 30);
        const kept: Column[] = new Array(20 * SLOTS);
        let t = T0;
        for (const [dt, v, writeNow] of steps) {
          t += dt;
          agg.add(t, v);
          if (writeNow) agg.write(agg.columnOf(t), kept);
        }
        const end = agg.columnOf(t);
        agg.write(end, kept);
        const range = [agg.low, agg.high];
        const fresh: Column[] = new Array(20 * SLOTS);
        agg.write(end, fresh);
        expect(kept).to.deep.equal(fresh);
        expect(range, 'the range carried over equals the range written whole').to.deep.equal([agg.low, agg.high]);
      }),
      { numRuns: 500 },
    );
  });

  it('names the first column that differs from the last write: every column before it shows what it showed (property, 500 runs)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.float({ noNaN: true, min: -100, max: 100 }), fc.boolean()), { minLength: 1, maxLength: 200 }), (steps) => {
        const columns = 20;
        const agg = new ColumnAggregator(columns, 10, 30);
        const out: Column[] = new Array(columns * SLOTS);
        let last: { end: number; shown: Column[] } | undefined;
        let t = T0;
        for (const [dt, v, writeNow] of steps) {
          t += dt;
          agg.add(t, v);
          if (!writeNow) continue;
          const end = agg.columnOf(t);
          const from = agg.write(end, out);
          if (last) {
            // Absolute column k was at slot k - start in each write.
            for (let k = end - columns + 1; k < Math.min(from, last.end + 1); k++) {
              const [now, before] = [k - (end - columns + 1), k - (last.end - columns + 1)];
              if (before < 0) continue;
              expect(out.slice(now * SLOTS, now * SLOTS + SLOTS), `column ${k}, before ${from}`).to.deep.equal(last.shown.slice(before * SLOTS, before * SLOTS + SLOTS));
            }
          } else expect(from).to.equal(end - columns + 1);
          last = { end, shown: [...out] };
        }
      }),
      { numRuns: 500 },
    );
  });
});
