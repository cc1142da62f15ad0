import type { ChannelDescriptor, TelemetryEvent } from '../../models/channel.js';
import type { UnitBatch } from '../../models/events.js';
import { FreezeClock } from '../../models/cryo/freeze-clock.js';
import { pointLabel } from '../../models/cryo/cryo-alarms.js';
import { FreezingModel, TISSUE_ESTIMATE, type FreezingTissue } from '../../models/cryo/freezing-model.js';
import { modelGeometry, type ProbeState, type Protocol } from '../../models/cryo/procedure.js';
import { nameOf } from '../../models/channel-label.js';
import { ARGON_SUPPLY, RENAL_HYDRODISSECTION_MS, type CryoScenario } from './scenarios.js';

/** What a source of the simulation hands on: sample batches (with their unit) and events. */
export type CryoItem = UnitBatch | TelemetryEvent;

/** Faults a trainer injects, each from a data time (ms since the start) and until one if given. */
export interface CryoFaults {
  /** A sensor channel falls silent. */
  sensorDisconnected?: { channel: string; from: number; to?: number };
  /** A probe stays warm although the console freezes it. */
  probeNotCooling?: { probe: string; from: number; to?: number };
  /** The argon supply pressure falls: every probe freezes at a third of its power. */
  gasPressureDrop?: { from: number; to?: number };
  /** Bad input: a measured ice diameter far smaller than the last one, once. */
  iceShrink?: { from: number };
  /** Bad input: a sensor point reading colder than any probe tip. */
  sensorColderThanTip?: { channel: string; from: number; to?: number };
}

const MIN = 60_000;
/** Argon supply pressure, MPa: a training value (about 2900 psi, a full cylinder; no console display value was found published). */
const GAS_MPA = 20;
/** Tips settle near -140 to -150 °C in phantoms (Cryobiology 2025, PMID 40472720). */
const TIP_FREEZE_C = -145;
/**
 * A tip follows its target with these time constants (training values): a freeze brings it to
 * -145 °C within a minute or so, a thaw more slowly. They bound how fast the tissue can change
 * (test/engines/cryo-scenarios.test.mjs): no point of it changes faster than the tips that drive it.
 */
const TIP_TAU_MS = { freeze: 20_000, other: 40_000 } as const;
/** CT control of the ice ball every 3 min in a freeze (Cryobiology 2025 scanned at 3, 6 and 9 min). */
const SCAN_MS = 3 * MIN;
/**
 * The simulated patient's tissue: the same freezing model as the estimate with
 * other parameters, so measured and estimated differ as a real patient would
 * from the model (training values): perfusion 1.6 times the estimate's (a
 * kidney is better perfused than the liver the estimate assumes), frozen
 * tissue conducting 2.2 W/(m·K) (ice near 0 °C) rather than 2, less water
 * (latent heat 270 MJ/m³ rather than 300).
 */
export const TISSUE_TRUTH: Readonly<FreezingTissue> = {
  ...TISSUE_ESTIMATE,
  name: 'simulated patient',
  perfusion: 1.6 * TISSUE_ESTIMATE.perfusion,
  kFrozen: 2.2,
  latent: 2.7e8,
};

/** Freeze 1 starts this long into a simulation (ms). */
const FIRST_FREEZE_MS = 10_000;

/** A phase change the simulated console announces, at ms since the start, with the state it puts every probe in. */
interface ConsoleStep {
  ms: number;
  kind: 'freeze' | 'thaw' | 'end';
  state: ProbeState;
}

/** The console's phase changes for a protocol: freeze 1 at 10 s, each phase for its planned duration, then `end`. */
function consoleSteps(protocol: Protocol): ConsoleStep[] {
  const steps: ConsoleStep[] = [];
  let ms = FIRST_FREEZE_MS;
  for (const p of protocol.phases) {
    steps.push({ ms, kind: p.kind, state: p.kind === 'freeze' ? 'freeze' : p.thaw === 'passive' ? 'thaw-passive' : 'thaw-active' });
    ms += p.durationMs;
  }
  steps.push({ ms, kind: 'end', state: 'off' });
  return steps;
}

/**
 * When a simulation of `scenario` sends `phase end` (ms since its start): its protocol is over.
 * A combined procedure's script ends its cryoablation step from this, never from a number of its own.
 */
export const cryoEndMs = (scenario: CryoScenario): number => consoleSteps(scenario.procedure.protocol).at(-1)!.ms;

