import { headers as natsHeaders, type NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, type StreamConfig } from '@nats-io/jetstream';
import { ALARM_SNAPSHOT_VERSION, encodeAlarmSnapshot } from '../models/alarm-snapshot.js';
import { WIRE_VERSION, encodeBinaryFrame, encodeWireLine, parseWireLine } from '../models/wire.js';
import type { TelemetryRoom } from '../streams/room/room.js';
import { alarmSnapshots, roomOutput } from '../streams/room/room-output.js';
import { NATS_HEADERS, ROOM_STREAM_LIMITS, roomIdProblem, roomStream, roomSubjects } from '../streams/nats/subjects.js';
import type { CommandReply } from '../streams/nats/nats-source.js';
import { encodeSamplesBundle, entryBytes, type BundleEntry } from '../streams/nats/samples-bundle.js';
import { Outbox, type OutboxStats } from './outbox.js';
import { SampleOverview } from './sample-overview.js';

export interface PublishOptions {
  /** The procedure room (one subject token). */
  procedure: string;
  /** This edge's name, in every message's `Ir-Sender` header and as the wire `stream` id. */
  sender: string;
  /** The stream's byte limit (default `ROOM_STREAM_LIMITS.maxBytes`); the broker reserves it on disk. */
  maxBytes?: number;
  /** Messages kept while the broker is away (default 500 000, oldest dropped first). */
  outboxLimit?: number;
  /** The step of the overview a late joiner reads instead of every sample (ms of data time, default 100). */
  overviewStepMs?: number;
  /** An overview of the samples is published each time the data has advanced this much (ms, default 10 000). */
  overviewEveryMs?: number;
  /** A publishing failure (the broker down): reported once per outage, retried until it passes. */
  onError?: (e: unknown) => void;
}

export interface RoomPublisher {
  /** Resolves once everything published so far is stored. */
  drained(): Promise<void>;
  stats: OutboxStats;
  /** Stops publishing and answering commands; the connection stays the caller's. */
  stop(): Promise<void>;
}

const ns = (ms: number) => ms * 1_000_000;
/** How long the edge asks the broker again to make or update the room's stream before it gives up. */
const JETSTREAM_SETUP_MS = 60_000;
/** A bundle is cut here, well below the stream's message limit (`ROOM_STREAM_LIMITS.maxMsgSize`). */
export const MAX_BUNDLE_BYTES = 256 * 1024;

/** The room's stream: every subject of the room, on file, limits from `ROOM_STREAM_LIMITS` (docs/nats.md). */
export function roomStreamConfig(procedure: string, maxBytes: number = ROOM_STREAM_LIMITS.maxBytes): Partial<StreamConfig> & { name: string } {
  return {
    name: roomStream(procedure),
    subjects: [roomSubjects(procedure).all],
    retention: 'limits' as StreamConfig['retention'],
    storage: 'file' as StreamConfig['storage'],
    discard: 'old' as StreamConfig['discard'],
    max_age: ns(ROOM_STREAM_LIMITS.maxAgeMs),
    max_bytes: maxBytes,
    max_msg_size: ROOM_STREAM_LIMITS.maxMsgSize,
    duplicate_window: ns(ROOM_STREAM_LIMITS.duplicateWindowMs),
    num_replicas: 1,
  };
}

/**
 * Makes the room's stream, or updates it to `config`. A broker starting up or busy may leave a
 * JetStream request unanswered (a timeout): it is asked again, each time said, until
 * `JETSTREAM_SETUP_MS` has passed; any other refusal ends it at once.
 */
async function ensureStream(nc: NatsConnection, config: Partial<StreamConfig> & { name: string }, onError?: (e: unknown) => void): Promise<void> {
  const end = Date.now() + JETSTREAM_SETUP_MS;
  const timedOut = (e: unknown) => e instanceof Error && e.name === 'TimeoutError';
  for (;;) {
    try {
      const jsm = await jetstreamManager(nc);
      const existing = await jsm.streams.info(config.name).catch((e) => (timedOut(e) ? Promise.reject(e) : null));
      if (existing) await jsm.streams.update(config.name, config);
      else await jsm.streams.add(config);
      return;
    } catch (e) {
      if (!timedOut(e) || Date.now() > end) throw e;
      onError?.(e);
    }
  }
}

/**
 * Publishes a room to NATS JetStream: its channels, every validated sample batch (those
 * of one turn bundled in one message), waveform, grid and event (numbered per channel,
 * under this sender's stream id), and
 * each change of its alarm decision as a snapshot with what changed and who acted.
 * Answers the commands subject: a viewer's acknowledgement or pause is decided by the
 * room's manager, and the reply says whether it was carried out.
 */
