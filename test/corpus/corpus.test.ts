import { expect } from '@esm-bundle/chai';
import '../../src/components/telemetry.js';
import '../../src/components/trend.js';
import '../../src/components/thermal-map.js';
import type { IrTechnicalEvent } from '../../src/components/kit/events.js';
import { encodeWireLine } from '../../src/models/wire.js';
import { dataEpoch } from '../kit/clock.js';
import { fixture, waitUntil } from '../kit/fixture.js';
import { CORPUS_CHANNELS, corpus, goodFrames } from './cases.js';

/**
 * The bad-input corpus through ir-telemetry from a loopback gateway, with panels mounted:
 * each case, sent between two valid samples, is answered by a typed event (a technical
 * event, or a refused command), the page stays up, and the valid samples sent around all
 * the cases arrive every one, in order, with the same values (a checksum before and after).
 */
describe('bad-input corpus over a real WebSocket', function () {
  this.timeout(180_000);

  it('answers every case with a typed event and loses no valid sample', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    const port = await executeServerCommand<number, unknown>('ws-port');
    const technical: IrTechnicalEvent['detail'][] = [];
    const tele = await fixture('ir-telemetry', (t) => {
      t.channels = CORPUS_CHANNELS.map((c) => ({ ...c }));
      t.addEventListener('ir-technical', (e) => technical.push(e.detail));
      t.src = `ws://127.0.0.1:${port}`;
    });
    const trend = await fixture('ir-trend', (el) => (el.channel = 'probe nerve'), tele);
    await fixture('ir-thermal-map', (el) => (el.channel = 'map'), tele);
    const refusedCommands: unknown[] = [];
    tele.manager.refused.subscribe((r) => refusedCommands.push(r));
    await waitUntil(() => tele.state === 'live', 'live');

    const t0 = dataEpoch(600_000);
    const cases = corpus(t0);
    expect(cases.length, 'at least 200 cases').to.be.at.least(200);
    await executeServerCommand('ws-send-messages', goodFrames(t0));
    let seq = 0;
    const sent: number[] = [];
    const valid = () => {
      const v = Math.round(Math.sin(seq) * 300) / 10;
      sent.push(v);
      return encodeWireLine({ type: 'samples', channel: 'probe', seq: ++seq, unit: 'Cel', t: Float64Array.of(t0 + 1000 + seq * 10), v: Float32Array.of(v) });
    };
    const unanswered: string[] = [];
    for (const c of cases) {
      const before = technical.length + refusedCommands.length;
      await executeServerCommand('ws-send-messages', [valid(), c.message, valid()]);
      await waitUntil(() => tele.room.store('probe')!.length === sent.length || !tele.isConnected, `the valid samples around '${c.name}'`, 20_000);
      // The case is answered before the valid sample sent after it (one socket, in order).
      if (technical.length + refusedCommands.length === before) unanswered.push(`${c.kind}: ${c.name}`);
    }
    expect(unanswered, 'cases with no typed event').to.deep.equal([]);
    const kept: number[] = [];
    tele.room.store('probe')!.forEach((_, v) => kept.push(Math.round(v * 10) / 10));
    const checksum = (xs: number[]) => xs.reduce((a, x, i) => (a + x * (i + 1)) % 1e9, 0);
    expect(kept.length).to.equal(sent.length);
    expect(checksum(kept), 'the valid samples, every one, in order').to.equal(checksum(sent));
    expect(tele.state, 'still connected').to.equal('live');
    expect(trend.isConnected && trend.shadowRoot!.querySelector('[part="chart"]'), 'the panel is still up').to.be.ok;
    expect(tele.room.eventsOf('nerve')!.items.every((e) => e.text.length <= 2048), 'no oversized event kept').to.equal(true);
    expect(Object.prototype.hasOwnProperty.call({}, 'polluted'), 'no prototype polluted').to.equal(false);
    tele.remove();
  });
});
