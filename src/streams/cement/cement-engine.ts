import type { Observable } from 'rxjs';
import type { AlarmRule } from '../../models/alarm-rules.js';
import type { SampleBatch, TelemetryEvent } from '../../models/channel.js';
import { InjectionLedger, type CementFinding, type LeakReport, type SiteRecord } from '../../models/cement/ledger.js';
import { cementDerivedChannels, deliveredChannel, DERIVED_INTERVAL_MS, INJECTOR_INTERVAL_MS, workingLeftChannel, type InjectionPlan } from '../../models/cement/plan.js';
import { cementRules, leakAlarmId, leakMessage, SET_RISE_MESSAGE, setRiseAlarmId, type CementThresholds } from '../../models/cement/rules.js';
import type { SettingTimes } from '../../models/cement/setting.js';
import { ProcedureEngine } from '../engines/procedure-engine.js';
import { registerEngine } from '../engines/registry.js';
import type { TelemetryRoom } from '../room/room.js';

/** What a cement engine follows: the plan, and the thresholds of the default rules or rules of one's own. */
export interface CementConfig {
  plan: InjectionPlan;
  thresholds?: Partial<CementThresholds>;
  /** The alarm rules; by default `cementRules(plan, thresholds)`. An empty array: none. */
  rules?: readonly AlarmRule[];
}

/** One site in a snapshot: plain data, a copy of the ledger's record. */
export type CementSite = Readonly<SiteRecord>;

/** The injection as a view draws it and a debrief keeps it (plain data). */
export interface CementState {
  plan?: InjectionPlan;
  sites: readonly CementSite[];
  totalMl: number;
  plannedMl: number;
  maxMl: number;
  leaks: readonly LeakReport[];
  /** The setting phase boundaries of this cement at this room temperature. */
  times?: SettingTimes;
  /** Data time the cement was mixed (NaN before). */
  mixT: number;
  paused: boolean;
  pauseReason: string;
  leakHolding: boolean;
  activeSite?: string;
  /** Latest data time of the plan's channels (-Infinity before any). */
  lastT: number;
  /** Flow estimated from the volumes (mL/min), when no flow channel is given. */
  flowMlPerMin: number;
  /** The last reading or event flagged. */
  lastFinding?: CementFinding;
}

const EMPTY: CementState = { sites: [], totalMl: 0, plannedMl: 0, maxMl: 0, leaks: [], mixT: NaN, paused: false, pauseReason: '', leakHolding: false, lastT: -Infinity, flowMlPerMin: 0 };

/**
 * Cementoplasty in a room, with or without a panel on screen: per-site volumes,
 * the setting clock, pauses and leaks (an `InjectionLedger`), the cement rules,
 * and the channels no device sends, published every `DERIVED_INTERVAL_MS` of
 * data time (at once on an event): the leak flag on the cement channel, the
 * working time left, and each site's delivered volume (`deliveredChannel`: the
 * record, so a refused reading draws nothing). A volume going down counts as
 * invalid data of its channel; a volume rising once the cement is set is a
 * technical condition; each leak reported is a high-priority alarm of its own,
 * naming its site, present while it holds the injection and latched until
 * acknowledged; an event it cannot read (a site the plan lacks, a `site`
 * without one) is reported as `unreadable`, named.
 */
export class CementEngine extends ProcedureEngine<CementConfig, CementState> {
  readonly kind = 'cement';
  private ledger?: InjectionLedger;
  private lastFinding?: CementFinding;
  private publishedT = -Infinity;
  private risingWhileSet = false;
  private others = new Set<string>();
  /** Data time of the last delivered volume published, per site channel. */
  private deliveredT = new Map<string, number>();
  /** Leak reports raised as alarms so far, and those whose hold is over (the first `leaksOver`). */
  private leaksRaised = 0;
  private leaksOver = 0;
  /** Leaks reported up to this data time were raised by an earlier configuration: not raised again. */
  private raisedUntil = -Infinity;

  constructor(room: TelemetryRoom, config?: CementConfig) {
    super(room, EMPTY);
    if (config) this.configure(config);
  }

  /** Readings and events flagged, as they happen (a view shows the last; `ir-cement-technical`): the output `findings`. */
  get findings(): Observable<CementFinding> {
    return this.output('findings');
  }

  protected onConfigure({ plan, thresholds, rules }: CementConfig): void {
    this.ledger = new InjectionLedger(plan);
    this.lastFinding = undefined;
    this.others = new Set([plan.pressureChannel, ...(plan.flowChannel ? [plan.flowChannel] : [])]);
    this.leaksRaised = this.leaksOver = 0;
    // A delivered volume comes with its site's readings: no more often than they do.
    this.declare(cementDerivedChannels(plan, (s) => this.room.descriptor(s.channel)?.intervalMs ?? INJECTOR_INTERVAL_MS));
    // What was published before (an engine configured again) is not published twice.
    const lastOf = (id: string) => this.room.store(id)?.lastT || -Infinity;
    this.publishedT = lastOf(workingLeftChannel(plan));
    this.deliveredT = new Map(plan.sites.map((s) => [s.channel, lastOf(deliveredChannel(s))]));
    this.raisedUntil = this.publishedT;
    this.useRules(rules ?? cementRules(plan, thresholds));
    this.snapshot();
  }

  protected override onSamples(b: SampleBatch): void {
    const l = this.ledger;
    if (!l || !b.t.length) return;
    if (l.isSiteChannel(b.channel)) this.volumes(b);
    else if (this.others.has(b.channel)) l.see(b.t[b.t.length - 1]);
    else return;
    this.derive(false);
    this.snapshot();
  }

