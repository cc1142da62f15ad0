export type SequenceVerdict = { kind: 'ok' } | { kind: 'gap'; missing: number } | { kind: 'duplicate' };

/**
 * Per-channel sequence numbers, so a reconnect that replays or skips messages is noticed.
 * A seq at or below the last one seen is a duplicate (dropped by callers); a jump is a gap.
 */
export class SequenceTracker {
  private readonly last = new Map<string, number>();

  check(channel: string, seq: number): SequenceVerdict {
    const prev = this.last.get(channel);
    if (prev !== undefined && seq <= prev) return { kind: 'duplicate' };
    this.last.set(channel, seq);
    if (prev === undefined || seq === prev + 1) return { kind: 'ok' };
    return { kind: 'gap', missing: seq - prev - 1 };
  }

  reset(channel?: string): void {
    if (channel === undefined) this.last.clear();
    else this.last.delete(channel);
  }
}
