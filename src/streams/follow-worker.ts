import type { Observable, Subscription } from 'rxjs';
import { ALARM_SNAPSHOT_VERSION } from '../models/alarm-snapshot.js';
import type { ChannelDescriptor } from '../models/channel.js';
import { RemoteEngine } from './engines/remote-engine.js';
import { followPort, portMessages, type PortLike } from './room-port.js';
import type { RoomInput, TelemetryRoom } from './room/room.js';
import { workerSender, type WorkerMessage } from './worker-protocol.js';

/** What the page asks of the room in its Worker: where the data comes from, its channels, its procedures. */
export interface WorkerSetup {
  /** A gateway (`ws://` the wire format, `http://` its Server-Sent Events), connected from the Worker; none: `source`. */
  src?: string;
  /** Items the page hands on (a vendor's Observable), when there is no `src`. */
  source?: Observable<RoomInput>;
  channels: readonly ChannelDescriptor[];
  /** Engines started with the room (`cryo`, `thermal`...). */
  procedures: readonly string[];
}

/** The page's end of a room in a Worker (`followWorker`): set up again as the page changes. */
export interface WorkerLink extends Subscription {
  setup(setup: WorkerSetup): void;
}

/**
 * Follows the room of a Worker (`serveRoom`, `ir-monitor/worker`): its channels,
 * validated data and alarm decision, as a console's window follows another
 * (`followPort`), and its engines as `RemoteEngine`s (`room.engine(kind)`), their
 * configurations sent there. This room's rules (its own and its panels') are judged
 * there; its acknowledgements and pauses go there. Nothing clinical is computed here.
 */
export function followWorker(room: TelemetryRoom, port: PortLike, viewer: string, setup: WorkerSetup): WorkerLink {
  const post = workerSender(port);
  const manager = room.manager;
  // Followed again (its element added back to the page): what the Worker holds comes whole, in place of what is here.
  room.setChannels([]);
  // The channels first: the rules given so far are checked there against them.
  post({ type: 'setup', viewer, src: setup.src, channels: setup.channels, procedures: [] });
  // Before the rules go there: an engine a panel started here already leaves with its own.
  room.runEnginesElsewhere((kind) => {
    post({ type: 'engine', kind });
    return new RemoteEngine(kind, (config) => post({ type: 'engine', kind, config }));
  });
  let sets = 0;
  manager.delegateRules((rules) => {
    const set = ++sets;
    post({ type: 'rules', set, rules });
    return () => post({ type: 'rules', set, rules: [] });
  });
  // The Worker decides from the start (the rules given so far have gone there): nothing is judged here meanwhile.
  manager.follow({ ver: ALARM_SNAPSHOT_VERSION, sender: 'worker', present: [], system: manager.system.value, changes: [], actions: [] });
  const link = followPort(room, port, viewer) as WorkerLink;
  link.add(
    portMessages<WorkerMessage>(port).subscribe((m) => {
      if (m.type === 'state') room.engine<RemoteEngine>(m.kind)?.receive(m.state);
      else if (m.type === 'output') room.engine<RemoteEngine>(m.kind)?.receiveOutput(m.output);
      else if (m.type === 'connection') room.connection.next(m.state);
      else if (m.type === 'technical') room.technical.next(m.detail);
      else if (m.type === 'config-error') room.configErrors.next(m.detail);
    }),
  );
  // A Worker whose module did not load is dead: said, and shown closed; one that throws is said.
  const failed = ({ message }: Partial<ErrorEvent>) => {
    if (!message) room.connection.next('closed');
    room.configErrors.next(message ? `the room's Worker: ${message}` : "the room's Worker did not start: its module did not load (its URL, or the page's Content-Security-Policy)");
  };
  const target = port as Partial<EventTarget>;
  target.addEventListener?.('error', failed);
  link.add(() => target.removeEventListener?.('error', failed));
  let feeding: Observable<RoomInput> | undefined;
  let feed: Subscription | undefined;
  link.add(() => feed?.unsubscribe());
  link.setup = ({ src, source, channels, procedures }) => {
    post({ type: 'setup', viewer, src, channels, procedures });
    // The same source again (new channels) is not subscribed again: one that replays its history would send it twice.
    const wanted = src ? undefined : source;
    if (wanted === feeding) return;
    feed?.unsubscribe();
    feeding = wanted;
    feed = wanted?.subscribe((data) => post({ type: 'feed', data }));
  };
  link.setup(setup);
  return link;
}
