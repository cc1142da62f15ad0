import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import '../../src/components/trend.js';
import type { SampleBatch } from '../../src/models/channel.js';
import { drawn, fixture } from '../kit/fixture.js';
import { itLeaksNoPanel } from '../kit/memory.js';

describe('ir-trend memory', () => {
  const source = new Subject<SampleBatch>();
  itLeaksNoPanel(
    async () => {
      const el = await fixture('ir-trend', (el) => {
        el.channels = [{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 10, range: [-200, 150] }];
        el.source = source;
      });
      source.next({ channel: 'probe', t: new Float64Array(200).map((_, i) => i * 10), v: new Float32Array(200).fill(1) });
      await drawn(el);
      el.remove();
      return el;
    },
    // A kept ir-trend (chart, canvases, stores, shadow tree) holds about 430 kB: one a cycle
    // grows the page by 21 MB over 50 cycles. 2 MB fails a leak of a tenth of that (its
    // chart or stores without the element); a clean run grows 0.1-0.6 MB (code compiled).
    { cycles: 50, limit: 2 * 2 ** 20, after: () => expect(source.observed).to.equal(false) },
  );
});
