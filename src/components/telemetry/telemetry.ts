import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { Observable, SchedulerLike, Subscription } from 'rxjs';
import type { ChannelDescriptor } from '../../models/channel.js';
import type { ClockCheck } from '../../models/validate.js';
import type { AlarmRule } from '../../models/alarm-rules.js';
import type { AlarmManager } from '../../streams/alarm-manager.js';
import { TelemetryRoom, type ConnectionState, type RoomInput } from '../../streams/room/room.js';
import { engineKinds } from '../../streams/engines/registry.js';
import { followNats } from '../../streams/nats/follow-nats.js';
import type { NatsClientModules } from '../../streams/nats/nats-source.js';
import type { PortLike } from '../../streams/room-port.js';
import { followWorker, type WorkerLink, type WorkerSetup } from '../../streams/follow-worker.js';
import { alarmContext } from '../alarm-controller.js';
import { roomContext } from '../kit/room-context.js';
import { IrConfigErrorEvent, IrConnectionStateEvent, IrTechnicalEvent } from '../kit/events.js';
import { newViewerId } from '../../models/alarm-record.js';

/**
 * An invisible provider: the element form of a `TelemetryRoom`. It connects a
 * source, validates what it sends against the channel descriptors, keeps one
 * store per channel for the page, judges each channel's quality once, owns the
 * alarm manager, and hands all of it to the panels inside that ask for a channel.
 * It runs the procedures it declares (`procedures`): their engines keep their
 * state, derived channels and alarms whichever panels are on screen. Moved in the
 * page (a framework re-parenting it) it keeps its connection; removed, it lets go of
 * its source at the end of the task. Given another NATS broker or procedure room, or
 * another gateway (`src`), it makes a new `room`: nothing of the procedure before
 * (samples, engines, alarms) stays.
 *
 * @tagname ir-telemetry
 * @summary Connects telemetry and shares it with the panels inside.
 * @slot - Panels that read channels from this source.
 * @event ir-connection-state - The connection state changed (`IrConnectionStateEvent`, `detail.state`).
 * @event ir-technical - Invalid data, a refused batch or frame, a parse error, a gap or duplicate in a channel's sequence, or a channel gone stale or valid again (`IrTechnicalEvent`).
 * @event ir-config-error - An alarm rule was refused, or the NATS broker or room could not be followed; `detail.message` says why (`IrConfigErrorEvent`).
 */
export class IrTelemetry extends LitElement {
  /**
   * A gateway speaking the wire format: `ws://` or `wss://` (WebSocket, both ways), or
   * `http://` or `https://` (Server-Sent Events, one way: acknowledgements made here
   * stay here). Used when no `source` or `nats` is set.
   */
  @property() src?: string;

  /**
   * A NATS broker's WebSocket URL (`ws://host:port`). With `procedure`, the page
   * follows that procedure room as an edge publishes it (docs/nats.md): it replays
   * what it missed, then follows live; the alarms shown are the edge's decision, and
   * acknowledgements and pauses go to the edge, which decides. Needs the optional
   * peers `@nats-io/nats-core` and `@nats-io/jetstream`. Used when no `source` is
   * set; takes precedence over `src`.
   */
  @property() nats?: string;

  /** The procedure room to follow on `nats` (letters, digits, `-`, `_`). */
  @property() procedure?: string;

  /**
   * What a viewer joining `nats` late replays of the samples: `overview` (default: the
   * room's overviews, the minimum and maximum of each 100 ms, up to the newest, then every
   * sample; a chart shows the same, and a 10 Hz or slower channel comes exactly) or
   * `every-sample` (every sample of the window: longer to join).
   */
  @property() replay: 'overview' | 'every-sample' = 'overview';

  /** Credentials for `nats`: a property only, so they never stand in the page's HTML. */
  @property({ attribute: false }) natsAuth?: { user: string; pass: string } | { token: string };

  /**
   * The NATS client modules for `nats`, in a page built by a bundler:
   * `{ core: await import('@nats-io/nats-core'), jetstream: await import('@nats-io/jetstream') }`.
   * Without, they are imported by name when `nats` is set (a page with an import map).
   */
  @property({ attribute: false }) natsClient?: NatsClientModules;

  /**
   * Messages still to replay before this viewer is live with the procedure (a
   * late join, a reconnect); 0 when live. Reflected as `catching-up` so a page
   * can say so, and panels inside read it from the room (`room.replaying`).
   */
  @property({ type: Number, reflect: true, attribute: 'catching-up' }) catchingUp = 0;

