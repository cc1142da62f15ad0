import { Subject, type Observable } from 'rxjs';
import type { ChannelDescriptor, SampleBatch } from '../../models/channel.js';
import { RingBuffer } from '../ring-buffer.js';

/**
 * One channel's recent samples, the only copy on the page: panels read them in
 * place (`forEach`, `last`) and follow `batches` for what arrives next, so a
 * panel attached late starts full without a window-sized allocation.
 */
export class ChannelStore {
  private ring: RingBuffer;
  /** Samples inside the window were pushed out (a burst), and the store has not held its window since. */
  private short = false;
  private readonly live = new Subject<SampleBatch>();
  /**
   * The held samples up to `until` are an overview (a late joiner's replay, set by
   * `followNats` before the batch): the minimum and maximum of each `stepMs`, so a gap
   * there is judged at that step.
   */
  overviewed?: { until: number; stepMs: number };
  /** Validated batches as they arrive (nothing replayed: read the window first). */
  readonly batches: Observable<SampleBatch> = this.live.asObservable();

  constructor(
    private described: ChannelDescriptor,
    windowMs: number,
  ) {
    this.ring = new RingBuffer(capacityFor(described, windowMs));
  }

  get descriptor(): ChannelDescriptor {
    return this.described;
  }

  /**
   * Takes a new descriptor of the same channel. It keeps the samples when they
   * still mean the same (unit, rate and range), a new label or precision say;
   * returns false, keeping nothing, when they do not.
   */
  describe(d: ChannelDescriptor): boolean {
    const o = this.described;
    this.described = d;
    return d.unit === o.unit && d.intervalMs === o.intervalMs && d.range[0] === o.range[0] && d.range[1] === o.range[1];
  }

  get length(): number {
    return this.ring.length;
  }

  /** How much data time the ring can hold at the channel's expected rate. */
  get windowMs(): number {
    return (this.ring.capacity - 1) * this.descriptor.intervalMs;
  }

  /**
   * Keeps at least `windowMs` of data from now on (a panel with a wider window
   * asked); samples already held are kept, newest first.
   */
  retain(windowMs: number): void {
    if (windowMs <= this.windowMs) return;
    const old = this.ring;
    this.ring = new RingBuffer(capacityFor(this.descriptor, windowMs));
    for (let i = 0; i < old.length; i++) this.ring.push(old.t[old.index(i)], old.v[old.index(i)]);
  }

  /**
   * Appends a batch. Returns true when it is the first, since the store last held
   * its window, to push out samples still inside it: they come faster than the
   * descriptor's interval, and the bounded ring keeps less data time than asked.
   */
  push(batch: SampleBatch): boolean {
    this.ring.pushAll(batch.t, batch.v);
    this.live.next(batch);
    const full = this.ring.length === this.ring.capacity;
    const held = this.lastT - this.firstT;
    // Entered below 90 % of the window and left at 95 %: a feed jittering around its interval is no burst.
    const began = full && !this.short && held < 0.9 * this.windowMs;
    if (began) this.short = true;
    else if (this.short && held >= 0.95 * this.windowMs) this.short = false;
    return began;
  }

  /** Calls `fn` for each held sample with t >= from, oldest first; allocates nothing. */
  forEach(fn: (t: number, v: number) => void, from = -Infinity): void {
    const r = this.ring;
    for (let i = this.firstAtOrAfter(from); i < r.length; i++) {
      const k = r.index(i);
      fn(r.t[k], r.v[k]);
    }
  }

  /** The oldest held sample's time (NaN when empty). */
  get firstT(): number {
    return this.ring.length ? this.ring.t[this.ring.index(0)] : NaN;
  }

  /** The latest sample's time (NaN when empty). */
  get lastT(): number {
    return this.ring.length ? this.ring.t[this.ring.index(this.ring.length - 1)] : NaN;
  }

  /** The latest sample's value (NaN when empty). */
  get lastV(): number {
    return this.ring.length ? this.ring.v[this.ring.index(this.ring.length - 1)] : NaN;
  }

  /** The value of the latest sample at or before t (NaN when none). */
  valueAt(t: number): number {
    const i = this.firstAtOrAfter(t);
    const r = this.ring;
    if (i < r.length && r.t[r.index(i)] === t) return r.v[r.index(i)];
    return i > 0 ? r.v[r.index(i - 1)] : NaN;
  }

  /** Index (oldest = 0) of the first sample with time >= t: times increase, so a binary search. */
  private firstAtOrAfter(t: number): number {
    const r = this.ring;
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (r.t[r.index(mid)] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  close(): void {
    this.live.complete();
  }
}

const capacityFor = (d: ChannelDescriptor, windowMs: number) => Math.max(2, Math.ceil(windowMs / d.intervalMs) + 1);
