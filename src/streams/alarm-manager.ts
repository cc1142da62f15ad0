import { BehaviorSubject, Subject, type Observable, type Subscription } from 'rxjs';
import type { ChannelDescriptor, SampleBatch } from '../models/channel.js';
import { acknowledge, initialCondition, stepCondition, type ConditionState } from '../models/alarm-condition.js';
import { PRIORITY_RANK, checkRules, type AlarmRule, type Priority } from '../models/alarm-rules.js';
import { audioAt, audioOn, pauseAudio, type AudioState } from '../models/alarm-audio.js';
import { isTechnicalEvent, type TechnicalEvent } from '../models/events.js';

/** A present alarm condition, as panels show it. */
export interface PresentAlarm {
  rule: AlarmRule;
  state: ConditionState;
}

/** A change of one condition's presence, on data time. */
export interface AlarmChange extends PresentAlarm {
  t: number;
}

/** Commands that may come from anywhere: a panel, a console button, another viewer. */
export type AlarmCommand = { type: 'acknowledge'; id: string } | { type: 'pause-audio'; ms?: number } | { type: 'resume-audio' };

const byUrgency = (a: PresentAlarm, b: PresentAlarm) =>
  PRIORITY_RANK[b.rule.priority] - PRIORITY_RANK[a.rule.priority] || a.state.onset - b.state.onset;

/**
 * Evaluates alarm rules over validated data and owns acknowledgement and audio
 * pause for every panel on a page. Runs on data time and on every batch, so
 * alarms keep being evaluated while panels are hidden; only drawing pauses.
 */
export class AlarmManager {
  private readonly byChannel = new Map<string, AlarmRule[]>();
  private readonly states = new Map<string, ConditionState>();
  private readonly rules = new Map<string, AlarmRule>();
  private audioState = audioOn();
  private now = -Infinity;

  /** Every change of presence (raised, acknowledged, latched, ended). */
  readonly changes = new Subject<AlarmChange>();
  /** The present alarms, most urgent first. */
  readonly present = new BehaviorSubject<PresentAlarm[]>([]);
  readonly audio = new BehaviorSubject<AudioState>(this.audioState);

  constructor(rules: readonly AlarmRule[], channels: readonly ChannelDescriptor[]) {
    checkRules(rules, channels.map((c) => c.id));
    for (const r of rules) {
      this.rules.set(r.id, r);
      this.states.set(r.id, initialCondition());
      this.byChannel.set(r.channel, [...(this.byChannel.get(r.channel) ?? []), r]);
    }
  }

  /** Evaluates every rule of the batch's channel on each sample, in data-time order. */
  ingest(batch: SampleBatch): void {
    const rules = this.byChannel.get(batch.channel);
    if (!rules) return;
    let changed = false;
    for (let i = 0; i < batch.t.length; i++) {
      const t = batch.t[i];
      for (const rule of rules) changed = this.step(rule, t, batch.v[i]) || changed;
      if (t > this.now) this.now = t;
    }
    if (changed) this.publish();
    this.tickAudio();
  }

  /** Invalid data or a refused batch: the channel has no valid value at that time. */
  noValidData(e: TechnicalEvent): void {
    const rules = e.channel === null ? undefined : this.byChannel.get(e.channel);
    const t = Number.isNaN(e.t) ? this.now : e.t;
    if (!rules || !Number.isFinite(t)) return;
    let changed = false;
    for (const rule of rules) changed = this.step(rule, t, NaN) || changed;
    if (changed) this.publish();
  }

  command(c: AlarmCommand): void {
    if (c.type === 'acknowledge') {
      const s = this.states.get(c.id);
      const rule = this.rules.get(c.id);
      if (!s || !rule) return;
      const next = acknowledge(s);
      if (next === s) return;
      this.states.set(c.id, next);
      this.changes.next({ rule, state: next, t: this.now });
      this.publish();
    } else if (c.type === 'pause-audio') {
      this.setAudio(pauseAudio(this.now, this.present.value[0]?.rule.priority, c.ms));
    } else {
      this.setAudio(audioOn());
    }
  }

  /** Feeds the manager from a stream of batches and technical events, and from commands. */
  connect(data: Observable<SampleBatch | TechnicalEvent>, commands?: Observable<AlarmCommand>): Subscription {
    const sub = data.subscribe((x) => (isTechnicalEvent(x) ? this.noValidData(x) : this.ingest(x)));
    if (commands) sub.add(commands.subscribe((c) => this.command(c)));
    return sub;
  }

  /** Remaining audio pause, in data-time ms. */
  pauseRemainingMs(): number {
    return this.audioState.mode === 'paused' ? Math.max(0, this.audioState.until - this.now) : 0;
  }

  private step(rule: AlarmRule, t: number, v: number): boolean {
    const s = this.states.get(rule.id)!;
    const next = stepCondition(rule, s, t, v);
    if (next === s) return false;
    this.states.set(rule.id, next);
    if (next.presence !== s.presence) {
      this.changes.next({ rule, state: next, t });
      return true;
    }
    return false;
  }

  private publish(): void {
    const present: PresentAlarm[] = [];
    for (const [id, state] of this.states) if (state.presence !== 'off') present.push({ rule: this.rules.get(id)!, state });
    this.present.next(present.sort(byUrgency));
    this.tickAudio();
  }

  private tickAudio(): void {
    const highest: Priority | undefined = this.present.value.find((a) => a.state.presence === 'on')?.rule.priority;
    const next = audioAt(this.audioState, this.now, highest);
    if (next !== this.audioState) this.setAudio(next);
  }

  private setAudio(s: AudioState): void {
    this.audioState = s;
    this.audio.next(s);
  }
}