  /** The source: an Observable of sample batches, waveforms, grids and events. Takes precedence over `nats` and `src`. */
  @property({ attribute: false }) source?: Observable<RoomInput>;

  /** The channels this source may send. Data of any other channel is refused as a technical event. */
  @property({ attribute: false }) channels: ChannelDescriptor[] = [];

  /** The connection state: connecting, live, stale, reconnecting or closed. */
  @property({ reflect: true }) state: ConnectionState = 'closed';

  /** How much recent data each channel keeps, in seconds, so a panel attached late starts full (panels may ask for more). */
  @property({ type: Number }) window = 600;

  /**
   * Alarm rules for this room; panels inside add their own. Every channel with
   * a rule also gets stale and invalid technical alarms. A bad rule is refused
   * with `ir-config-error`, naming it.
   */
  @property({ attribute: false }) rules: AlarmRule[] = [];

  /**
   * This viewer's id on the wire. With `src`, acknowledgements and pauses made
   * here are sent to the gateway as commands, and those of other viewers are
   * carried out here (an IEC 60601-1-8 distributed alarm system). Set before
   * the element is attached; it also names who acted in the alarm log (one left
   * unnamed shows there as a console and the first digits of its random id).
   */
  @property() viewer: string = newViewerId();

  /**
   * The receiving clock data times are checked against: a time implausibly far
   * from it (60 s ahead, 24 h behind by default) is refused as `clock-skew` and
   * never becomes a channel's reference. With `src`, the wall clock unless set;
   * with `.source`, none unless set (give `WALL_CLOCK` for a live source, a
   * replay's or simulator's own clock for recorded or accelerated data).
   */
  @property({ attribute: false }) clock?: ClockCheck;

  /**
   * The procedure engines this room runs from the start, separated by spaces or
   * commas: `cryo`, `thermal`, `pulses`, `cement` (and any engine registered by
   * name). A panel inside finds its engine here and hands it its configuration;
   * a panel placed without one starts it. An unknown name is an `ir-config-error`.
   */
  @property() procedures = '';

  /**
   * A module Worker started on `ir-monitor/worker` (or on a module of one's own that imports
   * its engines, then `ir-monitor/worker`): the room runs there, with its engines and the one
   * alarm manager, off this page's main thread, and this element's room follows it
   * (`followWorker`): panels draw what it decides.
   * `src` and `.source` are connected there; a `src` is checked against the wall clock,
   * a `.source`'s times only against each other; `nats` is not followed (an edge decides
   * there already: an `ir-config-error` says so). Set it with the other properties, before
   * the element's first update.
   */
  @property({ attribute: false }) worker?: PortLike;

  /** The clock of stale detection and alarm pauses; set before the element is attached (a VirtualTimeScheduler in tests). */
  @property({ attribute: false }) scheduler?: SchedulerLike;

  private roomValue?: TelemetryRoom;
  private natsFollow?: Subscription;
  /** Where this viewer is in its NATS room's stream: added back to the page, it goes on from there. */
  private natsPosition = { seq: 0 };
  private workerLink?: WorkerLink;
  private events?: Subscription;
  private connected = false;
  private readonly provider = new ContextProvider(this, { context: roomContext });
  private readonly alarmProvider = new ContextProvider(this, { context: alarmContext });

  /** The room behind this element: stores, quality, technical events, the alarm manager. */
  get room(): TelemetryRoom {
    return (this.roomValue ??= this.makeRoom());
  }

  /** The alarm manager the panels inside share: one acknowledgement reaches them all. */
  get manager(): AlarmManager {
    return this.room.manager;
  }

  private makeRoom(): TelemetryRoom {
    const room = new TelemetryRoom({ scheduler: this.scheduler, windowMs: this.window * 1000, viewer: this.viewer });
    this.events = room.technical.subscribe((d) => this.dispatchEvent(new IrTechnicalEvent(d)));
    this.events.add(room.configErrors.subscribe((m) => this.dispatchEvent(new IrConfigErrorEvent(m))));
    this.events.add(
      room.connection.subscribe((s) => {
        if (s === this.state) return;
        this.state = s;
        this.dispatchEvent(new IrConnectionStateEvent(s));
      }),
    );
    this.events.add(room.replaying.subscribe((n) => (this.catchingUp = n)));
    this.alarmProvider.setValue(room.manager);
    this.provider.setValue(room);
    return room;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Added again after it was removed: follow the source again (the first connection waits for the first update).
    if (!this.hasUpdated || this.connected) return;
    // Removed before it had joined its broker's room: it joins again, in a room of its own.
    if (this.nats && !this.natsPosition.seq) this.requestUpdate('procedure');
    else this.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Let go once the task is over: moved in the page (a framework re-parenting it), it keeps
    // its connection, and a source that replays what it holds (a Worker, a broker) is not asked twice.
    queueMicrotask(() => this.isConnected || this.letGo());
  }

