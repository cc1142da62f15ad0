import { BehaviorSubject, Observable, Subject, asyncScheduler, filter, map, merge, share, skipWhile, type SchedulerLike, type Subscription } from 'rxjs';
import type { ChannelDescriptor, Grid, GridFrame, SampleBatch, TelemetryEvent, Waveform, WaveformFrame } from '../../models/channel.js';
import { isTechnicalEvent, type QualityChange, type TechnicalEvent, type UnitBatch } from '../../models/events.js';
import { checkGrid, checkWaveform } from '../../models/frame-check.js';
import { inputProblem } from '../../models/input-check.js';
import { readLabels } from '../../models/channel-label.js';
import { clockSkewed, type ClockCheck } from '../../models/validate.js';
import type { AlarmRule } from '../../models/alarm-rules.js';
import { encodeWireLine } from '../../models/wire.js';
import { AlarmManager } from '../alarm-manager.js';
import { staleAfter } from '../stale-after.js';
import { Watchdog } from '../watchdog.js';
import { boundedName, validateSamples } from '../validate-samples.js';
import { websocketSource, type WsItem } from '../websocket-source.js';
import { sseSource } from '../sse-source.js';
import { ChannelStore } from './channel-store.js';
import { FrameStore } from './frame-store.js';
import { engineFactory, type RoomEngine } from '../engines/registry.js';
import { errorText } from '../../models/error-text.js';

export type ConnectionState = 'connecting' | 'live' | 'stale' | 'reconnecting' | 'closed';

/** What a source may hand a room: sample batches, waveforms, grids and events, in any mix. */
export type RoomInput = UnitBatch | WaveformFrame | GridFrame | TelemetryEvent;

/**
 * What went wrong with incoming data: a refused value, batch or frame, a parse
 * error, a sequence gap or duplicate, or a channel gone stale (and valid again).
 */
export type TechnicalDetail = TechnicalEvent | QualityChange | Exclude<WsItem, { type: 'message' | 'frame' | 'state' }>;

/** A channel's quality, judged once for the page: panels and alarms read the same verdict. */
export interface ChannelQuality {
  quality: 'valid' | 'stale';
  /** Data time of the latest valid data (NaN before any). */
  lastT: number;
  /** When it arrived, on the room's clock (NaN before any). */
  arrivedAt: number;
}

export interface RoomOptions {
  /** Recent data each channel keeps, so a panel attached late starts full (ms, default 10 min). Panels may ask for more. */
  windowMs?: number;
  /** The clock of stale detection and pauses; a TestScheduler runs them on virtual time. */
  scheduler?: SchedulerLike;
  /** A channel is stale after this many expected intervals without data (default 3)... */
  staleFactor?: number;
  /** ...and never sooner than this on arrival (ms, default 1000): sources deliver in batches. */
  minSilenceMs?: number;
  /** This viewer's id: who acted, in the alarm log and in commands sent to other viewers. */
  viewer?: string;
}

/** A live gateway's data is checked against this viewer's wall clock. */
export const WALL_CLOCK: ClockCheck = { clock: () => Date.now() };

/** Waveforms a channel keeps for a late panel; grids keep only the newest. */
const WAVEFORMS_KEPT = 16;
/** Events a channel keeps for a late panel (phase changes, leaks, pulses of a train). */
const EVENTS_KEPT = 256;
/**
 * Longest event kind and text taken (characters): with `EVENTS_KEPT`, at most about 1 MB
 * an event channel keeps. An event is a phase, a pulse record, a note, never a document.
 */
export const MAX_EVENT_KIND = 64;
export const MAX_EVENT_TEXT = 2048;

/** An engine with a configuration (a `ProcedureEngine`, its copy elsewhere). */
type Configurable = RoomEngine & { config?: unknown; configure?(config: unknown): void };

const isEvent = (x: RoomInput): x is TelemetryEvent => (x as TelemetryEvent).type === 'event';
const isFrame = (x: RoomInput): x is WaveformFrame | GridFrame => (x as WaveformFrame).kind === 'waveform' || (x as GridFrame).kind === 'grid';

