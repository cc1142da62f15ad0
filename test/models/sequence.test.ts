import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { SequenceTracker } from '../../src/models/sequence.js';

const kinds = (s: SequenceTracker, channel: string, seqs: number[], stream?: string) => seqs.map((q) => s.check(channel, q, stream).kind);

describe('SequenceTracker', () => {
  it('detects gaps and duplicates per channel', () => {
    const s = new SequenceTracker();
    expect(s.check('a', 5)).to.deep.equal({ kind: 'ok' });
    expect(s.check('a', 6)).to.deep.equal({ kind: 'ok' });
    expect(s.check('b', 0)).to.deep.equal({ kind: 'ok' });
    expect(s.check('a', 6)).to.deep.equal({ kind: 'duplicate' });
    expect(s.check('a', 3)).to.deep.equal({ kind: 'duplicate' });
    expect(s.check('a', 10)).to.deep.equal({ kind: 'gap', missing: 3 });
    expect(s.check('b', 1)).to.deep.equal({ kind: 'ok' });
  });

  it('follows a new stream id at once, numbering from 0', () => {
    const s = new SequenceTracker();
    expect(kinds(s, 'a', [500, 501], 'boot-1')).to.deep.equal(['ok', 'ok']);
    expect(kinds(s, 'a', [0, 1, 2], 'boot-2')).to.deep.equal(['new-stream', 'ok', 'ok']);
    expect(kinds(s, 'a', [1], 'boot-2')).to.deep.equal(['duplicate']);
  });

  it('follows a restart without a stream id after two messages, keeping both', () => {
    const s = new SequenceTracker();
    expect(kinds(s, 'a', [5000, 5001, 0, 1, 2, 5002])).to.deep.equal(['ok', 'ok', 'jump', 'resync', 'ok', 'jump']);
  });

  it('tells a restart without a stream id from a replay by data time: newer data is kept, repeated data dropped', () => {
    const s = new SequenceTracker();
    // Numbers 40..50 carry data times 40..50 s; the sender restarts at 0 with data from 51 s on.
    for (let q = 40; q <= 50; q++) expect(s.check('a', q, undefined, q * 1000).kind).to.match(/ok/);
    expect(s.check('a', 45, undefined, 45_000).kind, 'a replay after reconnect').to.equal('duplicate');
    expect(s.check('a', 0, undefined, 51_000).kind, 'the restarted sender').to.equal('restart');
    expect([1, 2, 3].map((q) => s.check('a', q, undefined, (51 + q) * 1000).kind)).to.deep.equal(['ok', 'ok', 'ok']);
    expect(s.check('a', 2, undefined, 53_000).kind, 'its own replay is still a replay').to.equal('duplicate');
  });

  it('a sender restarting without a stream id loses no message with newer data, wherever it restarts (property, 2000 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 200 }), (before, restartAt, after) => {
        const s = new SequenceTracker();
        let t = 0;
        for (let q = 0; q < before; q++) s.check('a', q, undefined, (t += 10));
        for (let q = restartAt; q < restartAt + after; q++) if (s.check('a', q, undefined, (t += 10)).kind === 'duplicate') return false;
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets one absurd number lock a channel', () => {
    const s = new SequenceTracker();
    expect(kinds(s, 'a', [10, 4_000_000_000, 11, 12, 1_000_000_000, 13])).to.deep.equal(['ok', 'jump', 'ok', 'ok', 'jump', 'ok']);
  });

  it('wraps at 2^32', () => {
    const s = new SequenceTracker();
    expect(kinds(s, 'a', [0xfffffffe, 0xffffffff, 0, 2, 1])).to.deep.equal(['ok', 'ok', 'ok', 'gap', 'duplicate']);
  });

  it('remembers at most maxChannels channels, least recently seen forgotten', () => {
    const s = new SequenceTracker({ maxChannels: 3 });
    for (let i = 0; i < 1000; i++) s.check(`x${i}`, 0);
    expect(s.size).to.equal(3);
    s.check('x998', 1);
    s.check('y', 0);
    expect(s.check('x998', 1).kind).to.equal('duplicate');
    expect(s.check('x997', 0).kind).to.equal('ok'); // forgotten: first sight again
  });

  it('after any noise, a sender counting on is kept for good within maxMisorder + 2 messages (property, 2000 runs)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 30 }), fc.nat({ max: 0xffffffff }), (noise, base) => {
        const s = new SequenceTracker();
        for (const q of noise) s.check('a', q);
        const ks = kinds(s, 'a', Array.from({ length: 110 }, (_, i) => (base + i) % 2 ** 32));
        // Only a start just behind the last number (a replay, for all it can tell) is dropped.
        const k0 = ks.findIndex((k) => k !== 'duplicate');
        expect(k0, ks.join()).to.be.within(0, 101);
        expect(ks.slice(k0).includes('duplicate'), ks.join()).to.equal(false);
        expect(ks.slice(k0 + 2).every((k) => k === 'ok'), ks.join()).to.equal(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('with a new stream id, a sender counting from anywhere is kept from its first message (property, 2000 runs)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { minLength: 1, maxLength: 30 }), fc.nat({ max: 0xffffffff }), (noise, base) => {
        const s = new SequenceTracker();
        for (const q of noise) s.check('a', q, 'old');
        const ks = kinds(s, 'a', Array.from({ length: 5 }, (_, i) => (base + i) % 2 ** 32), 'new');
        expect(ks).to.deep.equal(['new-stream', 'ok', 'ok', 'ok', 'ok']);
      }),
      { numRuns: 2000 },
    );
  });
});
