import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { MAX_PAUSE_MS, inactivationAt, pause, pauseRemaining, signalsOff } from '../../src/models/alarm-system.js';
import type { Priority } from '../../src/models/alarm-rules.js';

const priority = fc.constantFrom<Priority | undefined>('hi', 'me', 'lo', undefined);
const RANK = { hi: 3, me: 2, lo: 1 };

describe('alarm system inactivation', () => {
  it('a pause resumes when it ends or when a higher priority starts, and not before (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_600_000 }), priority, fc.integer({ min: 1, max: 2 * MAX_PAUSE_MS }), fc.integer({ min: 0, max: 2 * MAX_PAUSE_MS }), priority, (t0, atPause, ms, dt, later) => {
        const s = inactivationAt(pause(t0, atPause, ms), t0 + dt, later);
        const ended = dt >= Math.min(ms, MAX_PAUSE_MS);
        const higher = later !== undefined && RANK[later] > (atPause ? RANK[atPause] : 0);
        expect(s.mode).to.equal(ended || higher ? 'on' : 'paused');
      }),
      { numRuns: 2000 },
    );
  });

  it('caps a pause at 15 minutes', () => {
    expect(pause(0, 'hi', 3_600_000).until).to.equal(MAX_PAUSE_MS);
    expect(pauseRemaining(pause(1000, 'hi', 60_000), 31_000)).to.equal(30_000);
  });

  it('refuses a pause that is not a positive length: NaN would pause for ever', () => {
    for (const ms of [NaN, 0, -1]) expect(() => pause(0, 'hi', ms), String(ms)).to.throw(RangeError);
  });

  it('keeps off until told otherwise, whatever starts', () => {
    expect(inactivationAt(signalsOff(), 1e12, 'hi').mode).to.equal('off');
  });

  it('ends a pause on the wall clock too, so a silent source cannot hold it', () => {
    const p = pause(1000, 'hi', 60_000, 5_000);
    expect(inactivationAt(p, 1010, undefined, 64_999).mode).to.equal('paused');
    expect(inactivationAt(p, 1010, undefined, 65_000).mode).to.equal('on');
    expect(pauseRemaining(p, 1010, 50_000), 'the sooner of the two clocks').to.equal(15_000);
    const beforeData = pause(-Infinity, undefined, 60_000, 0);
    expect(inactivationAt(beforeData, 1e12, undefined, 59_999).mode, 'no data time yet: the wall clock decides').to.equal('paused');
  });
});