export async function publishRoom(nc: NatsConnection, room: TelemetryRoom, options: PublishOptions): Promise<RoomPublisher> {
  const problem = roomIdProblem(options.procedure);
  if (problem) throw new Error(problem);
  const subjects = roomSubjects(options.procedure);
  await ensureStream(nc, roomStreamConfig(options.procedure, options.maxBytes), options.onError);

  const outbox = new Outbox(jetstream(nc), { limit: options.outboxLimit, onError: options.onError });
  const { sender } = options;
  // This run's numbering: a restarted edge numbers anew, and its message ids never collide with the last run's.
  const run = `${sender.slice(0, 48)}.${Date.now().toString(36)}`;
  const seqs = new Map<string, number>();
  const nextSeq = (channel: string) => {
    const s = seqs.get(channel) ?? 0;
    seqs.set(channel, s + 1);
    return s;
  };
  let count = 0;
  const put = (subject: string, data: Uint8Array | string, version: number, overviewStepMs?: number) => {
    const h = natsHeaders();
    h.set(NATS_HEADERS.version, String(version));
    if (overviewStepMs) h.set(NATS_HEADERS.overviewStep, String(overviewStepMs));
    h.set(NATS_HEADERS.sender, sender);
    h.set(NATS_HEADERS.stream, run);
    outbox.push({ subject, data, headers: h, msgId: `${run}:${count++}` });
  };

  // Sample batches of one turn of the event loop (a simulator's tick, a gateway's read) travel
  // as one bundle: a few messages a second per room instead of one per channel and batch.
  let bundle: BundleEntry[] = [];
  let bundleBytes = 0;
  const flushSamples = () => {
    if (!bundle.length) return;
    put(subjects.samples, encodeSamplesBundle(bundle), WIRE_VERSION);
    bundle = [];
    bundleBytes = 0;
  };
  // Every so much data time, the overview of the samples since the last one, after them in the
  // stream: a late joiner reads overviews up to the newest, and every sample only after it.
  const overview = new SampleOverview(options.overviewStepMs ?? 100);
  const overviewEveryMs = options.overviewEveryMs ?? 10_000;
  let overviewFrom = NaN;
  const putOverview = () => {
    flushSamples();
    const entries = overview.take();
    for (let from = 0; from < entries.length; ) {
      let bytes = 0;
      let to = from;
      while (to < entries.length && (to === from || bytes + entryBytes(entries[to]) <= MAX_BUNDLE_BYTES)) bytes += entryBytes(entries[to++]);
      put(subjects.overview, encodeSamplesBundle(entries.slice(from, to)), WIRE_VERSION, overview.stepMs);
      from = to;
    }
  };
  const sub = roomOutput(room).subscribe((x) => {
    // Anything else goes after the samples before it: the stream keeps the room's order.
    if (x.type === 'channels') return flushSamples(), put(subjects.channels, JSON.stringify({ channels: x.channels }), WIRE_VERSION);
    const d = x.data;
    if ('type' in d) flushSamples(), put(subjects.events(d.channel), encodeWireLine({ type: 'event', channel: d.channel, seq: nextSeq(d.channel), stream: run, t: d.t, kind: d.kind, text: d.text }), WIRE_VERSION);
    else if ('kind' in d) flushSamples(), put(subjects.frames(d.channel), new Uint8Array(encodeBinaryFrame({ ...d, seq: nextSeq(d.channel) })), WIRE_VERSION);
    else {
      if (!bundle.length) queueMicrotask(flushSamples);
      const entry = { channel: d.channel, seq: nextSeq(d.channel), t: d.t, v: d.v };
      bundle.push(entry);
      bundleBytes += entryBytes(entry);
      overview.add(entry.channel, entry.seq, d.t, d.v);
      const newest = d.t[d.t.length - 1];
      if (Number.isNaN(overviewFrom)) overviewFrom = newest;
      if (newest - overviewFrom >= overviewEveryMs) (overviewFrom = newest), putOverview();
      else if (bundleBytes > MAX_BUNDLE_BYTES) flushSamples();
    }
  });
  const manager = room.manager;
  sub.add(alarmSnapshots(manager, sender).subscribe((s) => put(subjects.alarms, encodeAlarmSnapshot(s), ALARM_SNAPSHOT_VERSION)));

  // Commands: the manager decides; the reply names a refusal.
  const commands = nc.subscribe(subjects.commands, {
    callback: (err, m) => {
      if (err) return;
      const reply = (r: CommandReply) => void m.respond(JSON.stringify(r));
      const parsed = parseWireLine(m.string());
      if (!parsed.ok || parsed.value.type !== 'command') return reply({ ok: false, reason: 'invalid', detail: parsed.ok ? 'not a command' : parsed.error.detail });
      const { origin, t, command } = parsed.value;
      let refusal: CommandReply | undefined;
      const watch = manager.refused.subscribe((r) => (refusal = { ok: false, reason: r.reason, detail: r.detail }));
      const done = manager.command(command, { origin, wall: t });
      watch.unsubscribe();
      reply(done ? { ok: true } : (refusal ?? { ok: false, reason: 'invalid', detail: 'refused' }));
    },
  });

  return {
    stats: outbox.stats,
    drained: () => outbox.drained(),
    async stop() {
      sub.unsubscribe();
      putOverview();
      commands.unsubscribe();
      await outbox.drained();
      outbox.close();
    },
  };
}
