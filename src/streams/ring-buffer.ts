/** Samples a ring holds room for at first: it grows to its capacity as they come. */
const FIRST_ROOM = 1024;

/** Buffers that grow in place (ES2024): where the platform has none, a ring takes its capacity at once. */
const RESIZABLE = typeof ArrayBuffer.prototype.resize === 'function';

/** A buffer of `bytes`, growable to `max` where the platform can. */
const bufferOf = (bytes: number, max: number) => (RESIZABLE ? new ArrayBuffer(bytes, { maxByteLength: max }) : new ArrayBuffer(max));

/**
 * Fixed-capacity ring of (time, value) pairs in typed arrays: the oldest sample
 * is overwritten once full. It takes its memory as samples come, growing its
 * buffers in place up to its capacity (a channel's window: 600 001 samples for
 * 10 minutes at 1 kHz), so a room given many channels reserves, and allocates
 * nothing large before their data; a push never allocates.
 */
export class RingBuffer {
  /** The times, read at `index(i)`. */
  readonly t: Float64Array;
  /** The values, read at `index(i)`. */
  readonly v: Float32Array;
  /** Their buffers, grown as samples come. */
  private readonly buffers: ArrayBuffer[];
  private head = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    const first = Math.min(capacity, FIRST_ROOM);
    this.buffers = [bufferOf(first * 8, capacity * 8), bufferOf(first * 4, capacity * 4)];
    // Without a length, an array over a growable buffer follows its length.
    this.t = new Float64Array(this.buffers[0]);
    this.v = new Float32Array(this.buffers[1]);
  }

  get length(): number {
    return this.size;
  }

  push(t: number, v: number): void {
    this.makeRoom(1);
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
    this.makeRoom(n - at);
    this.size = Math.min(this.capacity, this.size + n - at);
    while (at < n) {
      const room = Math.min(n - at, this.capacity - this.head);
      this.t.set(t.subarray(at, at + room), this.head);
      this.v.set(v.subarray(at, at + room), this.head);
      at += room;
      this.head = (this.head + room) % this.capacity;
    }
  }

  /** Room for `n` more samples, up to the capacity: the buffers grown in place, doubling. */
  private makeRoom(n: number): void {
    const need = Math.min(this.capacity, this.size + n);
    if (need <= this.t.length) return;
    const room = Math.min(this.capacity, Math.max(need, this.t.length * 2));
    this.buffers[0].resize(room * 8);
    this.buffers[1].resize(room * 4);
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

