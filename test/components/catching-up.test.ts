import { expect } from '@esm-bundle/chai';
import '../../src/components/telemetry.js';
import '../../src/components/trend.js';
import '../../src/components/thermal-map.js';
import '../../src/components/iceball-curve.js';
import '../../src/components/cement-gauge.js';
import '../../src/components/pulse-trace.js';
import '../../src/components/dose-gauge.js';
import '../../src/components/activity-gauge.js';
import type { IrTelemetry } from '../../src/components/telemetry/telemetry.js';
import { IrPanel } from '../../src/components/kit/panel.js';
import { FrameController, flushFrames } from '../../src/components/kit/frame-scheduler.js';
import { drawn, nextFrame } from '../kit/fixture.js';

/** Every panel of the library: each views the room, so each must say when what it draws is not live yet. */
const PANELS = ['ir-trend', 'ir-thermal-map', 'ir-iceball-curve', 'ir-cement-gauge', 'ir-pulse-trace', 'ir-dose-gauge', 'ir-activity-gauge'];

describe('every panel while its room replays', () => {
  for (const name of PANELS) {
    it(`<${name}> stands on the kit's panel and says it is catching up, in its language, until the replay is done`, async () => {
      const room = document.createElement('ir-telemetry') as IrTelemetry;
      const el = document.createElement(name) as IrPanel<unknown>;
      el.lang = 'fr';
      room.append(el);
      document.body.append(room);
      await el.updateComplete;
      expect(el).to.be.instanceOf(IrPanel);
      const note = () => el.shadowRoot!.querySelector('[part="catching-up"]')?.textContent;
      expect(note()).to.equal(undefined);
      room.room.replaying.next(1200);
      await el.updateComplete;
      expect(note()).to.equal('Rattrapage…');
      // What the panel shows is a past being replayed: hidden, shown again once live.
      const shown = () => [...el.shadowRoot!.children].filter((c) => c.matches(':not(style,[part~="alarm"],[part~="catching-up"],[part~="state"])') && getComputedStyle(c).visibility === 'visible');
      const after = [...el.shadowRoot!.querySelectorAll('[part="catching-up"] ~ *')];
      expect(after.length, 'content after the note').to.be.greaterThan(0);
      expect(shown().map((c) => c.outerHTML.slice(0, 60))).to.deep.equal([]);
      room.room.replaying.next(0);
      await el.updateComplete;
      expect(note()).to.equal(undefined);
      expect(shown().length, 'shown again once live').to.equal(after.length);
      room.remove();
    });
  }

  it('a panel draws nothing while its room replays, then the latest once live', async () => {
    const room = document.createElement('ir-telemetry') as IrTelemetry;
    room.channels = [{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] }];
    const el = document.createElement('ir-trend');
    el.setAttribute('channel', 'probe');
    room.append(el);
    document.body.append(room);
    await drawn(el);
    let draws = 0;
    const frame = FrameController.of(el)!;
    const run = frame.run.bind(frame);
    frame.run = () => (draws++, run());
    room.room.replaying.next(500);
    const t0 = Date.now() - 60_000;
    for (let k = 0; k < 10; k++) {
      room.room.push({ channel: 'probe', t: Float64Array.from({ length: 10 }, (_, i) => t0 + k * 1000 + i * 100), v: new Float32Array(10).fill(30 + k) });
      await nextFrame();
    }
    flushFrames();
    expect(draws, 'nothing drawn while replaying').to.equal(0);
    room.room.replaying.next(0);
    await nextFrame();
    await nextFrame();
    expect(draws, 'the latest, once').to.equal(1);
    room.remove();
  });
});
