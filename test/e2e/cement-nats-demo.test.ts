import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { IrTelemetry } from '../../src/components/telemetry/telemetry.js';
import { vertebroplastyScript } from '../../src/streams/cement/scenarios.js';
import { waitUntil } from '../kit/fixture.js';
import { openDemo } from '../kit/demo-page.js';

/**
 * The cement demo watching an edge through a real nats-server (`?nats=ws://...&procedure=...`):
 * the channels, the data and the alarm decision come from the edge, under the page's strict CSP.
 */
describe('cement demo watching NATS', function () {
  this.timeout(60_000);
  const ROOM = 'demo-room';
  after(() => executeServerCommand('nats-edge-stop', { procedure: ROOM }));

  it('shows the procedure an edge publishes', async () => {
    const broker = await executeServerCommand<{ wsUrl: string }, undefined>('nats-start');
    await executeServerCommand('nats-edge-start', { procedure: ROOM, scenario: 'vertebroplasty', speed: 10 });
    const page = await openDemo(`/demo/cement.html?nats=${encodeURIComponent(broker.wsUrl)}&procedure=${ROOM}`, 'ir-cement-gauge');
    try {
      const telemetry = page.doc().querySelector('ir-telemetry') as IrTelemetry;
      const plan = vertebroplastyScript().plan;
      await waitUntil(() => (telemetry.room.store(plan.pressureChannel)?.length ?? 0) > 10, 'the edge\'s pressure samples in the page', 30_000);
      expect(telemetry.getAttribute('procedure')).to.equal(ROOM);
      expect(telemetry.room.channels.value.map((c) => c.id)).to.include(plan.pressureChannel);
      expect(page.doc().querySelector<HTMLElement>('#step-cement')!.hidden).to.equal(false);
      // The procedure's events too (its cement mixed at the start, numbered among the cement channel's samples).
      await waitUntil(() => !!telemetry.room.eventsOf(plan.channel)?.items.some((e) => e.kind === 'mix'), 'the edge\'s mix event in the page', 30_000);
      // Watching, the page offers none of the simulator's controls and says what it watches.
      for (const id of ['#leak', '#glitch']) expect(page.doc().querySelector<HTMLElement>(id)!.hidden, id).to.equal(true);
      expect(page.doc().querySelector('h1 small')!.textContent).to.equal(`cementoplasty, watching ${ROOM}`);
      expect(page.violations).to.deep.equal([]);
    } finally {
      page.frame.remove();
    }
  });
});
