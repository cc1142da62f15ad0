import { filter, map, share, type Subscription } from 'rxjs';
import type { TelemetryRoom } from '../room/room.js';
import { natsSource, type NatsItem, type NatsSourceOptions } from './nats-source.js';

/**
 * A room that renders a procedure room published on NATS (by `ir-monitor/edge`): its
 * channels and data in stream order, its alarm manager following the edge's decision
 * (judging nothing itself), this viewer's commands sent to the edge, refusals logged
 * and reported. `room.replaying` counts what is left to replay. Unsubscribe to stop.
 */
export function followNats(room: TelemetryRoom, options: Omit<NatsSourceOptions, 'commands'>): Subscription {
  const items = natsSource({ ...options, commands: room.manager.issued }).pipe(share());
  const data = items.pipe(
    filter((x): x is Extract<NatsItem, { type: 'data' }> => x.type === 'data'),
    map((x) => x.data),
  );
  // The edge validated against the procedure's clock; a replay is old by design.
  room.connect(data);
  const sub = items.subscribe((x) => {
    switch (x.type) {
      case 'channels':
        return room.setChannels(x.channels);
      case 'overview': {
        const store = room.store(x.channel);
        if (store) store.overviewed = { until: x.until, stepMs: x.stepMs };
        return;
      }
      case 'alarms':
        return room.manager.follow(x.snapshot);
      case 'replay':
        return room.replaying.next(x.pending);
      case 'refused':
        return room.manager.refusedElsewhere(x.command, x.reason, x.detail);
      case 'state':
        if (x.state === 'reconnecting' || x.state === 'closed') room.connection.next(x.state);
        if (x.detail) room.configErrors.next(x.detail);
        return;
      case 'parse-error':
      case 'sequence':
        return room.technical.next(x);
    }
  });
  // Ending the follow ends the data too (the room's input shares the one connection).
  sub.add(() => (room.disconnect(), room.replaying.next(0)));
  return sub;
}
