// Issue 20: maps up to 2048 x 2048 at 5 Hz into a thermal map with its dose engine, as a
// scanner at full resolution would send them: handed to the page's room (the engine on the
// page, in steps), and from a gateway to a room in a Worker (`ir-monitor/worker`: the socket,
// the engine and the alarms there). Asserted: every map taken in and accumulated (reduced to
// the engine's limit, said once by a technical event), the panel drawn with its coverage.
// Reported, not asserted (a shared machine): the longest main-thread task while the maps
// arrive, and how long after the last one the engine had it.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { Subject } from 'rxjs';
import '../../src/components/telemetry.js';
import '../../src/components/thermal-map.js';
import type { ChannelDescriptor } from '../../src/models/channel.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import type { RoomEngine } from '../../src/streams/engines/registry.js';
import { MAX_MAP_PIXELS, type ThermalState } from '../../src/streams/thermal/thermal-engine.js';
import { fixture, waitUntil } from '../kit/fixture.js';
import { HEATED_SIZE as SIZE, HEATED_SPACING_MM, heatedMap } from '../kit/heated-map.mjs';
import { scriptUrl } from '../kit/script-url.js';

const MAPS = 15;
const PERIOD_MS = 200;
const map: ChannelDescriptor = { id: 'map', label: 'MR thermometry', unit: 'Cel', intervalMs: PERIOD_MS, range: [-20, 200] };

/** How the maps reach the engine: handed to the page's room, from a gateway to it, or from a gateway to a room in a Worker. */
const ROUTES = [
  { figures: 'large-maps', gateway: false, inWorker: false, name: "handed to the page's room" },
  { figures: 'large-maps-gateway', gateway: true, inWorker: false, name: "from a gateway to the page's room" },
  { figures: 'large-maps-worker', gateway: true, inWorker: true, name: 'from a gateway to a room in a Worker' },
];

for (const { figures, gateway, inWorker, name } of ROUTES) {
  describe(`maps of 2048 x 2048 at 5 Hz, ${name}`, function () {
    // Fifteen 16 MB maps built and sent at their pace: mocha's limit, not a timed assertion.
    this.timeout(120_000);
    let worker: Worker | undefined;
    after(() => worker?.terminate());

    it('are all taken in, accumulated reduced (said once), and drawn; the longest task is reported', async () => {
      const source = new Subject<RoomInput>();
      const port = gateway ? await executeServerCommand<number, unknown>('ws-port') : 0;
      const tele = await fixture('ir-telemetry', (t) => {
        t.procedures = 'thermal';
        t.channels = [map];
        if (inWorker) t.worker = worker = new Worker(scriptUrl(new URL('../../src/worker.ts', import.meta.url)), { type: 'module' });
        if (gateway) t.src = `ws://127.0.0.1:${port}`;
        else t.source = source;
      });
      const el = await fixture(
        'ir-thermal-map',
        (el) => {
          el.style.width = '400px';
          el.channel = 'map';
          el.tumour = { kind: 'circle', centreMm: [51.2, 51.2], radiusMm: 10 };
          el.marginMm = 0;
        },
        tele,
      );
      const technical: { reason?: string; detail?: string }[] = [];
      tele.addEventListener('ir-technical', (e) => technical.push((e as CustomEvent).detail));
      // Built before they are sent: what is timed is the page taking them in, not the test making them.
      const frames = gateway ? [] : Array.from({ length: MAPS }, (_, k) => heatedMap(k, 5 + k));
      if (gateway) {
        await executeServerCommand('ws-make-heated-maps', MAPS);
        await waitUntil(async () => (await executeServerCommand<number, unknown>('ws-clients')) === 1, 'the room connected to the gateway');
      }
      await new Promise((r) => setTimeout(r));
      let longest = 0;
      let busy = 0;
      const taken = (e: PerformanceEntry) => ((longest = Math.max(longest, e.duration)), (busy += e.duration));
      const observer = new PerformanceObserver((list) => list.getEntries().forEach(taken));
      observer.observe({ type: 'longtask' });
      // The engine, or its copy here (the snapshots the Worker posts: none before the first).
      const state = () => tele.room.engine<RoomEngine & { current?: ThermalState }>('thermal')?.current;
      for (let k = 0; k < MAPS; k++) {
        const t = Date.now();
        if (gateway) await executeServerCommand('ws-send-heated-map', { channel: 'map', seq: k, k, t });
        else source.next({ kind: 'grid', channel: 'map', t, width: SIZE, height: SIZE, spacingMm: [HEATED_SPACING_MM, HEATED_SPACING_MM], originMm: [0, 0], data: frames[k] });
        if (k < MAPS - 1) await new Promise((r) => setTimeout(r, Math.max(0, t + PERIOD_MS - Date.now())));
      }
      const sent = performance.now();
      await waitUntil(() => state()?.maps === MAPS, () => `${MAPS} maps accumulated (${state()?.maps})`, 60_000);
      const intakeMs = performance.now() - sent;
      observer.takeRecords().forEach(taken);
      observer.disconnect();
      const reduced = technical.filter((d) => d.reason === 'reduced');
      expect(reduced, 'reduced once, with the sizes').to.have.length(1);
      expect(reduced[0].detail).to.equal(`${SIZE} x ${SIZE} map accumulated as 1024 x 1024 (2 x 2 block means)`);
      expect(state()!.reducedBy).to.equal(2);
      expect(1024 * 1024).to.equal(MAX_MAP_PIXELS);
      await waitUntil(() => (el.coverage?.fraction ?? 0) > 0, "the tumour's coverage measured and drawn");
      await executeServerCommand('record-figures', { name: figures, figures: { size: SIZE, maps: MAPS, hz: 1000 / PERIOD_MS, longestTaskMs: Math.round(longest), longTasksMs: Math.round(busy), intakeAfterLastMs: Math.round(intakeMs) } });
      tele.remove();
    });
  });
}