/**
 * The DOM-free service behind `ir-telemetry`: validates what a source sends
 * against the channel descriptors, keeps one store per channel for the page,
 * judges each channel's quality once, owns the alarm manager, and carries
 * samples, waveforms, grids and events to the panels. A panel given only a
 * `.source` gets a private room, so it behaves exactly as inside `ir-telemetry`.
 */
export class TelemetryRoom {
  readonly scheduler: SchedulerLike;
  /** Technical events, in arrival order; the stream goes on. */
  readonly technical = new Subject<TechnicalDetail>();
  /** A rule refused, naming it; the room stays up without it. */
  readonly configErrors = new Subject<string>();
  /** Connection state of the current source. */
  readonly connection = new BehaviorSubject<ConnectionState>('closed');
  /** The channel descriptors, each time they change (panels resolve their ids again). */
  readonly channels = new BehaviorSubject<readonly ChannelDescriptor[]>([]);
  /** Messages a source still has to replay before it is live (a viewer joining a broker late); 0 when live. */
  readonly replaying = new BehaviorSubject<number>(0);
  /**
   * The alarm manager, one for the room's life: a new set of channels or rules
   * never removes an alarm that is present and unacknowledged.
   */
  readonly manager: AlarmManager;

  private readonly options: Required<Omit<RoomOptions, 'scheduler' | 'viewer'>>;
  private readonly stores = new Map<string, ChannelStore>();
  private readonly qualities = new Map<string, ChannelQuality>();
  private readonly waveformStores = new Map<string, FrameStore<Waveform>>();
  private readonly gridStores = new Map<string, FrameStore<Grid>>();
  private readonly eventStores = new Map<string, FrameStore<TelemetryEvent>>();
  private readonly eventSubject = new Subject<TelemetryEvent>();
  private readonly sampleSubject = new Subject<SampleBatch>();
  private readonly frameSubject = new Subject<WaveformFrame | GridFrame>();
  /** The channels given by `setChannels`, and those each engine publishes (derived), by owner. */
  private userChannels: readonly ChannelDescriptor[] = [];
  private readonly derivedChannels = new Map<string, readonly ChannelDescriptor[]>();
  private readonly engineMap = new Map<string, RoomEngine>();
  private remote?: (kind: string) => RoomEngine;
  private readonly qualitySubject = new Subject<QualityChange>();
  private readonly raw = new Subject<UnitBatch>();
  /** Arrivals of any kind of data, per channel, for the quality verdict. */
  private readonly arrivals = new Subject<SampleBatch>();
  private removeRules?: () => void;
  private pipeline?: Subscription;
  private input?: Subscription;
  private silence?: Watchdog;
  private silenceMs: number;
  private clock?: ClockCheck;

  constructor(options: RoomOptions = {}) {
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.options = { windowMs: options.windowMs ?? 600_000, staleFactor: options.staleFactor ?? 3, minSilenceMs: options.minSilenceMs ?? 1000 };
    this.silenceMs = this.options.minSilenceMs;
    this.manager = new AlarmManager([], [], { scheduler: this.scheduler, viewer: options.viewer });
    this.rebuild();
  }

  /** Quality changes of every channel (a channel's first 'valid' is not reported: nothing changed). */
  get quality(): Observable<QualityChange> {
    return this.qualitySubject;
  }

  /** Every channel's events (phase changes, pulses, notes), validated. */
  get events(): Observable<TelemetryEvent> {
    return this.eventSubject;
  }

  /** Every batch accepted, of any channel, once it is in its store: what engines follow. */
  get samples(): Observable<SampleBatch> {
    return this.sampleSubject;
  }

  /** Every waveform and grid accepted, of any channel, once it is in its store. */
  get frames(): Observable<WaveformFrame | GridFrame> {
    return this.frameSubject;
  }

  /**
   * The room's one procedure engine of `kind`, started on first ask (by `create`,
   * else by the engine registered under that kind) and closed with the room: a
   * panel that leaves never stops its procedure. Undefined for a kind nobody registered.
   */
  engine<E extends RoomEngine>(kind: string, create?: (room: TelemetryRoom) => E): E | undefined {
    let e = this.engineMap.get(kind);
    if (!e) {
      const make = this.remote ? () => this.remote!(kind) : (create ?? engineFactory(kind));
      if (!make) return undefined;
      e = make(this);
      this.engineMap.set(kind, e);
    }
    return e as E;
  }

