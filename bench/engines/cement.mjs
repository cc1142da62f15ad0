// cementDataSecondsPerS: data-seconds of the busiest simulated cementoplasty (the vertebroplasty:
// two levels at 50 Hz, pressure at 200 Hz, a leak and a pause) a room with its CementEngine
// takes in per wall-second in Node, no DOM. The input is generated before the clock starts.
// Run alone: `node bench/engines/cement.mjs` (after `npx tsc -p tsconfig.build.json`).
import { VirtualTimeScheduler } from 'rxjs';
import { CementEngine, TelemetryRoom } from '../../dist/streams/index.js';
import { cementSimulation, vertebroplastyScript } from '../../dist/sim.js';
import { cementChannels } from '../../dist/models/index.js';

export async function run({ rounds = 5 } = {}) {
  const script = vertebroplastyScript();
  const clock = new VirtualTimeScheduler(undefined, script.durationMin * 60_000);
  const input = [];
  cementSimulation(script, { t0: 1e12, speed: 60, scheduler: clock }).subscribe((x) => input.push(x));
  clock.flush();
  const best = [];
  for (let r = 0; r < rounds; r++) {
    const room = new TelemetryRoom({ scheduler: new VirtualTimeScheduler(), windowMs: 15 * 60_000 });
    room.setChannels(cementChannels(script.plan, { volumeMs: 20, pressureMs: 5 }));
    room.engine('cement', (x) => new CementEngine(x, { plan: script.plan }));
    const start = performance.now();
    for (const x of input) room.push(x);
    best.push(performance.now() - start);
    room.close();
  }
  const ms = Math.min(...best);
  return { cementDataSecondsPerS: Math.round((script.durationMin * 60) / (ms / 1000)), cementScenario: 'vertebroplasty', cementDataMinutes: script.durationMin };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2));
