import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import '../../src/components/trend.js';
import type { SampleBatch } from '../../src/models/channel.js';
import { drawn, fixture, memoryGrowth } from '../kit/fixture.js';

describe('ir-trend memory', () => {
  it('50 mount/unmount cycles leave the heap flat and the source unobserved', async () => {
    const source = new Subject<SampleBatch>();
    const growth = await memoryGrowth(async () => {
      const el = await fixture('ir-trend', (el) => {
        el.channels = [{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 10, range: [-200, 150] }];
        el.source = source;
      });
      source.next({ channel: 'probe', t: new Float64Array(200).map((_, i) => i * 10), v: new Float32Array(200).fill(1) });
      await drawn(el);
      el.remove();
    });
    // A leaked chart (canvas, closures, the room's stores) costs ~100 kB a cycle: 5 MB over 50.
    expect(growth).to.be.below(1024 * 1024);
    expect(source.observed).to.equal(false);
  });
});
