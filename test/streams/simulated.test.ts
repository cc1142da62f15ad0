import { expect } from '@esm-bundle/chai';
import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { simulatedSource } from '../../src/streams/simulated.js';

describe('simulatedSource', () => {
  it('covers speed times more data time per batch, evenly spaced, on the scheduler', () => {
    const ts = new TestScheduler((a, b) => {
      expect(a).to.deep.equal(b);
    });
    ts.run(({ expectObservable }) => {
      const out = simulatedSource([{ channel: 'probe', f: (t) => t / 10 }], { t0: 1000, periodMs: 100, perBatch: 4, speed: 30, scheduler: ts }).pipe(
        map((b) => `${[...b.t].join(',')}|${[...b.v].join(',')}`),
      );
      // 100 ms of wall time carries 3000 ms of data time at 30x: 4 samples 750 ms apart.
      expectObservable(out, '^ 250ms !').toBe('100ms a 99ms b', {
        a: '1000,1750,2500,3250|100,175,250,325',
        b: '4000,4750,5500,6250|400,475,550,625',
      });
    });
  });
});
