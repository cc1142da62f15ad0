// Issue 20: maps up to 2048 x 2048 at 5 Hz into a thermal map with its dose engine, as a
// scanner at full resolution would send them. Asserted: every map taken in and accumulated
// (reduced to the engine's limit, said once by a technical event), the panel drawn with its
// coverage. Reported, not asserted (a shared machine): the longest main-thread task while the
// maps arrive, and how long after the last one the engine had it.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { Subject } from 'rxjs';
import '../../src/components/telemetry.js';
import '../../src/components/thermal-map.js';
import type { ChannelDescriptor, GridFrame } from '../../src/models/channel.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import type { ThermalEngine } from '../../src/streams/thermal/index.js';
import { MAX_MAP_PIXELS } from '../../src/streams/thermal/thermal-engine.js';
import { fixture, waitUntil } from '../kit/fixture.js';

const SIZE = 2048;
const MAPS = 15;
const PERIOD_MS = 200;
const map: ChannelDescriptor = { id: 'map', label: 'MR thermometry', unit: 'Cel', intervalMs: PERIOD_MS, range: [-20, 200] };

/** A 2048 x 2048 map at 0.05 mm a pixel (10 cm): a heated disc of radius 15 mm rising 2 °C a map over noise. */
function heated(k: number, t: number, noise: () => number): GridFrame {
  const data = new Float32Array(SIZE * SIZE);
  const r2 = (15 / 0.05) ** 2;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const d2 = (x - SIZE / 2) ** 2 + (y - SIZE / 2) ** 2;
      data[y * SIZE + x] = 37 + (d2 < r2 ? 2 * k + 20 : 0) + noise();
    }
  }
  return { kind: 'grid', channel: 'map', t, width: SIZE, height: SIZE, spacingMm: [0.05, 0.05], originMm: [0, 0], data };
}

describe('maps of 2048 x 2048 at 5 Hz', function () {
  // Fifteen 16 MB maps built and sent at their pace: mocha's limit, not a timed assertion.
  this.timeout(120_000);

  it('are all taken in, accumulated reduced (said once), and drawn; the longest task is reported', async () => {
    const source = new Subject<RoomInput>();
    const tele = await fixture('ir-telemetry', (t) => {
      t.procedures = 'thermal';
      t.channels = [map];
      t.source = source;
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
    let seed = 5;
    const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.4;
    // Built before they are sent: what is timed is the page taking them in, not the test making them.
    const frames = Array.from({ length: MAPS }, (_, k) => heated(k, 0, noise));
    await new Promise((r) => setTimeout(r));
    let longest = 0;
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => (longest = Math.max(longest, e.duration))));
    observer.observe({ type: 'longtask' });
    const engine = () => tele.room.engine<ThermalEngine>('thermal')!;
    for (const [k, f] of frames.entries()) {
      source.next({ ...f, t: Date.now() });
      if (k < MAPS - 1) await new Promise((r) => setTimeout(r, PERIOD_MS));
    }
    const sent = performance.now();
    await waitUntil(() => engine().current.maps === MAPS, () => `${MAPS} maps accumulated (${engine().current.maps})`, 60_000);
    const intakeMs = performance.now() - sent;
    observer.takeRecords().forEach((e) => (longest = Math.max(longest, e.duration)));
    observer.disconnect();
    const reduced = technical.filter((d) => d.reason === 'reduced');
    expect(reduced, 'reduced once, with the sizes').to.have.length(1);
    expect(reduced[0].detail).to.equal(`${SIZE} x ${SIZE} map accumulated as 1024 x 1024 (2 x 2 block means)`);
    expect(engine().current.reducedBy).to.equal(2);
    expect(1024 * 1024).to.equal(MAX_MAP_PIXELS);
    await waitUntil(() => (el.coverage?.fraction ?? 0) > 0, "the tumour's coverage measured and drawn");
    await executeServerCommand('record-figures', { name: 'large-maps', figures: { size: SIZE, maps: MAPS, hz: 1000 / PERIOD_MS, longestTaskMs: Math.round(longest), intakeAfterLastMs: Math.round(intakeMs) } });
    tele.remove();
  });
});
