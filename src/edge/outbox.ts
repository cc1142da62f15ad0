import type { MsgHdrs } from '@nats-io/nats-core';
import type { JetStreamClient } from '@nats-io/jetstream';

/** One message for the room's stream. */
export interface OutMessage {
  subject: string;
  data: Uint8Array | string;
  headers: MsgHdrs;
  /** JetStream de-duplication id, so a message sent again is stored once. */
  msgId: string;
}

export interface OutboxStats {
  /** Stored by the broker (acknowledged). */
  stored: number;
  /** Waiting, the broker down or slow. */
  waiting: number;
  /** Dropped oldest first because `limit` was reached. */
  dropped: number;
  /** Sent again after a failed attempt (stored once, by their id). */
  retried: number;
}

/**
 * Publishes to JetStream in order and at least once: a window of messages is sent, and
 * only once the broker acknowledged all of them is the next taken; a failure (broker
 * down, restarted, slow) sends the same window again after a pause, and the broker's
 * de-duplication by message id stores each once. While the broker is away messages
 * wait, up to `limit`, oldest dropped first (and counted).
 */
export class Outbox {
  private readonly queue: OutMessage[] = [];
  private head = 0;
  private running = false;
  private closed = false;
  private idle: (() => void)[] = [];
  readonly stats: OutboxStats = { stored: 0, waiting: 0, dropped: 0, retried: 0 };

  constructor(
    private readonly js: JetStreamClient,
    private readonly options: { window?: number; limit?: number; retryMs?: number; onError?: (e: unknown) => void } = {},
  ) {}

  push(m: OutMessage): void {
    if (this.closed) return;
    this.queue.push(m);
    const limit = this.options.limit ?? 500_000;
    // The oldest message not already in flight goes.
    if (this.queue.length - this.head > limit) {
      this.queue.splice(this.head + (this.options.window ?? 256), 1);
      this.stats.dropped++;
    }
    this.stats.waiting = this.queue.length - this.head;
    if (!this.running) void this.pump();
  }

  /** Resolves once everything pushed so far is stored (or the outbox closed). */
  drained(): Promise<void> {
    if (!this.running && this.head >= this.queue.length) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  close(): void {
    this.closed = true;
    for (const r of this.idle.splice(0)) r();
  }

  private async pump(): Promise<void> {
    this.running = true;
    const size = this.options.window ?? 256;
    let attempt = 0;
    while (!this.closed && this.head < this.queue.length) {
      const batch = this.queue.slice(this.head, this.head + size);
      const results = await Promise.allSettled(batch.map((m) => this.js.publish(m.subject, m.data, { msgID: m.msgId, headers: m.headers, timeout: 5000 })));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) {
        if (attempt++ === 0) this.options.onError?.((failed as PromiseRejectedResult).reason);
        this.stats.retried += batch.length;
        await new Promise((r) => setTimeout(r, Math.min(2000, (this.options.retryMs ?? 100) * attempt)));
        continue;
      }
      attempt = 0;
      this.stats.stored += batch.length;
      this.head += batch.length;
      // Compact now and then, not on every batch.
      if (this.head > 65_536) this.queue.splice(0, this.head), (this.head = 0);
      this.stats.waiting = this.queue.length - this.head;
    }
    this.running = false;
    for (const r of this.idle.splice(0)) r();
  }
}
