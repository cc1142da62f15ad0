// pulsesDataSecondsPerS: data-seconds of the busiest simulated electroporation (the IRE train:
// six pairs, 414 pulse records with their voltage and current waveforms at 1 MS/s, the ECG at
// 250 Hz with its R waves, status every 250 ms) a room with its PulsesEngine takes in per
// wall-second in Node, no DOM. The input is generated before the clock starts.
// Run alone: `node bench/engines/pulses.mjs` (after `npx tsc -p tsconfig.build.json`).
import { VirtualTimeScheduler } from 'rxjs';
import { PulsesEngine, TelemetryRoom } from '../../dist/streams/index.js';
import { ProcedurePlayer, ire } from '../../dist/sim.js';
import { pulseChannels } from '../../dist/models/index.js';

export async function run({ rounds = 5 } = {}) {
  const s = ire(1e12);
  const input = [];
  const player = new ProcedurePlayer(s);
  for (let t = s.t0 + 100; t <= s.t0 + s.durationMs; t += 100) player.upTo(t, (x) => input.push(x));
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const room = new TelemetryRoom({ scheduler: new VirtualTimeScheduler(), windowMs: 10 * 60_000 });
    room.setChannels(pulseChannels(s.layout));
    room.engine('pulses', (x) => new PulsesEngine(x, { layout: s.layout, protocol: s.protocol }));
    const start = performance.now();
    for (const x of input) room.push(x);
    times.push(performance.now() - start);
    room.close();
  }
  const ms = Math.min(...times);
  return { pulsesDataSecondsPerS: Math.round(s.durationMs / ms), pulsesScenario: 'ire', pulsesDataMinutes: Math.round(s.durationMs / 600) / 100 };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2));
