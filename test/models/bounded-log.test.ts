import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { BoundedLog } from '../../src/models/bounded-log.js';
import { toCsv } from '../../src/models/csv.js';

describe('BoundedLog', () => {
  it('drops the oldest of the lowest rank first', () => {
    const log = new BoundedLog<{ id: number; rank: number }>(3, (x) => x.rank);
    log.add({ id: 1, rank: 3 });
    log.add({ id: 2, rank: 1 });
    log.add({ id: 3, rank: 1 });
    log.add({ id: 4, rank: 2 });
    expect(log.entries.map((e) => e.id)).to.deep.equal([1, 3, 4]);
  });

  it('never exceeds its capacity and keeps the newest high-rank entries (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (ranks, cap) => {
        const log = new BoundedLog<{ i: number; rank: number }>(cap, (x) => x.rank);
        ranks.forEach((rank, i) => log.add({ i, rank }));
        const highs = ranks.map((rank, i) => ({ i, rank })).filter((x) => x.rank === 3);
        const keptHighs = log.entries.filter((x) => x.rank === 3).length;
        return log.entries.length === Math.min(cap, ranks.length) && keptHighs === Math.min(cap, highs.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', -12.5, '=1+1', undefined]])).to.equal('a,"b,c","say ""hi""",-12.5,\'=1+1,\r\n');
  });
});
