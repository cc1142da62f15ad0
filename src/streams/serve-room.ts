import { Subject, Subscription, filter } from 'rxjs';
import { engineKinds } from './engines/registry.js';
import type { ProcedureEngine } from './engines/procedure-engine.js';
import { portMessages, shareRoom, type PortLike } from './room-port.js';
import { TelemetryRoom, WALL_CLOCK, type RoomInput } from './room/room.js';
import { workerSender, type WorkerMessage } from './worker-protocol.js';
import { errorText } from '../models/error-text.js';

/**
 * The Worker's end (`ir-monitor/worker` runs it on the Worker's own scope): a room
 * with its engines and its one alarm manager, made for the page's viewer at its first
 * setup, connected where the page says, shared with the page as a console's window
 * shares its room (`shareRoom`), each engine's snapshots and outputs posted as they
 * change. Dose over large maps, the freezing model and every alarm are computed here,
 * off the page's main thread. Messages before the first setup are not the page's (it
 * always sends its setup first) and are ignored.
 */
export function serveRoom(port: PortLike): Subscription {
  const post = workerSender(port);
  const sub = new Subscription();
  const rules = new Map<number, () => void>();
  const bridged = new Set<string>();
  const unknown = new Set<string>();
  let room: TelemetryRoom | undefined;
  let feed: Subject<RoomInput> | undefined;
  let src: string | undefined;

  const configError = (detail: string) => post({ type: 'config-error', detail });
  const engine = (kind: string) => {
    const e = room!.engine<ProcedureEngine<unknown, unknown>>(kind);
    // Named once: a page sets its room up again as its channels change.
    if (!e) return unknown.has(kind) ? undefined : (unknown.add(kind), configError(`no procedure '${kind}' in the room's Worker (known: ${engineKinds().join(', ') || 'none'}; import its engine in the Worker's module)`));
    if (bridged.has(kind)) return e;
    bridged.add(kind);
    // One snapshot per task: a map accumulated in one step emits several, and each is copied to the page.
    let due: unknown;
    let unsent = false;
    const send = () => {
      try {
        post({ type: 'state', kind, state: due });
      } catch (x) {
        // An engine of one's own whose state holds what cannot be posted (a function): said once, not thrown at the engine.
        if (!unsent) (unsent = true), configError(`procedure '${kind}': its state cannot reach the page (${errorText(x)})`);
      }
      due = undefined;
    };
    sub.add(
      e.state.subscribe((state) => {
        if (due === undefined) queueMicrotask(send);
        due = state;
      }),
    );
    sub.add(e.outputs.subscribe((output) => post({ type: 'output', kind, output })));
    return e;
  };

  /** The room, made at the page's first setup: what it does in the alarm log is the page's viewer's doing. */
  const open = (viewer: string) => {
    const r = new TelemetryRoom({ viewer });
    sub.add(shareRoom(r, port, viewer));
    sub.add(() => r.close());
    sub.add(r.connection.subscribe((state) => post({ type: 'connection', state })));
    // The page judges its channels' quality itself, from what reaches it.
    sub.add(r.technical.pipe(filter((d) => d.type !== 'quality')).subscribe((detail) => post({ type: 'technical', detail })));
    sub.add(r.configErrors.subscribe(configError));
    return r;
  };

  sub.add(
    portMessages<WorkerMessage>(port).subscribe((m) => {
      if (m.type === 'setup') {
        room ??= open(m.viewer);
        room.setChannels(m.channels);
        m.procedures.forEach(engine);
        if (m.src === src && (src || feed)) return;
        src = m.src;
        feed = undefined;
        if (!src) room.connect((feed = new Subject<RoomInput>()));
        else if (/^https?:/i.test(src)) room.connectSse(src, m.viewer, WALL_CLOCK);
        else room.connectUrl(src, m.viewer, WALL_CLOCK);
      } else if (!room) return;
      else if (m.type === 'feed') feed?.next(m.data);
      else if (m.type === 'engine') {
        const e = engine(m.kind);
        if (e && m.config !== undefined) e.configure(m.config);
      } else if (m.type === 'rules') {
        rules.get(m.set)?.();
        rules.delete(m.set);
        try {
          if (m.rules.length) rules.set(m.set, room.manager.addRules(m.rules));
        } catch (e) {
          configError(errorText(e));
        }
      }
    }),
  );
  return sub;
}
