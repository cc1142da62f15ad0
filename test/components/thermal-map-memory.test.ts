import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import '../../src/components/thermal-map.js';
import type { GridFrame } from '../../src/models/channel.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { drawn, fixture } from '../kit/fixture.js';
import { itLeaksNoPanel } from '../kit/memory.js';
import { dataEpoch } from '../kit/clock.js';

describe('ir-thermal-map memory', () => {
  const source = new Subject<RoomInput>();
  const data = new Float32Array(128 * 128).map((_, i) => 37 + (i % 128) / 2);
  let t = dataEpoch();
  const frame = (): GridFrame => ({ kind: 'grid', channel: 'map', t: (t += 1000), width: 128, height: 128, spacingMm: [0.75, 0.75], originMm: [0, 0], data });
  itLeaksNoPanel(
    async () => {
      const el = await fixture('ir-thermal-map', (el) => {
        el.channels = [{ id: 'map', label: 'Map', unit: 'Cel', intervalMs: 1000, range: [-20, 200] }];
        el.tumour = { kind: 'circle', centreMm: [48, 48], radiusMm: 10 };
        el.source = source;
      });
      source.next(frame());
      source.next(frame());
      await drawn(el);
      el.remove();
      return el;
    },
    // A kept ir-thermal-map (accumulator of 128 x 128 doses, image, contours) holds about
    // 760 kB: one a cycle grows the page by 38 MB over 50 cycles. 3 MB fails a leak of a
    // tenth of that; a clean run grows about 0.7 MB (code compiled as the cycles warm up).
    { cycles: 50, limit: 3 * 2 ** 20, after: () => expect(source.observed).to.equal(false) },
  );
});
