/**
 * Fixed-capacity ring of (time, value) pairs in typed arrays: pushing never
 * allocates, and the oldest sample is overwritten once full.
 */
export class RingBuffer {
  readonly t: Float64Array;
  readonly v: Float32Array;
  private head = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.t = new Float64Array(capacity);
    this.v = new Float32Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(t: number, v: number): void {
    this.t[this.head] = t;
    this.v[this.head] = v;
    this.head = (this.head + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
  }

  /** Appends a batch (times and values of one length) in at most two copies per array: the ring's end, then its start. */
  pushAll(t: Float64Array, v: Float32Array): void {
    const n = t.length;
    // Only the newest `capacity` samples can stay.
    let at = Math.max(0, n - this.capacity);
    this.size = Math.min(this.capacity, this.size + n - at);
    while (at < n) {
      const room = Math.min(n - at, this.capacity - this.head);
      this.t.set(t.subarray(at, at + room), this.head);
      this.v.set(v.subarray(at, at + room), this.head);
      at += room;
      this.head = (this.head + room) % this.capacity;
    }
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

