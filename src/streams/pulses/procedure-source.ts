import { Observable, asyncScheduler, interval, type SchedulerLike } from 'rxjs';
import type { SampleBatch, TelemetryEvent } from '../../models/channel.js';
import type { RoomInput } from '../room/room.js';
import { EP, EP_EVENT, STATUS_PERIOD_MS } from '../../models/pulses/channels.js';
import { ECG_LOOKAHEAD_MS, ecgValue } from '../../models/pulses/ecg.js';
import { PulseLedger } from '../../models/pulses/ledger.js';
import { encodePulseRecord, summarisePulse, type PulseRecord } from '../../models/pulses/record.js';
import { PulseStatus } from '../../models/pulses/status.js';
import { beatsUpTo, syncAt, type Scenario, type SimulatedPulse } from './scenario.js';
import { pulseWaveforms } from './waveforms.js';

/** ECG samples every this many ms (250 Hz). */
const ECG_INTERVAL_MS = 4;

/** The record a generator would report for a simulated pulse, its summaries computed from its waveforms. */
export function pulseRecord(s: Scenario, p: SimulatedPulse, w = pulseWaveforms(s, p)): PulseRecord {
  const { peakV, meanI } = summarisePulse(w.v, w.i);
  const r: PulseRecord = { pair: p.pair.id, index: p.index, t: p.t, setV: p.setV, peakV: round(peakV, 1), meanI: round(meanI, 2), delivered: !p.reason };
  if (p.reason) r.reason = p.reason;
  return r;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export interface ProcedureOptions {
  /** Data time is played this many times faster than the wall clock (1 to 60). */
  speed?: number;
  /** Wall-clock period of the ticks, ms (default 50). */
  periodMs?: number;
  scheduler?: SchedulerLike;
  /** Send waveforms (default true); without, records and status only (a generator that sends summaries). */
  waveforms?: boolean;
}

/**
 * Everything a generator and its gateway would send during a scenario, in
 * data-time order: the ECG with its R-wave events, train start and end
 * events, each pulse's record (a `pulse` event on `ep.current`) and its
 * voltage and current waveforms, and the status channels every 250 ms.
 * The heart beats on after the plan, as long as it is played.
 * `upTo` plays data time up to t (exclusive of what was played before):
 * a pure step, so tests and benchmarks need no clock.
 */
export class ProcedurePlayer {
  private readonly ledger: PulseLedger;
  private readonly status: PulseStatus;
  /** The scenario's beats, and the resting rhythm's after them as far as played. */
  private readonly rWaves: number[];
  /** The first of `rWaves` whose event is not sent yet. */
  private nextBeat = 0;
  private next = 0;
  private played: number;
  private nextStatus: number;
  private nextEcg: number;
  private started = false;
  private ended = false;

  constructor(
    readonly scenario: Scenario,
    private readonly withWaveforms = true,
  ) {
    this.ledger = new PulseLedger(scenario.layout, scenario.protocol.pulsesPerPair);
    this.status = new PulseStatus(this.ledger);
    this.rWaves = [...scenario.rWaves];
    this.played = scenario.t0;
    this.nextStatus = scenario.t0 + STATUS_PERIOD_MS;
    this.nextEcg = scenario.t0;
  }

  /** What happened in (previous upTo, t], in order. */
  upTo(t: number, emit: (x: RoomInput) => void): void {
    const s = this.scenario;
    const from = this.played;
    if (!(t > from)) return;
    this.played = t;
    beatsUpTo(s, this.rWaves, t + ECG_LOOKAHEAD_MS);
    // The ECG first (one batch), so a pulse mark never precedes its R wave on the strip.
    const n = Math.max(0, Math.floor((t - this.nextEcg) / ECG_INTERVAL_MS) + 1);
    if (n) {
      const ts = new Float64Array(n);
      const vs = new Float32Array(n);
      for (let k = 0; k < n; k++) {
        ts[k] = this.nextEcg + k * ECG_INTERVAL_MS;
        vs[k] = ecgValue(ts[k], this.rWaves);
      }
      this.nextEcg += n * ECG_INTERVAL_MS;
      emit({ channel: EP.ecg, t: ts, v: vs, unit: 'mV' } as SampleBatch);
    }
    for (; this.rWaves[this.nextBeat] <= t; this.nextBeat++) emit(event(EP.ecg, this.rWaves[this.nextBeat], EP_EVENT.rWave, ''));
    for (;;) {
      const pulse = s.pulses[this.next];
      const times = [this.nextStatus, pulse?.t ?? Infinity, this.started ? Infinity : s.trainStart, this.ended ? Infinity : s.trainEnd];
      const first = Math.min(...times);
      if (!(first <= t)) break;
      if (first === times[2]) {
        this.started = true;
        this.ledger.startTrain();
        emit(event(EP.current, first, EP_EVENT.train, 'start'));
      } else if (first === times[3]) {
        this.ended = true;
        this.ledger.endTrain();
        emit(event(EP.current, first, EP_EVENT.train, 'end'));
      } else if (first === times[1]) {
        this.next++;
        const w = pulseWaveforms(s, pulse);
        const record = pulseRecord(s, pulse, w);
        const added = this.ledger.add(record, EP.current);
        if (added.ok) this.status.pulse(record, added.newlyMissing);
        emit(event(EP.current, record.t, EP_EVENT.pulse, encodePulseRecord(record)));
        if (this.withWaveforms) {
          emit(w.v);
          emit(w.i);
        }
      } else {
        this.status.sync = syncAt(s, first);
        const values = this.status.take();
        for (const [channel, v] of Object.entries(values)) emit({ channel, t: Float64Array.of(first), v: Float32Array.of(v) });
        this.nextStatus += STATUS_PERIOD_MS;
      }
    }
  }
}

const event = (channel: string, t: number, kind: string, text: string): TelemetryEvent => ({ type: 'event', channel, t, kind, text });

/**
 * A scenario played on the clock: every `periodMs` of wall time, `speed`
 * times that of data time. Goes on after the train (ECG and status), as a
 * generator does.
 */
export function procedureSource(scenario: Scenario, o: ProcedureOptions = {}): Observable<RoomInput> {
  const { speed = 1, periodMs = 50, scheduler = asyncScheduler, waveforms = true } = o;
  return new Observable<RoomInput>((sub) => {
    const player = new ProcedurePlayer(scenario, waveforms);
    return interval(periodMs, scheduler).subscribe((k) => player.upTo(scenario.t0 + (k + 1) * periodMs * speed, (x) => sub.next(x)));
  });
}
