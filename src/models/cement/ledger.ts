import type { TelemetryEvent } from '../channel.js';
import { isCementEventKind, parseEventText } from './event-text.js';
import { maxTotalMl, planCement, plannedTotalMl, siteVolumeMl, type InjectionPlan, type InjectionSite } from './plan.js';
import { settingAt, settingTimes, type SettingState, type SettingTimes } from './setting.js';

/**
 * A reading below the site's record by less than this is noise (mL), not a
 * fall: half the gauge's 0.1 mL resolution. Our choice, not a published value.
 */
export const VOLUME_TOLERANCE_ML = 0.05;

/** Flow is estimated over this much data time when no flow channel is given (ms). */
export const FLOW_WINDOW_MS = 3000;

/** A volume rise while the cement is set keeps its technical condition present this long (ms of data time). */
export const SET_RISE_HOLD_MS = 2000;

export type CementFindingReason = 'volume-decreased' | 'site-not-in-plan' | 'volume-after-set' | 'bad-event';

/** Input the ledger kept out of the record or flagged, as a technical event. */
export interface CementFinding {
  type: 'cement-technical';
  reason: CementFindingReason;
  channel: string;
  /** The site concerned, when known. */
  site?: string;
  /** Data time. */
  t: number;
  /** The value or text at fault. */
  detail: string;
}

export interface LeakReport {
  t: number;
  /** The site it was reported at (undefined when not said, or not in the plan). */
  site?: string;
  /** Who saw it: `operator`, `imaging`, or as reported. */
  source: string;
  note: string;
}

export type SiteStatus = 'waiting' | 'injecting' | 'done';

export interface SiteRecord {
  site: InjectionSite;
  /** The volume delivered, mL: the highest valid reading (a reading never takes volume away). */
  volumeMl: number;
  /** Data time of the last valid reading (NaN before any). */
  lastT: number;
  status: SiteStatus;
  /** The last reading was refused (below the record): the record is kept and shown as such. */
  invalid: boolean;
}

const ANCHORS = 64;

/**
 * The record of one injection: per-site delivered volume, the cement's setting
 * clock, pauses and leaks, from the plan's channels. Pure and O(1) a sample;
 * a reading or event it cannot accept becomes a `CementFinding`, never an
 * exception, and no valid volume is ever dropped from the record.
 */
export class InjectionLedger {
  readonly sites: SiteRecord[];
  readonly leaks: LeakReport[] = [];
  readonly times: SettingTimes;
  /** Data time the cement was mixed (NaN before). */
  mixT = NaN;
  /** The injection is held (a pause or a leak), until `resume`. */
  paused = false;
  /** Why it is held: `leak`, or the pause's reason. */
  pauseReason = '';
  /** The site being injected. */
  activeSite?: string;
  /** Latest data time seen on any of the plan's channels. */
  lastT = -Infinity;
  /** The procedure ended (an `end` event; a `mix` starts it again). */
  ended = false;
  /** Data time of the latest volume rise while the cement was set. */
  private setRiseT = -Infinity;
  private readonly byChannel = new Map<string, SiteRecord>();
  private readonly byId = new Map<string, SiteRecord>();
  // Total volume anchors for the flow estimate: a ring of (t, total).
  private readonly anchorT = new Float64Array(ANCHORS).fill(NaN);
  private readonly anchorV = new Float64Array(ANCHORS);
  private anchor = 0;

  constructor(readonly plan: InjectionPlan) {
    this.times = settingTimes(planCement(plan), plan.roomTemperatureC);
    this.sites = plan.sites.map((site) => ({ site, volumeMl: 0, lastT: NaN, status: 'waiting', invalid: false }));
    for (const r of this.sites) {
      this.byChannel.set(r.site.channel, r);
      this.byId.set(r.site.id, r);
    }
  }

  /** Whether `channel` is one of the plan's site volume channels. */
  isSiteChannel(channel: string): boolean {
    return this.byChannel.has(channel);
  }

  site(id: string): SiteRecord | undefined {
    return this.byId.get(id);
  }

  /** The record of the site whose volume `channel` reports. */
  siteOn(channel: string): SiteRecord | undefined {
    return this.byChannel.get(channel);
  }

  /** The volume delivered over every site (mL). */
  get totalMl(): number {
    let s = 0;
    for (const r of this.sites) s += r.volumeMl;
    return s;
  }

  get plannedMl(): number {
    return plannedTotalMl(this.plan);
  }

  get maxMl(): number {
    return maxTotalMl(this.plan);
  }

  /** A leak is reported and the injection has not been resumed since. */
  get leakHolding(): boolean {
    return this.paused && this.pauseReason === 'leak';
  }

  /** The setting phase at data time `t` (the latest data time by default). */
  setting(t = this.lastT): SettingState {
    return settingAt(this.times, this.mixT, t);
  }

