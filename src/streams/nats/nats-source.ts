import { Observable, type Subscription } from 'rxjs';
import type { MsgHdrs, NatsConnection } from '@nats-io/nats-core';
import type { Consumer, ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import type { ChannelDescriptor } from '../../models/channel.js';
import type { AlarmCommand } from '../../models/alarm-command.js';
import type { RefusalReason } from '../../models/alarm-record.js';
import { decodeAlarmSnapshot, type AlarmSnapshot } from '../../models/alarm-snapshot.js';
import { WIRE_VERSION, WIRE_VERSIONS, decodeBinaryFrame, encodeWireLine, parseWireLine } from '../../models/wire.js';
import type { RoomInput } from '../room/room.js';
import { NATS_HEADERS, roomIdProblem, roomStream, roomSubjects, subjectKind } from './subjects.js';
import { decodeSamplesBundle, entryBatch, writeTimes, type DecodedEntry } from './samples-bundle.js';
import type { WireErrorReason } from '../../models/wire-envelope.js';
import type { FrameErrorReason } from '../../models/wire-frame.js';
import { yieldToPage } from '../yield-to-page.js';
import { WorkSlice } from '../work-slice.js';
import { errorText } from '../../models/error-text.js';

/** What a room's stream brings a viewer, in stream order, and the connection around it. */
export type NatsItem =
  | { type: 'state'; state: 'connecting' | 'live' | 'reconnecting' | 'closed'; detail?: string }
  /**
   * Replaying what the room published before: messages still to come before live (0: live);
   * 1 from the moment the room's stream is found until the count is known.
   */
  | { type: 'replay'; pending: number }
  | { type: 'channels'; channels: ChannelDescriptor[] }
  | { type: 'data'; data: RoomInput }
  /**
   * The channel's samples up to `until` (the data item that follows) are an overview: the
   * minimum and maximum of each `stepMs`, not every sample (`replay: 'overview'`).
   */
  | { type: 'overview'; channel: string; until: number; stepMs: number }
  | { type: 'alarms'; snapshot: AlarmSnapshot }
  /** This viewer's command not carried out: the room refused it, the broker forbade it, or it never arrived. */
  | { type: 'refused'; command: AlarmCommand; reason: RefusalReason; detail: string }
  /** A message this viewer cannot read (another wire or snapshot version, a malformed body): skipped. */
  | { type: 'parse-error'; reason: WireErrorReason | FrameErrorReason; detail: string; channel?: string }
  /** A channel's numbering skipped (`missing` messages) or repeated one (dropped). */
  | { type: 'sequence'; channel: string; seq: number; reason: 'gap' | 'duplicate'; missing?: number };

export interface NatsSourceOptions {
  /** Broker URL(s): `ws://host:port` from a page, `nats://host:port` from Node with `connect`. */
  servers: string | string[];
  /** The procedure room (one subject token). */
  procedure: string;
  /** This viewer's id: the sender of its commands, shown as who acknowledged. */
  viewer: string;
  user?: string;
  pass?: string;
  token?: string;
  /**
   * How much of the procedure a joining viewer replays (ms of publishing time before
   * now; default 10 min, a room's window). `Infinity` replays the whole stream.
   */
  replayMs?: number;
  /**
   * What a joining viewer replays of the samples: `'overview'` (default) reads the room's
   * overviews (the minimum and maximum of each 100 ms: a channel sampled at 10 Hz or slower
   * exactly, a faster one as a chart draws it) up to the newest, then every sample; `'every-sample'`
   * reads every sample of the window (a 1 kHz channel: 600 000 in 10 minutes, some seconds
   * longer to join). Waveforms, grids, events and alarm decisions always come whole, and a
   * viewer that reconnects resumes with every sample it missed.
   */
  replay?: 'overview' | 'every-sample';
  /**
   * Where this viewer is in the room's stream, kept by the caller across follows: the last
   * message handled after the join is written there. A follow that finds it set goes on after
   * it instead of joining again (an element added back to the page, its room holding the rest).
   */
  position?: { seq: number };
  /** Commands to send to the room (a manager's `issued`); each answered, or refused. */
  commands?: Observable<AlarmCommand>;
  /**
   * The NATS client modules. A page built by a bundler passes them
   * (`{ core: await import('@nats-io/nats-core'), jetstream: await import('@nats-io/jetstream') }`);
   * without, they are imported by name at run time (Node, or a page with an import map).
   */
  client?: NatsClientModules;
  /**
   * Opens the connection; default the NATS client over WebSocket (`wsconnect`, `@nats-io/nats-core`).
   * Typed loosely (the client's `ConnectionOptions` and `NatsConnection`), so a project that never
   * installs the optional NATS peers still type-checks this package.
   */
  connect?: (options: { servers: string | string[]; [option: string]: unknown }) => Promise<unknown>;
  /** Longest run of message handling before the page gets the thread back (ms, default 8). */
  sliceMs?: number;
}

/**
 * Messages the broker sends a live viewer per request. Counted in messages, not bytes: a
 * request topped up with fewer bytes left than the next message is ended by the broker (409),
 * and the NATS client then waits two missed heartbeats (30 s) before it asks again.
 */
const FETCH_MESSAGES = 32;
/**
 * A replay's burst: about this many bytes (the messages asked for from the size of the last
 * burst's), one socket task's worth of parsing, at most `MAX_BURST` messages.
 */
const BURST_BYTES = 256 * 1024;
const MAX_BURST = 1024;
/** A burst short of what it asked for (a message removed meanwhile) ends after this. */
const BURST_WAIT_MS = 2000;

/** A stream seen to appear is made within milliseconds (its store directory); this is ample. */
const STREAM_MADE_MS = 500;
/** While replaying, samples held before they go to the room, one batch per channel (about 1 s of 16 channels at 1 kHz). */
const HOLD_SAMPLES = 16_384;

/** The room's answer to a command (docs/nats.md, "Commands"). */
export interface CommandReply {
  ok: boolean;
  reason?: RefusalReason;
  detail?: string;
}

const PEERS = 'the NATS client: npm install @nats-io/nats-core @nats-io/jetstream (optional peer dependencies of ir-monitor)';

/**
 * The NATS client modules, as `import('@nats-io/nats-core')` and `import('@nats-io/jetstream')`
 * give them. Typed as plain modules here, so a project that never installs the optional peers
 * still type-checks this package; they are read as the client's own types inside.
 */
export interface NatsClientModules {
  core: object;
  jetstream: object;
}

type Core = typeof import('@nats-io/nats-core');
type JetStream = typeof import('@nats-io/jetstream');

// Names held in variables: a bundler building a page that never follows a broker must not
// need the optional peers (a page that does passes `client`, or has an import map).
const CORE = '@nats-io/nats-core';
const JETSTREAM = '@nats-io/jetstream';

/** The optional peers: given, or loaded by name (Node, an import map) only when a page follows a broker. */
async function loadClient(given?: NatsClientModules) {
  try {
    const [core, js] = (given ? [given.core, given.jetstream] : await Promise.all([import(/* @vite-ignore */ /* webpackIgnore: true */ CORE), import(/* @vite-ignore */ /* webpackIgnore: true */ JETSTREAM)])) as [Core, JetStream];
    return { wsconnect: core.wsconnect, headers: core.headers, jetstream: js.jetstream, jetstreamManager: js.jetstreamManager };
  } catch (e) {
    throw new Error(`${PEERS} (${errorText(e)})`);
  }
}

/**
 * Follows one procedure room on NATS JetStream: the channels first, then what the room
 * published in the last `replayMs` (an ordered consumer: in order, none twice, resumed
 * after the broker or the link comes back), then live. While it replays, `replay` items
 * count what is left, a channel's samples of many bundles go on as one batch, and the
 * thread is handed back every `sliceMs` so the page stays responsive. Live, each bundle's
 * batches go on as they come. Alarm snapshots are the room's decision, to be rendered as they are.
 * Commands go to the room's commands subject as requests; a refusal comes back as an item.
 */
export function natsSource(options: NatsSourceOptions): Observable<NatsItem> {
  return new Observable<NatsItem>((out) => {
    const problem = roomIdProblem(options.procedure);
    if (problem) {
      out.next({ type: 'state', state: 'closed', detail: problem });
      out.complete();
      return;
    }
    const subjects = roomSubjects(options.procedure);
    const stream = roomStream(options.procedure);
    const sliceMs = options.sliceMs ?? 8;
    let nc: NatsConnection | undefined;
    let commands: Subscription | undefined;
    let done = false;
    /** Reading the overviews and what else came before the newest one: the samples are still to come. */
    let joining = false;
    /** Ends the current consumer, so the next one starts after the last message handled. */
    let restart = () => {};
    const numbering = new Map<string, { stream: string; seq: number }>();

    const fail = (e: unknown) => {
      if (done) return;
      out.next({ type: 'state', state: 'closed', detail: errorText(e) });
      out.complete();
    };

    /**
     * Wire numbering per channel: a repeat is dropped, a gap reported; a new sender's stream
     * starts anew. Joining, each kind comes by itself (the overviews, then a channel's events
     * numbered among its samples): nothing is judged, the numbering goes on from the highest.
     */
    const inOrder = (channel: string, seq: number, sender: string): boolean => {
      const last = numbering.get(channel);
      numbering.set(channel, { stream: sender, seq: Math.max(seq, last && last.stream === sender ? last.seq : -1) });
      if (joining || !last || last.stream !== sender || seq === last.seq + 1) return true;
      if (seq <= last.seq) {
        out.next({ type: 'sequence', channel, seq, reason: 'duplicate' });
        return false;
      }
      out.next({ type: 'sequence', channel, seq, reason: 'gap', missing: seq - last.seq - 1 });
      return true;
    };

    /** A binary body of a wire version this viewer does not read: reported, to be skipped. */
    const foreign = (subject: string, h: MsgHdrs | undefined): boolean => {
      if (WIRE_VERSIONS.includes(Number(h?.get(NATS_HEADERS.version) || NaN))) return false;
      out.next({ type: 'parse-error', reason: 'unsupported-version', detail: `${subject}: wire version ${h?.get(NATS_HEADERS.version) || 'missing'}` });
      return true;
    };

    /** Samples decoded and checked, not yet handed on, by channel in order of arrival. */
    const held = new Map<string, DecodedEntry[]>();
    let heldSamples = 0;
    /** Hands on what is held: a channel's parts as one batch (one allocation per channel, none per sample). */
    const release = () => {
      for (const [channel, parts] of held) {
        if (parts.length === 1) {
          out.next({ type: 'data', data: entryBatch(parts[0]) });
          continue;
        }
        const n = parts.reduce((sum, p) => sum + p.v.length, 0);
        const t = new Float64Array(n);
        const v = new Float32Array(n);
        let at = 0;
        for (const p of parts) writeTimes(p, t, at), v.set(p.v, at), (at += p.v.length);
        out.next({ type: 'data', data: { channel, t, v } });
      }
      held.clear();
      heldSamples = 0;
    };

    const handle = (subject: string, data: Uint8Array, text: () => string, headers: MsgHdrs | undefined) => {
      const kind = subjectKind(options.procedure, subject);
      const sender = headers?.get(NATS_HEADERS.stream) ?? '';
      if (kind === 'samples') {
        if (foreign(subject, headers)) return;
        const r = decodeSamplesBundle(data);
        if (!r.ok) return out.next({ type: 'parse-error', reason: r.error.reason, detail: `${subject}: ${r.error.detail}`, channel: r.error.channel });
        for (const e of r.entries) {
          if (!inOrder(e.channel, e.seq, sender)) continue;
          const parts = held.get(e.channel);
          if (parts) parts.push(e);
          else held.set(e.channel, [e]);
          heldSamples += e.v.length;
        }
        return;
      }
      // Anything else keeps its place after the samples before it.
      release();
      if (kind === 'overview') {
        // Read only while joining: live, every sample comes anyway.
        if (!joining) return;
        if (foreign(subject, headers)) return;
        const stepMs = Number(headers?.get(NATS_HEADERS.overviewStep));
        const r = decodeSamplesBundle(data);
        if (!r.ok || !(stepMs > 0)) return out.next({ type: 'parse-error', reason: r.ok ? 'bad-field' : r.error.reason, detail: `${subject}: ${r.ok ? `overview step '${headers?.get(NATS_HEADERS.overviewStep) ?? ''}'` : r.error.detail}` });
        for (const e of r.entries) {
          const batch = entryBatch(e);
          // The channel's numbering goes on from the last batch the overview covers (or an event after it).
          inOrder(e.channel, e.seq, sender);
          out.next({ type: 'overview', channel: e.channel, until: batch.t[batch.t.length - 1], stepMs });
          out.next({ type: 'data', data: batch });
        }
      } else if (kind === 'events') {
        const r = parseWireLine(text());
        if (!r.ok) return out.next({ type: 'parse-error', reason: r.error.reason, detail: `${subject}: ${r.error.detail}`, channel: r.error.channel });
        const m = r.value;
        if (m.type === 'event' && inOrder(m.channel, m.seq, m.stream ?? sender)) out.next({ type: 'data', data: { type: 'event', channel: m.channel, t: m.t, kind: m.kind, text: m.text } });
      } else if (kind === 'frames') {
        if (foreign(subject, headers)) return;
        const r = decodeBinaryFrame(data);
        if (!r.ok) return out.next({ type: 'parse-error', reason: r.error.reason, detail: `${subject}: ${r.error.detail}`, channel: r.error.channel });
        const { seq, ...frame } = r.value;
        if (inOrder(frame.channel, seq, sender)) out.next({ type: 'data', data: frame });
      } else if (kind === 'channels') {
        try {
          const list = JSON.parse(text()) as { channels?: ChannelDescriptor[] };
          if (!Array.isArray(list.channels)) throw new Error('no channels array');
          out.next({ type: 'channels', channels: list.channels });
        } catch (e) {
          out.next({ type: 'parse-error', reason: 'malformed-json', detail: `${subject}: ${errorText(e)}` });
        }
      } else if (kind === 'alarms') {
        const r = decodeAlarmSnapshot(text());
        if (r.ok) out.next({ type: 'alarms', snapshot: r.value });
        else out.next({ type: 'parse-error', reason: 'unsupported-version', detail: `${subject}: ${r.detail}` });
      }
      // Commands are the room's record; their outcome arrives as an alarm snapshot.
    };

    const send = async (client: NatsConnection, headers: () => MsgHdrs, command: AlarmCommand) => {
      const h = headers();
      h.set(NATS_HEADERS.version, String(WIRE_VERSION));
      h.set(NATS_HEADERS.sender, options.viewer);
      const line = encodeWireLine({ type: 'command', origin: options.viewer, t: Date.now(), command });
      try {
        const reply = await client.request(subjects.commands, line, { timeout: 5000, headers: h });
        const r = reply.json<CommandReply>();
        if (!r.ok) out.next({ type: 'refused', command, reason: r.reason ?? 'invalid', detail: r.detail ?? 'refused by the room' });
      } catch (e) {
        const message = errorText(e);
        const forbidden = /permission/i.test(message);
        out.next({
          type: 'refused',
          command,
          reason: forbidden ? 'forbidden' : 'undelivered',
          detail: forbidden
            ? `This viewer (${options.viewer}) may watch room ${options.procedure} but not acknowledge or pause its alarms: its access is read-only.`
            : `The room ${options.procedure} did not answer (${message}): nothing was acknowledged.`,
        });
      }
    };

    /**
     * One ordered consumer of `filter` from `start` (in order, none twice) up to stream
     * sequence `upTo`, then it returns; without `upTo`, live until the end. After the broker
     * comes back (a restart loses its consumers) a new one starts after the last message handled.
     */
    const follow = async (js: JetStreamClient, filter: string, start: object, upTo = Infinity) => {
      let from = start;
      let last = 0;
      let pending = -1;
      let told = -1;
      let failures = 0;
      const slice = new WorkSlice(sliceMs);
      /** How many are still to come (joining, at least 1: the samples come after). */
      const tell = () => out.next({ type: 'replay', pending: Math.max((told = pending), joining ? 1 : 0) });

      /** Handles one message; returns whether this follow is done (at `upTo`, or past it: its message was removed meanwhile). */
      const take = (m: JsMsg): boolean => {
        if (m.seq > upTo) return true;
        if (m.seq > last) {
          last = m.seq;
          if (!joining && options.position) options.position.seq = last;
          handle(m.subject, m.data, () => m.string(), m.headers);
        }
        if (pending > 0) {
          // Counted down from what the stream held when this consumer began: a replay ends
          // even when live data keeps the consumer a few messages behind the newest.
          pending = Math.min(pending - 1, m.info.pending);
          // Told every thousand messages and when caught up (joining, the samples are still to come).
          if ((pending === 0 && !joining) || told - pending >= 1000) tell();
        }
        return m.seq === upTo || (upTo < Infinity && m.info.pending === 0);
      };

      /** After each message: live, it goes on as it comes; replaying, a channel's samples go on together, and the page gets the thread back each slice. */
      const pace = async () => {
        if (pending === 0 || heldSamples >= HOLD_SAMPLES) release();
        if (!slice.spent()) return;
        release();
        await yieldToPage();
        slice.restart();
      };

      /** Takes `messages` until this follow is done (returns true) or they end; `seen` sees each first. */
      const drain = async (messages: ConsumerMessages, seen?: (m: JsMsg) => void): Promise<boolean> => {
        restart = () => messages.stop();
        try {
          for await (const m of messages as AsyncIterable<JsMsg>) {
            slice.begin();
            seen?.(m);
            if (take(m)) return true;
            await pace();
            if (done) return true;
          }
        } finally {
          messages.stop();
          release();
        }
        return false;
      };

      /**
       * Far behind, the consumer's messages come in bursts of about `BURST_BYTES`, each asked
       * for once the one before is handled: `consume` asks again as messages arrive, so a replay
       * arrives faster than a page handles it, the client holds what waits (the whole replay,
       * for a slow page) and its socket's tasks run back to back (up to 62 ms each in the
       * fan-out bench, against 16 in bursts). Returns whether this follow is done;
       * otherwise the consumer is caught up, or its burst was cut short (a broker gone, a
       * message removed), and a new one goes on after the last message handled.
       */
      const inBursts = async (consumer: Consumer, behind: number): Promise<boolean> => {
        let perMessage = BURST_BYTES;
        while (behind > 0) {
          const asked = Math.min(behind, MAX_BURST, Math.ceil(BURST_BYTES / perMessage));
          let got = 0;
          let bytes = 0;
          const burst = await consumer.fetch({ max_messages: asked, expires: BURST_WAIT_MS });
          if (await drain(burst, (m) => (got++, (bytes += m.data.length), (behind = m.info.pending)))) return true;
          if (got < asked) return false;
          perMessage = bytes / got;
        }
        return false;
      };

      while (!done) {
        try {
          const consumer = await js.consumers.get(stream, { filter_subjects: filter, ...from } as never);
          const behind = (await consumer.info(true)).num_pending;
          if (upTo < Infinity && behind === 0) return;
          failures = 0;
          // Joining, or back far behind (its link or the broker was away): catching up, counted down.
          if (pending !== 0 || behind > FETCH_MESSAGES) (pending = behind), tell();
          out.next({ type: 'state', state: 'live' });
          // Behind by more than a request's worth, a replay: in bursts; otherwise as messages come.
          if (behind > FETCH_MESSAGES ? await inBursts(consumer, behind) : await drain(await consumer.consume({ max_messages: FETCH_MESSAGES }))) return;
        } catch (e) {
          // JetStream not ready yet after a restart: try again shortly. Still failing after
          // about 5 s, it is said once (a missing stream, a refused consumer), and retried.
          if (done) return;
          if (++failures === 20) out.next({ type: 'state', state: 'reconnecting', detail: `cannot read ${stream} on the broker (${errorText(e)}); still trying` });
          await new Promise((r) => setTimeout(r, 250));
        }
        from = last ? { deliver_policy: 'by_start_sequence', opt_start_seq: last + 1 } : start;
      }
    };

    /**
     * Returns once the room's stream exists with its store. A broker before 2.10 (Debian's
     * 2.9.10) lists a stream being made before its store is, and a message or consumer
     * request in that moment crashes it (seen when a viewer joins as its edge starts): a
     * stream not there yet is waited for by name, a request that reads no store, then
     * given a moment to be made.
     */
    const streamSettled = async (jsm: JetStreamManager) => {
      const listed = () => jsm.streams.find(subjects.channels).then((name) => name === stream, () => false);
      if (await listed()) return;
      for (let tries = 1; !done && !(await listed()); tries++) {
        // About 5 s: said once (an edge not started yet, a room misnamed), and waited for.
        if (tries === 20) out.next({ type: 'state', state: 'connecting', detail: `no stream ${stream} on the broker yet (its edge not started?); still waiting for it` });
        await new Promise((r) => setTimeout(r, 250));
      }
      await new Promise((r) => setTimeout(r, STREAM_MADE_MS));
    };

    (async () => {
      out.next({ type: 'state', state: 'connecting' });
      const client = await loadClient(options.client);
      const connect = options.connect ?? client.wsconnect;
      const auth = { ...(options.user ? { user: options.user, pass: options.pass } : {}), ...(options.token ? { token: options.token } : {}) };
      nc = (await connect({ servers: options.servers, name: options.viewer, maxReconnectAttempts: -1, reconnectTimeWait: 500, ...auth })) as NatsConnection;
      if (done) return void nc.close();
      const conn = nc;
      void (async () => {
        for await (const s of conn.status()) {
          if (s.type === 'disconnect') out.next({ type: 'state', state: 'reconnecting' });
          else if (s.type === 'reconnect') restart();
        }
      })();
      commands = options.commands?.subscribe((c) => void send(conn, client.headers, c));
      const jsm = await client.jetstreamManager(conn);
      await streamSettled(jsm);
      // Catching up from now, the count still unknown: panels say so at once and draw nothing meanwhile unseen.
      out.next({ type: 'replay', pending: 1 });
      const js = client.jetstream(conn);
      // Followed before (its element added back to the page): on from there.
      const at = options.position?.seq;
      if (at) return await follow(js, subjects.all, { deliver_policy: 'by_start_sequence', opt_start_seq: at + 1 });
      const last = await jsm.streams.getMessage(stream, { last_by_subj: subjects.channels }).catch(() => null);
      if (last) handle(last.subject, last.data, () => last.string(), last.header);
      const replayMs = options.replayMs ?? 600_000;
      const since = Number.isFinite(replayMs) ? new Date(Date.now() - replayMs) : undefined;
      // The decision in force when the window opens, if it was made before it.
      if (since) {
        const alarms = await jsm.streams.getMessage(stream, { last_by_subj: subjects.alarms }).catch(() => null);
        if (alarms && alarms.time < since) handle(alarms.subject, alarms.data, () => alarms.string(), alarms.header);
      }
      const start = since ? { deliver_policy: 'by_start_time', opt_start_time: since.toISOString() } : { deliver_policy: 'all' };
      // Joining from overviews: each kind but the samples up to the newest overview (it covers
      // the samples before it), one consumer after another (a broker before 2.10 filters one
      // subject per consumer; kinds are channels of their own, their order between each other
      // is no matter to a room), then everything after it.
      const newest = options.replay === 'every-sample' ? null : await jsm.streams.getMessage(stream, { last_by_subj: subjects.overview }).catch(() => null);
      const joinedAt = newest && !(since && newest.time < since) ? newest.seq : 0;
      if (joinedAt) {
        joining = true;
        for (const filter of subjects.history) await follow(js, filter, start, joinedAt);
        joining = false;
      }
      await follow(js, subjects.all, joinedAt ? { deliver_policy: 'by_start_sequence', opt_start_seq: joinedAt + 1 } : start);
    })().catch(fail);

    return () => {
      done = true;
      restart();
      commands?.unsubscribe();
      void nc?.close();
    };
  });
}