  /**
   * The procedures run elsewhere (a Worker's room, `followWorker`): from now on
   * `engine(kind)` gives the copy `make` returns, whatever a panel would start.
   * An engine started here already (a panel attached first) is closed, its copy
   * given its configuration; its panel takes the copy when the room's channels next change.
   */
  runEnginesElsewhere(make: (kind: string) => RoomEngine): void {
    this.remote = make;
    const started = [...this.engineMap.values()] as Configurable[];
    this.engineMap.clear();
    for (const e of started) {
      e.close();
      if (e.config !== undefined) (this.engine(e.kind) as Configurable).configure?.(e.config);
    }
  }

  /** The engines running in this room, by kind. */
  get engines(): ReadonlyMap<string, RoomEngine> {
    return this.engineMap;
  }

  /**
   * The channels an engine publishes (derived channels), declared by their owner. They
   * join the channels given to `setChannels` (a channel given there with the same id
   * wins) and stay when those are given again.
   */
  declareChannels(owner: string, given: readonly ChannelDescriptor[]): void {
    const list = this.readable(given);
    const before = this.derivedChannels.get(owner) ?? [];
    if (list.length) this.derivedChannels.set(owner, list);
    else this.derivedChannels.delete(owner);
    // Channels the user gives already (theirs win), before and now: the room's channels stay as they are.
    const mine = new Set(this.userChannels.map((d) => d.id));
    if ([...before, ...list].every((d) => mine.has(d.id))) return;
    this.applyChannels('derived');
  }

  /**
   * A derived sample batch or event (an engine's output): validated and stored
   * like any other, but not taken as a sign that the source is alive.
   */
  publish(item: UnitBatch | TelemetryEvent): void {
    if (isEvent(item)) this.receiveEvent(item);
    else this.raw.next(item);
  }

  /** A technical event raised outside validation: an engine naming what it cannot read. */
  report(event: TechnicalEvent): void {
    this.technical.next(event);
  }

  descriptor(id: string): ChannelDescriptor | undefined {
    return this.stores.get(id)?.descriptor;
  }

  /** The channel's samples; undefined for a channel the room does not know. */
  store(id: string): ChannelStore | undefined {
    return this.stores.get(id);
  }

  qualityOf(id: string): ChannelQuality {
    return this.qualities.get(id) ?? { quality: 'stale', lastT: NaN, arrivedAt: NaN };
  }

  waveforms(id: string): FrameStore<Waveform> | undefined {
    return this.descriptor(id) && getOrAdd(this.waveformStores, id, () => new FrameStore<Waveform>(WAVEFORMS_KEPT));
  }

  grids(id: string): FrameStore<Grid> | undefined {
    return this.descriptor(id) && getOrAdd(this.gridStores, id, () => new FrameStore<Grid>(1));
  }

  /** A channel's recent events, so a panel attached late knows what happened (the mix time, a leak). */
  eventsOf(id: string): FrameStore<TelemetryEvent> | undefined {
    return this.descriptor(id) && getOrAdd(this.eventStores, id, () => new FrameStore<TelemetryEvent>(EVENTS_KEPT));
  }

  /**
   * Declares the channels. A channel kept with the same unit, rate and range
   * keeps its samples (its label may change); a new or changed one starts
   * empty; a removed one is dropped.
   */
  setChannels(list: readonly ChannelDescriptor[]): void {
    this.userChannels = this.readable(list);
    this.applyChannels('given');
  }

  /**
   * The descriptors with the part of their `labels` that can be read: a value that is no string,
   * a key that is no language, is refused on `configErrors`, and the channel kept, named by its `label`.
   */
  private readable(list: readonly ChannelDescriptor[]): readonly ChannelDescriptor[] {
    return list.map((d) => {
      const { labels, refused } = readLabels(d.labels);
      if (!refused.length) return d;
      this.configErrors.next(`channel '${d.id}': ${refused.join('; ')}: refused, '${d.label}' shown instead`);
      return { ...d, labels };
    });
  }

