import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider, createContext } from '@lit/context';
import { Observable, Subject, filter, share, type Subscription } from 'rxjs';
import type { SampleBatch } from '../../models/channel.js';
import { websocketSource, type WsItem } from '../../streams/websocket-source.js';

export type ConnectionState = 'connecting' | 'live' | 'stale' | 'reconnecting' | 'closed';

/** What `ir-telemetry` hands to the elements inside it. */
export interface TelemetryContext {
  channel(id: string): Observable<SampleBatch>;
}

export const telemetryContext = createContext<TelemetryContext>(Symbol('ir-telemetry'));

/** Fired when the connection state changes; `state` holds the new one. */
export class ConnectionStateEvent extends Event {
  constructor(readonly state: ConnectionState) {
    super('ir-connection-state', { bubbles: true, composed: true });
  }
}

/** A technical event from the transport: a parse error or a sequence gap or duplicate. */
export class TransportTechnicalEvent extends Event {
  constructor(readonly detail: Exclude<WsItem, { type: 'message' | 'frame' | 'state' }>) {
    super('ir-technical', { bubbles: true, composed: true });
  }
}

/**
 * An invisible provider: connects a source and hands its channels, by their
 * `channel` attribute, to the elements inside it.
 *
 * @tagname ir-telemetry
 * @summary Connects telemetry and shares it with the panels inside.
 * @slot - Panels that read channels from this source.
 * @event ir-connection-state - The connection state changed (`ConnectionStateEvent`).
 * @event ir-technical - Malformed data, or a gap or duplicate in a channel's sequence (`TransportTechnicalEvent`).
 */
export class IrTelemetry extends LitElement {
  /** A `ws://` or `wss://` URL of a gateway speaking the wire format; used when no `source` is set. */
  @property() src?: string;

  /** The source: an Observable of sample batches. Takes precedence over `src`. */
  @property({ attribute: false }) source?: Observable<SampleBatch>;

  /** The connection state: connecting, live, stale, reconnecting or closed. */
  @property({ reflect: true }) state: ConnectionState = 'closed';

  private readonly hub = new Subject<SampleBatch>();
  private readonly shared = this.hub.pipe(share());
  private subscription?: Subscription;

  constructor() {
    super();
    new ContextProvider(this, {
      context: telemetryContext,
      initialValue: { channel: (id) => this.shared.pipe(filter((b) => b.channel === id)) },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.setState('closed');
  }

  protected override updated(changed: Map<string, unknown>): void {
    if ((changed.has('source') || changed.has('src')) && this.isConnected) this.connect();
  }

  private connect(): void {
    this.subscription?.unsubscribe();
    if (!this.source && this.src) return this.connectSocket(this.src);
    if (!this.source) return;
    this.setState('connecting');
    this.subscription = this.source.subscribe({
      next: (batch) => {
        if (this.state !== 'live') this.setState('live');
        this.hub.next(batch);
      },
      error: () => this.setState('closed'),
      complete: () => this.setState('closed'),
    });
  }

  private connectSocket(url: string): void {
    this.subscription = websocketSource(url).subscribe((item) => {
      if (item.type === 'state') this.setState(item.state);
      else if (item.type === 'message') {
        if (item.message.type === 'samples') this.hub.next(item.message);
      } else if (item.type !== 'frame') this.dispatchEvent(new TransportTechnicalEvent(item));
    });
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