  /** Lets go of the source: the room stays, with what it holds. */
  private letGo(): void {
    this.connected = false;
    this.natsFollow?.unsubscribe();
    this.workerLink?.unsubscribe();
    this.workerLink = undefined;
    this.roomValue?.disconnect();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    // Another broker, room or gateway is another procedure, another patient: a room of its
    // own, so nothing of the one before (samples, engines, alarms) is shown with it.
    const renewed = this.hasUpdated && !this.worker && (changed.has('nats') || changed.has('procedure') || (changed.has('src') && !this.nats && !this.source)) && this.leaveRoom();
    const room = this.room;
    // Following a Worker's room from the start, the channels set here are its decision, logged there.
    if (this.worker && !this.workerLink) this.followWorker(room, this.worker);
    if (renewed || changed.has('channels')) room.setChannels(this.channels);
    if (renewed || changed.has('channels') || changed.has('rules')) room.setRules(this.rules);
    // A Worker's room starts them, and names one it does not know.
    if ((renewed || changed.has('procedures')) && !this.worker) this.startProcedures(room);
    // One connection per change of source, made once all properties of this update are set;
    // the state it reports joins this update rather than scheduling another.
    // A room in a Worker is told its channels and procedures with its source.
    const source = ['source', 'src', 'clock', 'nats', 'procedure', 'replay', 'natsAuth', 'natsClient', ...(this.worker ? ['channels', 'procedures'] : [])].some((k) => changed.has(k));
    if (!this.connected || source) this.connect();
  }

  /** Closes the room (its connection, engines, stores and alarms): `room` is a new one from now on. */
  private leaveRoom(): true {
    this.letGo();
    this.natsPosition = { seq: 0 };
    this.events?.unsubscribe();
    this.roomValue?.close();
    this.roomValue = undefined;
    return true;
  }

  private get procedureKinds(): string[] {
    return this.procedures.split(/[\s,]+/).filter(Boolean);
  }

  private get workerSetup(): WorkerSetup {
    return { src: this.src, source: this.source, channels: this.channels, procedures: this.procedureKinds };
  }

  /** The room in `worker`, followed before this room is given channels: an engine a panel started here meanwhile moves there. */
  private followWorker(room: TelemetryRoom, worker: PortLike): void {
    this.workerLink = followWorker(room, worker, this.viewer, this.workerSetup);
  }

  private startProcedures(room: TelemetryRoom): void {
    for (const kind of this.procedureKinds)
      if (!room.engine(kind))
        this.dispatchEvent(new IrConfigErrorEvent(`<ir-telemetry>: no procedure '${kind}' (known: ${engineKinds().join(', ') || 'none'}; import its panel or ir-monitor/streams)`));
  }

  private connect(): void {
    if (!this.isConnected) return;
    this.connected = true;
    this.natsFollow?.unsubscribe();
    this.natsFollow = undefined;
    if (this.worker) {
      // Said rather than ignored: a page given both would wait for data that never comes.
      if (this.nats) this.dispatchEvent(new IrConfigErrorEvent('<ir-telemetry>: nats is not followed with a worker: set one of them'));
      if (this.workerLink) this.workerLink.setup(this.workerSetup);
      else this.followWorker(this.room, this.worker);
    } else if (this.source) this.room.connect(this.source, this.clock);
    else if (this.nats && this.procedure) this.natsFollow = followNats(this.room, { servers: this.nats, procedure: this.procedure, viewer: this.viewer, replay: this.replay, client: this.natsClient, position: this.natsPosition, ...this.natsAuth });
    else if (this.src && /^https?:/i.test(this.src)) this.room.connectSse(this.src, this.viewer, this.clock);
    else if (this.src) this.room.connectUrl(this.src, this.viewer, this.clock);
    else this.room.disconnect();
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
