import { BehaviorSubject, Observable, Subject, asyncScheduler, type OperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';
import type { ChannelDescriptor, SampleBatch } from '../models/channel.js';
import { labelOf, naming } from '../models/channel-label.js';
import { acknowledge, initialCondition, stepCondition, stepExternal, stepFault, type ConditionState, type Fault } from '../models/alarm-condition.js';
import { PRIORITY_RANK, checkRules, type AlarmReading, type AlarmRule, type ExternalLimit, type Priority } from '../models/alarm-rules.js';
import { inactivationAt, pause, pauseRemaining, pauseSpan, signalsOff, signalsOn, type AlarmSystemState, type Inactivation } from '../models/alarm-system.js';
import { parseAlarmCommand, type AlarmCommand } from '../models/alarm-command.js';
import { AlarmCommandRefused, REMOTE_ACTOR, SYSTEM_ACTOR, occurrenceKey, type AlarmAction, type AlarmActionAbout, type NamedAlarm, type NamedChannel, type RefusalReason } from '../models/alarm-record.js';
import { isTechnicalEvent, type QualityChange, type TechnicalEvent } from '../models/events.js';
import type { AlarmSnapshot } from '../models/alarm-snapshot.js';

/** A present alarm condition, as panels show it. */
export interface PresentAlarm {
  rule: AlarmRule;
  state: ConditionState;
  /** Its rule was removed (its panel went) while it was present: kept until acknowledged. */
  retired?: boolean;
}

/** A change of one condition's presence. */
export interface AlarmChange extends PresentAlarm {
  /** Data time of the change; before any data, the wall clock. */
  t: number;
  /** Wall-clock time of the change (epoch ms): for an acknowledgement, when the person acted. */
  wall: number;
  previous: ConditionState['presence'];
  /** For an acknowledgement: the viewer that gave it. */
  by?: string;
}

/** What the manager evaluates: validated batches, refused data, quality changes. */
export type AlarmInput = SampleBatch | TechnicalEvent | QualityChange;

/** Where a command came from: this viewer (`false`), another one (`true`, or its origin and the wall time it was given there). */
export type CommandSource = boolean | { origin: string; wall?: number };

export interface AlarmManagerOptions {
  /**
   * Give every channel that has a rule a stale and an invalid technical alarm
   * unless it has its own, so a silent or broken sensor is never taken for a
   * quiet one (default true).
   */
  technical?: boolean;
  /** The wall clock that also ends pauses, so a silent source cannot hold one forever. */
  scheduler?: SchedulerLike;
  /** This viewer's id, recorded as who acted (default `local`). */
  viewer?: string;
}

/**
 * A technical condition judged outside the rules ends once reported clear for
 * this long on the wall clock: at least the reconnect backoff's cap (10 s), so a
 * link that comes up and drops again within one reconnect cycle is one outage.
 */
export const TECHNICAL_HOLD_MS = 10_000;

interface Entry {
  rule: AlarmRule;
  state: ConditionState;
  /** Removed by its owner while present: evaluated until it ends or is acknowledged, never raised again. */
  retired: boolean;
  /** A channel's default stale or invalid rule. */
  isDefault: boolean;
  /** The `addRules` call that added it; undefined for defaults and external conditions. */
  owner?: symbol;
}

const unacknowledged = (p: ConditionState['presence']) => p === 'on' || p === 'latch';

/** Why the system ended a pause, in the English of an action's `detail`. */
const PAUSE_ENDED = { elapsed: 'pause over', 'higher-priority': 'a higher priority started' } as const;

/** A rule's alarm as the action log names it. */
const named = (r: AlarmRule): NamedAlarm => ({ id: r.id, message: r.message });

/** Highest priority first; within one, the unacknowledged (they need someone), then the oldest. */
const byUrgency = (a: PresentAlarm, b: PresentAlarm) =>
  PRIORITY_RANK[b.rule.priority] - PRIORITY_RANK[a.rule.priority] ||
  Number(unacknowledged(b.state.presence)) - Number(unacknowledged(a.state.presence)) ||
  a.state.onset - b.state.onset;

/**
 * Default technical rules: medium priority, non-latching (Philips IntelliVue
 * INOPs, technical alarms, are non-latching: Philips IntelliVue instructions for
 * use, alarms chapter); invalid ends after 1 s of valid data so a sensor
 * alternating good and bad values does not flap.
 */
function technicalRules(c: ChannelDescriptor, own: readonly AlarmRule[]): AlarmRule[] {
  const base = { channel: c.id, priority: 'me', kind: 'tec', onsetDelayMs: 0, latching: false } as const;
  const rules: AlarmRule[] = [
    { ...base, id: `${c.id}:stale`, condition: { kind: 'stale' }, hysteresis: 0, message: naming(c, { en: (l) => `${l}: no data`, fr: (l) => `${l} : pas de données` }) },
    { ...base, id: `${c.id}:invalid`, condition: { kind: 'invalid' }, hysteresis: 1000, message: naming(c, { en: (l) => `${l}: invalid data`, fr: (l) => `${l} : données invalides` }) },
  ];
  return rules.filter((r) => !own.some((o) => o.channel === c.id && o.condition.kind === r.condition.kind));
}

/**
 * Evaluates alarm rules over validated data and owns acknowledgement and the
 * alarm system's pauses for every panel on a page. Runs on data time and on
 * every batch, so alarms keep being evaluated while panels are hidden; only
 * drawing pauses. One manager lives as long as its page (or room): channels
 * change in place (`setChannels`), rules come and go (`addRules`), and a
 * present alarm outlives both until it is acknowledged.
 */
export class AlarmManager {
  private channels: Map<string, ChannelDescriptor>;
  /** Every rule and external condition, by id. */
  private readonly entries = new Map<string, Entry>();
  /** The rules evaluated on each channel, retired ones included. */
  private readonly byChannel = new Map<string, Entry[]>();
  private readonly technical: boolean;
  private readonly scheduler: SchedulerLike;
  /** This viewer's id: who acted, in the actions of commands given here. */
  readonly viewer: string;
  private now = -Infinity;
  /** Another manager decides (an edge's): this one renders its snapshots and judges nothing. */
  private following = false;
  /** Channels whose step or procedure ended: their silence is planned. */
  private readonly ended = new Set<string>();
  /** Where rules added here are judged instead (`delegateRules`), and each set's removal there. */
  private delegate?: (rules: readonly AlarmRule[]) => () => void;
  private readonly delegated = new Map<symbol, () => void>();

  /** Every change of presence (raised, acknowledged, latched, ended). */
  readonly changes = new Subject<AlarmChange>();
  /** The present alarms: highest priority first, within one the unacknowledged, then the oldest. */
  readonly present = new BehaviorSubject<PresentAlarm[]>([]);
  /** Audio on, paused or off; alarm signals on or paused. */
  readonly system = new BehaviorSubject<AlarmSystemState>({ audio: signalsOn(), alarms: signalsOn() });
  /** Commands carried out here (not those from other viewers), for a transport to pass on. */
  readonly issued = new Subject<AlarmCommand>();
  /** Commands refused, from any path: malformed, or naming no present occurrence. Never acted on. */
  readonly refused = new Subject<AlarmCommandRefused>();
  /** Operator actions (and pauses that ended by themselves), for the alarm log. */
  readonly actions = new Subject<AlarmAction>();

  constructor(rules: readonly AlarmRule[], channels: readonly ChannelDescriptor[], options: AlarmManagerOptions = {}) {
    this.channels = new Map(channels.map((c) => [c.id, c]));
    this.technical = options.technical ?? true;
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.viewer = options.viewer ?? 'local';
    if (rules.length) this.addRules(rules);
  }

  /**
   * Adds rules (a panel's own, say), checked against the channels and the ids
   * in use; returns their removal. Only the new rules are judged: a rule once
   * accepted is never refused later. Throws, naming the rule, on a bad one. A
   * rule with the id of a removed one whose alarm is still present takes it over.
   */
  addRules(rules: readonly AlarmRule[]): () => void {
    if (this.delegate) {
      const set = Symbol('rules');
      this.delegated.set(set, this.delegate(rules));
      return () => (this.delegated.get(set)?.(), this.delegated.delete(set));
    }
    // The deciding manager holds the rules; a panel's own have nothing to judge here.
    if (this.following) return () => {};
    const taken = new Set<string>();
    for (const [id, e] of this.entries) if (!e.retired) taken.add(id);
    checkRules(rules, [...this.channels.keys()], taken);
    const owner = Symbol('rules');
    const channelsWithout = new Set(rules.map((r) => r.channel).filter((c) => !this.liveOwnRules(c).length));
    for (const r of rules) this.put(r, false, owner);
    for (const id of channelsWithout) {
      if (!this.technical) continue;
      for (const r of technicalRules(this.channels.get(id)!, this.liveOwnRules(id))) if (!this.entries.get(r.id) || this.entries.get(r.id)!.retired) this.put(r, true);
    }
    if (rules.length) this.record({ action: 'rules-added', who: this.viewer, target: rules.map((r) => r.id).join(' '), about: { kind: 'rules', rules: rules.map(named) } });
    this.publish();
    return () => this.removeRules(owner);
  }

  /**
   * Changes the channels in place: rules and present alarms stay. A channel that
   * leaves while rules watch it can no longer be judged: its stale alarm is raised.
   * The change is an operator action in the log when the channels were `given`;
   * `derived` ones (an engine's, following its configuration) are logged only
   * when rules lose a channel, so start-up reads as one change, not one per engine.
   */
  setChannels(channels: readonly ChannelDescriptor[], by: 'given' | 'derived' = 'given'): void {
    const before = this.channels;
    this.channels = new Map(channels.map((c) => [c.id, c]));
    const added = channels.filter((c) => !before.has(c.id)).map((c) => c.id);
    const removed = [...before.keys()].filter((id) => !this.channels.has(id));
    const orphaned = removed.filter((id) => this.liveOwnRules(id).length);
    // Named by their labels: the log is read by people.
    const channelsOf = (ids: string[], from: Map<string, ChannelDescriptor>): NamedChannel[] =>
      ids.map((id) => {
        const d = from.get(id);
        return { id, label: d?.label || id, ...(d?.labels && { labels: d.labels }) };
      });
    const about = { kind: 'channels', added: channelsOf(added, this.channels), removed: channelsOf(removed, before), orphaned: channelsOf(orphaned, before) } as const;
    // The detail is in English (`AlarmAction.detail`); `about` carries every language's label.
    const labels = (cs: NamedChannel[]) => cs.map((c) => labelOf(c, 'en')).join(', ');
    const detail = [
      added.length ? `added ${labels(about.added)}` : '',
      removed.length ? `removed ${labels(about.removed)}` : '',
      orphaned.length ? `rules on ${labels(about.orphaned)} can no longer be evaluated: stale` : '',
    ].filter(Boolean).join('; ');
    // A follower's channels are its decider's, which logs their change.
    if (detail && !this.following && (by === 'given' || orphaned.length)) this.record({ action: 'channels-set', who: this.viewer, detail, about });
    for (const id of orphaned) this.fault(id, NaN, 'stale');
  }

  /** Evaluates every rule of the batch's channel on each sample, in data-time order. */
  ingest(batch: SampleBatch): void {
    if (this.following) return;
    const entries = this.byChannel.get(batch.channel);
    if (!entries) {
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
      for (let k = 0; k < entries.length; k++) changed = this.step(entries[k], t, v, fault) || changed;
    }
    if (changed) this.publish();
    else this.tick();
  }

  /**
   * Channels whose step or procedure ended (`ended` true), or started again (false). A channel
   * that falls silent because its step is over is not a lost signal: while ended, its going
   * stale raises nothing; invalid data still does. Called by the engine that knows the phase.
   */
  setEnded(channels: Iterable<string>, ended: boolean): void {
    for (const c of channels) ended ? this.ended.add(c) : this.ended.delete(c);
  }

  /** A channel reported stale or invalid at data time t (NaN: the latest data time seen). */
  fault(channel: string | null, t: number, fault: Fault): void {
    if (this.following || (fault === 'stale' && channel !== null && this.ended.has(channel))) return;
    const entries = channel === null ? undefined : this.byChannel.get(channel);
    if (!entries) return;
    const at = Number.isFinite(t) ? t : this.latest();
    if (Number.isFinite(t) && t > this.now) this.now = t;
    let changed = false;
    for (const e of [...entries]) changed = this.step(e, at, NaN, fault) || changed;
    if (changed) this.publish();
  }

  /**
   * A technical condition judged outside the rules, such as a transport down,
   * reported present or clear by its owner; its onset is the latest data time.
   * One outage is one occurrence: it ends only once clear for `holdMs` on the
   * wall clock, so reconnect attempts neither restart it nor undo its
   * acknowledgement. Not a channel rule: never checked against the channels.
   * `kind` is technical by default; a panel that judges a condition of the
   * tissue itself (an isotherm not covering its target) reports it as `phy`.
   * A `latching` condition reported clear stays shown until acknowledged (a
   * reported cement leak), as a latching rule's does. `reading`: the value it is
   * raised on and the limit that value crossed, for the log, when the condition
   * has one value against one limit (a supply pressure below its limit).
   * A new occurrence is told as its owner tells it at its onset (message, priority,
   * limit), so a second one never shows the first one's value in its text.
   */
  setTechnical(id: string, present: boolean, message: AlarmRule['message'], priority: Priority = 'me', holdMs = TECHNICAL_HOLD_MS, kind: AlarmRule['kind'] = 'tec', latching = false, reading?: AlarmReading): void {
    if (this.following) return;
    let e = this.entries.get(id);
    if (e && e.rule.condition.kind !== 'external') return this.refuse({ setTechnical: id }, 'invalid', `'${id}' is the id of an alarm rule`, this.viewer, this.scheduler.now());
    // The value goes to the occurrence's state (its value at onset), the limit to its rule.
    let value = NaN;
    let against: ExternalLimit | undefined;
    if (reading) ({ value, ...against } = reading);
    const rule: AlarmRule = { id, channel: '', condition: against ? { kind: 'external', against } : { kind: 'external' }, priority, kind, onsetDelayMs: 0, hysteresis: holdMs, latching, message };
    if (!e) {
      if (!present) return;
      e = { rule, state: initialCondition(), retired: false, isDefault: false };
      this.entries.set(id, e);
    }
    const wall = this.scheduler.now();
    const t = this.latest();
    // An outage clear for its hold time has ended, even if nobody checked yet: end it before a new one.
    let changed = present && !Number.isNaN(e.state.clearSince) && this.apply(e, stepExternal(e.rule, e.state, t, wall, false), t);
    const next = stepExternal(e.rule, e.state, t, wall, present, value);
    if (!Object.is(next.occurrence, e.state.occurrence)) e.rule = rule;
    if (!present && Number.isNaN(e.state.clearSince) && !Number.isNaN(next.clearSince)) this.scheduleClear(id, e.rule.hysteresis);
    changed = this.apply(e, next, t) || changed;
    if (changed) this.publish();
  }

  /**
   * Acknowledges the alarm shown on top (`present` is in the banner's order: highest
   * priority, unacknowledged first, oldest first), naming its occurrence: a console key's
   * one call. Returns whether one was acknowledged.
   */
  acknowledgeTop(from: CommandSource = false): boolean {
    const top = this.present.value.find((a) => a.state.presence === 'on' || a.state.presence === 'latch');
    return top !== undefined && this.command({ type: 'acknowledge', id: top.rule.id, occurrence: top.state.occurrence }, from);
  }

  /**
   * Acknowledge, pause or resume. Every command is validated here
   * (`parseAlarmCommand`): a malformed one, or an acknowledgement naming no
   * present, unacknowledged occurrence, is reported on `refused` and never
   * carried out; nothing here throws. Commands from another viewer (`from`) are
   * carried out but not issued again; one from this viewer's own id (its page, when
   * this manager decides in its Worker) is its own, and issued. Returns whether it was carried out.
   */
  command(input: unknown, from: CommandSource = false): boolean {
    const remote = from !== false && (from as { origin?: string }).origin !== this.viewer;
    const who = typeof from === 'object' && from !== null ? String(from.origin) : remote ? REMOTE_ACTOR : this.viewer;
    const given = typeof from === 'object' && from !== null && Number.isFinite(from.wall) ? from.wall! : this.scheduler.now();
    const parsed = parseAlarmCommand(input);
    if (!parsed.ok) return this.refuse(input, 'invalid', parsed.detail, who, given), false;
    const c = parsed.value;
    // A follower carries out nothing: its own commands go to the deciding manager, whose
    // snapshot then shows what was done; commands relayed from others are that manager's.
    if (this.following) {
      if (!remote) this.issued.next(c);
      return !remote;
    }
    const system = this.system.value;
    switch (c.type) {
      case 'acknowledge': {
        const e = this.entries.get(c.id);
        if (!e || !unacknowledged(e.state.presence) || e.state.occurrence !== c.occurrence)
          return this.refuse(input, 'not-present', `no present, unacknowledged occurrence ${occurrenceKey(c.id, c.occurrence)}`, who, given), false;
        const previous = e.state.presence;
        e.state = acknowledge(e.state, c.occurrence);
        this.changes.next({ rule: e.rule, state: e.state, t: this.latest(), wall: given, previous, by: who, retired: e.retired });
        // A removed rule's alarm goes once acknowledged.
        if (e.retired) this.drop(e);
        this.record({ action: c.type, who, wall: given, target: occurrenceKey(c.id, c.occurrence), about: { kind: 'alarm', alarm: named(e.rule), occurrence: c.occurrence } });
        this.publish();
        break;
      }
      case 'pause-audio':
        this.setSystem({ ...system, audio: this.pause(c.ms) });
        break;
      case 'audio-off':
        this.setSystem({ ...system, audio: signalsOff() });
        break;
      case 'resume-audio':
        this.setSystem({ ...system, audio: signalsOn() });
        break;
      case 'pause-alarms':
        this.setSystem({ ...system, alarms: this.pause(c.ms) });
        break;
      case 'resume-alarms':
        this.setSystem({ ...system, alarms: signalsOn() });
        break;
    }
    if (c.type !== 'acknowledge') {
      const paused = c.type === 'pause-audio' || c.type === 'pause-alarms';
      this.record({ action: c.type, who, wall: given, detail: paused && c.ms !== undefined ? `${c.ms} ms` : undefined, about: paused ? { kind: 'pause', ms: pauseSpan(c.ms) } : undefined });
    }
    if (!remote) this.issued.next(c);
    return true;
  }

  /**
   * Rules added here are judged by the manager that decides for this one (a Worker's,
   * `followWorker`): `to` adds a set there and returns its removal. The sets added
   * so far go there too; they are checked there, and a bad one reported there.
   */
  delegateRules(to: (rules: readonly AlarmRule[]) => () => void): void {
    this.delegate = to;
    const sets = new Map<symbol, AlarmRule[]>();
    for (const e of this.entries.values()) if (e.owner && !e.retired) sets.set(e.owner, [...(sets.get(e.owner) ?? []), e.rule]);
    for (const [owner, rules] of sets) this.delegated.set(owner, to(rules));
  }

  /**
   * Renders the decision of another manager (an edge's, over a broker): from the
   * first snapshot on, this one judges nothing. Present alarms and pauses become
   * the snapshot's, its changes and actions are passed on as if made here (with
   * who acted), and this viewer's commands are only issued, for that manager to decide.
   */
  follow(s: AlarmSnapshot): void {
    this.following = true;
    this.entries.clear();
    this.byChannel.clear();
    for (const a of s.present) this.entries.set(a.rule.id, { rule: a.rule, state: a.state, retired: a.retired === true, isDefault: false });
    for (const c of s.changes) this.changes.next(c);
    for (const a of s.actions) this.actions.next(a);
    this.present.next(s.present.map((a) => (a.retired ? { rule: a.rule, state: a.state, retired: true } : { rule: a.rule, state: a.state })));
    this.system.next(s.system);
  }

  /**
   * Takes over the present alarms of an earlier decision (an edge restarted, reading
   * its last snapshot): an alarm whose rule is here again carries its occurrence on and
   * is judged from now on; any other is kept, retired, until acknowledged. No alarm
   * present before the restart is lost. Returns how many were taken over.
   */
  restore(s: AlarmSnapshot): number {
    let n = 0;
    for (const a of s.present) {
      if (a.state.presence === 'off') continue;
      const e = this.entries.get(a.rule.id);
      if (e && !e.retired) e.state = a.state;
      else this.entries.set(a.rule.id, { rule: a.rule, state: a.state, retired: true, isDefault: false });
      n++;
    }
    if (n) this.publish();
    return n;
  }

  /** A command the deciding manager or the broker refused (no right to acknowledge, say): logged and reported as any refusal. */
  refusedElsewhere(command: unknown, reason: RefusalReason, detail: string): void {
    this.refuse(command, reason, detail, this.viewer, this.scheduler.now());
  }

  /** Feeds the manager from a stream of data and from commands given elsewhere. */
  connect(data: Observable<AlarmInput>, commands?: Observable<unknown>): Subscription {
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

  /** The rules that watch a channel, technical ones included (not those removed whose alarm is still present). */
  rulesOf(channel: string): readonly AlarmRule[] {
    return (this.byChannel.get(channel) ?? []).filter((e) => !e.retired).map((e) => e.rule);
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

  /** This channel's own rules that are not removed (defaults excluded). */
  private liveOwnRules(channel: string): AlarmRule[] {
    return (this.byChannel.get(channel) ?? []).filter((e) => !e.retired && !e.isDefault).map((e) => e.rule);
  }

  /** Adds a rule, or lets it take over a removed rule of its id whose alarm is still present. */
  private put(rule: AlarmRule, isDefault: boolean, owner?: symbol): void {
    const old = this.entries.get(rule.id);
    let state = initialCondition();
    if (old) {
      this.unlink(old);
      const same = old.rule.channel === rule.channel && old.rule.condition.kind === rule.condition.kind;
      // The occurrence carries on; what was measured for another condition does not.
      state = same ? old.state : { ...old.state, crossingSince: NaN, lastFault: NaN, anchors: [] };
    }
    const e: Entry = { rule, state, retired: false, isDefault, owner };
    this.entries.set(rule.id, e);
    this.byChannel.set(rule.channel, [...(this.byChannel.get(rule.channel) ?? []), e]);
  }

  /** Removes one `addRules` call's rules; a present, unacknowledged alarm stays until acknowledged. */
  private removeRules(owner: symbol): void {
    this.delegated.get(owner)?.();
    this.delegated.delete(owner);
    const mine = [...this.entries.values()].filter((e) => e.owner === owner && !e.retired);
    const channels = new Set(mine.map((e) => e.rule.channel));
    const kept = mine.filter((e) => this.retire(e));
    // A channel's default technical rules go with its last own rule.
    for (const c of channels) if (!this.liveOwnRules(c).length) for (const e of [...(this.byChannel.get(c) ?? [])]) if (e.isDefault && !e.retired && this.retire(e)) kept.push(e);
    // One entry per removal, naming the rules; each alarm kept is named with its state.
    const detail = kept.map((e) => `"${e.rule.message.en}" (${e.state.presence}) kept until acknowledged`).join('; ');
    const about: AlarmActionAbout = { kind: 'rules', rules: mine.map((e) => named(e.rule)), kept: kept.map((e) => named(e.rule)) };
    if (mine.length) this.record({ action: 'rule-removed', who: this.viewer, target: mine.map((e) => e.rule.id).join(' '), detail: detail || undefined, about });
    this.publish();
  }

  /** Retires a rule: its alarm stays while present and unacknowledged (true), else the rule goes. */
  private retire(e: Entry): boolean {
    const kept = unacknowledged(e.state.presence);
    if (kept) e.retired = true;
    else this.drop(e);
    return kept;
  }

  private drop(e: Entry): void {
    this.unlink(e);
    this.entries.delete(e.rule.id);
  }

  private unlink(e: Entry): void {
    const left = (this.byChannel.get(e.rule.channel) ?? []).filter((x) => x !== e);
    if (left.length) this.byChannel.set(e.rule.channel, left);
    else this.byChannel.delete(e.rule.channel);
  }

  /** The latest data time; before any data, the wall clock (both are epoch ms). */
  private latest(): number {
    return Number.isFinite(this.now) ? this.now : this.scheduler.now();
  }

  /** One sample (or a fault) for one rule; no allocation unless the state changes. */
  private step(e: Entry, t: number, v: number, fault?: Fault): boolean {
    // A removed rule's latched alarm waits for its acknowledgement: it is never raised again.
    if (e.retired && !e.state.active) return false;
    const next = fault ? stepFault(e.rule, e.state, t, fault) : stepCondition(e.rule, e.state, t, v);
    return this.apply(e, next, t);
  }

  private apply(e: Entry, next: ConditionState, t: number): boolean {
    const s = e.state;
    if (next === s) return false;
    e.state = next;
    if (next.presence === s.presence && Object.is(next.occurrence, s.occurrence)) return false;
    // Never before its onset: a channel that never sent goes stale at the room's latest data
    // time, and its first sample, cleared on its own clock, may be older than that.
    const at = next.onset > t ? next.onset : t;
    this.changes.next({ rule: e.rule, state: next, t: at, wall: this.scheduler.now(), previous: s.presence, retired: e.retired });
    if (e.retired && !unacknowledged(next.presence)) this.drop(e);
    return true;
  }

  /** Lets an external condition end once it has been clear for its hold time. */
  private scheduleClear(id: string, holdMs: number): void {
    this.scheduler.schedule(() => {
      const e = this.entries.get(id);
      if (!e || Number.isNaN(e.state.clearSince)) return;
      const next = stepExternal(e.rule, e.state, this.latest(), this.scheduler.now(), false);
      if (next.active) return this.scheduleClear(id, Math.max(1, e.state.clearSince + holdMs - this.scheduler.now()));
      if (this.apply(e, next, this.latest())) this.publish();
    }, holdMs);
  }

  private refuse(command: unknown, reason: RefusalReason, detail: string, who: string, wall: number): void {
    this.refused.next(new AlarmCommandRefused(command, reason, detail, who, wall));
    // Which command and which alarm, when it was a command at all and the alarm's rule is known here.
    const parsed = parseAlarmCommand(command);
    const c = parsed.ok ? parsed.value : undefined;
    const rule = c?.type === 'acknowledge' ? this.entries.get(c.id)?.rule : undefined;
    this.record({ action: 'refused', who, wall, detail, about: { kind: 'refused', reason, command: c?.type, alarm: rule && named(rule) } });
  }

  private record(a: Omit<AlarmAction, 't' | 'wall'> & { wall?: number }): void {
    this.actions.next({ ...a, wall: a.wall ?? this.scheduler.now(), t: Number.isFinite(this.now) ? this.now : NaN });
  }

  private publish(): void {
    const present: PresentAlarm[] = [];
    for (const e of this.entries.values()) if (e.state.presence !== 'off') present.push(e.retired ? { rule: e.rule, state: e.state, retired: true } : { rule: e.rule, state: e.state });
    this.present.next(present.sort(byUrgency));
    this.tick();
  }

  /** Highest priority present (any presence) and highest still unacknowledged. */
  private highest(unackedOnly: boolean): Priority | undefined {
    let best: Priority | undefined;
    for (const a of this.present.value)
      if ((!unackedOnly || unacknowledged(a.state.presence)) && (!best || PRIORITY_RANK[a.rule.priority] > PRIORITY_RANK[best])) best = a.rule.priority;
    return best;
  }

  private pause(ms: number | undefined): Inactivation {
    const p = pause(this.now, this.highest(false), ms, this.scheduler.now());
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
    if (this.following) return;
    const sounding = this.highest(true);
    const { audio, alarms } = this.system.value;
    const wall = this.scheduler.now();
    const next = { audio: inactivationAt(audio, this.now, sounding, wall), alarms: inactivationAt(alarms, this.now, sounding, wall) };
    if (next.audio === audio && next.alarms === alarms) return;
    this.system.next(next);
    const resumed = (action: 'resume-audio' | 'resume-alarms', s: Inactivation) => {
      const why = this.now >= s.until || wall >= s.wallUntil ? 'elapsed' : 'higher-priority';
      this.record({ action, who: SYSTEM_ACTOR, detail: PAUSE_ENDED[why], about: { kind: 'pause-ended', why } });
    };
    if (next.audio !== audio) resumed('resume-audio', audio);
    if (next.alarms !== alarms) resumed('resume-alarms', alarms);
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
