import { Observable, asyncScheduler, type SchedulerLike, type Subscription } from 'rxjs';
import { backoffDelay, type BackoffOptions } from '../models/backoff.js';
import { SequenceTracker } from '../models/sequence.js';
import { decodeBinaryFrame, parseWireLine, type BinaryFrame, type WireMessage } from '../models/wire.js';

/** 'closed' is reserved for a source that gives up; this one retries until unsubscribed. */
export type SocketState = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** Messages and the technical events around them, in arrival order. */
export type WsItem =
  | { type: 'message'; message: WireMessage }
  | { type: 'frame'; frame: BinaryFrame }
  | { type: 'state'; state: SocketState; attempt: number; delayMs?: number }
  | { type: 'parse-error'; reason: string; detail: string }
  | { type: 'sequence'; channel: string; seq: number; reason: 'gap' | 'duplicate'; missing?: number }
  | { type: 'send-dropped'; reason: 'queue-full'; line: string };

export interface WebSocketSourceOptions {
  backoff?: Partial<BackoffOptions>;
  WebSocketCtor?: typeof WebSocket;
  random?: () => number;
  /** Times the reconnect delays; a TestScheduler replays them on virtual time. */
  scheduler?: SchedulerLike;
  /** Text to send (NDJSON lines, e.g. encoded commands); one WebSocket message per emission. */
  outgoing?: Observable<string>;
  /** Lines kept while the socket is down, newest kept (default 100): a stale backlog helps nobody. */
  outgoingLimit?: number;
}

const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 10_000, factor: 2, jitter: 0.3 };
// WebSocket.OPEN, as a literal so a stand-in constructor (tests) needs no statics.
const OPEN = 1;

/**
 * A WebSocket that reconnects for as long as it is subscribed, a clean server close included
 * (a monitor never chooses to go dark). NDJSON text lines and binary frames are parsed;
 * duplicates by per-channel seq are reported and dropped, gaps reported and passed on;
 * commands carry no seq and pass as they come. `outgoing` lines are sent while the socket is
 * open and queued while it is not, then sent in order on reconnect.
 */
export function websocketSource(url: string, opts: WebSocketSourceOptions = {}): Observable<WsItem> {
  const backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
  const Ctor = opts.WebSocketCtor ?? WebSocket;
  const random = opts.random ?? Math.random;
  const scheduler = opts.scheduler ?? asyncScheduler;
  const outgoingLimit = opts.outgoingLimit ?? 100;

  return new Observable<WsItem>((sub) => {
    const seqs = new SequenceTracker();
    let ws: WebSocket | undefined;
    // Set only once 'open' has fired, so queued lines go out before any newer one.
    let open: WebSocket | undefined;
    const queue: string[] = [];
    let timer: Subscription | undefined;
    let attempt = 0;
    let done = false;

    const sequenced = (channel: string, seq: number): boolean => {
      const s = seqs.check(channel, seq);
      if (s.kind === 'ok') return true;
      if (s.kind === 'gap') {
        sub.next({ type: 'sequence', channel, seq, reason: 'gap', missing: s.missing });
        return true;
      }
      sub.next({ type: 'sequence', channel, seq, reason: 'duplicate' });
      return false;
    };

    const onText = (text: string) => {
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        const r = parseWireLine(line);
        if (!r.ok) sub.next({ type: 'parse-error', ...r.error });
        else if (r.value.type === 'command' || sequenced(r.value.channel, r.value.seq)) sub.next({ type: 'message', message: r.value });
      }
    };

    const onBinary = (buf: ArrayBuffer) => {
      const r = decodeBinaryFrame(buf);
      if (!r.ok) sub.next({ type: 'parse-error', ...r.error });
      else if (sequenced(r.value.channel, r.value.seq)) sub.next({ type: 'frame', frame: r.value });
    };

    const send = (line: string) => {
      // A closing socket discards what it is given; queue instead, for the next one.
      if (open?.readyState === OPEN) return open.send(line);
      queue.push(line);
      if (queue.length > outgoingLimit) sub.next({ type: 'send-dropped', reason: 'queue-full', line: queue.shift()! });
    };

    const connect = () => {
      timer = undefined;
      sub.next({ type: 'state', state: 'connecting', attempt });
      let sock: WebSocket;
      try {
        sock = new Ctor(url);
      } catch {
        scheduleReconnect();
        return;
      }
      ws = sock;
      sock.binaryType = 'arraybuffer';
      sock.onopen = () => {
        attempt = 0;
        open = sock;
        for (const line of queue.splice(0)) sock.send(line);
        sub.next({ type: 'state', state: 'live', attempt });
      };
      sock.onmessage = (e: MessageEvent) => {
        if (typeof e.data === 'string') onText(e.data);
        else if (e.data instanceof ArrayBuffer) onBinary(e.data);
      };
      // 'close' always follows 'error', so reconnection hangs off close alone.
      sock.onclose = () => {
        if (ws === sock) ws = undefined;
        if (open === sock) open = undefined;
        if (!done) scheduleReconnect();
      };
    };

    const scheduleReconnect = () => {
      const delayMs = backoffDelay(attempt, backoff, random());
      sub.next({ type: 'state', state: 'reconnecting', attempt, delayMs });
      attempt++;
      timer = scheduler.schedule(connect, delayMs);
    };

    const sending = opts.outgoing?.subscribe(send);
    connect();
    return () => {
      done = true;
      sending?.unsubscribe();
      timer?.unsubscribe();
      if (ws) {
        ws.onopen = ws.onmessage = ws.onclose = null;
        ws.close();
      }
    };
  });
}
