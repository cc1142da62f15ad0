import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider, createContext } from '@lit/context';
import { EMPTY, Observable, Subject, filter, map, merge, share, skipWhile, type Subscription } from 'rxjs';
import { TelemetryHub } from '../../streams/hub.js';
import type { ChannelDescriptor, SampleBatch } from '../../models/channel.js';
import { isTechnicalEvent, type TechnicalEvent, type UnitBatch } from '../../models/events.js';
import { validateSamples } from '../../streams/validate-samples.js';
import { websocketSource, type WsItem } from '../../streams/websocket-source.js';
import { staleAfter } from '../../streams/stale-after.js';
import { AlarmManager } from '../../streams/alarm-manager.js';
import type { AlarmRule } from '../../models/alarm-rules.js';
import type { QualityChange } from '../../models/events.js';
import { encodeWireLine } from '../../models/wire.js';
import type { AlarmCommand } from '../../models/alarm-command.js';
import { ConfigErrorEvent, alarmContext } from '../alarm-controller.js';

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

/**
 * What went wrong with incoming data: a rejected value or batch, a parse error,
 * a sequence gap or duplicate, or a channel going stale (and valid again).
 */
export type TechnicalDetail = TechnicalEvent | QualityChange | Exclude<WsItem, { type: 'message' | 'frame' | 'state' }>;

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

/** crypto.randomUUID needs a secure context; hospital dashboards are often served over plain http. */
const randomId = () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');

const CONNECTION_LOST = { en: 'Connection to the gateway lost: reconnecting', fr: 'Connexion à la passerelle perdue : reconnexion' };

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
 * @event ir-technical - Invalid data, a refused batch, a parse error, a gap or duplicate in a channel's sequence, or a channel gone stale or valid again (`IrTechnicalEvent`).
 * @event ir-config-error - An alarm rule was refused; the message names it (`ConfigErrorEvent`).
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

  /**
   * Alarm rules for this room; panels inside add their own. Every channel with
   * a rule also gets stale and invalid technical alarms. A bad rule is refused
   * with `ir-config-error`, naming it.
   */
  @property({ attribute: false }) rules: AlarmRule[] = [];

  /**
   * This viewer's id on the wire. With `src`, acknowledgements and pauses made
   * here are sent to the gateway as commands, and those of other viewers are
   * carried out here (an IEC 60601-1-8 distributed alarm system).
   */
  @property() viewer: string = randomId();

  /** The alarm manager the panels inside share: one acknowledgement reaches them all. Renewed with `channels`. */
  get manager(): AlarmManager {
    return this.alarms;
  }

  private readonly raw = new Subject<UnitBatch>();
  private hub = new TelemetryHub(this.window);
  private subscription?: Subscription;
  private validation?: Subscription;
  private silence = 0;
  private silenceMs = MIN_SILENCE_MS;

  private alarms = new AlarmManager([], []);
  private removeRules?: () => void;
  /** Commands issued here, whichever manager is current, for the gateway. */
  private readonly issued = new Subject<AlarmCommand>();
  private issuing?: Subscription;
  private readonly provider = new ContextProvider(this, { context: telemetryContext, initialValue: contextOf(this.hub) });
  private readonly alarmProvider = new ContextProvider(this, { context: alarmContext, initialValue: this.alarms });

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
      this.alarms = new AlarmManager([], this.channels);
      this.removeRules = undefined;
      this.issuing?.unsubscribe();
      this.issuing = this.alarms.issued.subscribe((c) => this.issued.next(c));
      this.alarmProvider.setValue(this.alarms);
    }
    if (changed.has('channels') || changed.has('rules')) this.useRules();
  }

  private useRules(): void {
    this.removeRules?.();
    this.removeRules = undefined;
    try {
      this.removeRules = this.alarms.addRules(this.rules);
    } catch (e) {
      this.dispatchEvent(new ConfigErrorEvent(e instanceof Error ? e.message : String(e)));
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

  /** Validated data goes to the panels and, with each channel's quality, to the alarms. */
  private validate(): void {
    this.validation?.unsubscribe();
    const valid = this.raw.pipe(validateSamples(this.channels), share());
    const batches = valid.pipe(filter((x): x is SampleBatch => !isTechnicalEvent(x)));
    // A channel's first 'valid' says nothing new; from its first stale on, every change counts.
    const quality = merge(...this.channels.map((c) => batches.pipe(staleAfter(c, { factor: STALE_FACTOR, minSilenceMs: MIN_SILENCE_MS }), skipWhile((q) => q.quality === 'valid')))).pipe(share());
    this.validation = valid.subscribe((x) => (isTechnicalEvent(x) ? this.dispatchEvent(new IrTechnicalEvent(x)) : this.hub.push(x)));
    this.validation.add(quality.subscribe((q) => this.dispatchEvent(new IrTechnicalEvent(q))));
    this.validation.add(this.alarms.connect(merge(valid, quality)));
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
    const outgoing = this.issued.pipe(map((command) => encodeWireLine({ type: 'command', origin: this.viewer, t: Date.now(), command })));
    this.subscription = websocketSource(url, { outgoing }).subscribe((item) => {
      if (item.type === 'state') this.setState(item.state);
      else if (item.type === 'message') {
        const m = item.message;
        if (m.type === 'samples') this.receive(m);
        // A gateway may echo our own commands back: only other viewers' are carried out.
        else if (m.type === 'command' && m.origin !== this.viewer) this.alarms.command(m.command, true);
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
    // A gateway lost is a technical alarm of its own, beside each channel going stale.
    if (this.src && !this.source) this.alarms.setTechnical('connection', state === 'reconnecting', CONNECTION_LOST);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
