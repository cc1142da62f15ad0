import { expect } from '@esm-bundle/chai';
import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import { staleAfter } from '../../src/streams/stale-after.js';

const d: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 10, range: [-200, 120] };
const at = (...t: number[]): SampleBatch => ({ channel: 'probe', t: Float64Array.from(t), v: new Float32Array(t.length) });
const scheduler = () => new TestScheduler((a, b) => {
  expect(a).to.deep.equal(b);
});

describe('staleAfter', () => {
  it('goes stale when arrivals stop (watchdog), valid again when data returns', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      // limit = 10 ms * 3 = 30 ms of virtual time after the last arrival.
      const src = cold('a 9ms b 49ms c', { a: at(0), b: at(10), c: at(60) });
      const out = src.pipe(staleAfter(d, { scheduler: ts }), map((q) => `${q.quality}@${q.t}`));
      expectObservable(out, '^ 100ms !').toBe('a 39ms b 19ms c 29ms d', { a: 'valid@0', b: 'stale@40', c: 'valid@60', d: 'stale@90' });
    });
  });

  it('detects a gap in data time within a burst that arrives at once', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const src = cold('(a|)', { a: at(0, 10, 100, 110) });
      const out = src.pipe(staleAfter(d, { scheduler: ts }), map((q) => `${q.quality}@${q.t}`));
      expectObservable(out).toBe('(abc|)', { a: 'valid@0', b: 'stale@40', c: 'valid@100' });
    });
  });

  it('stays valid while data keeps coming within the limit', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const src = cold('a 19ms b 19ms c 19ms d', { a: at(0), b: at(20), c: at(40), d: at(60) });
      expectObservable(src.pipe(staleAfter(d, { scheduler: ts }), map((q) => q.quality)), '^ 70ms !').toBe('a', { a: 'valid' });
    });
  });

  it('waits at least minSilenceMs on arrival, for a source that batches every 100 ms', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      // Batches 100 ms apart each cover 100 ms of data time: never stale on data time, nor on arrival.
      const src = cold('a 99ms b 99ms c', { a: at(0, 10, 20, 30, 40, 50, 60, 70, 80, 90), b: at(100, 110, 120, 130, 140, 150, 160, 170, 180, 190), c: at(200) });
      const out = src.pipe(staleAfter(d, { minSilenceMs: 150, scheduler: ts }), map((q) => `${q.quality}@${q.t}`));
      expectObservable(out, '^ 400ms !').toBe('a 349ms b', { a: 'valid@0', b: 'stale@230' });
    });
  });

  it('is stale when a sensor never sends, at an unknown data time', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const src = cold<SampleBatch>('-');
      expectObservable(src.pipe(staleAfter(d, { scheduler: ts }), map((q) => `${q.quality}@${q.t}`)), '^ 50ms !').toBe('30ms a', { a: 'stale@NaN' });
    });
  });
});
