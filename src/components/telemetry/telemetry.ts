import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider, createContext } from '@lit/context';
import { EMPTY, Observable, Subject, type Subscription } from 'rxjs';
import { TelemetryHub } from '../../streams/hub.js';
import type { ChannelDescriptor, SampleBatch } from '../../models/channel.js';
import { isTechnicalEvent, type TechnicalEvent, type UnitBatch } from '../../models/events.js';
import { validateSamples } from '../../streams/validate-samples.js';
import { websocketSource, type WsItem } from '../../streams/websocket-source.js';

export type ConnectionState = 'connecting' | 'live' | 'stale' | 'reconnecting' | 'closed';

/** What `ir-telemetry` hands to the elements inside it. */
export interface TelemetryContext {
  /** Validated batches of one channel. */
  channel(id: string): Observable<SampleBatch>;
  descriptor(id: string): ChannelDescriptor | undefined;
}

export const telemetryContext = createContext<TelemetryContext>(Symbol('ir-telemetry'));

/** Fired when the connection state changes; `state` holds the new one. */
export class ConnectionStateEvent extends Event {
  constructor(readonly state: ConnectionState) {
    super('ir-connection-state', { bubbles: true, composed: true });
  }
}

/** What went wrong with incoming data: a rejected value or batch, a parse error, a sequence gap or duplicate. */
export type TechnicalDetail = TechnicalEvent | Exclude<WsItem, { type: 'message' | 'frame' | 'state' }>;

/** Fired for every technical event; the stream goes on. */
export class IrTechnicalEvent extends Event {
  constructor(readonly detail: TechnicalDetail) {
    super('ir-technical', { bubbles: true, composed: true });
  }
}

/** What panels see of a hub: a channel the hub does not know is simply empty. */
const contextOf = (hub: TelemetryHub): TelemetryContext => ({
  channel: (id) => (hub.descriptor(id) ? hub.channel(id) : EMPTY),
  descriptor: (id) => hub.descriptor(id),
});

/** With no batch for this long while live, the connection is stale (batches come every ~100 ms). */
const MIN_SILENCE_MS = 1000;
const STALE_FACTOR = 3;

/**
 * An invisible provider: connects a source, validates what it sends against
 * the channel descriptors, and hands each channel to the elements inside it
 * that ask for it by their `channel` attribute.
 *
 * @tagname ir-telemetry
 * @summary Connects telemetry and shares it with the panels inside.
 * @slot - Panels that read channels from this source.
 * @event ir-connection-state - The connection state changed (`ConnectionStateEvent`).
 * @event ir-technical - Invalid data, a refused batch, a parse error, or a gap or duplicate in a channel's sequence (`IrTechnicalEvent`).
 */
export class IrTelemetry extends LitElement {
  /** A `ws://` or `wss://` URL of a gateway speaking the wire format; used when no `source` is set. */
  @property() src?: string;

  /** The source: an Observable of sample batches. Takes precedence over `src`. */
  @property({ attribute: false }) source?: Observable<UnitBatch>;

  /** The channels this source may send. A batch of any other channel is refused as a technical event. */
  @property({ attribute: false }) channels: ChannelDescriptor[] = [];

  /** The connection state: connecting, live, stale, reconnecting or closed. */
  @property({ reflect: true }) state: ConnectionState = 'closed';

  /** How much recent data each channel keeps, so a panel attached late starts full (ms). */
  @property({ type: Number }) window = 600_000;

  private readonly raw = new Subject<UnitBatch>();
  private hub = new TelemetryHub(this.window);
  private subscription?: Subscription;
  private validation?: Subscription;
  private silence = 0;
  private silenceMs = MIN_SILENCE_MS;

  private readonly provider = new ContextProvider(this, { context: telemetryContext, initialValue: contextOf(this.hub) });

  override connectedCallback(): void {
    super.connectedCallback();
    this.validate();
    this.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscription?.unsubscribe();
    this.validation?.unsubscribe();
    this.subscription = this.validation = undefined;
    clearTimeout(this.silence);
    this.setState('closed');
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('channels') || changed.has('window')) {
      // A new hub for the new channels; panels get the new context and subscribe again.
      this.hub.close();
      this.hub = new TelemetryHub(this.window);
      for (const c of this.channels) this.hub.add(c);
      this.provider.setValue(contextOf(this.hub));
    }
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (!this.isConnected) return;
    if (changed.has('channels') || changed.has('window')) {
      this.silenceMs = Math.max(MIN_SILENCE_MS, ...this.channels.map((c) => c.intervalMs * STALE_FACTOR));
      this.validate();
    }
    if (changed.has('source') || changed.has('src')) this.connect();
  }

  private validate(): void {
    this.validation?.unsubscribe();
    this.validation = this.raw.pipe(validateSamples(this.channels)).subscribe((x) => {
      if (isTechnicalEvent(x)) this.dispatchEvent(new IrTechnicalEvent(x));
      else this.hub.push(x);
    });
  }

  private connect(): void {
    this.subscription?.unsubscribe();
    if (!this.source && this.src) return this.connectSocket(this.src);
    if (!this.source) return;
    this.setState('connecting');
    this.subscription = this.source.subscribe({
      next: (batch) => this.receive(batch),
      error: () => this.setState('closed'),
      complete: () => this.setState('closed'),
    });
  }

  private connectSocket(url: string): void {
    this.subscription = websocketSource(url).subscribe((item) => {
      if (item.type === 'state') this.setState(item.state);
      else if (item.type === 'message') {
        if (item.message.type === 'samples') this.receive(item.message);
      } else if (item.type !== 'frame') this.dispatchEvent(new IrTechnicalEvent(item));
    });
  }

  private receive(batch: UnitBatch): void {
    if (this.state !== 'live') this.setState('live');
    clearTimeout(this.silence);
    this.silence = window.setTimeout(() => this.state === 'live' && this.setState('stale'), this.silenceMs);
    this.raw.next(batch);
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.dispatchEvent(new ConnectionStateEvent(state));
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
