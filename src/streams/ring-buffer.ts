/** Samples a ring holds room for at first: it grows to its capacity as they come. */
const FIRST_ROOM = 1024;

/**
 * Fixed-capacity ring of (time, value) pairs in typed arrays: the oldest sample
 * is overwritten once full. It takes its memory as samples come, doubling up to
 * its capacity (a channel's window: 600 001 samples for 10 minutes at 1 kHz), so a
 * room given many channels allocates nothing large before their data, and a
 * push allocates only when the ring doubles.
 */
export class RingBuffer {
  private ts: Float64Array;
  private vs: Float32Array;
  private head = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.ts = new Float64Array(Math.min(capacity, FIRST_ROOM));
    this.vs = new Float32Array(this.ts.length);
  }

  /** The times, read at `index(i)`; another array once the ring grows. */
  get t(): Float64Array {
    return this.ts;
  }

  /** The values, read at `index(i)`; another array once the ring grows. */
  get v(): Float32Array {
    return this.vs;
  }

  get length(): number {
    return this.size;
  }

  push(t: number, v: number): void {
    this.makeRoom(1);
    this.ts[this.head] = t;
    this.vs[this.head] = v;
    this.head = (this.head + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
  }

  /** Appends a batch (times and values of one length) in at most two copies per array: the ring's end, then its start. */
  pushAll(t: Float64Array, v: Float32Array): void {
    const n = t.length;
    // Only the newest `capacity` samples can stay.
    let at = Math.max(0, n - this.capacity);
    this.makeRoom(n - at);
    this.size = Math.min(this.capacity, this.size + n - at);
    while (at < n) {
      const room = Math.min(n - at, this.capacity - this.head);
      this.ts.set(t.subarray(at, at + room), this.head);
      this.vs.set(v.subarray(at, at + room), this.head);
      at += room;
      this.head = (this.head + room) % this.capacity;
    }
  }

  /**
   * Room for `n` more samples, or the whole capacity. Until it is full the ring has never
   * wrapped: its samples lie from index 0, in order, and are copied as they are.
   */
  private makeRoom(n: number): void {
    const need = Math.min(this.capacity, this.size + n);
    if (need <= this.ts.length) return;
    const room = Math.min(this.capacity, Math.max(need, this.ts.length * 2));
    const t = new Float64Array(room);
    const v = new Float32Array(room);
    t.set(this.ts.subarray(0, this.size));
    v.set(this.vs.subarray(0, this.size));
    this.ts = t;
    this.vs = v;
  }

  /** The i-th oldest sample's index into `t` and `v`. */
  index(i: number): number {
    return (this.head - this.size + i + this.capacity) % this.capacity;
  }

  last(): { t: number; v: number } | undefined {
    if (this.size === 0) return undefined;
    const i = this.index(this.size - 1);
    return { t: this.t[i], v: this.v[i] };
  }
}

