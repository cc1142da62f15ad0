import { Observable, type OperatorFunction } from 'rxjs';
import type { ChannelDescriptor, SampleBatch } from '../models/channel.js';
import type { TechnicalEvent, TechnicalReason, UnitBatch } from '../models/events.js';
import { conversion } from '../models/units.js';
import { ChannelValidator, type Verdict } from '../models/validate.js';

type Rejection = Exclude<Verdict, 'accepted'>;
const REJECTIONS: readonly Rejection[] = ['not-finite', 'out-of-range', 'time-backwards', 'duplicate-time'];

export interface ValidateSamples extends OperatorFunction<UnitBatch, SampleBatch | TechnicalEvent> {
  /** Verdict counts of a channel (shared across subscriptions), or undefined if unknown. */
  counts(channel: string): Readonly<Record<Verdict, number>> | undefined;
  /** Batches refused whole, per channel id ('unknown-channel', 'unit-mismatch'). */
  readonly refused: ReadonlyMap<string, number>;
}

/**
 * Keeps invalid values out of the picture and says so. Valid values pass in
 * the original typed arrays unless something had to be removed or converted,
 * so the common clean case allocates nothing.
 */
export function validateSamples(descriptors: readonly ChannelDescriptor[]): ValidateSamples {
  const validators = new Map(descriptors.map((d) => [d.id, new ChannelValidator(d)]));
  const refused = new Map<string, number>();
  // Per-batch scratch, reused: counts and first time per rejection reason.
  const n: Record<Rejection, number> = { 'not-finite': 0, 'out-of-range': 0, 'time-backwards': 0, 'duplicate-time': 0 };
  const first: Record<Rejection, number> = { 'not-finite': NaN, 'out-of-range': NaN, 'time-backwards': NaN, 'duplicate-time': NaN };

  const refuse = (b: UnitBatch, reason: TechnicalReason): TechnicalEvent => {
    refused.set(b.channel, (refused.get(b.channel) ?? 0) + b.t.length);
    return { type: 'technical', channel: b.channel, reason, count: b.t.length, t: b.t.length ? b.t[0] : NaN };
  };

  const op = ((source: Observable<UnitBatch>) =>
    new Observable<SampleBatch | TechnicalEvent>((out) =>
      source.subscribe({
        next(b) {
          const val = validators.get(b.channel);
          if (!val) return out.next(refuse(b, 'unknown-channel'));
          let convert: ((v: number) => number) | undefined;
          if (b.unit !== undefined && b.unit !== val.descriptor.unit) {
            const c = conversion(b.unit, val.descriptor.unit);
            if (!c.ok) return out.next(refuse(b, 'unit-mismatch'));
            convert = c.convert;
          }
          const len = b.t.length;
          for (const r of REJECTIONS) (n[r] = 0), (first[r] = NaN);
          // Output arrays exist only once needed: on conversion, or at the first rejection.
          let t: Float64Array | undefined;
          let v: Float32Array | undefined = convert ? new Float32Array(len) : undefined;
          let m = 0;
          for (let i = 0; i < len; i++) {
            const ti = b.t[i];
            const vi = convert ? convert(b.v[i]) : b.v[i];
            const verdict = val.classify(ti, vi);
            if (verdict === 'accepted') {
              if (t) t[m] = ti;
              if (v) v[m] = vi;
              m++;
              continue;
            }
            if (n[verdict]++ === 0) first[verdict] = ti;
            if (!t) {
              t = new Float64Array(len);
              t.set(b.t.subarray(0, m));
              if (!v) (v = new Float32Array(len)).set(b.v.subarray(0, m));
            }
          }
          if (m > 0) {
            out.next(
              t || v
                ? { channel: b.channel, t: t ? t.subarray(0, m) : b.t, v: v ? v.subarray(0, m) : b.v }
                : { channel: b.channel, t: b.t, v: b.v },
            );
          }
          for (const r of REJECTIONS) {
            if (n[r] > 0) out.next({ type: 'technical', channel: b.channel, reason: r, count: n[r], t: first[r] });
          }
        },
        error: (e) => out.error(e),
        complete: () => out.complete(),
      }),
    )) as ValidateSamples;
  op.counts = (channel) => validators.get(channel)?.counts;
  (op as { refused: ReadonlyMap<string, number> }).refused = refused;
  return op;
}
