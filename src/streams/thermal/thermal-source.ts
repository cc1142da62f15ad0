import { Observable, asyncScheduler, type SchedulerLike } from 'rxjs';
import type { ChannelDescriptor, GridFrame, SampleBatch, TelemetryEvent } from '../../models/channel.js';
import type { Labelled } from '../../models/channel-label.js';
import { structureChannels } from '../../models/thermal/alarms.js';
import type { RoomInput } from '../room/room.js';
import { AblationSimulator } from './ablation-simulator.js';
import { SCENARIOS, type AblationScenario } from './scenarios.js';

export interface ThermalSimOptions {
  scenario?: AblationScenario['id'];
  /** Maps per second of data time (default 1, up to 20). */
  rateHz?: number;
  /** Map width and height (default 128, up to 256). */
  resolution?: number;
  /** Data time of the start (epoch ms). */
  t0?: number;
  /** Data time runs this many times faster than the clock (1 to 60). */
  speed?: number;
  /** Console telemetry samples per second of data time (default 10). */
  consoleHz?: number;
  seed?: number;
}

/** The channel ids a thermal simulation sends, by role. */
export const THERMAL_SIM_IDS = { map: 'thermal-map', power: 'generator-power', impedance: 'impedance', tip: 'tip-temperature', elapsed: 'elapsed' } as const;

/** The simulated devices' channels as people name them, in English and French. */
const SIM_LABELS: Record<keyof typeof THERMAL_SIM_IDS, Labelled> = {
  map: { label: 'MR temperature map', labels: { fr: 'Carte de température IRM' } },
  power: { label: 'Power', labels: { fr: 'Puissance' } },
  impedance: { label: 'Impedance', labels: { fr: 'Impédance' } },
  tip: { label: 'Tip', labels: { fr: 'Pointe' } },
  elapsed: { label: 'Elapsed', labels: { fr: 'Durée' } },
};

/**
 * Descriptors of everything a scenario sends, and of the map's structure channels, named in
 * English and French; a label given in `labels` replaces a channel's names in every language.
 */
export function thermalSimChannels(scenario: AblationScenario, rateHz = 1, consoleHz = 10, labels: Partial<Record<keyof typeof THERMAL_SIM_IDS, string>> = {}): ChannelDescriptor[] {
  const ids = THERMAL_SIM_IDS;
  const consoleMs = 1000 / consoleHz;
  const name = (k: keyof typeof THERMAL_SIM_IDS): Labelled => (labels[k] === undefined ? SIM_LABELS[k] : { label: labels[k] });
  return [
    { id: ids.map, ...name('map'), unit: 'Cel', intervalMs: 1000 / rateHz, range: [-20, 200] },
    { id: ids.power, ...name('power'), unit: 'W', intervalMs: consoleMs, range: [0, 400], decimals: 0 },
    { id: ids.impedance, ...name('impedance'), unit: 'Ohm', intervalMs: consoleMs, range: [0, 2000], decimals: 0 },
    { id: ids.tip, ...name('tip'), unit: 'Cel', intervalMs: consoleMs, range: [-20, 200] },
    { id: ids.elapsed, ...name('elapsed'), unit: 's', intervalMs: consoleMs, range: [0, 1e6], decimals: 0 },
    ...scenario.thermocouples.map((tc): ChannelDescriptor => ({ id: tc.id, label: tc.label, unit: 'Cel', intervalMs: consoleMs, range: [-20, 200] })),
    ...structureChannels(ids.map, scenario.structures, 1000 / rateHz),
  ];
}

/**
 * Steps a simulated ablation and hands out what its devices would send: a
 * temperature map every 1/rateHz s of data time, console telemetry and
 * thermocouples every 1/consoleHz s. Pure stepping, no timers: the caller
 * decides when (`thermalSimulatedSource` on a scheduler, or the worker).
 */
