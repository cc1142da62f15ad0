import type { Observable } from 'rxjs';
import type { AlarmRule } from '../../models/alarm-rules.js';
import type { GridFrame, TelemetryEvent, WaveformFrame } from '../../models/channel.js';
import { pulseAlarmRules } from '../../models/pulses/alarms.js';
import { EP, EP_EVENT, parseWaveformChannel } from '../../models/pulses/channels.js';
import type { ElectrodeLayout } from '../../models/pulses/layout.js';
import { PulseLedger, type PairSummary, type PulseRefusal } from '../../models/pulses/ledger.js';
import { pairSetting, type PairSetting, type PulseProtocol } from '../../models/pulses/protocol.js';
import { parsePulseRecord, type PulseRecord } from '../../models/pulses/record.js';
import { ProcedureEngine } from '../engines/procedure-engine.js';
import { registerEngine } from '../engines/registry.js';
import type { TelemetryRoom } from '../room/room.js';

/** What a pulses engine follows: the needles and pairs, the plan, and rules of one's own if not the modality's defaults. */
export interface PulsesConfig {
  layout: ElectrodeLayout;
  protocol: PulseProtocol;
  /** Alarm rules; by default `pulseAlarmRules` of the protocol's modality and current limit. An empty array: none. */
  rules?: readonly AlarmRule[];
}

/** A mark on the ECG strip: an R wave, or the first pulse of a burst. */
export interface EcgMark {
  kind: 'r-wave' | 'pulse';
  t: number;
  pair?: string;
}

/** The procedure as a view draws it and a debrief keeps it (plain data). */
export interface PulsesState {
  /** Every pulse of the current train, in delivery order. */
  records: readonly PulseRecord[];
  /** Each pair's train so far, in layout order. */
  summaries: readonly PairSummary[];
  /**
   * What each pair is given, in layout order: the set voltage of its last pulse (the
   * generator's record), before its first the protocol's plan, against the protocol's
   * field, capped or not.
   */
  settings: readonly PairSetting[];
  trainEnded: boolean;
  /** The pair of the latest pulse (before any, of the latest waveform). */
  latestPair?: string;
  /** R waves and bursts of the last `MARKS_KEPT_MS` of data time, oldest first. */
  marks: readonly EcgMark[];
  /** The last record refused, named. */
  lastRefusal?: PulseRefusal;
}

/** Pulses closer than this (ms) form one burst: one mark on the ECG strip. */
const BURST_MS = 5;
/** Marks kept for the ECG strip (ms of data time): five minutes, more than any strip shows. */
export const MARKS_KEPT_MS = 300_000;

const EMPTY: PulsesState = { records: [], summaries: [], settings: [], trainEnded: false, marks: [] };

/**
 * Electroporation in a room, with or without a panel on screen: the pulse
 * ledger of the current train (a `train` `start` begins a new one, numbered
 * from 1 again), each pair's summary, the ECG marks, and the default alarm
 * rules on the generator's status channels. A record it refuses (unknown pair,
 * repeated index, unreadable) and an event it cannot read (a train event other
 * than `start` or `end`, an unknown kind on `ep.current` or the ECG) are
 * reported as `unreadable` technical events, named; every other pulse is kept.
 */
export class PulsesEngine extends ProcedureEngine<PulsesConfig, PulsesState> {
  readonly kind = 'pulses';
  private ledger?: PulseLedger;
  private marks: EcgMark[] = [];
  private latestPair?: string;
  private lastRefusal?: PulseRefusal;

  constructor(room: TelemetryRoom, config?: PulsesConfig) {
    super(room, EMPTY);
    if (config) this.configure(config);
  }

  /** Records refused, as they happen (`ir-pulse-refused`): the output `refusals`. */
  get refusals(): Observable<PulseRefusal> {
    return this.output('refusals');
  }

  protected onConfigure({ layout, protocol, rules }: PulsesConfig): void {
    this.ledger = new PulseLedger(layout, protocol.pulsesPerPair);
    this.marks = [];
    this.latestPair = this.lastRefusal = undefined;
    this.useRules(rules ?? pulseAlarmRules({ modality: protocol.modality, currentLimitA: protocol.currentLimitA }));
    this.snapshot();
  }

  protected override onEvent(e: TelemetryEvent): void {
    const { layout, protocol } = this.config!;
    if (e.channel === EP.ecg) {
      if (e.kind === EP_EVENT.rWave) return this.mark({ kind: 'r-wave', t: e.t });
      return this.unreadable(e.channel, e.t, `ECG event of kind '${e.kind}'`);
    }
    if (e.channel !== EP.current) return;
    if (e.kind === EP_EVENT.train) {
      // A new train numbers its pulses from 1 again: a new ledger.
      if (e.text === 'start') {
        this.ledger = new PulseLedger(layout, protocol.pulsesPerPair);
        this.ledger.startTrain();
      } else if (e.text === 'end') this.ledger!.endTrain();
      else return this.unreadable(e.channel, e.t, `train event '${e.text}' (start or end expected)`);
      return this.snapshot();
    }
    if (e.kind !== EP_EVENT.pulse) return this.unreadable(e.channel, e.t, `event of kind '${e.kind}'`);
    const parsed = parsePulseRecord(e.text, e.t);
    if (!parsed.ok) return this.refuse({ reason: 'bad-record', channel: e.channel, t: e.t, detail: `pulse record at t=${e.t}: ${parsed.detail}` });
    const ledger = this.ledger!;
    const previous = ledger.records[ledger.records.length - 1];
    const added = ledger.add(parsed.value, e.channel);
    if (!added.ok) return this.refuse(added.refusal);
    const r = parsed.value;
    this.latestPair = r.pair;
    if (!previous || r.t - previous.t > BURST_MS || previous.pair !== r.pair) this.mark({ kind: 'pulse', t: e.t, pair: r.pair });
    else this.snapshot();
  }

  protected override onFrame(f: WaveformFrame | GridFrame): void {
    // Before any pulse record (a generator sending waveforms only), the pair of the latest waveform is the one to show.
    const w = f.kind === 'waveform' ? parseWaveformChannel(f.channel) : undefined;
    if (!w || w.quantity !== 'V' || this.ledger?.records.length || this.latestPair === w.pair) return;
    this.latestPair = w.pair;
    this.snapshot();
  }

  private refuse(refusal: PulseRefusal): void {
    this.lastRefusal = refusal;
    this.tell('refusals', refusal);
    this.unreadable(refusal.channel, refusal.t, `${refusal.reason}: ${refusal.detail}`);
    this.snapshot();
  }

  /** Keeps the marks of the last MARKS_KEPT_MS, newest last. */
  private mark(m: EcgMark): void {
    const from = m.t - MARKS_KEPT_MS;
    let drop = 0;
    while (drop < this.marks.length && this.marks[drop].t < from) drop++;
    this.marks = [...this.marks.slice(drop), m];
    this.snapshot();
  }

  private snapshot(): void {
    const l = this.ledger;
    if (!l) return this.emit(EMPTY);
    const protocol = this.config!.protocol;
    // Before its first pulse a pair shows the plan: a diagonal the generator will cap is seen before delivery.
    const settings = l.layout.pairs.map((p) => pairSetting(protocol, p, l.of(p.id).at(-1)?.setV));
    this.emit({ records: l.records.slice(), summaries: l.layout.pairs.map((p) => l.summary(p)), settings, trainEnded: l.trainEnded, latestPair: this.latestPair, marks: this.marks, lastRefusal: this.lastRefusal });
  }
}

registerEngine('pulses', (room) => new PulsesEngine(room));
