import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { ChannelValidator } from '../../src/models/validate.js';
import type { ChannelDescriptor } from '../../src/models/channel.js';

const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] };

describe('ChannelValidator', () => {
  it('classifies each kind of bad value', () => {
    const v = new ChannelValidator(probe);
    expect(v.classify(1000, 20)).to.equal('accepted');
    expect(v.classify(1100, NaN)).to.equal('not-finite');
    expect(v.classify(1100, 400)).to.equal('out-of-range');
    expect(v.classify(900, 20)).to.equal('time-backwards');
    expect(v.classify(1000, 21)).to.equal('duplicate-time');
    expect(v.classify(1100, 21)).to.equal('accepted');
    expect(v.counts).to.deep.equal({ accepted: 2, 'not-finite': 1, 'out-of-range': 1, 'time-backwards': 1, 'duplicate-time': 1, 'clock-skew': 0 });
  });

  it('refuses a time too far from the receiving clock, and never takes it as the reference', () => {
    let now = 1.7e12;
    const v = new ChannelValidator(probe, { clock: () => now });
    expect(v.classify(now, 20)).to.equal('accepted');
    expect(v.classify(now + 5 * 365 * 86_400_000, 20)).to.equal('clock-skew');
    expect(v.classify(now + 61_000, 20)).to.equal('clock-skew');
    expect(v.classify(now + 59_000, 20)).to.equal('accepted');
    expect(v.classify(now - 25 * 3600_000, 20)).to.equal('clock-skew');
    now += 100_000; // the receiving clock moves on: correctly timed samples keep coming in
    expect(v.classify(now, 20)).to.equal('accepted');
    const tight = new ChannelValidator(probe, { clock: () => now, maxAheadMs: 10, maxBehindMs: 10 });
    expect([tight.classify(now + 11, 1), tight.classify(now - 11, 1), tight.classify(now + 10, 1)]).to.deep.equal(['clock-skew', 'clock-skew', 'accepted']);
  });

  it('without a clock, checks times only against each other (a recording)', () => {
    const v = new ChannelValidator(probe);
    expect(v.classify(1, 20)).to.equal('accepted');
    expect(v.classify(1e15, 20)).to.equal('accepted');
  });

  it('accepts every valid sample however bad values are interleaved (property)', () => {
    const good = fc.record({ dt: fc.integer({ min: 1, max: 1000 }), v: fc.double({ min: -200, max: 150, noNaN: true }) });
    const bad = fc.constantFrom(NaN, Infinity, 1e9, -1e9);
    fc.assert(
      fc.property(fc.array(fc.tuple(good, fc.option(bad))), (items) => {
        const val = new ChannelValidator(probe);
        let t = 0;
        let accepted = 0;
        for (const [g, b] of items) {
          t += g.dt;
          if (b !== null) expect(val.classify(t, b)).to.not.equal('accepted');
          if (val.classify(t, g.v) === 'accepted') accepted++;
        }
        return accepted === items.length;
      }),
      { numRuns: 1000 },
    );
  });
});