  protected override onEvent(e: TelemetryEvent): void {
    const l = this.ledger;
    if (!l || e.channel !== l.plan.channel) return;
    const wasEnded = l.ended;
    this.report(l.event(e));
    if (l.ended !== wasEnded) this.planSilence([l.plan.channel, workingLeftChannel(l.plan), ...l.plan.sites.map((s) => s.channel), ...this.others], l.ended);
    this.derive(true);
    // After the flag is published at the event's time: a leak's onset is when it was reported.
    this.leakAlarms();
    this.snapshot();
  }

  /**
   * A site's readings into the record, and the record at most every DERIVED_INTERVAL_MS of
   * data time into its delivered channel: a refused reading publishes the last valid volume.
   */
  private volumes(b: SampleBatch): void {
    const l = this.ledger!;
    const site = l.siteOn(b.channel)!;
    let last = this.deliveredT.get(b.channel) ?? -Infinity;
    const t: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < b.t.length; i++) {
      this.report(l.volume(b.channel, b.t[i], b.v[i]));
      if (b.t[i] - last < DERIVED_INTERVAL_MS) continue;
      last = b.t[i];
      t.push(last);
      v.push(site.volumeMl);
    }
    this.deliveredT.set(b.channel, last);
    if (t.length) this.room.publish({ channel: deliveredChannel(site.site), t: Float64Array.from(t), v: Float32Array.from(v) });
  }

  /**
   * Each leak reported raises its own occurrence, named by its site, so a second leak while the
   * first holds the injection (or is latched) is heard and logged; once the injection is
   * resumed, each stays latched until acknowledged.
   */
  private leakAlarms(): void {
    const l = this.ledger!;
    const alarm = (n: number) => {
      const site = l.leaks[n - 1].site;
      return { message: leakMessage(site === undefined ? undefined : l.site(site)?.site), priority: 'hi', kind: 'phy', latching: true } as const;
    };
    for (; this.leaksRaised < l.leaks.length; this.leaksRaised++) if (l.leaks[this.leaksRaised].t > this.raisedUntil) this.raise(leakAlarmId(this.leaksRaised + 1), true, alarm(this.leaksRaised + 1));
    if (l.leakHolding) return;
    for (; this.leaksOver < this.leaksRaised; this.leaksOver++) this.raise(leakAlarmId(this.leaksOver + 1), false, alarm(this.leaksOver + 1));
  }

  private report(f: CementFinding | undefined): void {
    if (!f) return;
    this.lastFinding = f;
    this.tell('findings', f);
    // A volume going down is invalid data of its channel: its technical alarm, as for any refused value.
    if (f.reason === 'volume-decreased') this.room.manager.fault(f.channel, f.t, 'invalid');
    else if (f.reason !== 'volume-after-set') this.unreadable(f.channel, f.t, `${f.reason}: ${f.detail}`);
  }

  /** The set-rise condition, and the leak flag and working time left at the latest data time (at most every DERIVED_INTERVAL_MS unless `now`). */
  private derive(now: boolean): void {
    const l = this.ledger!;
    const plan = l.plan;
    if (l.risingWhileSet !== this.risingWhileSet) {
      this.risingWhileSet = l.risingWhileSet;
      this.raise(setRiseAlarmId(plan), this.risingWhileSet, { message: SET_RISE_MESSAGE, priority: 'me', kind: 'tec' });
    }
    if (!Number.isFinite(l.lastT) || l.lastT < this.publishedT || (!now && l.lastT - this.publishedT < DERIVED_INTERVAL_MS)) return;
    // One value every DERIVED_INTERVAL_MS of data time, however large the batch (a replay at 60x), so
    // the derived channels are never judged stale while data flows; strictly increasing times.
    const first = Number.isFinite(this.publishedT) ? this.publishedT : l.lastT - DERIVED_INTERVAL_MS;
    const n = now ? 1 : Math.min(4096, Math.floor((l.lastT - first) / DERIVED_INTERVAL_MS));
    const t = new Float64Array(n);
    for (let k = 0; k < n; k++) t[k] = now ? Math.max(l.lastT, this.publishedT + 1) : l.lastT - (n - 1 - k) * DERIVED_INTERVAL_MS;
    this.publishedT = t[n - 1];
    const leak = new Float32Array(n).fill(l.leakHolding ? 1 : 0);
    const left = Float32Array.from(t, (x) => l.setting(x).workingLeftMs / 1000);
    this.room.publish({ channel: plan.channel, t, v: leak });
    this.room.publish({ channel: workingLeftChannel(plan), t: t.slice(), v: left });
  }

  private snapshot(): void {
    const l = this.ledger;
    if (!l) return this.emit(EMPTY);
    this.emit({
      plan: l.plan,
      sites: l.sites.map((s) => ({ ...s })),
      totalMl: l.totalMl,
      plannedMl: l.plannedMl,
      maxMl: l.maxMl,
      leaks: l.leaks.slice(),
      times: l.times,
      mixT: l.mixT,
      paused: l.paused,
      pauseReason: l.pauseReason,
      leakHolding: l.leakHolding,
      activeSite: l.activeSite,
      lastT: l.lastT,
      flowMlPerMin: l.flowMlPerMin(),
      lastFinding: this.lastFinding,
    });
  }
}

registerEngine('cement', (room) => new CementEngine(room));