  private applyChannels(by: 'given' | 'derived'): void {
    const mine = new Set(this.userChannels.map((d) => d.id));
    const list = [...this.userChannels, ...[...this.derivedChannels.values()].flat().filter((d) => !mine.has(d.id))];
    const next = new Map(list.map((d) => [d.id, d]));
    for (const [id, store] of this.stores) {
      const d = next.get(id);
      if (d && store.describe(d)) continue;
      store.close();
      this.stores.delete(id);
      this.qualities.delete(id);
      closeAndDelete(this.waveformStores, id);
      closeAndDelete(this.gridStores, id);
      closeAndDelete(this.eventStores, id);
    }
    for (const d of list) if (!this.stores.has(d.id)) this.stores.set(d.id, new ChannelStore(d, this.options.windowMs));
    this.silence?.stop();
    this.silence = undefined;
    this.silenceMs = Math.max(this.options.minSilenceMs, ...list.map((c) => c.intervalMs * this.options.staleFactor));
    this.manager.setChannels(list, by);
    this.rebuild();
    this.channels.next(list);
  }

  /** The room's own alarm rules; panels add theirs through `manager.addRules`. A bad rule goes to `configErrors`. */
  setRules(rules: readonly AlarmRule[]): void {
    this.removeRules?.();
    this.removeRules = undefined;
    try {
      this.removeRules = this.manager.addRules(rules);
    } catch (e) {
      this.configErrors.next(errorText(e));
    }
  }

  /**
   * Follows a source (replacing any other): batches, waveforms, grids and events.
   * With `clock`, a data time implausibly far from it is refused ('clock-skew'):
   * give the wall clock for a live source, a replay's or simulation's own clock
   * for recorded data; without, times are checked only against each other.
   */
  connect(source: Observable<RoomInput>, clock?: ClockCheck): void {
    this.disconnect();
    this.useClock(clock);
    this.setConnection('connecting');
    this.input = source.subscribe({
      next: (x) => this.push(x),
      error: () => this.setConnection('closed'),
      complete: () => this.setConnection('closed'),
    });
  }

  /**
   * Follows a gateway speaking the wire format, reconnecting for as long as the
   * room is connected. Alarm commands given here go to the gateway as `viewer`;
   * other viewers' commands are carried out here.
   */
  connectUrl(url: string, viewer: string, clock: ClockCheck = WALL_CLOCK): void {
    const outgoing = this.manager.issued.pipe(map((command) => encodeWireLine({ type: 'command', origin: viewer, t: this.scheduler.now(), command })));
    this.follow(websocketSource(url, { outgoing, scheduler: this.scheduler }), viewer, clock);
  }

  /**
   * Follows a gateway's Server-Sent Events (the wire format, `sseSource`): one way, so
   * commands given here stay here; other viewers' commands in the stream are carried out.
   */
  connectSse(url: string, viewer: string, clock: ClockCheck = WALL_CLOCK): void {
    this.follow(sseSource(url), viewer, clock);
  }

  /** Follows a wire-format transport's items (`websocketSource`, `sseSource`). */
  private follow(items: Observable<WsItem>, viewer: string, clock: ClockCheck): void {
    this.disconnect();
    this.useClock(clock);
    this.input = items.subscribe((item) => {
      if (item.type === 'state') this.setConnection(item.state, true);
      else if (item.type === 'frame') this.push(item.frame);
      // The room counts a frame's non-finite values itself, from any source: not twice.
      else if (item.type === 'technical' && item.reason === 'not-finite') return;
      // A refusal named by channel keeps the decoder's reason, detail and the data time it read.
      else if (item.type === 'parse-error' && item.channel !== undefined) this.refuse(item.channel, item.reason, item.t ?? NaN, 1, item.detail);
      else if (item.type !== 'message') this.technical.next(item);
      else if (item.message.type === 'command') {
        // A gateway may echo our own commands back: only other viewers' are carried out.
        if (item.message.origin !== viewer) this.manager.command(item.message.command, { origin: item.message.origin, wall: item.message.t });
      } else this.push(item.message);
    });
  }

  /** Stops following the source; what the stores hold stays. */
  disconnect(): void {
    this.input?.unsubscribe();
    this.input = undefined;
    this.silence?.stop();
    this.setConnection('closed');
  }

