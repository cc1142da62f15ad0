// The cryoablation engine's throughput in Node: the busiest scenario (iliac wing, four probes and
// four sensor points, every second) played through a room running the engine, as a gateway would.
import { TelemetryRoom } from '../../dist/streams/room/room.js';
import { CryoEngine } from '../../dist/streams/cryo/index.js';
import { CryoSimulation, ILIAC } from '../../dist/sim.js';

const T0 = Math.floor((Date.now() - 3_600_000) / 60_000) * 60_000;

/** Everything the simulation sends, made before the clock starts (the simulator is not what is measured). */
function recording() {
  const sim = new CryoSimulation(ILIAC, T0, { sensorColderThanTip: { channel: 'sensor.2.1', from: 240_000, to: 243_000 }, iceShrink: { from: 420_000 } });
  const items = [];
  for (let a = 0; a < sim.durationMs; a += 1000) items.push(...sim.between(a, a + 1000));
  return { sim, items };
}

/** Data seconds per wall second of one run, with the engine or the room alone. */
function playOnce({ sim, items }, engine) {
  const room = new TelemetryRoom({ windowMs: 45 * 60_000 });
  room.setChannels(sim.channels());
  if (engine) room.engine('cryo', (r) => new CryoEngine(r)).configure({ procedure: ILIAC.procedure });
  const start = performance.now();
  for (const x of items) room.push(x);
  const ms = performance.now() - start;
  room.close();
  return sim.durationMs / ms;
}

/** Figures for bench/results/engines.json (bench/engines.mjs): the best of five runs (a shared machine only ever slows a run). */
export async function run() {
  const rec = recording();
  playOnce(rec, true);
  const best = (engine) => Math.max(...Array.from({ length: 5 }, () => playOnce(rec, engine)));
  const withEngine = best(true);
  return {
    cryoDataSecondsPerS: Math.round(withEngine),
    cryoRoomAloneDataSecondsPerS: Math.round(best(false)),
    cryoScenario: `iliac, ${ILIAC.procedure.probes.length} probes, ${(rec.sim.durationMs / 60_000).toFixed(1)} min of data, ${rec.items.length} items`,
  };
}
