// The overview a late joiner reads instead of every sample (ir.ROOM.overview, docs/nats.md):
// per step, the minimum and maximum at their times; one sample a step kept as it is; the last
// sample covered always its last point. Checked against the samples themselves (fast-check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stepExtremes } from './nats-kit.mjs';

const { SampleOverview } = await import('../../dist/edge/sample-overview.js');
const RUNS = Number(process.env.FUZZ_RUNS || 200);
const STEP = 100;

/** Increasing times from `start`, each `gaps[i]` ms after the one before, with their values. */
const series = fc.record({
  start: fc.integer({ min: 0, max: 10_000 }),
  gaps: fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 400 })), { minLength: 1, maxLength: 400 }),
  values: fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1000, max: 1000 }), { minLength: 400, maxLength: 400 }),
  cuts: fc.array(fc.integer({ min: 1, max: 399 }), { maxLength: 5 }),
});

test(`an overview keeps each step's extremes at their times, single samples as they are, and ends on the last sample (${RUNS} runs)`, () => {
  fc.assert(
    fc.property(series, ({ start, gaps, values, cuts }) => {
      const t = [];
      gaps.reduce((at, g) => (t.push(at + g), at + g), start);
      const v = Float32Array.from(t, (_, i) => values[i]);
      const overview = new SampleOverview(STEP);
      // Batches cut anywhere, overviews taken at some cuts: what a reader gets is the points of all of them.
      const points = [];
      const bounds = [...new Set([0, ...cuts.filter((c) => c < t.length), t.length])].sort((a, b) => a - b);
      for (let b = 1; b < bounds.length; b++) {
        overview.add('ecg', b, t.slice(bounds[b - 1], bounds[b]), v.subarray(bounds[b - 1], bounds[b]));
        const [entry] = overview.take();
        assert.equal(entry.seq, b, 'numbered with the last batch covered');
        assert.equal(entry.t[entry.t.length - 1], t[bounds[b] - 1], 'ends on the last sample covered');
        for (let i = 0; i < entry.t.length; i++) points.push([entry.t[i], entry.v[i]]);
      }
      const want = stepExtremes(t.map((ti, i) => [ti, v[i]]), STEP);
      const got = stepExtremes(points, STEP);
      assert.deepEqual([...got.keys()], [...want.keys()], 'the same steps hold data');
      for (const [k, w] of want) {
        const g = got.get(k);
        assert.deepEqual([g.min, g.minT, g.max, g.maxT], [w.min, w.minT, w.max, w.maxT], `step ${k}`);
        if (w.n === 1) assert.equal(g.n, 1, 'a single sample as it is');
      }
      for (let i = 1; i < points.length; i++) assert.ok(points[i][0] > points[i - 1][0], 'times increase');
    }),
    { numRuns: RUNS },
  );
});