  /** The volume rose while the cement was set, within the last `SET_RISE_HOLD_MS` of data time. */
  get risingWhileSet(): boolean {
    return this.lastT - this.setRiseT <= SET_RISE_HOLD_MS;
  }

  /** A reading of a site channel (in the channel's unit). Returns a finding when it is flagged. */
  volume(channel: string, t: number, value: number): CementFinding | undefined {
    const r = this.byChannel.get(channel);
    if (!r) return { type: 'cement-technical', reason: 'site-not-in-plan', channel, t, detail: String(value) };
    this.see(t);
    const ml = siteVolumeMl(r.site, value);
    if (ml < r.volumeMl - VOLUME_TOLERANCE_ML) {
      const first = !r.invalid;
      r.invalid = true;
      return first ? { type: 'cement-technical', reason: 'volume-decreased', channel, site: r.site.id, t, detail: `${ml.toFixed(2)} mL < ${r.volumeMl.toFixed(2)} mL` } : undefined;
    }
    r.invalid = false;
    r.lastT = t;
    if (ml <= r.volumeMl) return undefined;
    const rise = ml - r.volumeMl;
    r.volumeMl = ml;
    if (rise >= VOLUME_TOLERANCE_ML) {
      if (r.status === 'waiting') r.status = 'injecting';
      if (r.status === 'injecting') this.activeSite = r.site.id;
    }
    this.addAnchor(t);
    if (rise >= VOLUME_TOLERANCE_ML && this.setting(t).phase === 'set') {
      const first = !this.risingWhileSet;
      this.setRiseT = t;
      if (first) return { type: 'cement-technical', reason: 'volume-after-set', channel, site: r.site.id, t, detail: `${ml.toFixed(2)} mL` };
    }
    return undefined;
  }

  /** Notes data time on a channel that carries no volume (pressure, flow). */
  see(t: number): void {
    if (t > this.lastT) this.lastT = t;
  }

  /** An event of the cement channel. Returns a finding when it cannot be applied as said. */
  event(e: TelemetryEvent): CementFinding | undefined {
    if (!isCementEventKind(e.kind)) return undefined;
    this.see(e.t);
    const f = parseEventText(e.text);
    const bad = (reason: CementFindingReason, detail: string): CementFinding => ({ type: 'cement-technical', reason, channel: e.channel, site: f.site, t: e.t, detail });
    const named = f.site === undefined ? undefined : this.byId.get(f.site);
    switch (e.kind) {
      case 'end':
        this.ended = true;
        return undefined;
      case 'mix':
        this.ended = false;
        this.mixT = e.t;
        this.setRiseT = -Infinity;
        return undefined;
      case 'pause':
        this.paused = true;
        this.pauseReason = f.reason ?? f.note ?? '';
        return undefined;
      case 'resume':
        this.paused = false;
        this.pauseReason = '';
        return undefined;
      case 'leak':
        // A leak is never dropped, even at a site the plan does not know.
        this.leaks.push({ t: e.t, site: named?.site.id, source: f.source ?? 'operator', note: f.note ?? '' });
        this.paused = true;
        this.pauseReason = 'leak';
        return f.site !== undefined && !named ? bad('site-not-in-plan', e.text) : undefined;
      case 'site':
      case 'done':
        if (f.site === undefined) return bad('bad-event', `${e.kind}: ${e.text}`);
        if (!named) return bad('site-not-in-plan', e.text);
        if (e.kind === 'site') {
          this.activeSite = named.site.id;
          if (named.status === 'waiting') named.status = 'injecting';
        } else {
          named.status = 'done';
          if (this.activeSite === named.site.id) this.activeSite = undefined;
        }
        return undefined;
    }
  }

  /** Flow over the last `FLOW_WINDOW_MS` of data time (mL/min), from the total volume; 0 without data. */
  flowMlPerMin(): number {
    const now = this.lastT;
    const total = this.totalMl;
    let best = -1;
    for (let k = 0; k < ANCHORS; k++) {
      const t = this.anchorT[k];
      if (now - t <= FLOW_WINDOW_MS && (best < 0 || t < this.anchorT[best])) best = k;
    }
    if (best < 0) return 0;
    const dt = now - this.anchorT[best];
    return dt > 0 ? ((total - this.anchorV[best]) / dt) * 60_000 : 0;
  }

  /** Keeps the total every FLOW_WINDOW_MS / 16 of data time. */
  private addAnchor(t: number): void {
    const prev = this.anchorT[(this.anchor + ANCHORS - 1) % ANCHORS];
    if (t - prev < FLOW_WINDOW_MS / 16) return;
    this.anchorT[this.anchor] = t;
    this.anchorV[this.anchor] = this.totalMl;
    this.anchor = (this.anchor + 1) % ANCHORS;
  }
}
