import { Observable, type OperatorFunction } from 'rxjs';
import type { ChannelDescriptor, SampleBatch } from '../models/channel.js';
import { isTechnicalEvent, type TechnicalEvent, type TechnicalReason, type UnitBatch } from '../models/events.js';
import { conversion } from '../models/units.js';
import { ChannelValidator, type ClockCheck, type Verdict } from '../models/validate.js';
import { MAX_CHANNEL_LENGTH } from '../models/wire.js';

type Rejection = Exclude<Verdict, 'accepted'>;
const REJECTIONS: readonly Rejection[] = ['not-finite', 'clock-skew', 'out-of-range', 'time-backwards', 'duplicate-time'];

/** The `refused` key under which channels beyond `maxRefusedChannels` are counted together. */
export const OTHER_CHANNELS = '*';

export interface ValidateOptions {
  /**
   * The receiving clock: with it, a time implausibly far from it is refused as 'clock-skew'.
   * Give `{ clock: Date.now }` for live sources, a replay's `clock` for recordings; without
   * it (the default) times are checked only against each other.
   */
  clock?: ClockCheck;
  /** Channels `refused` keeps a count for (default 64); the rest share `OTHER_CHANNELS`. */
  maxRefusedChannels?: number;
}

/** Technical events already in the stream (a replay's bad lines) pass through unchanged. */
export interface ValidateSamples extends OperatorFunction<UnitBatch | TechnicalEvent, SampleBatch | TechnicalEvent> {
  /** Verdict counts of a channel (shared across subscriptions), or undefined if unknown. */
  counts(channel: string): Readonly<Record<Verdict, number>> | undefined;
  /**
   * Samples of batches refused whole, per channel id ('unknown-channel', 'unit-mismatch').
   * Bounded: ids cut to MAX_CHANNEL_LENGTH code points, at most `maxRefusedChannels` keys.
   */
  readonly refused: ReadonlyMap<string, number>;
}

/** A name from the wire, cut so that holding it costs little whatever was sent. */
export function boundedName(name: string): string {
  if (name.length <= MAX_CHANNEL_LENGTH) return name;
  return Array.from(name.slice(0, 2 * MAX_CHANNEL_LENGTH)).slice(0, MAX_CHANNEL_LENGTH).join('') + '…';
}

/**
 * Keeps invalid values out of the picture and says so, naming the channel and the count.
 * Valid values pass in the original typed arrays unless something had to be removed or
 * converted, so the common clean case allocates nothing. What it keeps about unknown channels
 * is bounded (`refused`), so hostile names cannot fill the memory.
 */
export function validateSamples(descriptors: readonly ChannelDescriptor[], opts: ValidateOptions = {}): ValidateSamples {
  const validators = new Map(descriptors.map((d) => [d.id, new ChannelValidator(d, opts.clock)]));
  const maxRefused = opts.maxRefusedChannels ?? 64;
  const refused = new Map<string, number>();
  // Per-batch scratch, reused: counts and first time per rejection reason.
  const n = Object.fromEntries(REJECTIONS.map((r) => [r, 0])) as Record<Rejection, number>;
  const first = Object.fromEntries(REJECTIONS.map((r) => [r, NaN])) as Record<Rejection, number>;

  const refuse = (b: UnitBatch, reason: TechnicalReason): TechnicalEvent => {
    const channel = boundedName(b.channel);
    const key = refused.has(channel) || refused.size < maxRefused ? channel : OTHER_CHANNELS;
    refused.set(key, (refused.get(key) ?? 0) + b.t.length);
    return { type: 'technical', channel, reason, count: b.t.length, t: b.t.length ? b.t[0] : NaN };
  };

  const op = ((source: Observable<UnitBatch | TechnicalEvent>) =>
    new Observable<SampleBatch | TechnicalEvent>((out) =>
      source.subscribe({
        next(b) {
          if (isTechnicalEvent(b)) return out.next(b);
          const val = validators.get(b.channel);
          if (!val) return out.next(refuse(b, 'unknown-channel'));
          let convert: ((v: number) => number) | undefined;
          if (b.unit !== undefined && b.unit !== val.descriptor.unit) {
            const c = conversion(b.unit, val.descriptor.unit);
            if (!c.ok) return out.next(refuse(b, 'unit-mismatch'));
            convert = c.convert;
          }
          const now = opts.clock?.clock();
          const len = b.t.length;
          for (const r of REJECTIONS) (n[r] = 0), (first[r] = NaN);
          // Output arrays exist only once needed: on conversion, or at the first rejection.
          let t: Float64Array | undefined;
          let v: Float32Array | undefined = convert ? new Float32Array(len) : undefined;
          let m = 0;
          for (let i = 0; i < len; i++) {
            const ti = b.t[i];
            const vi = convert ? convert(b.v[i]) : b.v[i];
            const verdict = val.classify(ti, vi, now);
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
