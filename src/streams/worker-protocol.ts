import type { AlarmRule } from '../models/alarm-rules.js';
import type { ChannelDescriptor } from '../models/channel.js';
import type { EngineOutput } from './engines/engine-view.js';
import { postRoom, type PortLike } from './room-port.js';
import type { ConnectionState, RoomInput, TechnicalDetail } from './room/room.js';

// A room in a Worker and the page following it (`serveRoom`, `followWorker`): what they post
// beside the messages of a shared room (`PortMessage`).

export type WorkerMessage =
  | { ir: 'room'; type: 'setup'; viewer: string; src?: string; channels: readonly ChannelDescriptor[]; procedures: readonly string[] }
  | { ir: 'room'; type: 'feed'; data: RoomInput }
  | { ir: 'room'; type: 'engine'; kind: string; config?: unknown }
  | { ir: 'room'; type: 'rules'; set: number; rules: readonly AlarmRule[] }
  | { ir: 'room'; type: 'state'; kind: string; state: unknown }
  | { ir: 'room'; type: 'output'; kind: string; output: EngineOutput }
  | { ir: 'room'; type: 'connection'; state: ConnectionState }
  | { ir: 'room'; type: 'technical'; detail: TechnicalDetail }
  | { ir: 'room'; type: 'config-error'; detail: string };

/** A message without its marker, one variant at a time. */
export type WorkerBody = WorkerMessage extends infer M ? (M extends WorkerMessage ? Omit<M, 'ir'> : never) : never;

/** Posts to `port` (the marker added, typed arrays transferred as copies). */
export const workerSender = (port: PortLike) => (m: WorkerBody) => postRoom(port, m);
