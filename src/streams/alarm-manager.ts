import { BehaviorSubject, Observable, Subject, asyncScheduler, type OperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';
import type { ChannelDescriptor, SampleBatch } from '../models/channel.js';
import { acknowledge, initialCondition, stepCondition, stepFault, type ConditionState, type Fault } from '../models/alarm-condition.js';
import { PRIORITY_RANK, checkRules, type AlarmRule, type Priority } from '../models/alarm-rules.js';
import { inactivationAt, pause, pauseRemaining, signalsOff, signalsOn, type AlarmSystemState, type Inactivation } from '../models/alarm-system.js';
import type { AlarmCommand } from '../models/alarm-command.js';
import { isTechnicalEvent, type QualityChange, type TechnicalEvent } from '../models/events.js';

/** A present alarm condition, as panels show it. */
export interface PresentAlarm {
  rule: AlarmRule;
  state: ConditionState;
}

/** A change of one condition's presence, on data time. */
export interface AlarmChange extends PresentAlarm {
  t: number;
  previous: ConditionState['presence'];
}

/** What the manager evaluates: validated batches, refused data, quality changes. */
export type AlarmInput = SampleBatch | TechnicalEvent | QualityChange;

export interface AlarmManagerOptions {
  /**
   * Give every channel that has a rule a stale and an invalid technical alarm
   * unless it has its own, so a silent or broken sensor is never taken for a
   * quiet one (default true).
   */
  technical?: boolean;
  /** The wall clock that also ends pauses, so a silent source cannot hold one forever. */
  scheduler?: SchedulerLike;
}

const byUrgency = (a: PresentAlarm, b: PresentAlarm) =>
  PRIORITY_RANK[b.rule.priority] - PRIORITY_RANK[a.rule.priority] || a.state.onset - b.state.onset;

/**
 * Default technical rules: medium priority, non-latching (technical alarms
 * are non-latching on Philips monitors, DOMAIN.md 6.3); invalid ends after 1 s
 * of valid data so a sensor alternating good and bad values does not flap.
 */
function technicalRules(c: ChannelDescriptor, own: readonly AlarmRule[]): AlarmRule[] {
  const base = { channel: c.id, priority: 'me', kind: 'tec', onsetDelayMs: 0, latching: false } as const;
  const rules: AlarmRule[] = [
    { ...base, id: `${c.id}:stale`, condition: { kind: 'stale' }, hysteresis: 0, message: { en: `${c.label}: no data`, fr: `${c.label} : pas de données` } },
    { ...base, id: `${c.id}:invalid`, condition: { kind: 'invalid' }, hysteresis: 1000, message: { en: `${c.label}: invalid data`, fr: `${c.label} : données invalides` } },
  ];
  return rules.filter((r) => !own.some((o) => o.channel === c.id && o.condition.kind === r.condition.kind));
}

/**
 * Evaluates alarm rules over validated data and owns acknowledgement and the
 * alarm system's pauses for every panel on a page. Runs on data time and on
 * every batch, so alarms keep being evaluated while panels are hidden; only
 * drawing pauses.
 */
export class AlarmManager {
  private readonly channels: Map<string, ChannelDescriptor>;
  private readonly byChannel = new Map<string, AlarmRule[]>();
  private readonly states = new Map<string, ConditionState>();
  private readonly rules = new Map<string, AlarmRule>();
  private readonly technical: boolean;
  private readonly scheduler: SchedulerLike;
  /** Ids of the default technical rules. */
  private readonly defaults = new Set<string>();
  private now = -Infinity;

  /** Every change of presence (raised, acknowledged, latched, ended), on data time. */
  readonly changes = new Subject<AlarmChange>();
  /** The present alarms, most urgent first. */
  readonly present = new BehaviorSubject<PresentAlarm[]>([]);
  /** Audio on, paused or off; alarm signals on or paused. */
  readonly system = new BehaviorSubject<AlarmSystemState>({ audio: signalsOn(), alarms: signalsOn() });
  /** Commands given here (not those from other viewers), for a transport to pass on. */
  readonly issued = new Subject<AlarmCommand>();

  constructor(rules: readonly AlarmRule[], channels: readonly ChannelDescriptor[], options: AlarmManagerOptions = {}) {
    this.channels = new Map(channels.map((c) => [c.id, c]));
    this.technical = options.technical ?? true;
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.addRules(rules);
  }

  /**
   * Adds rules (a panel's own, say), checked against the channels and the rules
   * present; returns their removal. Throws, naming the rule, on a bad one.
   */
  addRules(rules: readonly AlarmRule[]): () => void {
    checkRules([...this.rules.values(), ...rules], [...this.channels.keys()]);
    const added = [...rules];
    for (const id of new Set(rules.map((r) => r.channel))) {
      const own = this.byChannel.get(id);
      if (!this.technical || own) continue;
      const defaults = technicalRules(this.channels.get(id)!, rules);
      for (const r of defaults) this.defaults.add(r.id);
      added.push(...defaults);
    }
    for (const r of added) {
      this.rules.set(r.id, r);
      this.states.set(r.id, initialCondition());
      this.byChannel.set(r.channel, [...(this.byChannel.get(r.channel) ?? []), r]);
    }
    return () => this.removeRules(rules.map((r) => r.id));
  }

  private removeRules(ids: readonly string[]): void {
    let changed = false;
    for (const id of ids) {
      const rule = this.rules.get(id);
      if (!rule) continue;
      changed = this.states.get(id)!.presence !== 'off' || changed;
      this.rules.delete(id);
      this.states.delete(id);
      const left = this.byChannel.get(rule.channel)!.filter((r) => r.id !== id);
      // A channel's default technical rules go with its last own rule.
      if (left.every((r) => this.defaults.has(r.id))) {
        for (const r of left) {
          changed = this.states.get(r.id)!.presence !== 'off' || changed;
          this.states.delete(r.id);
          this.rules.delete(r.id);
          this.defaults.delete(r.id);
        }
        this.byChannel.delete(rule.channel);
      } else this.byChannel.set(rule.channel, left);
    }
    if (changed) this.publish();
  }

  /** Evaluates every rule of the batch's channel on each sample, in data-time order. */
  ingest(batch: SampleBatch): void {
    const rules = this.byChannel.get(batch.channel);
    if (!rules) {
      // Data time moves on with every channel: pauses count down while a watched one is silent.
      const last = batch.t[batch.t.length - 1];
      if (last > this.now) (this.now = last), this.tick();
      return;
    }
    let changed = false;
    for (let i = 0; i < batch.t.length; i++) {
      const t = batch.t[i];
      const v = batch.v[i];
      if (t > this.now) this.now = t;
      // NaN should have been refused upstream; if one slips through, it is invalid data, not a value.
      const fault = Number.isNaN(v) ? 'invalid' : undefined;
      for (const rule of rules) changed = this.step(rule, t, v, fault) || changed;
    }
    if (changed) this.publish();
    else this.tick();
  }

  /** A channel reported stale or invalid at data time t (NaN: the latest data time seen). */
  fault(channel: string | null, t: number, fault: Fault): void {
    const rules = channel === null ? undefined : this.byChannel.get(channel);
    if (!rules) return;
    const at = Number.isFinite(t) ? t : this.latest();
    if (Number.isFinite(t) && t > this.now) this.now = t;
    let changed = false;
    for (const rule of rules) changed = this.step(rule, at, NaN, fault) || changed;
    if (changed) this.publish();
  }

  /**
   * A technical condition judged outside the rules, such as a transport down:
   * raised and ended by its owner, on the latest data time. Modelled as a stale
   * condition with no channel, so it follows the same states as any other.
   */
  setTechnical(id: string, on: boolean, message: AlarmRule['message'], priority: Priority = 'me'): void {
    let rule = this.rules.get(id);
    if (!rule) {
      if (!on) return;
      rule = { id, channel: '', condition: { kind: 'stale' }, priority, kind: 'tec', onsetDelayMs: 0, hysteresis: 0, latching: false, message };
      this.rules.set(id, rule);
      this.states.set(id, initialCondition());
    }
    const t = this.latest();
    if (this.step(rule, t, 0, on ? 'stale' : undefined)) this.publish();
  }

  /**
   * Acknowledge, pause or resume. `remote` commands came from another viewer:
   * they are carried out but not issued again.
   */
  command(c: AlarmCommand, remote = false): void {
    if (!remote) this.issued.next(c);
    const system = this.system.value;
    const highest = this.present.value[0]?.rule.priority;
    switch (c.type) {
      case 'acknowledge': {
        const s = this.states.get(c.id);
        const rule = this.rules.get(c.id);
        if (!s || !rule) return;
        const next = acknowledge(s);
        if (next === s) return;
        this.states.set(c.id, next);
        this.changes.next({ rule, state: next, t: this.now, previous: s.presence });
        return this.publish();
      }
      case 'pause-audio':
        return this.setSystem({ ...system, audio: this.pause(highest, c.ms) });
      case 'audio-off':
        return this.setSystem({ ...system, audio: signalsOff() });
      case 'resume-audio':
        return this.setSystem({ ...system, audio: signalsOn() });
      case 'pause-alarms':
        return this.setSystem({ ...system, alarms: this.pause(highest, c.ms) });
      case 'resume-alarms':
        return this.setSystem({ ...system, alarms: signalsOn() });
    }
  }

  /** Feeds the manager from a stream of data and from commands given elsewhere. */
  connect(data: Observable<AlarmInput>, commands?: Observable<AlarmCommand>): Subscription {
    const sub = data.subscribe((x) => this.input(x));
    if (commands) sub.add(commands.subscribe((c) => this.command(c, true)));
    return sub;
  }

  input(x: AlarmInput): void {
    if (isTechnicalEvent(x)) this.fault(x.channel, x.t, 'invalid');
    else if ('type' in x && x.type === 'quality') {
      if (x.quality === 'stale') this.fault(x.channel, x.t, 'stale');
    } else this.ingest(x as SampleBatch);
  }

  /** The rules that watch a channel, technical ones included. */
  rulesOf(channel: string): readonly AlarmRule[] {
    return this.byChannel.get(channel) ?? [];
  }

  /** The descriptor of a channel the rules may watch. */
  descriptor(id: string): ChannelDescriptor | undefined {
    return this.channels.get(id);
  }

  /** Remaining audio and alarm pauses (ms), on data time or the wall clock, whichever is shorter. */
  pauseRemainingMs(): { audio: number; alarms: number } {
    const { audio, alarms } = this.system.value;
    const wall = this.scheduler.now();
    return { audio: pauseRemaining(audio, this.now, wall), alarms: pauseRemaining(alarms, this.now, wall) };
  }

  /** The latest data time; before any data, the wall clock (both are epoch ms). */
  private latest(): number {
    return Number.isFinite(this.now) ? this.now : this.scheduler.now();
  }

  /** One sample (or a fault) for one rule; no allocation unless the state changes. */
  private step(rule: AlarmRule, t: number, v: number, fault?: Fault): boolean {
    const s = this.states.get(rule.id)!;
    const next = fault ? stepFault(rule, s, t, fault) : stepCondition(rule, s, t, v);
    if (next === s) return false;
    this.states.set(rule.id, next);
    if (next.presence === s.presence) return false;
    this.changes.next({ rule, state: next, t, previous: s.presence });
    return true;
  }

  private publish(): void {
    const present: PresentAlarm[] = [];
    for (const [id, state] of this.states) if (state.presence !== 'off') present.push({ rule: this.rules.get(id)!, state });
    this.present.next(present.sort(byUrgency));
    this.tick();
  }

  private pause(highest: Priority | undefined, ms: number | undefined): Inactivation {
    const p = pause(this.now, highest, ms, this.scheduler.now());
    // The wall clock ends a pause even when no data comes to move data time on.
    this.scheduler.schedule(() => this.tick(), p.wallUntil - this.scheduler.now());
    return p;
  }

  private setSystem(s: AlarmSystemState): void {
    this.system.next(s);
    this.tick();
  }

  /** Pauses end on data time or the wall clock, or at once when a higher priority than any present at the pause starts. */
  private tick(): void {
    const sounding: Priority | undefined = this.present.value.find((a) => a.state.presence === 'on')?.rule.priority;
    const { audio, alarms } = this.system.value;
    const wall = this.scheduler.now();
    const next = { audio: inactivationAt(audio, this.now, sounding, wall), alarms: inactivationAt(alarms, this.now, sounding, wall) };
    if (next.audio !== audio || next.alarms !== alarms) this.system.next(next);
  }
}

/**
 * The alarm changes that a stream of validated data raises, through a manager
 * that panels share for acknowledgement and pause.
 */
export function alarmChanges(manager: AlarmManager): OperatorFunction<AlarmInput, AlarmChange> {
  return (source) =>
    new Observable<AlarmChange>((out) => {
      const changes = manager.changes.subscribe(out);
      changes.add(manager.connect(source));
      return changes;
    });
}