export class ThermalSimulation {
  readonly sim: AblationSimulator;
  readonly rateHz: number;
  readonly consoleHz: number;
  readonly t0: number;
  private nextMapS = 0;
  private nextConsoleS = 0;
  private phase?: 'ablate' | 'end';

  constructor(o: ThermalSimOptions = {}) {
    this.sim = new AblationSimulator(SCENARIOS[o.scenario ?? 'liver-rf'], { resolution: o.resolution, seed: o.seed });
    this.rateHz = Math.min(20, Math.max(0.1, o.rateHz ?? 1));
    this.consoleHz = Math.max(1, o.consoleHz ?? 10);
    this.t0 = o.t0 ?? Date.now();
  }

  get done(): boolean {
    return this.sim.elapsedS >= this.sim.scenario.durationS - 1e-9;
  }

  /**
   * Advances to `seconds` after the start, emitting everything due on the way, in data-time order.
   * The generator reports its phase on its power channel: `ablate` at the start, `end` at the end.
   */
  advanceTo(seconds: number, emit: (x: GridFrame | SampleBatch | TelemetryEvent) => void): void {
    const end = Math.min(seconds, this.sim.scenario.durationS);
    if (!this.phase) this.emitPhase('ablate', this.t0, emit);
    for (;;) {
      const next = Math.min(this.nextMapS, this.nextConsoleS);
      if (next > end + 1e-9) break;
      this.sim.advance(next - this.sim.elapsedS);
      const t = this.t0 + next * 1000;
      if (next === this.nextConsoleS) {
        this.emitConsole(t, emit);
        this.nextConsoleS = Math.round((this.nextConsoleS + 1 / this.consoleHz) * 1e6) / 1e6;
      }
      if (next === this.nextMapS) {
        const g = this.sim.geometry;
        emit({ kind: 'grid', channel: THERMAL_SIM_IDS.map, t, ...g, data: this.sim.map() });
        this.nextMapS = Math.round((this.nextMapS + 1 / this.rateHz) * 1e6) / 1e6;
      }
    }
    if (this.done && this.phase !== 'end') this.emitPhase('end', this.t0 + this.sim.scenario.durationS * 1000, emit);
  }

  private emitPhase(text: 'ablate' | 'end', t: number, emit: (x: TelemetryEvent) => void): void {
    this.phase = text;
    emit({ type: 'event', channel: THERMAL_SIM_IDS.power, t, kind: 'phase', text });
  }

  private emitConsole(t: number, emit: (x: SampleBatch) => void): void {
    const r = this.sim.reading;
    const one = (channel: string, v: number) => emit({ channel, t: Float64Array.of(t), v: Float32Array.of(v) });
    one(THERMAL_SIM_IDS.power, r.powerW);
    one(THERMAL_SIM_IDS.impedance, r.impedanceOhm);
    one(THERMAL_SIM_IDS.tip, r.tipC);
    one(THERMAL_SIM_IDS.elapsed, r.elapsedS);
    for (const tc of this.sim.scenario.thermocouples) one(tc.id, this.sim.probe(tc.positionMm));
  }
}

/**
 * A simulated ablation on the calling thread, paced on `scheduler` (every
 * 100 ms of clock, `speed` times as much data time). For tests and for hosts
 * without workers; the demo runs it in a Web Worker (`thermalWorkerSource`).
 */
export function thermalSimulatedSource(o: ThermalSimOptions = {}, scheduler: SchedulerLike = asyncScheduler): Observable<RoomInput> {
  return new Observable<RoomInput>((subscriber) => {
    const sim = new ThermalSimulation(o);
    const speed = Math.min(60, Math.max(1, o.speed ?? 1));
    const start = scheduler.now();
    return scheduler.schedule(function () {
      sim.advanceTo(((scheduler.now() - start) / 1000) * speed, (x) => subscriber.next(x));
      if (sim.done) subscriber.complete();
      else this.schedule(undefined, 100);
    });
  });
}
