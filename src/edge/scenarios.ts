import { Observable, interval } from 'rxjs';
import type { SampleBatch } from '../models/channel.js';
import type { AlarmRule } from '../models/alarm-rules.js';
import type { ChannelDescriptor } from '../models/channel.js';
import { cementChannels } from '../models/cement/plan.js';
import { pulseChannels } from '../models/pulses/channels.js';
import { CEMENT_SCENARIOS } from '../streams/cement/scenarios.js';
import { cementSimulation } from '../streams/cement/cement-simulation.js';
import { ire } from '../streams/pulses/scenario.js';
import { procedureSource } from '../streams/pulses/procedure-source.js';
import { SCENARIOS as THERMAL_SCENARIOS } from '../streams/thermal/scenarios.js';
import { thermalSimChannels, thermalSimulatedSource } from '../streams/thermal/thermal-source.js';
import type { RoomInput, TelemetryRoom } from '../streams/room/room.js';
import { CementEngine } from '../streams/cement/cement-engine.js';
import { PulsesEngine } from '../streams/pulses/pulses-engine.js';

/** A simulated procedure an edge can play instead of a device gateway. */
export interface EdgeScenario {
  /** What it plays, for `--help`. */
  title: string;
  channels: ChannelDescriptor[];
  rules: AlarmRule[];
  /** The device data from data time t0, played `speed` times faster than the clock. */
  source(t0: number, speed: number): Observable<RoomInput>;
  /** Starts the procedure's engine in the room with its configuration: its rules, derived channels and alarms. */
  engine?(room: TelemetryRoom): void;
}

/** Sixteen channels at 1 kHz (the benchmark's load): a slow wave with sensor noise, in 20 ms batches. */
export const LOAD_CHANNELS = 16;
const loadChannel = (i: number): ChannelDescriptor => ({ id: `load.${String(i).padStart(2, '0')}`, label: `Load ${i + 1}`, unit: 'mV', intervalMs: 1, range: [-10, 10], decimals: 2 });
/** Channel i's slow wave from the start t0; the first crosses its 0.9 limit about 1 s in. */
const wave = (i: number, t0: number) => (t: number) => Math.sin((t - t0) / 5000 + 0.9 + i) + 0.02 * Math.sin((t - t0) * 0.7 + i * 13);

/**
 * Every channel sampled each millisecond of data time, sent every 20 ms: each send carries
 * the samples up to the clock, as a device sampling on its own clock does. A late timer
 * (a loaded machine) sends more samples at once; data time never falls behind the clock,
 * so the benchmark's delay from data time to a viewer's frame is the fan-out's, not the timer's.
 */
function loadSource(channels: readonly ChannelDescriptor[], t0: number, speed: number): Observable<SampleBatch> {
  const waves = channels.map((c, i) => ({ channel: c.id, f: wave(i, t0) }));
  return new Observable<SampleBatch>((out) => {
    const start = Date.now();
    let next = 0;
    return interval(20).subscribe(() => {
      // Sample k is at data time t0 + k: whole milliseconds, so the times are evenly spaced exactly.
      const end = Math.floor((Date.now() - start) * speed);
      const n = end - next + 1;
      if (n <= 0) return;
      for (const { channel, f } of waves) {
        const t = new Float64Array(n);
        const v = new Float32Array(n);
        for (let i = 0; i < n; i++) (t[i] = t0 + next + i), (v[i] = f(t[i]));
        out.next({ channel, t, v });
      }
      next = end + 1;
    });
  });
}

function cement(name: keyof typeof CEMENT_SCENARIOS): EdgeScenario {
  const script = CEMENT_SCENARIOS[name]();
  return {
    title: `cementoplasty (${name}): volumes 50 Hz, pressure 200 Hz, events, pressure alarms`,
    channels: cementChannels(script.plan),
    // The rules are the cement engine's, with its derived channels.
    rules: [],
    source: (t0, speed) => cementSimulation(script, { t0, speed }),
    engine: (room) => room.engine('cement', (r) => new CementEngine(r))!.configure({ plan: script.plan }),
  };
}

/** The scenarios by name (`--scenario NAME`). */
export const EDGE_SCENARIOS: Record<string, () => EdgeScenario> = {
  vertebroplasty: () => cement('vertebroplasty'),
  iliac: () => cement('iliac'),
  sacral: () => cement('sacral'),
  ire: () => {
    const s = ire(0);
    const channels = pulseChannels(s.layout);
    return {
      title: 'irreversible electroporation: ECG, pulse waveforms at 1 MS/s, records',
      channels,
      rules: [],
      source: (t0, speed) => procedureSource(ire(t0), { speed }),
      engine: (room) => room.engine('pulses', (r) => new PulsesEngine(r))!.configure({ layout: s.layout, protocol: s.protocol }),
    };
  },
  'liver-rf': () => ({
    title: 'liver radiofrequency ablation: 128 x 128 temperature maps at 1 Hz, generator telemetry',
    channels: thermalSimChannels(THERMAL_SCENARIOS['liver-rf']),
    rules: [],
    source: (t0, speed) => thermalSimulatedSource({ scenario: 'liver-rf', t0, speed }),
  }),
  load: () => {
    const channels = Array.from({ length: LOAD_CHANNELS }, (_, i) => loadChannel(i));
    const rules: AlarmRule[] = [
      { id: 'load.00:high', channel: 'load.00', condition: { kind: 'above', limit: 0.9 }, priority: 'me', kind: 'phy', onsetDelayMs: 0, hysteresis: 0.2, latching: true, message: { en: 'Load 1 above 0.9 mV', fr: 'Charge 1 au-dessus de 0,9 mV' } },
    ];
    return { title: `${LOAD_CHANNELS} channels at 1 kHz in 20 ms batches (the fan-out benchmark)`, channels, rules, source: (t0, speed) => loadSource(channels, t0, speed) };
  },
};
