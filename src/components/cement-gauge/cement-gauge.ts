import { LitElement, html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { Observable, SchedulerLike, Subscription } from 'rxjs';
import type { ChannelDescriptor } from '../../models/channel.js';
import { PRIORITY_MARKER, type AlarmRule } from '../../models/alarm-rules.js';
import type { CementFinding, SiteRecord } from '../../models/cement/ledger.js';
import { checkPlan, maxTotalMl, planChannelIds, plannedTotalMl, workingLeftChannel, type InjectionPlan } from '../../models/cement/plan.js';
import { cementRules, setRiseAlarmId, type CementThresholds } from '../../models/cement/rules.js';
import type { SettingState } from '../../models/cement/setting.js';
import type { AlarmManager } from '../../streams/alarm-manager.js';
import { CementTracker } from '../../streams/cement/cement-tracker.js';
import type { RoomInput, TelemetryRoom } from '../../streams/room/room.js';
import { AlarmController, alarmContext, type AlarmHost } from '../alarm-controller.js';
import { CalmTickController } from '../kit/calm-tick.js';
import { IrConfigErrorEvent, IrEvent } from '../kit/events.js';
import { FrameController } from '../kit/frame-scheduler.js';
import { InputController, type InputHost } from '../kit/input-controller.js';
import { LanguageController } from '../kit/language-controller.js';
import { roomContext } from '../kit/room-context.js';
import { SizeController } from '../kit/size-controller.js';
import { ThemeController, type ThemeHost } from '../kit/theme-controller.js';
import type { TrendMarker } from '../trend/trend.js';
import '../trend.js';
import { cementMessages } from './cement-gauge.messages.js';
import { cementGaugeStyles } from './cement-gauge.styles.js';
import { barsHeight, drawBars, layoutBars, type BarGeometry, type BarInput } from './volume-bars.js';

/** A reading or event of the injection the gauge flagged: the record keeps the last valid volume. */
export class IrCementTechnicalEvent extends IrEvent<CementFinding> {
  static readonly type = 'ir-cement-technical';
  constructor(detail: CementFinding) {
    super(IrCementTechnicalEvent.type, detail);
  }
}

/**
 * Bone-cement injection, per site and in total: volume injected against the
 * planned and maximum volume (bars readable from a distance, 0.1 mL), flow,
 * pressure trace, the cement's setting phase with the working time left, the
 * sites done, leaks marked on the volume curve at the moment reported, and
 * whether the injection is paused.
 *
 * Its channels are the plan's (`cementChannels(plan)` declares them): one
 * volume channel per site (cumulative mL, or plunger travel in mm), pressure
 * (kPa), optional flow (mL/min), and the cement channel, whose events (`mix`,
 * `site`, `done`, `pause`, `resume`, `leak`) drive the setting clock, the site
 * list and the leak record. The gauge publishes into its room the leak flag (on
 * the cement channel) and the working time left (`<cement>.working-left`, s), so
 * the default alarms are plain rules (`cementRules`). Attached late, it reads
 * the volumes and the last 256 events the room kept, in time order.
 *
 * @tagname ir-cement-gauge
 * @summary Cement volume per site and in total against plan and maximum, flow, pressure, setting countdown, leaks.
 * @csspart status - The line with phase, countdown, pause state, flow and pressure.
 * @csspart phase - The cement's setting phase.
 * @csspart countdown - The working time left (m:ss).
 * @csspart paused - Shown while the injection is held (a pause, or a leak).
 * @csspart flow - Flow read-out.
 * @csspart pressure - Pressure read-out.
 * @csspart total - The total volume, planned and maximum.
 * @csspart bars - The canvas of volume bars: the total first, then each site.
 * @csspart sites - The list of sites with volume and status.
 * @csspart site - One site of the list.
 * @csspart technical - The last flagged reading or event.
 * @csspart volume-curve - The `ir-trend` of each site's volume, with leak markers.
 * @csspart pressure-trace - The `ir-trend` of the injection pressure, with the alarm limits.
 * @csspart alarm - The priority marker and message of the most urgent alarm of the injection.
 * @csspart summary - The text equivalent (visually hidden).
 * @cssproperty --ir-cement-gauge-fill-color - Fill of a bar below its planned volume (default: series 1).
 * @cssproperty --ir-cement-gauge-reached-color - Fill once the planned volume is reached (default: series 3).
 * @cssproperty --ir-cement-gauge-track-color - The empty part of a bar (default: grid colour).
 * @cssproperty --ir-cement-gauge-planned-color - The planned-volume tick (default: text colour).
 * @cssproperty --ir-cement-gauge-trace-height - Height of the volume curve and pressure trace (default 140px).
 * @cssproperty --ir-alarm-high-color - Beyond the maximum, the maximum tick, a leak, and the frame for a high-priority alarm.
 * @cssproperty --ir-alarm-medium-color - The paused badge and the frame for a medium-priority alarm.
 * @cssproperty --ir-alarm-low-color - The frame for a low-priority alarm.
 * @cssproperty --ir-color-text - Text colour.
 * @cssproperty --ir-color-surface - Background.
 * @cssproperty --ir-color-stale - Stale read-outs and bars.
 * @cssproperty --ir-font - Font.
 * @event ir-cement-technical - A volume reading went down, a site or event the plan does not know, a volume rising once set (`IrCementTechnicalEvent`).
 * @event ir-technical - With a `.source`: data refused by the panel's own room (an unknown unit, a negative flow, an unknown channel), or a channel gone stale (`IrTechnicalEvent`).
 * @event ir-config-error - The plan is unsound, a rule was refused, or a `.source` came without `channels` (`IrConfigErrorEvent`).
 */
export class IrCementGauge extends LitElement implements InputHost, AlarmHost, ThemeHost {
  static override styles = cementGaugeStyles;

  /** The injection plan: sites with planned and maximum volumes, channels, cement and room temperature. */
  @property({ attribute: false }) plan?: InjectionPlan;

  /** With `.source`, the descriptors of what it sends: `cementChannels(plan)`. */
  @property({ attribute: false }) channels: ChannelDescriptor[] = [];

  /** Channel ids to read from the nearest `ir-telemetry`, if not the plan's own (`planChannelIds`). */
  @property({ attribute: 'channel' }) channelIds?: string;

  /** The data: volume, pressure and flow batches and the cement channel's events. The panel then has a room of its own. */
  @property({ attribute: false }) source?: Observable<RoomInput>;

  /** The alarm rules; by default `cementRules(plan, thresholds)`. An empty array: none. */
  @property({ attribute: false }) rules?: AlarmRule[];

  /** Thresholds of the default rules (pressure limits, working-time warning). */
  @property({ attribute: false }) thresholds: Partial<CementThresholds> = {};

  /** The alarm manager to follow; without it, the room's. */
  @property({ attribute: false }) manager?: AlarmManager;

  /** Window of the volume curve (s). */
  @property({ type: Number }) window = 600;

  /** Window of the pressure trace (s). */
  @property({ type: Number, attribute: 'pressure-window' }) pressureWindow = 120;

  /** Colour theme: `dark` (default), `light` or `high-contrast`. */
  @property({ reflect: true }) theme: 'dark' | 'light' | 'high-contrast' = 'dark';

  /** Priority of the most urgent alarm of this injection (set from the alarm manager). */
  @property({ reflect: true }) alarm?: 'hi' | 'me' | 'lo';

  /** Every alarm of this injection is acknowledged: the frame turns dashed. */
  @property({ type: Boolean, reflect: true }) acknowledged = false;

  /** The clock of the panel's own room and of its countdown; a VirtualTimeScheduler in tests. */
  @property({ attribute: false }) scheduler?: SchedulerLike;

  private readonly input = new InputController(this, {
    windowMs: () => this.window * 1000,
    onChannels: (room) => this.configure(room),
    onBatch: () => this.frame.request(),
    onQuality: () => (this.requestUpdate(), this.frame.request()),
  });
  private readonly alarmSystem = new AlarmController(this);
  private readonly language = new LanguageController(this, cementMessages);
  private readonly frame = new FrameController(this, () => this.draw());
  private readonly themes = new ThemeController(this, () => this.frame.request());
  protected readonly tick = new CalmTickController(this);
  private readonly size = new SizeController(this, () => this.barsEl, () => this.frame.request());
  private readonly roomProvider = new ContextProvider(this, { context: roomContext });
  private readonly alarmProvider = new ContextProvider(this, { context: alarmContext });
  @query('[part="bars"]') private barsEl?: HTMLCanvasElement;

  private tracker?: CementTracker;
  private trackerEvents?: Subscription;
  private lastFinding?: CementFinding;
  private rows: BarGeometry[] = [];
  private alarmMessage = '';

  /** The ids the panel reads: `channel` if set, else the plan's. */
  get channel(): string | undefined {
    return this.channelIds ?? (this.plan ? planChannelIds(this.plan).join(' ') : undefined);
  }

  /** The injection record (per-site volumes, leaks, setting clock), once the panel has its room. */
  get record(): CementTracker['ledger'] | undefined {
    return this.tracker?.ledger;
  }

  /**
   * Where the bar of `site` (a site id, or `total`) was last drawn, in canvas
   * pixels: its scale, its filled length, the planned and maximum ticks.
   */
  barOf(site: string): BarGeometry | undefined {
    const i = site === 'total' ? 0 : (this.plan?.sites.findIndex((s) => s.id === site) ?? -1) + 1;
    return i >= 0 ? this.rows[i] : undefined;
  }

  private get room(): TelemetryRoom | undefined {
    return this.input.room;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.closeTracker();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('plan') && this.plan) {
      const errors = checkPlan(this.plan);
      if (errors.length) this.dispatchEvent(new IrConfigErrorEvent(`<ir-cement-gauge>: ${errors.join('; ')}`));
      if (this.room && this.tracker?.plan !== this.plan) this.startTracker(this.room);
    }
    if (['rules', 'thresholds', 'plan', 'manager', 'source'].some((k) => changed.has(k))) this.useRules();
    this.showAlarm();
  }

  /** The room or its channels changed: a tracker for this room and plan (kept across a re-resolution). */
  private configure(room: TelemetryRoom): void {
    this.roomProvider.setValue(room);
    // A new room, plan, or store (a channel declared again, or late) needs a new tracker; otherwise it keeps its record.
    const stores = this.plan ? planChannelIds(this.plan).map((id) => room.store(id)) : [];
    if (this.tracker === undefined || this.trackerRoom !== room || this.tracker.plan !== this.plan || stores.some((x, i) => x !== this.trackerStores[i])) {
      this.trackerStores = stores;
      this.startTracker(room);
    }
    this.useRules();
    this.frame.request();
  }

  private trackerRoom?: TelemetryRoom;
  private trackerStores: unknown[] = [];

  private startTracker(room: TelemetryRoom): void {
    this.closeTracker();
    if (!this.plan) return;
    this.trackerRoom = room;
    const tracker = (this.tracker = new CementTracker(room, this.plan));
    this.trackerEvents = tracker.findings.subscribe((f) => {
      this.lastFinding = f;
      this.dispatchEvent(new IrCementTechnicalEvent(f));
    });
    this.trackerEvents.add(tracker.changes.subscribe(() => (this.requestUpdate(), this.frame.request())));
    const missing = [this.plan.channel, workingLeftChannel(this.plan)].filter((id) => !room.descriptor(id));
    if (missing.length) this.dispatchEvent(new IrConfigErrorEvent(`<ir-cement-gauge>: the room lacks ${missing.join(', ')} (declare cementChannels(plan)); the leak and working-time alarms are off`));
  }

  private closeTracker(): void {
    this.trackerEvents?.unsubscribe();
    this.tracker?.close();
    this.tracker = this.trackerEvents = this.trackerRoom = undefined;
  }

  private useRules(): void {
    this.alarmSystem.fallback = this.input.isPrivate ? this.room?.manager : undefined;
    this.alarmProvider.setValue(this.alarmSystem.manager as AlarmManager);
    this.alarmSystem.useRules(this.rules ?? (this.plan ? cementRules(this.plan, this.thresholds) : []));
  }

  /** The most urgent alarm of the injection's channels (and its technical condition) frames the panel. */
  private showAlarm(): void {
    const plan = this.plan;
    if (!plan) return;
    const ids = new Set(planChannelIds(plan));
    const paused = this.alarmSystem.system.alarms.mode === 'paused';
    const mine = paused ? [] : this.alarmSystem.present.filter((a) => ids.has(a.rule.channel) || a.rule.id === setRiseAlarmId(plan));
    this.alarm = mine[0]?.rule.priority;
    this.acknowledged = mine.length > 0 && mine.every((a) => a.state.presence === 'ack');
    this.alarmMessage = mine[0]?.rule.message[this.language.language] ?? '';
  }

  private stale(channel: string): boolean {
    return !this.room || this.room.qualityOf(channel).quality === 'stale';
  }

  /** The data time now: the latest data, plus the time since it arrived (the cement goes on setting when data pauses). */
  private dataNow(): number {
    const l = this.tracker?.ledger;
    const room = this.room;
    if (!l || !room || !Number.isFinite(l.lastT)) return NaN;
    let arrived = -Infinity;
    for (const id of planChannelIds(l.plan)) {
      const q = room.qualityOf(id);
      if (q.lastT >= l.lastT - 1 && q.arrivedAt > arrived) arrived = q.arrivedAt;
    }
    return l.lastT + (Number.isFinite(arrived) ? Math.max(0, room.scheduler.now() - arrived) : 0);
  }

  /** The setting state now (see `dataNow`). */
  get setting(): SettingState | undefined {
    const l = this.tracker?.ledger;
    return l ? l.setting(this.dataNow()) : undefined;
  }

  private barInputs(): BarInput[] {
    const l = this.tracker?.ledger;
    if (!l) return [];
    return [{ volumeMl: l.totalMl, plannedMl: l.plannedMl, maxMl: l.maxMl }, ...l.sites.map((s) => ({ volumeMl: s.volumeMl, plannedMl: s.site.plannedMl, maxMl: s.site.maxMl }))];
  }

  private draw(): void {
    const canvas = this.barsEl;
    const l = this.tracker?.ledger;
    if (!canvas || !l) return;
    const dpr = devicePixelRatio;
    const width = Math.round((this.size.width || canvas.clientWidth) * dpr);
    const inputs = this.barInputs();
    const rows = (this.rows = layoutBars(inputs, width, dpr));
    const height = barsHeight(rows, dpr);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.blockSize = `${height / dpr}px`;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    const r = (t: string) => this.themes.read(t);
    const stale = [l.sites.some((s) => this.stale(s.site.channel)), ...l.sites.map((s) => this.stale(s.site.channel))];
    drawBars(ctx, rows, inputs, stale, { track: r('--_track'), fill: r('--_fill'), reached: r('--_reached'), over: r('--_high'), stale: r('--_stale'), tick: r('--_tick') }, dpr);
  }

  private ml(v: number): string {
    return this.language.number(v, 1);
  }

  private clock(ms: number): string {
    const s = Math.max(0, Math.ceil(ms / 1000));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }

  protected override render() {
    const w = this.language.t;
    const l = this.tracker?.ledger;
    const plan = this.plan;
    const setting = this.setting;
    const pressure = plan ? this.room?.store(plan.pressureChannel) : undefined;
    const flow = plan?.flowChannel ? this.room?.store(plan.flowChannel)?.lastV : l?.flowMlPerMin();
    const markers: TrendMarker[] = (l?.leaks ?? []).map((k) => ({ t: k.t, label: `${w.leak}${k.site ? ` ${l!.site(k.site)?.site.label ?? k.site}` : ''}` }));
    const sites = plan?.sites.map((s) => s.channel).join(' ') ?? '';
    return html`
      ${this.alarm ? html`<p part="alarm">${PRIORITY_MARKER[this.alarm]} ${this.alarmMessage}</p>` : nothing}
      <div part="status">
        ${setting
          ? html`<span part="phase" data-phase=${setting.phase}>${w.phase[setting.phase]}</span>
              ${setting.phase === 'liquid' || setting.phase === 'paste' || setting.phase === 'unmixed'
                ? html`<span><span part="countdown">${this.clock(setting.workingLeftMs)}</span> ${w.workingLeft}</span>`
                : setting.phase === 'hardening'
                  ? html`<span>${w.workingOver} · ${w.setIn} <span part="countdown">${this.clock(setting.phaseLeftMs)}</span></span>`
                  : nothing}`
          : nothing}
        ${l?.paused ? html`<span part="paused" role="alert" ?data-leak=${l.leakHolding}>${l.leakHolding ? w.leakHeld : w.paused}</span>` : nothing}
        <span part="flow">${w.flow} <span class="value">${flow === undefined || Number.isNaN(flow) ? '--' : this.language.number(flow, 1)}</span> mL/min</span>
        <span part="pressure" ?data-stale=${plan ? this.stale(plan.pressureChannel) : true}
          >${w.pressure} <span class="value">${!pressure?.length || (plan && this.stale(plan.pressureChannel)) ? '--' : this.language.number(pressure.lastV, 0)}</span> kPa</span
        >
      </div>
      <p part="total">
        ${w.total} <span class="value">${l ? this.ml(l.totalMl) : '--'}</span> mL · ${w.planned} ${plan ? this.ml(plannedTotalMl(plan)) : '--'} · ${w.max} ${plan ? this.ml(maxTotalMl(plan)) : '--'} mL
      </p>
      <canvas part="bars" aria-hidden="true"></canvas>
      <ol part="sites">
        ${(l?.sites ?? []).map((s) => this.siteLine(s))}
      </ol>
      ${this.lastFinding ? html`<p part="technical">${w.finding[this.lastFinding.reason]}${this.lastFinding.site ? ` (${this.lastFinding.site})` : ''}</p>` : nothing}
      <h3>${w.volumeCurve}</h3>
      <ir-trend part="volume-curve" channel=${sites} .window=${this.window} .markers=${markers} theme=${this.theme}></ir-trend>
      <h3>${w.pressureTrace}</h3>
      <ir-trend part="pressure-trace" channel=${plan?.pressureChannel ?? ''} .window=${this.pressureWindow} theme=${this.theme}></ir-trend>
      <p part="summary" class="sr-only" role="status">${this.summary()}</p>
    `;
  }

  private siteLine(s: SiteRecord) {
    const w = this.language.t;
    const stale = this.stale(s.site.channel);
    const leaks = this.tracker?.ledger.leaks.filter((k) => k.site === s.site.id).length ?? 0;
    return html`<li part="site" data-status=${s.status} ?data-stale=${stale} ?data-invalid=${s.invalid}>
      <span class="name">${s.site.label}</span>
      <span
        ><span class="volume">${this.ml(s.volumeMl)}</span> / ${this.ml(s.site.plannedMl)} mL (${w.max} ${this.ml(s.site.maxMl)}) · ${w.status[s.status]}${s.invalid ? ` · ${w.refused}` : ''}${stale ? ` · ${w.stale}` : ''}${leaks
          ? html`<span class="flag">${w.leak}</span>`
          : nothing}</span
      >
    </li>`;
  }

  /** The gauge in words: phase and time left, pause, total and each site. */
  private summary(): string {
    const w = this.language.t;
    const l = this.tracker?.ledger;
    const setting = this.setting;
    if (!l || !setting) return '';
    const parts = [`${w.phase[setting.phase]}, ${w.workingLeft} ${this.clock(setting.workingLeftMs)}.`];
    if (l.paused) parts.push(`${l.leakHolding ? w.leakHeld : w.paused}.`);
    parts.push(`${w.total}${w.colon}${this.ml(l.totalMl)} mL ${w.of} ${this.ml(l.plannedMl)} mL ${w.planned}, ${w.max} ${this.ml(l.maxMl)} mL.`);
    for (const s of l.sites) parts.push(`${s.site.label}${w.colon}${this.ml(s.volumeMl)} mL ${w.of} ${this.ml(s.site.plannedMl)}, ${w.status[s.status]}${s.invalid ? `, ${w.refused}` : ''}.`);
    if (l.leaks.length) parts.push(`${w.leak}${w.colon}${l.leaks.length}.`);
    return parts.join(' ');
  }
}
