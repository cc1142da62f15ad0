import { Observable, asyncScheduler, type SchedulerLike, type Subscription } from 'rxjs';
import { backoffDelay, type BackoffOptions } from '../models/backoff.js';
import type { TechnicalEvent } from '../models/events.js';
import { DEFAULT_MAX_LINE_LENGTH, LineFramer } from '../models/line-framer.js';
import { PIECE_CHARS, SlicedQueue, linePieces } from './sliced-queue.js';
import { SequenceTracker, type SequenceOptions } from '../models/sequence.js';
import { decodeBinaryFrame, parseWireLineInSteps, type BinaryFrame, type WireMessage, type WireResult } from '../models/wire.js';
import type { FrameErrorReason } from '../models/wire-frame.js';
import type { WireErrorReason } from '../models/wire-envelope.js';

/** 'closed' is reserved for a source that gives up; this one retries until unsubscribed. */
export type SocketState = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** Why a channel's numbering was remarked on; see `SequenceVerdict` in models/sequence.ts. */
export type SequenceReason = 'gap' | 'duplicate' | 'jump' | 'resync' | 'restart' | 'new-stream';

/** Messages and the technical events around them, in arrival order. */
export type WsItem =
  | { type: 'message'; message: Exclude<WireMessage, { type: 'hello' }> }
  | { type: 'frame'; frame: BinaryFrame }
  | { type: 'state'; state: SocketState; attempt: number; delayMs?: number }
  /** A line or frame refused; `channel` when it could be read. */
  | { type: 'parse-error'; reason: WireErrorReason | FrameErrorReason | 'line-too-long'; detail: string; channel?: string; t?: number }
  /** Only `duplicate` drops the message; the others keep it. */
  | { type: 'sequence'; channel: string; seq: number; reason: SequenceReason; missing?: number }
  /** The gateway announced a stream id other than the last one: it restarted, numbering anew. */
  | { type: 'stream'; stream: string; previous: string }
  /** Non-finite values inside a frame (kept in place, to be skipped): invalid samples. */
  | TechnicalEvent
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
  /** Windows and channel bound of the sequence check. */
  sequence?: SequenceOptions;
  /** Longest unterminated, unparseable text carried over to the next message (default 1 MiB). */
  maxLineLength?: number;
}

const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 10_000, factor: 2, jitter: 0.3 };
// WebSocket.OPEN, as a literal so a stand-in constructor (tests) needs no statics.
const OPEN = 1;

/**
 * Reads wire-format lines and binary frames for one source, across its connections:
 * per-channel `seq`s checked (a duplicate reported and dropped, everything else kept),
 * a `hello` naming a new stream restarts the numbering. Shared by every transport of
 * the wire format (WebSocket, Server-Sent Events).
 */
export function wireReader(emit: (x: WsItem) => void, sequence?: SequenceOptions) {
  const seqs = new SequenceTracker(sequence);
  // The stream this connection announced, and the last one any connection announced.
  let connStream: string | undefined;
  let lastStream: string | undefined;
  // With the message's data time: a number that looks replayed but carries newer data is a restart.
  const sequenced = (channel: string, seq: number, stream: string | undefined, t: number): boolean => {
    const s = seqs.check(channel, seq, stream ?? connStream, t);
    if (s.kind === 'ok') return true;
    if (s.kind === 'gap') emit({ type: 'sequence', channel, seq, reason: 'gap', missing: s.missing });
    else emit({ type: 'sequence', channel, seq, reason: s.kind });
    return s.kind !== 'duplicate';
  };
  return {
    /** A new connection: the stream it will announce is not known yet. */
    newConnection(): void {
      connStream = undefined;
    },
    /** One parsed line. */
    line(r: WireResult<WireMessage>): void {
      if (!r.ok) return emit({ type: 'parse-error', ...r.error });
      const m = r.value;
      if (m.type === 'hello') {
        connStream = m.stream;
        if (lastStream !== undefined && lastStream !== m.stream) {
          seqs.reset();
          emit({ type: 'stream', stream: m.stream, previous: lastStream });
        }
        lastStream = m.stream;
      } else if (m.type === 'command' || sequenced(m.channel, m.seq, m.stream, m.type === 'samples' ? m.t[0] : m.t)) emit({ type: 'message', message: m });
    },
    /** One binary frame. */
    frame(buf: ArrayBuffer | ArrayBufferView): void {
      const r = decodeBinaryFrame(buf);
      if (!r.ok) return emit({ type: 'parse-error', ...r.error });
      const f = r.value;
      if (!sequenced(f.channel, f.seq, undefined, f.kind === 'waveform' ? f.t0 : f.t)) return;
      emit({ type: 'frame', frame: f });
      if (r.nonFinite > 0) emit({ type: 'technical', channel: f.channel, reason: 'not-finite', count: r.nonFinite, t: f.kind === 'waveform' ? f.t0 : f.t });
    },
  };
}

