import { Observable, Subject } from 'rxjs';
import type { ChannelDescriptor, SampleBatch } from '../models/channel.js';
import { RingBuffer } from './ring-buffer.js';

interface Entry {
  descriptor: ChannelDescriptor;
  window: RingBuffer;
  live: Subject<SampleBatch>;
}

/**
 * Named channels, each with a bounded window of recent samples, so a panel
 * attached late draws the recent past at once, then follows live batches.
 * Memory is bounded: the window is a ring, and the live Subject holds nothing.
 */
export class TelemetryHub {
  private readonly channels = new Map<string, Entry>();

  constructor(readonly windowMs: number) {}

  add(descriptor: ChannelDescriptor): void {
    if (this.channels.has(descriptor.id)) throw new Error(`channel '${descriptor.id}' already exists`);
    const capacity = Math.max(1, Math.ceil(this.windowMs / descriptor.intervalMs));
    this.channels.set(descriptor.id, { descriptor, window: new RingBuffer(capacity), live: new Subject() });
  }

  get ids(): string[] {
    return [...this.channels.keys()];
  }

  descriptor(id: string): ChannelDescriptor | undefined {
    return this.channels.get(id)?.descriptor;
  }

  /** Ingests a (validated) batch; batches for unknown channels are ignored. */
  push(batch: SampleBatch): void {
    const e = this.channels.get(batch.channel);
    if (!e) return;
    for (let i = 0; i < batch.t.length; i++) e.window.push(batch.t[i], batch.v[i]);
    e.live.next(batch);
  }

  /** The window as one batch (copied, oldest first), then each live batch. */
  channel(id: string): Observable<SampleBatch> {
    return new Observable<SampleBatch>((out) => {
      const e = this.channels.get(id);
      if (!e) return out.error(new Error(`unknown channel '${id}'`));
      // Snapshot and subscribe in the same synchronous turn: no batch falls between.
      const w = e.window;
      if (w.length > 0) {
        const t = new Float64Array(w.length);
        const v = new Float32Array(w.length);
        for (let i = 0; i < w.length; i++) {
          const k = w.index(i);
          t[i] = w.t[k];
          v[i] = w.v[k];
        }
        out.next({ channel: id, t, v });
      }
      return e.live.subscribe(out);
    });
  }

  /** Completes every subscriber. */
  close(): void {
    for (const e of this.channels.values()) e.live.complete();
  }
}
