import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { Observable, SchedulerLike, Subscription } from 'rxjs';
import type { ChannelDescriptor, SampleBatch } from '../../models/channel.js';
import { TelemetryRoom, type RoomInput } from '../../streams/room/room.js';
import { roomContext } from './room-context.js';
import { IrConfigErrorEvent, IrTechnicalEvent } from './events.js';

/** What a panel offers for input: a `.source` with its `channels`, or `channel` ids read through `ir-telemetry`. */
export interface InputHost extends ReactiveControllerHost, HTMLElement {
  source?: Observable<RoomInput>;
  /** Descriptors of the channels a `.source` sends; inside `ir-telemetry`, the channels to show. */
  channels: ChannelDescriptor[];
  /** Channel ids, separated by spaces or commas, resolved through the nearest `ir-telemetry`. */
  channel?: string;
  /** The clock of the panel's private room (stale detection); a VirtualTimeScheduler in tests. */
  scheduler?: SchedulerLike;
  /** The channel ids a panel reads inside `ir-telemetry` when neither `channel` nor `channels` is given. */
  fallbackChannels?(): string[];
}

export interface InputOptions {
  /** Data time the panel needs from each store (ms); the stores keep at least that. */
  windowMs(): number;
  /** The room or the resolved channels changed: re-read the stores. */
  onChannels(room: TelemetryRoom, channels: readonly ChannelDescriptor[]): void;
  /** A batch arrived on one of the panel's channels (already in the store). */
  onBatch?(batch: SampleBatch): void;
  /** A channel's quality changed. */
  onQuality?(): void;
}

const ids = (s: string | undefined) => (s ?? '').split(/[\s,]+/).filter(Boolean);

/**
 * A panel's one input path. With `.source` the panel gets a private room, so it
 * validates, goes stale and alarms exactly as it would inside `ir-telemetry`;
 * without, it takes the nearest `ir-telemetry`'s room and resolves its channel
 * ids there. Properties may be set before or after the element is defined or
 * attached: resolution happens on connection and on every update.
 */
export class InputController implements ReactiveController {
  /** The room the panel reads: private (with `.source`) or shared. */
  room?: TelemetryRoom;
  /** The channels the panel shows, resolved. */
  channels: readonly ChannelDescriptor[] = [];
  private privateRoom?: TelemetryRoom;
  private privateSource?: Observable<RoomInput>;
  private privateChannels?: ChannelDescriptor[];
  private privateScheduler?: SchedulerLike;
  private key = '';
  private subscription?: Subscription;
  private roomEvents?: Subscription;
  private readonly context: ContextConsumer<typeof roomContext, InputHost>;

  constructor(
    private readonly host: InputHost,
    private readonly options: InputOptions,
  ) {
    host.addController(this);
    this.context = new ContextConsumer(host, { context: roomContext, subscribe: true, callback: () => this.resolve() });
  }

  /** Whether the room is the panel's own (a `.source`) rather than an `ir-telemetry`'s. */
  get isPrivate(): boolean {
    return this.room !== undefined && this.room === this.privateRoom;
  }

  hostConnected(): void {
    this.resolve();
  }

  hostUpdate(): void {
    this.resolve();
  }

  /** A private room closes with the panel (its clocks included); attached again, the panel starts a new one. */
  hostDisconnected(): void {
    this.detach();
    this.privateRoom?.close();
    this.roomEvents?.unsubscribe();
    this.privateRoom = this.privateSource = this.privateChannels = undefined;
  }

  /** Asks the stores for a wider window (the panel's window grew). */
  retain(): void {
    for (const c of this.channels) this.room?.store(c.id)?.retain(this.options.windowMs());
  }

  private resolve(): void {
    const host = this.host;
    if (!host.isConnected) return;
    const room = host.source ? this.ownRoom(host.source) : this.context.value;
    const wanted = ids(host.channel).length ? ids(host.channel) : host.channels.length ? host.channels.map((c) => c.id) : (host.fallbackChannels?.() ?? []);
    const channels = room ? wanted.flatMap((id) => room.descriptor(id) ?? []) : [];
    const key = channels.map((c) => c.id).join('\n');
    if (room === this.room && key === this.key && channels.every((c, i) => c === this.channels[i])) return;
    this.detach();
    this.room = room;
    this.channels = channels;
    this.key = key;
    if (!room) return;
    this.retain();
    // A reconfigured room (new descriptors) resolves again.
    this.subscription = room.channels.subscribe(() => this.resolve());
    for (const c of channels) {
      const store = room.store(c.id)!;
      this.subscription.add(store.batches.subscribe((b) => this.options.onBatch?.(b)));
    }
    const mine = new Set(channels.map((c) => c.id));
    this.subscription.add(room.quality.subscribe((q) => mine.has(q.channel) && this.options.onQuality?.()));
    this.options.onChannels(room, channels);
    host.requestUpdate();
  }

  /** The private room follows `.source`, `channels` and `scheduler`; a new scheduler needs a new room. */
  private ownRoom(source: Observable<RoomInput>): TelemetryRoom {
    const host = this.host;
    if (!this.privateRoom || this.privateScheduler !== host.scheduler) {
      this.privateRoom?.close();
      this.roomEvents?.unsubscribe();
      this.privateScheduler = host.scheduler;
      this.privateRoom = new TelemetryRoom({ scheduler: host.scheduler, windowMs: this.options.windowMs() });
      this.privateSource = this.privateChannels = undefined;
      this.roomEvents = this.privateRoom.technical.subscribe((d) => host.dispatchEvent(new IrTechnicalEvent(d)));
      this.roomEvents.add(this.privateRoom.configErrors.subscribe((m) => host.dispatchEvent(new IrConfigErrorEvent(m))));
    }
    const room = this.privateRoom;
    if (this.privateChannels !== host.channels) {
      this.privateChannels = host.channels;
      if (!host.channels.length) host.dispatchEvent(new IrConfigErrorEvent(`<${host.localName}>: a .source needs .channels, the descriptors of what it sends`));
      room.setChannels(host.channels);
    }
    if (this.privateSource !== source) {
      this.privateSource = source;
      room.connect(source);
    }
    return room;
  }

  private detach(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.room = undefined;
    this.channels = [];
    this.key = '';
  }
}