  /** Hands the room one item, as a source would: a vendor that calls a method rather than building an Observable. */
  push(x: RoomInput): void {
    this.heard();
    // An item of no known shape is refused by name before any of its fields is read.
    const problem = inputProblem(x);
    if (problem) return this.refuse(nameOf(x), 'bad-field', timeOf(x), 1, problem);
    if (isEvent(x)) this.receiveEvent(x);
    else if (isFrame(x)) this.receiveFrame(x);
    else this.raw.next(x);
  }

  /** Completes every stream; the room is done. */
  close(): void {
    for (const e of this.engineMap.values()) e.close();
    this.engineMap.clear();
    this.disconnect();
    this.pipeline?.unsubscribe();
    for (const s of this.stores.values()) s.close();
    for (const m of [this.waveformStores, this.gridStores, this.eventStores]) for (const s of m.values()) s.close();
    this.technical.complete();
    this.eventSubject.complete();
    this.sampleSubject.complete();
    this.frameSubject.complete();
    this.qualitySubject.complete();
  }

  private useClock(clock: ClockCheck | undefined): void {
    if (clock === this.clock) return;
    this.clock = clock;
    this.rebuild();
  }

  /** Validation, stores, quality and alarms, for the current channels. */
  private rebuild(): void {
    this.pipeline?.unsubscribe();
    const list = [...this.stores.values()].map((s) => s.descriptor);
    const valid = this.raw.pipe(validateSamples(list, { clock: this.clock }), share());
    const batches = valid.pipe(filter((x): x is SampleBatch => !isTechnicalEvent(x)));
    const arrivals = merge(batches, this.arrivals).pipe(share());
    const { staleFactor: factor, minSilenceMs } = this.options;
    const quality = merge(
      ...list.map((c) => arrivals.pipe(staleAfter(c, { factor, minSilenceMs, scheduler: this.scheduler, overview: () => this.stores.get(c.id)?.overviewed }), skipWhile((q) => q.quality === 'valid'))),
    ).pipe(share());
    this.pipeline = arrivals.subscribe((b) => this.arrived(b));
    this.pipeline.add(
      quality.subscribe((q) => {
        const s = this.qualities.get(q.channel);
        if (s) s.quality = q.quality === 'stale' ? 'stale' : 'valid';
        this.qualitySubject.next(q);
        this.technical.next(q);
      }),
    );
    this.pipeline.add(this.manager.connect(merge(valid, quality)));
    // The stores and engines after the manager: a condition an engine raises on a batch is stamped with that batch's data time.
    this.pipeline.add(valid.subscribe((x) => (isTechnicalEvent(x) ? this.technical.next(x) : this.accept(x))));
  }

  private accept(b: SampleBatch): void {
    const store = this.stores.get(b.channel);
    if (!store) return;
    if (store.push(b)) {
      const { intervalMs, label } = store.descriptor;
      const detail = `${label} comes faster than every ${intervalMs} ms: the page keeps its latest ${store.length} samples, ${Math.round((store.lastT - store.firstT) / 1000)} s of ${Math.round(store.windowMs / 1000)} s (every sample was still shown and judged)`;
      this.report({ type: 'technical', channel: b.channel, reason: 'reduced', count: 1, t: store.lastT, detail });
    }
    this.sampleSubject.next(b);
  }

  private arrived(b: SampleBatch): void {
    if (!b.t.length) return;
    const q = getOrAdd(this.qualities, b.channel, () => ({ quality: 'valid', lastT: NaN, arrivedAt: NaN }) as ChannelQuality);
    const last = b.t[b.t.length - 1];
    if (!(last < q.lastT)) q.lastT = last;
    q.arrivedAt = this.scheduler.now();
  }

