import { connect as natsConnect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import type { AlarmRule } from '../models/alarm-rules.js';
import type { ChannelDescriptor } from '../models/channel.js';
import { TelemetryRoom, type RoomOptions } from '../streams/room/room.js';
import { jetstreamManager } from '@nats-io/jetstream';
import { decodeAlarmSnapshot } from '../models/alarm-snapshot.js';
import { roomStream, roomSubjects } from '../streams/nats/subjects.js';
import { EDGE_SCENARIOS } from './scenarios.js';
import { publishRoom, type RoomPublisher } from './room-publisher.js';
import { errorText } from '../models/error-text.js';

/** Something attached to the edge's room (a procedure engine): returns its removal. */
export type RoomAttachment = (room: TelemetryRoom) => (() => void) | void;

export interface EdgeOptions {
  /** Broker URL(s), `nats://host:port`. */
  nats: string | string[];
  /** The procedure room (one subject token). */
  procedure: string;
  /** A simulated procedure from `EDGE_SCENARIOS`... */
  scenario?: string;
  /** ...or a device gateway speaking the wire format over WebSocket (`ws://...`), with its channels and rules. */
  gateway?: string;
  channels?: ChannelDescriptor[];
  rules?: AlarmRule[];
  /** Data time runs this many times faster than the clock (scenario only, default 1). */
  speed?: number;
  /** This edge's name on the broker (default `edge-<procedure>`). */
  sender?: string;
  user?: string;
  pass?: string;
  token?: string;
  /** What else runs in the room: procedure engines, each attached once the channels are set. */
  attach?: readonly RoomAttachment[];
  room?: RoomOptions;
  /** The stream's byte limit (default 2 GiB). */
  maxBytes?: number;
  /** A publishing failure (broker away; retried until it passes) or a broker status change, for the operator. */
  onNotice?: (text: string) => void;
}

export interface Edge {
  room: TelemetryRoom;
  nc: NatsConnection;
  publisher: RoomPublisher;
  /** Stops the source, publishes what is left (a few seconds at most), closes the connection. */
  stop(): Promise<void>;
}

/** The broker could not be reached: says where, and what to check. */
export class BrokerUnreachable extends Error {
  override readonly name = 'BrokerUnreachable';
}

/**
 * A headless room at the edge: the room (and what is attached to it) fed by a device
 * gateway or a simulated scenario, published to the procedure's JetStream stream; the
 * room's alarm manager is the one that decides, and viewers' commands reach it.
 */
export async function startEdge(o: EdgeOptions): Promise<Edge> {
  if (!!o.scenario === !!o.gateway) throw new Error('give one of --scenario NAME or --gateway ws://...');
  const make = o.scenario ? EDGE_SCENARIOS[o.scenario] : undefined;
  if (o.scenario && !make) throw new Error(`unknown scenario '${o.scenario}': one of ${Object.keys(EDGE_SCENARIOS).join(', ')}`);
  const sender = o.sender ?? `edge-${o.procedure}`;
  const auth = { ...(o.user ? { user: o.user, pass: o.pass } : {}), ...(o.token ? { token: o.token } : {}) };
  let nc: NatsConnection;
  try {
    nc = await natsConnect({ servers: o.nats, name: sender, maxReconnectAttempts: -1, reconnectTimeWait: 250, ...auth });
  } catch (e) {
    throw new BrokerUnreachable(`cannot reach the NATS broker at ${[o.nats].flat().join(', ')} (${errorText(e)}): is nats-server running there, with JetStream, and are the credentials right?`);
  }
  void (async () => {
    for await (const s of nc.status()) if (s.type === 'disconnect' || s.type === 'reconnect') o.onNotice?.(`broker ${s.type === 'disconnect' ? 'lost: reconnecting' : 'back'} (${s.server})`);
  })();
  const room = new TelemetryRoom({ ...o.room, viewer: sender });
  const scenario = make?.();
  room.setChannels(scenario?.channels ?? o.channels ?? []);
  room.setRules(scenario?.rules ?? o.rules ?? []);
  // Before publishing: this run's first decision must not hide the last run's.
  await resume(nc, room, o);
  let publisher: RoomPublisher;
  try {
    publisher = await publishRoom(nc, room, { procedure: o.procedure, sender, maxBytes: o.maxBytes, onError: (e) => o.onNotice?.(`publishing held back, will retry: ${errorText(e)}`) });
  } catch (e) {
    await nc.close();
    throw new BrokerUnreachable(`the broker at ${[o.nats].flat().join(', ')} refused the room's stream (${errorText(e)}): is JetStream enabled?`);
  }
  scenario?.engine?.(room);
  const detach = (o.attach ?? []).map((a) => a(room));
  if (scenario) room.connect(scenario.source(Date.now(), o.speed ?? 1));
  else room.connectUrl(o.gateway!, sender);
  return {
    room,
    nc,
    publisher,
    async stop() {
      room.disconnect();
      for (const d of detach) d?.();
      await Promise.race([publisher.stop(), new Promise((r) => setTimeout(r, 3000))]);
      room.close();
      await nc.close();
    },
  };
}

/**
 * An edge restarted mid-procedure takes over the alarms its last run left present, from
 * the room's stream, so none is lost; what is attached to the room (the engines) starts
 * anew from the data that comes, as their state is not in the stream: the operator is told.
 */
async function resume(nc: NatsConnection, room: TelemetryRoom, o: EdgeOptions): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const last = await jsm.streams.getMessage(roomStream(o.procedure), { last_by_subj: roomSubjects(o.procedure).alarms }).catch(() => null);
  if (!last) return;
  const snapshot = decodeAlarmSnapshot(last.string());
  if (!snapshot.ok) return o.onNotice?.(`the last alarm decision in the stream cannot be read (${snapshot.detail}): alarms start anew`);
  const n = room.manager.restore(snapshot.value);
  o.onNotice?.(`resumed: ${n} alarm(s) present in the previous run taken over; attached engines start anew from the data (their state is not in the stream)`);
}