const on = (f: { from: number; to?: number } | undefined, ms: number) => !!f && ms >= f.from && (f.to === undefined || ms < f.to);
/** Deterministic noise in [-1, 1]. */
const noise = (k: number) => {
  const x = Math.sin(k * 12.9898) * 43758.5453;
  return 2 * (x - Math.floor(x)) - 1;
};

/**
 * A simulated cryoablation console with its thermosensors and imaging, on data
 * time: `between(a, b)` gives everything from `a` to `b` (ms since the start)
 * in order, so the procedure plays at any speed, and tests read it at once.
 * The console sends the phase and each probe's state as events, tip
 * temperatures, sensor temperatures and the gas supply pressure every
 * `sampleMs`; the ice-ball edge (`ice.0`, mm) comes from a CT control every
 * 3 min of freeze. Protocol: freeze 1 starts at 10 s, then as planned.
 */
export class CryoSimulation {
  readonly faults: CryoFaults;
  private readonly clock = new FreezeClock();
  /** The truth: the freezing model in the simulated patient's tissue, driven by the true tip temperatures. */
  readonly truth: FreezingModel;
  private readonly tips = new Map<string, number>();
  private readonly seq = new Map<string, number>();
  private readonly plan: readonly ConsoleStep[];
  private done = 0;
  private lastScanMs = -Infinity;

  constructor(
    readonly scenario: CryoScenario,
    readonly t0: number,
    faults: CryoFaults = {},
    readonly sampleMs = 1000,
  ) {
    this.faults = faults;
    this.plan = consoleSteps(scenario.procedure.protocol);
    for (const p of scenario.procedure.probes) this.tips.set(p.id, 36.5);
    const { procedure } = scenario;
    this.truth = new FreezingModel({
      field: procedure.field,
      // Coarser than the estimate's 1 mm: the truth is read through noise, and replaying a procedure stays cheap.
      spacingMm: 1.5,
      ...modelGeometry(procedure),
      tissue: TISSUE_TRUTH,
    });
  }

  /** Data time (ms since the start) of freeze 1. */
  get freezeStartMs(): number {
    return this.plan[0].ms;
  }

  /** Length of the whole procedure, ms. */
  get durationMs(): number {
    return this.plan[this.plan.length - 1].ms + MIN;
  }

  /** The channel descriptors of everything the simulation sends. */
  channels(): ChannelDescriptor[] {
    const every = this.sampleMs;
    const p = this.scenario.procedure;
    return [
      { id: ARGON_SUPPLY.channel, ...nameOf(ARGON_SUPPLY), unit: 'MPa', intervalMs: every, range: [0, 40], decimals: 1 },
      ...p.probes.map((x): ChannelDescriptor => ({ id: x.channel, label: x.label, unit: 'Cel', intervalMs: every, range: [-200, 100] })),
      ...p.sensors.flatMap((s) => s.points.map((pt, i): ChannelDescriptor => ({ id: pt.channel, ...pointLabel(s, i), unit: 'Cel', intervalMs: every, range: [-200, 100] }))),
      { id: 'ice.0', label: '0 °C', unit: 'mm', intervalMs: SCAN_MS, range: [0, 200] },
      { id: 'ice.-20', label: '-20 °C', unit: 'mm', intervalMs: SCAN_MS, range: [0, 200] },
      { id: 'ice.-40', label: '-40 °C', unit: 'mm', intervalMs: SCAN_MS, range: [0, 200] },
    ];
  }

  /** Everything from `fromMs` (inclusive) to `toMs` (exclusive), ms since the start, in data-time order. */
  between(fromMs: number, toMs: number): CryoItem[] {
    const out: CryoItem[] = [];
    const every = this.sampleMs;
    const first = Math.ceil(fromMs / every) * every;
    // Events first within a step, so a state change precedes the samples it explains.
    const cols = new Map<string, { t: number[]; v: number[]; unit: string }>();
    const add = (channel: string, unit: string, t: number, v: number) => {
      let c = cols.get(channel);
      if (!c) cols.set(channel, (c = { t: [], v: [], unit }));
      c.t.push(t);
      c.v.push(v);
    };
    for (let ms = first; ms < toMs; ms += every) {
      const t = this.t0 + ms;
      while (this.done < this.plan.length && this.plan[this.done].ms <= ms) {
        const step = this.plan[this.done++];
        const te = this.t0 + step.ms;
        out.push(this.event(ARGON_SUPPLY.channel, te, 'phase', step.kind));
        for (const p of this.scenario.procedure.probes) {
          this.clock.set(p.id, te, step.state, step.state === 'freeze' ? 100 : 0);
          out.push(this.event(p.channel, te, 'probe-state', step.state === 'freeze' ? 'freeze 100' : step.state));
        }
      }
      if (this.scenario.script && ms - this.freezeStartMs === RENAL_HYDRODISSECTION_MS) out.push(this.event(this.scenario.script.channel, t, 'note', 'hydrodissection'));
      this.sample(ms, t, add);
    }
    for (const [channel, c] of cols) out.push({ channel, unit: c.unit, t: Float64Array.from(c.t), v: Float32Array.from(c.v) });
    // Keep data-time order across channels: events at their time, batches by first sample.
    out.sort((a, b) => firstT(a) - firstT(b));
    return out;
  }

