// Shared setup for the iceball panel tests: the simulations fed second by second, a panel in ir-telemetry.
import { Subject, type SchedulerLike } from 'rxjs';
import type { RoomInput } from '../../src/streams/room/room.js';
import { CryoSimulation, type CryoFaults, type CryoItem, type CryoScenario } from '../../src/sim.js';
import type { CryoProcedure } from '../../src/models/cryo/procedure.js';
import { DEFAULT_PROTOCOL } from '../../src/models/cryo/procedure.js';
import { fixture } from '../kit/fixture.js';
import { dataEpoch } from '../kit/clock.js';

export const T0 = dataEpoch();

/** Pushes the simulation's items from `fromMs` to `toMs` (ms since the start), a second at a time. */
export function play(sim: CryoSimulation, into: (x: CryoItem) => void, fromMs: number, toMs: number): void {
  for (let a = fromMs; a < toMs; a += 1000) for (const x of sim.between(a, Math.min(toMs, a + 1000))) into(x);
}

/** A panel inside ir-telemetry fed by a Subject; the telemetry element gives the room and its manager. */
export async function inTelemetry(scenario: CryoScenario, faults: CryoFaults = {}, setup: (el: HTMLElementTagNameMap['ir-iceball-curve']) => void = () => {}, scheduler?: SchedulerLike) {
  const sim = new CryoSimulation(scenario, T0, faults);
  const source = new Subject<RoomInput>();
  const telemetry = await fixture('ir-telemetry', (t) => {
    t.channels = sim.channels();
    t.scheduler = scheduler;
    t.source = source;
  });
  const el = await fixture(
    'ir-iceball-curve',
    (el) => {
      el.style.width = '900px';
      el.procedure = scenario.procedure;
      setup(el);
    },
    telemetry,
  );
  return { sim, source, telemetry, el };
}

/** One probe at the origin in a 60 mm field: footprints are circles of a known radius. */
export const ONE_PROBE: CryoProcedure = {
  probes: [{ id: 'p1', label: 'P1', channel: 'probe.1', xMm: 0, yMm: 0 }],
  sensors: [],
  tumours: [{ xMm: 0, yMm: 0, semiMajorMm: 6, semiMinorMm: 5 }],
  structures: [],
  protocol: DEFAULT_PROTOCOL,
  field: { x: [-30, 30], y: [-30, 30] },
};
