import { Observable, Subscription, filter, map, share } from 'rxjs';
import { ALARM_SNAPSHOT_VERSION, decodeAlarmSnapshot, encodeAlarmSnapshot, type AlarmSnapshot } from '../models/alarm-snapshot.js';
import type { RefusalReason } from '../models/alarm-record.js';
import type { ChannelDescriptor } from '../models/channel.js';
import type { RoomInput, TelemetryRoom } from './room/room.js';
import { alarmSnapshots, roomOutput } from './room/room-output.js';
import { transferCopies } from './transfer-copies.js';

/** A `BroadcastChannel`, a `MessagePort` or a window: whatever posts messages and hears them. */
export interface PortLike {
  postMessage(message: unknown, options?: { transfer?: Transferable[] }): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  /** A MessagePort delivers only once started. */
  start?(): void;
}

/** What travels between a console's windows (structured clone: typed arrays and NaN kept; snapshots as text, checked). */
export type PortMessage =
  | { ir: 'room'; type: 'hello'; from: string }
  | { ir: 'room'; type: 'channels'; channels: readonly ChannelDescriptor[] }
  | { ir: 'room'; type: 'data'; data: RoomInput }
  | { ir: 'room'; type: 'alarms'; snapshot: string }
  | { ir: 'room'; type: 'command'; origin: string; wall: number; command: unknown }
  | { ir: 'room'; type: 'refused'; to: string; command: unknown; reason: RefusalReason; detail: string };

/** Posts a room message (`ir: 'room'` added), its typed arrays as transferred copies (`transferCopies`). */
export function postRoom(port: PortLike, m: object): void {
  const [message, transfer] = transferCopies({ ir: 'room', ...m });
  port.postMessage(message, { transfer });
}

/** A message without its marker, one variant at a time. */
type Body = PortMessage extends infer M ? (M extends PortMessage ? Omit<M, 'ir'> : never) : never;

const isPortMessage = (x: unknown): x is PortMessage => typeof x === 'object' && x !== null && (x as { ir?: unknown }).ir === 'room';

/** A port's room messages as an Observable (`M`: those of a protocol built on this one). */
export function portMessages<M extends { ir: 'room' } = PortMessage>(port: PortLike): Observable<M> {
  return new Observable<M>((out) => {
    const listener = (e: MessageEvent) => isPortMessage(e.data) && out.next(e.data as unknown as M);
    port.addEventListener('message', listener);
    port.start?.();
    return () => port.removeEventListener('message', listener);
  });
}

/**
 * Shares a room with a console's other windows (`followPort` there): its channels and
 * validated data, its alarm decision, and what it holds for a window that opens late.
 * Commands from those windows are carried out here, by this room's manager; a refusal
 * goes back to the window that asked.
 */
export function shareRoom(room: TelemetryRoom, port: PortLike, sender: string): Subscription {
  const post = (m: Body) => postRoom(port, m);
  const snapshot = (s: AlarmSnapshot) => post({ type: 'alarms', snapshot: encodeAlarmSnapshot(s) });
  const sub = roomOutput(room).subscribe((x) => post(x));
  sub.add(alarmSnapshots(room.manager, sender).subscribe(snapshot));
  sub.add(
    portMessages(port).subscribe((m) => {
      if (m.type === 'hello') {
        // A window opened late: what the room holds, then the decision in force.
        post({ type: 'channels', channels: room.channels.value });
        for (const d of room.channels.value) {
          const t: number[] = [];
          const v: number[] = [];
          room.store(d.id)?.forEach((ti, vi) => (t.push(ti), v.push(vi)));
          if (t.length) post({ type: 'data', data: { channel: d.id, t: Float64Array.from(t), v: Float32Array.from(v), unit: d.unit } });
          for (const e of room.eventsOf(d.id)?.items ?? []) post({ type: 'data', data: e });
          for (const w of room.waveforms(d.id)?.items ?? []) post({ type: 'data', data: { kind: 'waveform', ...w } });
          const g = room.grids(d.id)?.latest;
          if (g) post({ type: 'data', data: { kind: 'grid', ...g } });
        }
        const manager = room.manager;
        snapshot({ ver: ALARM_SNAPSHOT_VERSION, sender, present: manager.present.value, system: manager.system.value, changes: [], actions: [] });
      } else if (m.type === 'command') {
        let refusal: { reason: RefusalReason; detail: string } | undefined;
        const watch = room.manager.refused.subscribe((r) => (refusal = r));
        room.manager.command(m.command, { origin: m.origin, wall: m.wall });
        watch.unsubscribe();
        if (refusal) post({ type: 'refused', to: m.origin, command: m.command, ...refusal });
      }
    }),
  );
  return sub;
}

/**
 * Follows a room shared from another window (`shareRoom`): channels, data and the
 * alarm decision are that window's; this window's acknowledgements and pauses go to
 * it, and its refusals come back here. Unsubscribe to stop.
 */
export function followPort(room: TelemetryRoom, port: PortLike, viewer: string): Subscription {
  const items = portMessages(port).pipe(share());
  room.connect(
    items.pipe(
      filter((m): m is Extract<PortMessage, { type: 'data' }> => m.type === 'data'),
      map((m) => m.data),
    ),
  );
  const sub = items.subscribe((m) => {
    if (m.type === 'channels') room.setChannels(m.channels);
    else if (m.type === 'alarms') {
      const r = decodeAlarmSnapshot(m.snapshot);
      if (r.ok) room.manager.follow(r.value);
      else room.technical.next({ type: 'parse-error', reason: 'unsupported-version', detail: `alarm snapshot from another window: ${r.detail}` });
    } else if (m.type === 'refused' && m.to === viewer) room.manager.refusedElsewhere(m.command, m.reason, m.detail);
  });
  sub.add(room.manager.issued.subscribe((command) => port.postMessage({ ir: 'room', type: 'command', origin: viewer, wall: Date.now(), command } satisfies PortMessage)));
  port.postMessage({ ir: 'room', type: 'hello', from: viewer } satisfies PortMessage);
  sub.add(() => room.disconnect());
  return sub;
}