  /** Sequence number for the wire, per channel. */
  nextSeq(channel: string): number {
    const n = this.seq.get(channel) ?? 0;
    this.seq.set(channel, n + 1);
    return n;
  }

  private event(channel: string, t: number, kind: string, text: string): TelemetryEvent {
    return { type: 'event', channel, t, kind, text };
  }

  private sample(ms: number, t: number, add: (channel: string, unit: string, t: number, v: number) => void): void {
    const { procedure } = this.scenario;
    const f = this.faults;
    const gasDown = on(f.gasPressureDrop, ms);
    add(ARGON_SUPPLY.channel, 'MPa', t, (gasDown ? GAS_MPA * 0.35 : GAS_MPA) + 0.06 * noise(ms / 1000));
    // The true tips: a warm probe or low gas freezes less than the console says; the tissue follows them.
    let coldest = Infinity;
    procedure.probes.forEach((p, i) => {
      const state = this.clock.state(p.id);
      const warm = on(f.probeNotCooling, ms) && f.probeNotCooling!.probe === p.id;
      const target = state === 'freeze' ? (warm ? -25 : gasDown ? -70 : TIP_FREEZE_C) : state === 'thaw-active' ? 25 : this.clock.minutes(p.id, t) > 0 ? -10 : 36.5;
      const prev = this.tips.get(p.id)!;
      const k = 1 - Math.exp(-this.sampleMs / (state === 'freeze' ? TIP_TAU_MS.freeze : TIP_TAU_MS.other));
      const v = prev + (target - prev) * k;
      this.tips.set(p.id, v);
      this.truth.setProbe(i, v);
      coldest = Math.min(coldest, v);
      add(p.channel, 'Cel', t, v + 0.6 * noise(ms / 1000 + i * 7.1));
    });
    this.truth.advance(this.sampleMs / 1000);
    for (const s of procedure.sensors)
      s.points.forEach((pt, k) => {
        if (on(f.sensorDisconnected, ms) && f.sensorDisconnected!.channel === pt.channel) return;
        let v: number;
        if (this.scenario.script?.channel === pt.channel) v = this.scenario.script.value(ms - this.freezeStartMs) + 0.05 * noise(ms / 1000 + 3.3);
        else {
          // Read from the integrated truth, never from a steady-state shape of the ice: a fault that
          // warms the tips reaches a sensor only as fast as heat conducts to it, never in one sample.
          const inside = this.truth.at(pt.xMm, pt.yMm);
          v = (inside === inside ? inside : TISSUE_TRUTH.bloodC) + 0.3 * noise(ms / 1000 + k * 2.9 + 11);
        }
        if (on(f.sensorColderThanTip, ms) && f.sensorColderThanTip!.channel === pt.channel) v = coldest - 20;
        add(pt.channel, 'Cel', t, v);
      });
    // CT control every 3 min of freeze.
    const freezing = procedure.probes.some((p) => this.clock.state(p.id) === 'freeze');
    if (freezing && this.lastScanMs === -Infinity) this.lastScanMs = ms;
    else if (freezing && ms - this.lastScanMs >= SCAN_MS) {
      this.lastScanMs = ms;
      let d = this.truth.equivalentDiameterMm(0) + 0.8 * noise(ms / 997);
      if (f.iceShrink && ms >= f.iceShrink.from && ms < f.iceShrink.from + SCAN_MS) d -= 12;
      if (d > 1) add('ice.0', 'mm', t, d);
    }
    if (!freezing) this.lastScanMs = -Infinity;
  }
}

const firstT = (x: CryoItem) => ('type' in x && x.type === 'event' ? x.t : (x as UnitBatch).t[0]);
