import { Observable, Subscription, merge } from 'rxjs';
import type { ChannelDescriptor } from '../../models/channel.js';
import { ALARM_SNAPSHOT_VERSION, type AlarmSnapshot, type SnapshotChange } from '../../models/alarm-snapshot.js';
import type { AlarmAction } from '../../models/alarm-record.js';
import type { AlarmManager } from '../alarm-manager.js';
import type { RoomInput, TelemetryRoom } from './room.js';

/** What a room passes on to others: its channels, then every validated item, in order. */
export type RoomOutput = { type: 'channels'; channels: readonly ChannelDescriptor[] } | { type: 'data'; data: RoomInput };

/**
 * A room's validated output, for a transport to carry to other viewers (an edge's
 * broker, a console's other windows): each set of channels (none announced before the
 * room has some), then each validated sample batch (with its unit), waveform, grid and event.
 */
export function roomOutput(room: TelemetryRoom): Observable<RoomOutput> {
  return new Observable<RoomOutput>((out) => {
    const sub = new Subscription();
    // A closed subscription tears down whatever is added to it: a new one per set of channels.
    let perChannel = new Subscription();
    sub.add(() => perChannel.unsubscribe());
    sub.add(
      room.channels.subscribe((list) => {
        if (!list.length) return;
        out.next({ type: 'channels', channels: list });
        perChannel.unsubscribe();
        perChannel = new Subscription();
        for (const d of list) {
          const store = room.store(d.id);
          if (!store) continue;
          perChannel.add(store.batches.subscribe((b) => out.next({ type: 'data', data: { channel: d.id, t: b.t, v: b.v, unit: d.unit } })));
          perChannel.add(
            merge(room.waveforms(d.id)!.live, room.grids(d.id)!.live).subscribe((f) =>
              out.next({ type: 'data', data: 'width' in f ? { kind: 'grid', ...f } : { kind: 'waveform', ...f } }),
            ),
          );
        }
      }),
    );
    sub.add(room.events.subscribe((e) => out.next({ type: 'data', data: e })));
    return sub;
  });
}

/**
 * A manager's decision as snapshots for followers (`AlarmManager.follow`): one per turn
 * of the event loop that changed it, carrying every change and action of that turn.
 */
export function alarmSnapshots(manager: AlarmManager, sender: string): Observable<AlarmSnapshot> {
  return new Observable<AlarmSnapshot>((out) => {
    let changes: SnapshotChange[] = [];
    let actions: AlarmAction[] = [];
    let due = false;
    let open = true;
    const emit = () => {
      due = false;
      if (!open) return;
      const s: AlarmSnapshot = { ver: ALARM_SNAPSHOT_VERSION, sender, present: manager.present.value, system: manager.system.value, changes, actions };
      changes = [];
      actions = [];
      out.next(s);
    };
    const schedule = () => {
      if (!due) (due = true), queueMicrotask(emit);
    };
    const sub = manager.changes.subscribe((c) => (changes.push(c), schedule()));
    sub.add(manager.actions.subscribe((a) => (actions.push(a), schedule())));
    sub.add(merge(manager.present, manager.system).subscribe(schedule));
    sub.add(() => (open = false));
    return sub;
  });
}
