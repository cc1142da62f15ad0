import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import '../../src/components/pulse-trace.js';
import { hepaticEct } from '../../src/streams/pulses/index.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { drawn, fixture, memoryGrowth } from '../kit/fixture.js';
import { T0, played } from './pulse-helpers.js';

describe('ir-pulse-trace memory', () => {
  it('50 mount/unmount cycles leave the heap flat and the source unobserved', async () => {
    const s = hepaticEct(T0);
    const items = played(s, 5000);
    const source = new Subject<RoomInput>();
    const growth = await memoryGrowth(async () => {
      const el = await fixture('ir-pulse-trace', (el) => {
        el.layout = s.layout;
        el.protocol = s.protocol;
        el.source = source;
      });
      for (const x of items) source.next(x);
      await drawn(el);
      el.remove();
    });
    // A leaked chart, ECG strip or room costs well over 100 kB a cycle: 5 MB over 50.
    expect(growth).to.be.below(1024 * 1024);
    expect(source.observed).to.equal(false);
  });
});
