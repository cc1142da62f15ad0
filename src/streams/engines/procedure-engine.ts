import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import type { AlarmRule, Priority } from '../../models/alarm-rules.js';
import type { ChannelDescriptor, GridFrame, SampleBatch, TelemetryEvent, WaveformFrame } from '../../models/channel.js';
import type { TelemetryRoom } from '../room/room.js';

type Item = { t: number; run: () => void };

/**
 * A procedure's clinical logic, attached to a room rather than a panel: it
 * follows the room's validated input, keeps its state, publishes its derived
 * channels and raises its alarms through the room's one manager. DOM-free.
 * Configured (again), it replays what the room holds in data-time order, so an
 * engine started late, or a source that replays its history, loses nothing.
 */
export abstract class ProcedureEngine<Config, State> {
  abstract readonly kind: string;
  private readonly subject: BehaviorSubject<State>;
  private readonly subscription: Subscription;
  private configured?: Config;
  private removeRules?: () => void;

  constructor(
    protected readonly room: TelemetryRoom,
    initial: State,
  ) {
    this.subject = new BehaviorSubject(initial);
    this.subscription = room.samples.subscribe((b) => this.onSamples?.(b));
    this.subscription.add(room.events.subscribe((e) => this.onEvent?.(e)));
    this.subscription.add(room.frames.subscribe((f) => this.onFrame?.(f)));
  }

  /** A new snapshot on every change. */
  get state(): Observable<State> {
    return this.subject;
  }

  get current(): State {
    return this.subject.value;
  }

  get config(): Config | undefined {
    return this.configured;
  }

  /** The same object again does nothing; a new one resets the state and replays what the room holds. */
  configure(config: Config): void {
    if (config === this.configured) return;
    this.configured = config;
    this.onConfigure(config);
    this.replay();
  }

  toJSON(): { kind: string; config?: Config; state: State } {
    return { kind: this.kind, config: this.configured, state: this.current };
  }

  close(): void {
    this.subscription.unsubscribe();
    this.removeRules?.();
    this.subject.complete();
  }

  protected abstract onConfigure(config: Config): void;
  protected onSamples?(b: SampleBatch): void;
  protected onEvent?(e: TelemetryEvent): void;
  protected onFrame?(f: WaveformFrame | GridFrame): void;

  protected emit(state: State): void {
    this.subject.next(state);
  }

  protected publish(channel: string, t: number, v: number): void {
    if (this.room.descriptor(channel)) this.room.push({ channel, t: Float64Array.of(t), v: Float32Array.of(v) });
  }

  protected declare(list: readonly ChannelDescriptor[]): void {
    this.room.declareChannels(this.kind, list);
  }

  protected useRules(rules: readonly AlarmRule[]): void {
    this.removeRules?.();
    this.removeRules = undefined;
    try {
      this.removeRules = this.room.manager.addRules(rules);
    } catch (e) {
      this.room.configErrors.next(e instanceof Error ? e.message : String(e));
    }
  }

  protected raise(id: string, present: boolean, a: { message: AlarmRule['message']; priority: Priority; kind: 'phy' | 'tec' }): void {
    this.room.manager.setTechnical(id, present, a.message, a.priority, undefined, a.kind);
  }

  protected unreadable(channel: string, t: number, detail: string): void {
    this.room.report({ type: 'technical', channel, reason: 'unreadable', count: 1, t, detail });
  }

  /** The stores' samples, events and latest frames, in data-time order (runs of one channel between other items). */
  private replay(): void {
    const room = this.room;
    const items: Item[] = [];
    for (const d of room.channels.value) {
      for (const e of room.eventsOf(d.id)?.items ?? []) items.push({ t: e.t, run: () => this.onEvent?.(e) });
      for (const w of room.waveforms(d.id)?.items ?? []) items.push({ t: w.t0, run: () => this.onFrame?.({ ...w, kind: 'waveform' }) });
      const g = room.grids(d.id)?.latest;
      if (g) items.push({ t: g.t, run: () => this.onFrame?.({ ...g, kind: 'grid' }) });
    }
    const heads = room.channels.value.flatMap((d) => {
      const s = room.store(d.id);
      if (!s?.length) return [];
      const t = new Float64Array(s.length);
      const v = new Float32Array(s.length);
      let i = 0;
      s.forEach((x, y) => ((t[i] = x), (v[i++] = y)));
      return [{ channel: d.id, t, v, i: 0 }];
    });
    items.sort((a, b) => a.t - b.t);
    let k = 0;
    for (;;) {
      let h: (typeof heads)[number] | undefined;
      let second = Infinity;
      for (const x of heads) {
        if (x.i >= x.t.length) continue;
        if (!h || x.t[x.i] < h.t[h.i]) (second = h ? Math.min(second, h.t[h.i]) : second), (h = x);
        else second = Math.min(second, x.t[x.i]);
      }
      const next = k < items.length ? items[k].t : Infinity;
      if (!h || next <= h.t[h.i]) {
        if (k >= items.length) break;
        items[k++].run();
        continue;
      }
      const until = Math.min(second, next);
      let j = h.i;
      while (j < h.t.length && h.t[j] < until) j++;
      if (j === h.i) j++;
      this.onSamples?.({ channel: h.channel, t: h.t.subarray(h.i, j), v: h.v.subarray(h.i, j) });
      h.i = j;
    }
  }
}
