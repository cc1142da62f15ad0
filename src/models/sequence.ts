/**
 * What a message's `seq` says about its channel's numbering:
 * - `ok` / `gap`: in order, the message is kept (a gap counts the missing numbers);
 * - `duplicate`: at or a little below the last one (a replay after reconnect), drop it;
 * - `jump`: far from the last one, either way. Keep the message (its data is still judged on
 *   its own times) but do not trust the number until the next message continues it;
 * - `resync`: that next message came: the sender renumbered (a restart without a stream id,
 *   or a long outage), and the channel now follows the new numbering;
 * - `restart`: a number at or below the last one, but data newer than any seen on the channel:
 *   not a replay (a replay repeats old data) but a sender that restarted its numbering without
 *   a stream id. Kept, and the channel follows the new numbering at once;
 * - `new-stream`: the message names a stream other than the channel's: numbering restarts.
 */
export type SequenceVerdict =
  | { kind: 'ok' }
  | { kind: 'gap'; missing: number }
  | { kind: 'duplicate' }
  | { kind: 'jump' }
  | { kind: 'resync' }
  | { kind: 'restart' }
  | { kind: 'new-stream' };

export interface SequenceOptions {
  /** Largest forward step taken as a gap (RFC 3550 appendix A.1 MAX_DROPOUT); default 3000. */
  maxDropout?: number;
  /** Furthest step back taken as a duplicate (RFC 3550 MAX_MISORDER); default 100. */
  maxMisorder?: number;
  /** Channels remembered, least recently seen forgotten first; default 1024. */
  maxChannels?: number;
}

interface Track {
  last: number;
  /** After a jump: the number that would confirm it. */
  confirm: number;
  stream: string | undefined;
  /** The newest data time the channel's messages carried (NaN when none said). */
  lastT: number;
}

const MOD = 2 ** 32;

/**
 * Per-channel sequence numbers (0..2^32-1, wrapping), so a reconnect that replays or skips
 * messages is noticed, after RFC 3550 appendix A.1: no single message can move a channel's
 * reference far, so one absurd number never locks a channel, and a sender that restarts at 0
 * is followed after two messages, or at once when it announces a new stream id.
 */
export class SequenceTracker {
  private readonly tracks = new Map<string, Track>();
  private readonly maxDropout: number;
  private readonly maxMisorder: number;
  private readonly maxChannels: number;

  constructor(opts: SequenceOptions = {}) {
    this.maxDropout = opts.maxDropout ?? 3000;
    this.maxMisorder = opts.maxMisorder ?? 100;
    this.maxChannels = opts.maxChannels ?? 1024;
  }

  /** Channels remembered now (bounded by `maxChannels`). */
  get size(): number {
    return this.tracks.size;
  }

  /**
   * Judges `seq` of `channel`. With `t`, the message's (first) data time, a number that
   * looks like a replay but carries data newer than any seen is a restart, not a duplicate.
   */
  check(channel: string, seq: number, stream?: string, t = NaN): SequenceVerdict {
    const tr = this.tracks.get(channel);
    if (tr) this.tracks.delete(channel); // re-inserted below: Map order is recency order
    const verdict = tr ? this.judge(tr, seq, stream, t) : { kind: 'ok' as const };
    const next = tr ?? { last: seq, confirm: NaN, stream, lastT: NaN };
    if (!tr || verdict.kind === 'new-stream') Object.assign(next, { last: seq, confirm: NaN, stream });
    if (verdict.kind !== 'duplicate' && !(t <= next.lastT)) next.lastT = t;
    this.tracks.set(channel, next);
    if (this.tracks.size > this.maxChannels) this.tracks.delete(this.tracks.keys().next().value!);
    return verdict;
  }

  private judge(tr: Track, seq: number, stream: string | undefined, t: number): SequenceVerdict {
    if (stream !== undefined && tr.stream !== undefined && stream !== tr.stream) return { kind: 'new-stream' };
    if (stream !== undefined) tr.stream = stream;
    const confirming = seq === tr.confirm;
    tr.confirm = NaN;
    const ahead = (seq - tr.last + MOD) % MOD;
    if (confirming) {
      tr.last = seq;
      return { kind: 'resync' };
    }
    if (ahead === 0 || ahead >= MOD - this.maxMisorder) {
      if (!(t > tr.lastT)) return { kind: 'duplicate' };
      tr.last = seq;
      return { kind: 'restart' };
    }
    if (ahead > this.maxDropout) {
      tr.confirm = (seq + 1) % MOD;
      return { kind: 'jump' };
    }
    tr.last = seq;
    return ahead === 1 ? { kind: 'ok' } : { kind: 'gap', missing: ahead - 1 };
  }

  /** Forgets one channel, or all (a new connection from a restarted sender). */
  reset(channel?: string): void {
    if (channel === undefined) this.tracks.clear();
    else this.tracks.delete(channel);
  }
}
