import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { backoffDelay } from '../../src/models/backoff.js';

const opts = fc.record({
  initialMs: fc.integer({ min: 1, max: 5000 }),
  maxMs: fc.integer({ min: 1, max: 60000 }),
  factor: fc.double({ min: 1, max: 4, noNaN: true }),
  jitter: fc.double({ min: 0, max: 1, noNaN: true }),
});
const rnd = fc.double({ min: 0, max: 1, noNaN: true });

describe('backoffDelay', () => {
  it('never exceeds maxMs and is never negative (property)', () => {
    fc.assert(fc.property(opts, fc.nat({ max: 200 }), rnd, (o, n, r) => {
      const d = backoffDelay(n, o, r);
      expect(d).to.be.at.least(0);
      expect(d).to.be.at.most(o.maxMs);
    }));
  });

  it('grows with the attempt for the same random draw (property)', () => {
    fc.assert(fc.property(opts, fc.nat({ max: 100 }), rnd, (o, n, r) => {
      expect(backoffDelay(n + 1, o, r)).to.be.at.least(backoffDelay(n, o, r));
    }));
  });

  it('keeps jitter within its fraction of the delay', () => {
    const o = { initialMs: 100, maxMs: 10000, factor: 2, jitter: 0.5 };
    expect(backoffDelay(0, o, 0)).to.equal(50);
    expect(backoffDelay(0, o, 1)).to.equal(100);
    expect(backoffDelay(3, o, 1)).to.equal(800);
    expect(backoffDelay(30, o, 1)).to.equal(10000);
  });
});
