import type { ElectrodeLayout, ElectrodePair } from './layout.js';
import { resistance, type PulseRecord } from './record.js';

/** Why a pulse record was refused; the others are kept. */
export type PulseRefusalReason = 'unknown-pair' | 'duplicate-index' | 'bad-record' | 'length-mismatch';

export interface PulseRefusal {
  reason: PulseRefusalReason;
  /** The channel the record or frame came on. */
  channel: string;
  /** Data time of the refused item (NaN when unknown). */
  t: number;
  /** Names the record or frame: pair, index, sequence number. */
  detail: string;
}

/** done: every planned pulse delivered; failed: the last pulse failed, or the train ended short; active: under way; pending: none yet. */
export type PairState = 'pending' | 'active' | 'done' | 'failed';

/** One pair's train so far. */
export interface PairSummary {
  pair: ElectrodePair;
  planned: number;
  delivered: number;
  failed: number;
  /** Indices skipped (never reported) below the highest one seen. */
  missing: number;
  /** Mean plateau current over the delivered pulses, A (NaN before any). */
  meanI: number;
  /** Resistance V/I of the first and last delivered pulses, Ohm. */
  firstR: number;
  lastR: number;
  /**
   * (last - first) / first in %: tissue resistance falls as cells are
   * electroporated; its change predicted outcome of IRE (Dunki-Jacobs et al. 2014).
   */
  deltaRPct: number;
  state: PairState;
}

type Result = { ok: true; newlyMissing: number } | { ok: false; refusal: PulseRefusal };

/**
 * Every pulse of a procedure, per pair, in the order delivered. Refuses a
 * record for a pair the layout does not have, or an index already seen for its
 * pair (a repeat is never counted twice); counts indices skipped as missing.
 */
export class PulseLedger {
  private readonly byPair = new Map<string, PulseRecord[]>();
  private readonly all: PulseRecord[] = [];
  private ended = false;
  /** Changes with every accepted record or train event, so a view redraws only when something changed. */
  version = 0;

  constructor(
    readonly layout: ElectrodeLayout,
    readonly pulsesPerPair: number,
  ) {
    for (const p of layout.pairs) this.byPair.set(p.id, []);
  }

  /** Every accepted record, in arrival (delivery) order. */
  get records(): readonly PulseRecord[] {
    return this.all;
  }

  /** Whether the current train has ended. */
  get trainEnded(): boolean {
    return this.ended;
  }

  of(pair: string): readonly PulseRecord[] {
    return this.byPair.get(pair) ?? [];
  }

  add(r: PulseRecord, channel: string): Result {
    const list = this.byPair.get(r.pair);
    const name = `pulse ${r.index} of pair ${r.pair} at t=${r.t}`;
    if (!list) return { ok: false, refusal: { reason: 'unknown-pair', channel, t: r.t, detail: name } };
    if (list.some((x) => x.index === r.index)) return { ok: false, refusal: { reason: 'duplicate-index', channel, t: r.t, detail: name } };
    const before = this.missingOf(list);
    list.push(r);
    list.sort((a, b) => a.index - b.index);
    this.all.push(r);
    this.version++;
    return { ok: true, newlyMissing: Math.max(0, this.missingOf(list) - before) };
  }

  startTrain(): void {
    this.ended = false;
    this.version++;
  }

  endTrain(): void {
    this.ended = true;
    this.version++;
  }

  /** Pairs short of their planned pulses when the train ended (none while it runs). */
  incomplete(): string[] {
    if (!this.ended) return [];
    return this.layout.pairs.filter((p) => this.delivered(p.id) < this.pulsesPerPair).map((p) => p.id);
  }

  summary(pair: ElectrodePair): PairSummary {
    const list = this.of(pair.id);
    const ok = list.filter((r) => r.delivered);
    const failed = list.length - ok.length;
    const meanI = ok.length ? ok.reduce((s, r) => s + r.meanI, 0) / ok.length : NaN;
    const rOf = (r: PulseRecord | undefined) => (r ? resistance(r.peakV, r.meanI) : NaN);
    const byTime = [...ok].sort((a, b) => a.t - b.t);
    const firstR = rOf(byTime[0]);
    const lastR = rOf(byTime[byTime.length - 1]);
    const latest = list.reduce<PulseRecord | undefined>((a, r) => (!a || r.t > a.t ? r : a), undefined);
    const state: PairState =
      ok.length >= this.pulsesPerPair ? 'done' : (latest && !latest.delivered) || this.ended ? 'failed' : list.length ? 'active' : 'pending';
    return { pair, planned: this.pulsesPerPair, delivered: ok.length, failed, missing: this.missingOf(list), meanI, firstR, lastR, deltaRPct: ((lastR - firstR) / firstR) * 100, state };
  }

  private delivered(pair: string): number {
    return this.of(pair).filter((r) => r.delivered).length;
  }

  private missingOf(list: readonly PulseRecord[]): number {
    const max = list.length ? list[list.length - 1].index : 0;
    return max - list.length;
  }
}
