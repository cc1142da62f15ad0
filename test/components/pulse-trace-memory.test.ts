import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import '../../src/components/pulse-trace.js';
import { hepaticEct } from '../../src/streams/pulses/index.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { drawn, fixture } from '../kit/fixture.js';
import { itLeaksNoPanel } from '../kit/memory.js';
import { T0, played } from './pulse-helpers.js';

describe('ir-pulse-trace memory', () => {
  const s = hepaticEct(T0);
  const items = played(s, 5000);
  const source = new Subject<RoomInput>();
  itLeaksNoPanel(
    async () => {
      const el = await fixture('ir-pulse-trace', (el) => {
        el.layout = s.layout;
        el.protocol = s.protocol;
        el.source = source;
      });
      for (const x of items) source.next(x);
      await drawn(el);
      el.remove();
      return el;
    },
    // A kept ir-pulse-trace (chart, ECG strip, table, map, room) holds about 890 kB: one a
    // cycle grows the page by 44 MB over 50 cycles. 4 MB fails a leak of a tenth of that;
    // a clean run grows 0.1-1.2 MB (code compiled as the cycles warm up).
    { cycles: 50, limit: 4 * 2 ** 20, after: () => expect(source.observed).to.equal(false) },
  );
});
