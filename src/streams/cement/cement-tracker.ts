import { Subject, type Subscription } from 'rxjs';
import type { SampleBatch } from '../../models/channel.js';
import { InjectionLedger, type CementFinding } from '../../models/cement/ledger.js';
import { DERIVED_INTERVAL_MS, workingLeftChannel, type InjectionPlan } from '../../models/cement/plan.js';
import { SET_RISE_MESSAGE, setRiseAlarmId } from '../../models/cement/rules.js';
import type { TelemetryRoom } from '../room/room.js';

/**
 * Follows one injection in a room: feeds the plan's volumes, pressure, flow
 * and cement events to an `InjectionLedger`, and publishes into the room what
 * the alarms judge but no device sends: the leak flag on the cement channel
 * and the working time left, every `DERIVED_INTERVAL_MS` of data time (at once
 * on an event). A volume rising while the cement is set is raised as a
 * technical condition; a volume going down counts as invalid data of its channel.
 * The room's events are not replayed: follow the room before the injection starts.
 */
export class CementTracker {
  readonly ledger: InjectionLedger;
  /** Readings and events the ledger flagged. */
  readonly findings = new Subject<CementFinding>();
  /** The ledger changed in a way a person sees at once (an event, a site's status, a finding). */
  readonly changes = new Subject<void>();
  private readonly subscription: Subscription;
  private publishedT = -Infinity;
  private risingWhileSet = false;

  constructor(
    private readonly room: TelemetryRoom,
    readonly plan: InjectionPlan,
  ) {
    const ledger = (this.ledger = new InjectionLedger(plan));
    // What the room already holds (a tracker started late): volumes and events, in time order.
    const held: { t: number; apply: () => void }[] = [];
    for (const s of plan.sites) room.store(s.channel)?.forEach((t, v) => held.push({ t, apply: () => void this.volume(s.channel, t, v) }));
    for (const e of room.eventsOf(plan.channel)?.items ?? []) held.push({ t: e.t, apply: () => this.report(ledger.event(e)) });
    for (const h of held.sort((a, b) => a.t - b.t)) h.apply();
    const others = [plan.pressureChannel, plan.flowChannel].filter((c): c is string => !!c);
    for (const c of others) {
      const last = room.store(c)?.lastT;
      if (last !== undefined && Number.isFinite(last)) ledger.see(last);
    }
    this.subscription = room.events.subscribe((e) => {
      if (e.channel !== plan.channel) return;
      this.report(ledger.event(e));
      this.publish(true);
      this.changes.next();
    });
    for (const s of plan.sites) {
      const store = room.store(s.channel);
      if (store) this.subscription.add(store.batches.subscribe((b) => this.volumes(b)));
    }
    for (const c of others) {
      const store = room.store(c);
      if (store) this.subscription.add(store.batches.subscribe((b) => (ledger.see(b.t[b.t.length - 1]), this.publish(false))));
    }
  }

  close(): void {
    this.subscription.unsubscribe();
    this.findings.complete();
    this.changes.complete();
  }

  private volumes(b: SampleBatch): void {
    let changed = false;
    for (let i = 0; i < b.t.length; i++) changed = this.volume(b.channel, b.t[i], b.v[i]) || changed;
    this.publish(false);
    if (changed) this.changes.next();
  }

  /** One reading; true when a person would see a change of state. */
  private volume(channel: string, t: number, v: number): boolean {
    const site = this.ledger.site(this.plan.sites.find((s) => s.channel === channel)?.id ?? '');
    const before = site ? `${site.status}${site.invalid}` : '';
    const finding = this.ledger.volume(channel, t, v);
    this.report(finding);
    return !!finding || (site !== undefined && `${site.status}${site.invalid}` !== before);
  }

  private report(f: CementFinding | undefined): void {
    if (!f) return;
    this.findings.next(f);
    // A volume going down is invalid data of its channel: its technical alarm, as for any refused value.
    if (f.reason === 'volume-decreased') this.room.manager.fault(f.channel, f.t, 'invalid');
  }

  /** The leak flag and working time left, at the latest data time; at most every DERIVED_INTERVAL_MS unless `now`. */
  private publish(now: boolean): void {
    const l = this.ledger;
    const rising = l.risingWhileSet;
    if (rising !== this.risingWhileSet) {
      this.risingWhileSet = rising;
      this.room.manager.setTechnical(setRiseAlarmId(this.plan), rising, SET_RISE_MESSAGE, 'me');
    }
    if (!Number.isFinite(l.lastT) || (!now && l.lastT - this.publishedT < DERIVED_INTERVAL_MS)) return;
    // One value every DERIVED_INTERVAL_MS of data time, however large the batch (a replay at 60x), so
    // the derived channels are never judged stale while data flows; strictly increasing times.
    const first = Number.isFinite(this.publishedT) ? this.publishedT : l.lastT - DERIVED_INTERVAL_MS;
    const n = now ? 1 : Math.min(4096, Math.floor((l.lastT - first) / DERIVED_INTERVAL_MS));
    const t = new Float64Array(n);
    for (let k = 0; k < n; k++) t[k] = now ? Math.max(l.lastT, this.publishedT + 1) : l.lastT - (n - 1 - k) * DERIVED_INTERVAL_MS;
    this.publishedT = t[n - 1];
    const leak = new Float32Array(n).fill(l.leakHolding ? 1 : 0);
    const left = Float32Array.from(t, (x) => l.setting(x).workingLeftMs / 1000);
    if (this.room.descriptor(this.plan.channel)) this.room.push({ channel: this.plan.channel, t, v: leak });
    if (this.room.descriptor(workingLeftChannel(this.plan))) this.room.push({ channel: workingLeftChannel(this.plan), t: t.slice(), v: left });
  }
}