  private receiveEvent(e: TelemetryEvent): void {
    if (!this.descriptor(e.channel)) return this.refuse(e.channel, 'unknown-channel', e.t);
    if (!Number.isFinite(e.t)) return this.refuse(e.channel, 'not-finite', NaN);
    if (this.skewed(e.t)) return this.refuse(e.channel, 'clock-skew', e.t);
    if (String(e.kind).length > MAX_EVENT_KIND || String(e.text).length > MAX_EVENT_TEXT)
      return this.refuse(e.channel, 'event-too-long', e.t, 1, `kind ${String(e.kind).length}, text ${String(e.text).length} characters (at most ${MAX_EVENT_KIND} and ${MAX_EVENT_TEXT})`);
    this.eventsOf(e.channel)!.push(e);
    this.eventSubject.next(e);
  }

  private receiveFrame(f: WaveformFrame | GridFrame): void {
    if (!this.descriptor(f.channel)) return this.refuse(f.channel, 'unknown-channel', f.kind === 'grid' ? f.t : f.t0);
    const t = f.kind === 'grid' ? f.t : f.t0;
    if (this.skewed(t)) return this.refuse(f.channel, 'clock-skew', t);
    const rates = this.descriptor(f.channel)!.sampleRateHz;
    if (f.kind === 'waveform' && rates && !(f.sampleRateHz >= rates[0] && f.sampleRateHz <= rates[1]))
      return this.refuse(f.channel, 'sample-rate', t, 1, `${f.sampleRateHz} Hz, outside ${rates[0]}–${rates[1]} Hz`);
    const verdict = f.kind === 'grid' ? checkGrid(f, this.grids(f.channel)!.latest) : checkWaveform(f, this.waveforms(f.channel)!.latest?.t0 ?? -Infinity);
    if (!verdict.ok) return this.refuse(f.channel, verdict.reason, t, 1, verdict.detail);
    if (verdict.nonFinite) this.refuse(f.channel, 'not-finite', t, verdict.nonFinite);
    if (f.kind === 'grid') this.grids(f.channel)!.push(f);
    else this.waveforms(f.channel)!.push(f);
    this.frameSubject.next(f);
    this.arrivals.next({ channel: f.channel, t: Float64Array.of(t), v: Float32Array.of(0) });
  }

  /** Frames and events are held to the same clock as samples (`validateSamples` judges those). */
  private skewed(t: number): boolean {
    return clockSkewed(t, this.clock?.clock(), this.clock);
  }

  private refuse(channel: string | null, reason: TechnicalEvent['reason'], t: number, count = 1, detail?: string): void {
    const event: TechnicalEvent = { type: 'technical', channel, reason, count, t, ...(detail === undefined ? {} : { detail }) };
    this.technical.next(event);
    // Refused data counts as invalid data for the channel's technical alarm.
    if (channel !== null && this.descriptor(channel)) this.manager.input(event);
  }

  /** Data arrived: the connection is live, and goes stale after a silence. */
  private heard(): void {
    if (this.connection.value !== 'live') this.setConnection('live');
    this.silence ??= new Watchdog(this.scheduler, this.silenceMs, () => this.connection.value === 'live' && this.setConnection('stale'));
    this.silence.feed();
  }

  private setConnection(state: ConnectionState, gateway = false): void {
    if (state === this.connection.value) return;
    this.connection.next(state);
    // A gateway lost is a technical alarm of its own, beside each channel going stale;
    // attempts to reconnect do not end it, only a live connection (held, one outage one occurrence).
    if (gateway && (state === 'reconnecting' || state === 'live')) this.manager.setTechnical('connection', state === 'reconnecting', CONNECTION_LOST);
  }
}

const CONNECTION_LOST = { en: 'Connection to the gateway lost: reconnecting', fr: 'Connexion à la passerelle perdue : reconnexion' };

/** The channel of an item of unknown shape, when it names one (bounded: it may be anything). */
function nameOf(x: unknown): string | null {
  const c = (x as { channel?: unknown } | null)?.channel;
  return typeof c === 'string' ? boundedName(c) : null;
}

/** The data time of an item of unknown shape, when it has one. */
function timeOf(x: unknown): number {
  const o = x as { t?: unknown; t0?: unknown } | null;
  return typeof o?.t === 'number' ? o.t : typeof o?.t0 === 'number' ? o.t0 : NaN;
}

function getOrAdd<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}

function closeAndDelete<T>(m: Map<string, FrameStore<T>>, id: string): void {
  m.get(id)?.close();
  m.delete(id);
}