/**
 * A WebSocket that reconnects for as long as it is subscribed, a clean server close included
 * (a monitor never chooses to go dark). NDJSON text lines and binary frames are parsed; a
 * text message may end inside a line, continued by the next one (docs/wire-format.md,
 * "Framing"). A large message is read in slices, the thread handed back between them, so
 * a 50 MB message never stalls the page, even on one line (parsed in steps, `SlicedJson`).
 * Per-channel `seq`s are checked (`SequenceTracker`): duplicates are reported and dropped,
 * everything else kept; a `hello` naming a new stream restarts the numbering. Commands carry
 * no seq and pass as they come. `outgoing` lines are sent while the socket is open and
 * queued while it is not, then sent in order on reconnect.
 */
export function websocketSource(url: string, opts: WebSocketSourceOptions = {}): Observable<WsItem> {
  const backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
  const Ctor = opts.WebSocketCtor ?? WebSocket;
  const random = opts.random ?? Math.random;
  const scheduler = opts.scheduler ?? asyncScheduler;
  const outgoingLimit = opts.outgoingLimit ?? 100;

  return new Observable<WsItem>((sub) => {
    const reader = wireReader((x) => sub.next(x), opts.sequence);
    // No limit inside the framer: a message is already in memory whole, and may be one long
    // complete line; only what is carried over between messages is bounded, below.
    const framer = new LineFramer(Infinity);
    // Messages are handled in order, a large one in slices: what arrives meanwhile waits its turn.
    const work = new SlicedQueue();
    const maxCarried = opts.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
    let ws: WebSocket | undefined;
    // Set only once 'open' has fired, so queued lines go out before any newer one.
    let open: WebSocket | undefined;
    const queue: string[] = [];
    let timer: Subscription | undefined;
    let attempt = 0;
    let done = false;
    const handle = reader.line;

    /**
     * A line whose start was carried from the previous message: if the whole fails but this
     * message's part parses, the carried start was garbage, not the head of this line.
     * A long line is parsed in steps (`parseWireLineInSteps`), each a step of the queue.
     */
    function* parseJoined(line: string, carried: number): Generator<void, WireResult<WireMessage>, void> {
      const r = yield* parseWireLineInSteps(line, PIECE_CHARS);
      if (r.ok || carried === 0 || r.error.reason !== 'malformed-json') return r;
      const alone = yield* parseWireLineInSteps(line.slice(carried), PIECE_CHARS);
      if (!alone.ok) return r;
      sub.next({ type: 'parse-error', reason: 'malformed-json', detail: `unterminated text before a new line: ${line.slice(0, Math.min(carried, 80))}` });
      return alone;
    }

    /** A large text in pieces cut at line ends, handing the thread back between slices (`SlicedQueue`). */
    const onText = (text: string) => {
      let carried = 0;
      // A piece's lines, then parsed one by one: a long one in steps, the queue's clock between them.
      const lines: string[] = [];
      const sink = { line: (line: string) => void lines.push(line), tooLong: () => undefined }; // never: no limit
      const piece = (p: string) =>
        function* () {
          framer.push(p, sink);
          for (const line of lines.splice(0)) {
            const c = carried;
            carried = 0;
            if (line.trim() !== '') handle(yield* parseJoined(line, c));
          }
        };
      work.push(() => void (carried = framer.pending.length), ...linePieces(text).map(piece), () => endText(carried));
    };

    // An unterminated last line is complete when it is JSON (valid or not as an envelope):
    // a proper prefix of a JSON object never is. Otherwise it waits for the next message.
    function* endText(carried: number) {
      const tail = framer.pending;
      if (tail.trim() === '') return void framer.take();
      const r = yield* parseJoined(tail, carried);
      if (r.ok || r.error.reason !== 'malformed-json') {
        framer.take();
        handle(r);
      } else if (tail.length > maxCarried) {
        framer.take();
        sub.next({ type: 'parse-error', reason: 'line-too-long', detail: `${tail.length} characters without a newline` });
      }
    }

    const onBinary = (buf: ArrayBuffer) => work.push(() => reader.frame(buf));

    const send = (line: string) => {
      // A closing socket discards what it is given; queue instead, for the next one.
      if (open?.readyState === OPEN) return open.send(line);
      queue.push(line);
      if (queue.length > outgoingLimit) sub.next({ type: 'send-dropped', reason: 'queue-full', line: queue.shift()! });
    };

    const connect = () => {
      timer = undefined;
      reader.newConnection();
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
        // After the messages still being read: the reconnection too, so its items follow theirs.
        work.push(() => {
          const partial = framer.take();
          framer.reset();
          if (partial.trim() !== '') sub.next({ type: 'parse-error', reason: 'malformed-json', detail: `line cut by the connection's close: ${partial.slice(0, 80)}` });
          if (!done) scheduleReconnect();
        });
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
      work.close();
      sending?.unsubscribe();
      timer?.unsubscribe();
      if (ws) {
        ws.onopen = ws.onmessage = ws.onclose = null;
        ws.close();
      }
    };
  });
}
