import type { Waveform } from '../channel.js';

/** Why a pulse was not delivered as planned. */
export type PulseFailure = 'current-limit' | 'voltage' | 'arcing' | 'ecg-blocked' | 'aborted';
const FAILURES: readonly string[] = ['current-limit', 'voltage', 'arcing', 'ecg-blocked', 'aborted'];

/**
 * One pulse as the generator reports it (per-pulse summary): which pair, its
 * index in that pair's train (1-based), the set voltage, the peak measured
 * voltage and the mean plateau current. Waveforms, when sent, travel beside it
 * on `ep.V.<pair>` and `ep.I.<pair>` with `t0` equal to this record's `t`.
 */
export interface PulseRecord {
  pair: string;
  index: number;
  /** Start of the pulse, epoch ms (data time). */
  t: number;
  setV: number;
  /** Peak measured voltage, V. */
  peakV: number;
  /** Mean current over the plateau, A. */
  meanI: number;
  delivered: boolean;
  reason?: PulseFailure;
}

/** Resistance V/I in Ohm (NaN when no current flowed). */
export const resistance = (voltageV: number, currentA: number): number => (currentA > 0 ? voltageV / currentA : NaN);

/** The relative error of the measured voltage against the set one, in %. */
export const voltageErrorPct = (r: Pick<PulseRecord, 'peakV' | 'setV'>): number => ((r.peakV - r.setV) / r.setV) * 100;

export type RecordResult = { ok: true; value: PulseRecord } | { ok: false; detail: string };

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Reads a pulse record from an event's text (JSON, one object): parsed with
 * JSON.parse only, every field checked, unknown fields ignored. Never throws.
 */
export function parsePulseRecord(text: string, t: number): RecordResult {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return { ok: false, detail: 'not JSON' };
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return { ok: false, detail: 'not an object' };
  const r = o as Record<string, unknown>;
  if (typeof r.pair !== 'string' || !/^[\w.]+-[\w.]+$/.test(r.pair)) return { ok: false, detail: 'pair' };
  if (!(Number.isInteger(r.index) && (r.index as number) >= 1)) return { ok: false, detail: 'index' };
  if (!finite(r.setV) || r.setV <= 0) return { ok: false, detail: 'setV' };
  if (!finite(r.peakV) || !finite(r.meanI)) return { ok: false, detail: 'peakV/meanI' };
  if (typeof r.delivered !== 'boolean') return { ok: false, detail: 'delivered' };
  if (r.reason !== undefined && !FAILURES.includes(r.reason as string)) return { ok: false, detail: 'reason' };
  const value: PulseRecord = { pair: r.pair, index: r.index as number, t, setV: r.setV, peakV: r.peakV, meanI: r.meanI, delivered: r.delivered };
  if (r.reason !== undefined) value.reason = r.reason as PulseFailure;
  return { ok: true, value };
}

/** The event text of a record (its time travels as the event's `t`). */
export function encodePulseRecord(r: PulseRecord): string {
  const { pair, index, setV, peakV, meanI, delivered, reason } = r;
  return JSON.stringify(reason ? { pair, index, setV, peakV, meanI, delivered, reason } : { pair, index, setV, peakV, meanI, delivered });
}

/**
 * Peak voltage and mean plateau current from a pulse's voltage and current
 * waveforms. The plateau is where the voltage is above half its peak, less its
 * first and last 10 % (the edges: rise, fall, overshoot). Non-finite samples
 * are skipped.
 */
export function summarisePulse(v: Waveform, i: Waveform): { peakV: number; meanI: number; plateauUs: number } {
  let peakV = -Infinity;
  for (let k = 0; k < v.data.length; k++) if (v.data[k] > peakV) peakV = v.data[k];
  let first = -1;
  let last = -1;
  for (let k = 0; k < v.data.length; k++)
    if (v.data[k] > peakV / 2) {
      if (first < 0) first = k;
      last = k;
    }
  if (first < 0 || !(peakV > 0)) return { peakV: Number.isFinite(peakV) ? peakV : NaN, meanI: NaN, plateauUs: 0 };
  const plateauUs = ((last - first + 1) / v.sampleRateHz) * 1e6;
  // The same span in the current's own samples (it may be sampled at another rate or start).
  const t0 = v.t0 + (first / v.sampleRateHz) * 1000;
  const t1 = v.t0 + ((last + 1) / v.sampleRateHz) * 1000;
  const edge = (t1 - t0) * 0.1;
  const k0 = Math.max(0, Math.ceil(((t0 + edge - i.t0) / 1000) * i.sampleRateHz));
  const k1 = Math.min(i.data.length, Math.floor(((t1 - edge - i.t0) / 1000) * i.sampleRateHz));
  let sum = 0;
  let n = 0;
  for (let k = k0; k < k1; k++)
    if (Number.isFinite(i.data[k])) {
      sum += i.data[k];
      n++;
    }
  return { peakV, meanI: n ? sum / n : NaN, plateauUs };
}
