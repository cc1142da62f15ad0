import { Subscription } from 'rxjs';
import type { ChannelDescriptor, GridFrame, SampleBatch, TelemetryEvent, WaveformFrame } from '../../models/channel.js';
import type { AlarmReading, AlarmRule, Priority } from '../../models/alarm-rules.js';
import type { TelemetryRoom } from '../room/room.js';
import { EngineView } from './engine-view.js';
import { errorText } from '../../models/error-text.js';

/** An alarm an engine judges itself (a condition over the procedure, not one channel's value). */
export interface EngineAlarm {
  message: AlarmRule['message'];
  priority: Priority;
  kind: 'phy' | 'tec';
  /**
   * Wall-clock time the condition must stay clear before it ends (ms, default 0).
   * An engine judges its conditions on data time, hysteresis included; a hold is
   * for a condition that flaps on the wall clock (a link going up and down).
   */
  holdMs?: number;
  /** Shown until acknowledged once over, as a latching rule's alarm (default false). */
  latching?: boolean;
  /**
   * The value the condition is raised on and the limit it crossed, with their unit, for the
   * alarm log; none for a condition without one value against one limit (maps stopped).
   */
  reading?: AlarmReading;
}

type Held = { t: number; run: () => void };

/**
 * A procedure's clinical logic, attached to a room and not to a panel: it
 * consumes the room's validated input, owns the procedure's state (tracker,
 * dose, ledger), publishes derived channels into the room and raises its
 * alarms through the room's one manager. Panels are views of `current`; one
 * removed, the procedure goes on; one attached late reads the same state.
 * DOM-free: it runs the same on a page, in a Worker and in Node.
 *
 * On `configure`, what the room already holds is replayed in data-time order,
 * so an engine started late, or a source that replays its history when
 * subscribed, loses nothing; then the engine follows the room live.
 */
export abstract class ProcedureEngine<Config, State> extends EngineView<Config, State> {
  private readonly subscription = new Subscription();
  private removeRules?: () => void;
  /** Rules waiting for the room's channels (an `ir-telemetry` not given its channels yet). */
  private pendingRules?: readonly AlarmRule[];

  constructor(
    protected readonly room: TelemetryRoom,
    initial: State,
  ) {
    super();
    this.emit(initial);
    // Live input reaches the handlers only once configured: before, there is nothing to judge it against.
    this.subscription.add(room.samples.subscribe((b) => this.configValue !== undefined && this.onSamples?.(b)));
    this.subscription.add(room.events.subscribe((e) => this.configValue !== undefined && this.onEvent?.(e)));
    this.subscription.add(room.frames.subscribe((f) => this.configValue !== undefined && this.onFrame?.(f)));
    this.subscription.add(room.channels.subscribe(() => this.pendingRules && this.useRules(this.pendingRules)));
  }

  /** The latest snapshot, synchronously (the initial one before any data). */
  override get current(): State {
    return super.current as State;
  }

  /**
   * A new configuration starts the procedure's state again from what the room holds; the same
   * one again, or one holding the same objects (a panel attached again, a second view), changes nothing.
   */
  configure(config: Config): void {
    if (config === this.configValue || sameFields(config, this.configValue)) return;
    this.configValue = config;
    this.onConfigure(config);
    this.replay();
  }

  /** Stops the engine; its rules leave the room's manager (alarms present stay until acknowledged). */
  override close(): void {
    this.removeRules?.();
    this.removeRules = undefined;
    this.subscription.unsubscribe();
    super.close();
  }

  /** Resets the state for `config` (before what the room holds is replayed). */
  protected abstract onConfigure(config: Config): void;
  protected onSamples?(b: SampleBatch): void;
  protected onEvent?(e: TelemetryEvent): void;
  protected onFrame?(f: WaveformFrame | GridFrame): void;

  /** A sample of a derived channel, into the room (validated and stored like any other). */
  protected publish(channel: string, t: number, v: number): void {
    this.room.publish({ channel, t: Float64Array.of(t), v: Float32Array.of(v) });
  }

  /** An event of the procedure (a level crossed, a step ended), into the room as a source's would be. */
  protected publishEvent(e: TelemetryEvent): void {
    this.room.publish(e);
  }

  /** The derived channels this engine publishes, declared in the room. */
  protected declare(list: readonly ChannelDescriptor[]): void {
    this.room.declareChannels(this.kind, list);
  }

  /** This engine's alarm rules, replacing its previous ones; a bad rule is refused on the room's `configErrors`. */
  protected useRules(rules: readonly AlarmRule[]): void {
    this.removeRules?.();
    this.removeRules = undefined;
    this.pendingRules = undefined;
    if (!rules.length) return;
    // A room without channels yet (its ir-telemetry not configured) would refuse every rule: they wait for the channels.
    if (!this.room.channels.value.length) {
      this.pendingRules = rules;
      return;
    }
    try {
      this.removeRules = this.room.manager.addRules(rules);
    } catch (e) {
      this.room.configErrors.next(errorText(e));
    }
  }

  /**
   * A condition the engine judges itself, present or not, through the room's
   * manager, as `KIND:id` (`dose:kar:4`): a panel of this engine claims its alarms by that prefix.
   */
  protected raise(id: string, present: boolean, alarm: EngineAlarm): void {
    this.room.manager.setTechnical(`${this.kind}:${id}`, present, alarm.message, alarm.priority, alarm.holdMs ?? 0, alarm.kind, alarm.latching, alarm.reading);
  }

  /**
   * The procedure's step ended (`ended` true) or started again: these channels going quiet
   * is planned, not a lost signal (see `AlarmManager.setEnded`).
   */
  protected planSilence(channels: Iterable<string>, ended: boolean): void {
    this.room.manager.setEnded(channels, ended);
  }

  /** Names what the engine could not read (an unknown phase, a malformed event text): a technical event, never a silent drop. */
  protected unreadable(channel: string, t: number, detail: string): void {
    this.room.report({ type: 'technical', channel, reason: 'unreadable', count: 1, t, detail });
  }

  /** What the room holds, in data-time order: samples in runs per channel, events, frames. */
  private replay(): void {
    const held: Held[] = [];
    for (const d of this.room.channels.value) {
      const store = this.room.store(d.id);
      if (this.onSamples && store)
        store.forEach((t, v) => held.push({ t, run: () => this.onSamples!({ channel: d.id, t: Float64Array.of(t), v: Float32Array.of(v) }) }));
      if (this.onEvent) for (const e of this.room.eventsOf(d.id)?.items ?? []) held.push({ t: e.t, run: () => this.onEvent!(e) });
      if (this.onFrame) {
        for (const w of this.room.waveforms(d.id)?.items ?? []) held.push({ t: w.t0, run: () => this.onFrame!({ kind: 'waveform', ...w }) });
        for (const g of this.room.grids(d.id)?.items ?? []) held.push({ t: g.t, run: () => this.onFrame!({ kind: 'grid', ...g }) });
      }
    }
    // Stable: at one data time, samples before events before frames, as they were pushed.
    held.sort((a, b) => a.t - b.t);
    for (const h of held) h.run();
  }
}

/** Two plain configuration objects holding the same values (by identity) under the same keys. */
function sameFields(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.is(x[k], y[k]));
}
