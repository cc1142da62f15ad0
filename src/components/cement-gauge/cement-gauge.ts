import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { Subscription } from 'rxjs';
import type { AlarmRule } from '../../models/alarm-rules.js';
import type { CementFinding } from '../../models/cement/ledger.js';
import { checkPlan, deliveredChannel, maxTotalMl, planChannelIds, plannedTotalMl, type InjectionPlan } from '../../models/cement/plan.js';
import type { CementThresholds } from '../../models/cement/rules.js';
import { settingAt, type SettingState } from '../../models/cement/setting.js';
import type { AlarmManager } from '../../streams/alarm-manager.js';
import { CementEngine, type CementConfig, type CementSite, type CementState } from '../../streams/cement/cement-engine.js';
import type { TelemetryRoom } from '../../streams/room/room.js';
import { alarmContext } from '../alarm-controller.js';
import { EngineController } from '../kit/engine-controller.js';
import { IrConfigErrorEvent, IrEvent } from '../kit/events.js';
import { IrPanel } from '../kit/panel.js';
import { roomContext } from '../kit/room-context.js';
import { SizeController } from '../kit/size-controller.js';
import { IrTrend, type TrendLimit, type TrendMarker } from '../trend.js';
import { cementMessages } from './cement-gauge.messages.js';
import { cementGaugeStyles } from './cement-gauge.styles.js';
import { barsHeight, drawBars, labelsWidth, layoutBars, type BarGeometry, type BarInput } from './volume-bars.js';

/** One object for every gauge's default: a gauge attached again hands its engine the same configuration. */
const DEFAULT_THRESHOLDS: Partial<CementThresholds> = {};

/** A reading or event of the injection the gauge flagged: the record keeps the last valid volume. */
export class IrCementTechnicalEvent extends IrEvent<CementFinding> {
  static readonly type = 'ir-cement-technical';
  constructor(detail: CementFinding) {
    super(IrCementTechnicalEvent.type, detail);
  }
}

/**
 * Bone-cement injection, per site and in total: volume injected against the
 * planned and maximum volume (bars readable from a distance, each labelled
 * with what it is and its volume, 0.1 mL), flow, pressure trace, the cement's setting phase with the working time left, the
 * sites done, leaks marked on the volume curve at the moment reported, and
 * whether the injection is paused.
 *
 * Its channels are the plan's (`cementChannels(plan)` declares them): one
 * volume channel per site (cumulative mL, or plunger travel in mm), pressure
 * (kPa), optional flow (mL/min), and the cement channel, whose events (`mix`,
 * `site`, `done`, `pause`, `resume`, `leak`) drive the setting clock, the site
 * list and the leak record. The volume curve draws each site's delivered
 * volume as the engine records it (`deliveredChannel`): a reading refused for
 * falling draws no dip, the last valid volume goes on. The gauge is a view of its room's `CementEngine`
 * (`room.engine('cement')`), which keeps the record, publishes the leak flag
 * and the working time left, and raises the alarms (`cementRules`) whether or
 * not a gauge is on screen; the gauge hands it `plan`, `thresholds` and `rules`.
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
 * @csspart bars - The canvas of volume bars, each labelled with its name and volume: the total first, then each site.
 * @csspart sites - The list of sites with volume and status.
 * @csspart site - One site of the list.
 * @csspart technical - The last flagged reading or event.
 * @csspart volume-curve - The `ir-trend` of each site's delivered volume (the record), with each site's maximum and leak markers.
 * @csspart pressure-trace - The `ir-trend` of the injection pressure, with the alarm limits.
 * @csspart alarm - The priority marker and message of the most urgent alarm of the injection.
 * @csspart summary - The text equivalent (visually hidden).
 * @cssproperty --ir-cement-gauge-fill-color - Fill of a bar below its planned volume (default: series 1).
 * @cssproperty --ir-cement-gauge-reached-color - Fill once the planned volume is reached (default: series 3).
 * @cssproperty --ir-cement-gauge-track-color - The empty part of a bar (default: grid colour).
 * @cssproperty --ir-cement-gauge-planned-color - The planned-volume tick and the maximum's end stop until passed (default: text colour).
 * @cssproperty --ir-cement-gauge-trace-height - Height of the volume curve and pressure trace (default 140px).
 * @cssproperty --ir-alarm-high-color - A bar and its maximum tick once beyond the maximum, a leak, and the frame for a high-priority alarm.
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
export class IrCementGauge extends IrPanel<(typeof cementMessages)['en']> {
  static override styles = cementGaugeStyles;
  static override dependencies = { 'ir-trend': IrTrend };

  /** The injection plan: sites with planned and maximum volumes, channels, cement and room temperature. */
  @property({ attribute: false }) plan?: InjectionPlan;

  /** The alarm rules the engine uses; by default `cementRules(plan, thresholds)`. An empty array: none. */
  @property({ attribute: false }) rules?: AlarmRule[];

  /** Thresholds of the default rules (pressure limits, working-time warning). */
  @property({ attribute: false }) thresholds: Partial<CementThresholds> = DEFAULT_THRESHOLDS;

  /** Window of the volume curve (s). */
  @property({ type: Number }) window = 600;

  /** Window of the pressure trace (s). */
  @property({ type: Number, attribute: 'pressure-window' }) pressureWindow = 120;

  private readonly size = new SizeController(this, () => this.barsEl, () => this.frame.request());
  private readonly roomProvider = new ContextProvider(this, { context: roomContext });
  private readonly alarmProvider = new ContextProvider(this, { context: alarmContext });
  protected override readonly engines = new EngineController<CementConfig, CementState, CementEngine>(this, {
    room: () => this.input.room,
    kind: 'cement',
    create: (room) => new CementEngine(room),
    config: () => this.engineConfig(),
    onState: (state) => this.show(state),
  });
  @query('[part="bars"]') private barsEl?: HTMLCanvasElement;

  private state?: CementState;
  private findings?: Subscription;
  private lastFinding?: CementFinding;
  private rows: BarGeometry[] = [];
  /** The locale the bars' labels were last drawn in: another one draws them again. */
  private drawnLocale = '';
  private config?: CementConfig;
  /** The volume curve's limits: each site's maximum (the planned volume is a goal, shown on the bars, not a limit). */
  private curveLimits: TrendLimit[] = [];
  /** The plan's channel ids, while `channel` is the gauge's default rather than the host's. */
  private planIds?: string;

  constructor() {
    super(cementMessages);
  }

  /** The injection record (per-site volumes, leaks, setting clock): the engine's state, once the panel has its room and plan. */
  get record(): CementState | undefined {
    return this.state?.plan ? this.state : undefined;
  }

  /**
   * Where the bar of `site` (a site id, or `total`) was last drawn, in canvas
   * pixels: its scale, its filled length, the planned and maximum ticks.
   */
  barOf(site: string): BarGeometry | undefined {
    const i = site === 'total' ? 0 : (this.plan?.sites.findIndex((s) => s.id === site) ?? -1) + 1;
    return i >= 0 ? this.rows[i] : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.findings?.unsubscribe();
    this.findings = this.state = undefined;
  }

  protected override windowMs(): number {
    return this.window * 1000;
  }

  /** Before the first update too: the input resolves the plan's channels on connection. */
  override connectedCallback(): void {
    this.defaultChannel();
    super.connectedCallback();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('plan') && this.plan) {
      const errors = checkPlan(this.plan);
      if (errors.length) this.dispatchEvent(new IrConfigErrorEvent(`<ir-cement-gauge>: ${errors.join('; ')}`));
      this.defaultChannel();
      this.curveLimits = this.plan.sites.map((s) => ({ channel: deliveredChannel(s), above: s.maxMl }));
    }
    if (['plan', 'thresholds', 'rules'].some((k) => changed.has(k))) this.engines.configure();
    super.willUpdate(changed);
    this.alarmProvider.setValue(this.alarmSystem.manager as AlarmManager);
  }

  protected override updated(): void {
    if (this.language.locale !== this.drawnLocale) this.frame.request();
  }

  /** Unless the host named channels, the gauge reads its plan's (`planChannelIds`). */
  private defaultChannel(): void {
    if (!this.plan || (this.channel !== undefined && this.channel !== this.planIds)) return;
    this.channel = this.planIds = planChannelIds(this.plan).join(' ');
  }

  /** One configuration object while plan, thresholds and rules stay the same: the engine replays only on a change. */
  private engineConfig(): CementConfig | undefined {
    const c = this.config;
    if (!this.plan) return undefined;
    if (c?.plan !== this.plan || c.thresholds !== this.thresholds || c.rules !== this.rules) this.config = { plan: this.plan, thresholds: this.thresholds, rules: this.rules };
    return this.config;
  }

  protected override connecting(room: TelemetryRoom): void {
    this.engines.start(room);
  }

  /** The room or its channels changed: the room's engine, followed. */
  protected override channelsChanged(room: TelemetryRoom): void {
    this.roomProvider.setValue(room);
    const before = this.engines.engine;
    this.engines.attach();
    const engine = this.engines.engine;
    if (engine !== before) {
      this.findings?.unsubscribe();
      this.findings = engine?.output<CementFinding>('findings').subscribe((f) => {
        this.lastFinding = f;
        this.dispatchEvent(new IrCementTechnicalEvent(f));
      });
    }
    this.alarmProvider.setValue(this.alarmSystem.manager as AlarmManager);
    this.frame.request();
  }

  private show(state: CementState): void {
    this.state = state;
    this.requestUpdate();
    this.frame.request();
  }

  private stale(channel: string): boolean {
    return !this.room || this.room.qualityOf(channel).quality === 'stale';
  }

  /** The data time now: the latest data, plus the time since it arrived (the cement goes on setting when data pauses). */
  private dataNow(): number {
    const l = this.record;
    const room = this.room;
    if (!l || !room || !Number.isFinite(l.lastT)) return NaN;
    let arrived = -Infinity;
    for (const id of planChannelIds(l.plan!)) {
      const q = room.qualityOf(id);
      if (q.lastT >= l.lastT - 1 && q.arrivedAt > arrived) arrived = q.arrivedAt;
    }
    return l.lastT + (Number.isFinite(arrived) ? Math.max(0, room.scheduler.now() - arrived) : 0);
  }

  /** The setting state now (see `dataNow`). */
  get setting(): SettingState | undefined {
    const l = this.record;
    return l?.times ? settingAt(l.times, l.mixT, this.dataNow()) : undefined;
  }

  private barInputs(): BarInput[] {
    const l = this.record;
    if (!l) return [];
    return [{ volumeMl: l.totalMl, plannedMl: l.plannedMl, maxMl: l.maxMl }, ...l.sites.map((s) => ({ volumeMl: s.volumeMl, plannedMl: s.site.plannedMl, maxMl: s.site.maxMl }))];
  }

  protected draw(): void {
    const canvas = this.barsEl;
    const l = this.record;
    if (!canvas || !l) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const dpr = devicePixelRatio;
    const width = Math.round((this.size.width || canvas.clientWidth) * dpr);
    const inputs = this.barInputs();
    const labels = this.barLabels();
    this.drawnLocale = this.language.locale;
    const rows = (this.rows = layoutBars(inputs, width, dpr, labelsWidth(ctx, labels, dpr)));
    const height = barsHeight(rows, dpr);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.blockSize = `${height / dpr}px`;
    }
    ctx.clearRect(0, 0, width, height);
    const r = (t: string) => this.themes.read(t);
    const stale = [l.sites.some((s) => this.stale(s.site.channel)), ...l.sites.map((s) => this.stale(s.site.channel))];
    drawBars(ctx, rows, inputs, labels, stale, { track: r('--_track'), fill: r('--_fill'), reached: r('--_reached'), over: r('--_high'), stale: r('--_stale'), tick: r('--_tick'), text: r('--_text') }, dpr);
  }

  /** What each bar is and holds, as a person reads it: "Total 7.8 mL", "T12 4.0 mL". */
  private barLabels(): string[] {
    const l = this.record;
    if (!l) return [];
    return [`${this.language.t.total} ${this.ml(l.totalMl)} mL`, ...l.sites.map((s) => `${this.language.label(s.site)} ${this.ml(s.volumeMl)} mL`)];
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
    const l = this.record;
    const plan = this.plan;
    const setting = this.setting;
    const pressure = plan ? this.room?.store(plan.pressureChannel) : undefined;
    const flow = plan?.flowChannel ? this.room?.store(plan.flowChannel)?.lastV : l?.flowMlPerMin;
    const markers: TrendMarker[] = (l?.leaks ?? []).map((k) => ({ t: k.t, label: `${w.leak}${k.site ? ` ${this.language.label(l!.sites.find((s) => s.site.id === k.site)?.site ?? { label: k.site })}` : ''}` }));
    const delivered = plan?.sites.map(deliveredChannel).join(' ') ?? '';
    return html`
      ${this.alarmMarker()}
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
      <ir-trend .framedBy=${this} part="volume-curve" channel=${delivered} .window=${this.window} .limits=${this.curveLimits} .markers=${markers} theme=${this.theme}></ir-trend>
      <h3>${w.pressureTrace}</h3>
      <ir-trend .framedBy=${this} part="pressure-trace" channel=${plan?.pressureChannel ?? ''} .window=${this.pressureWindow} theme=${this.theme}></ir-trend>
      <p part="summary" class="sr-only" role="status">${this.summary()}</p>
    `;
  }

  private siteLine(s: CementSite) {
    const w = this.language.t;
    const stale = this.stale(s.site.channel);
    const leaks = this.record?.leaks.filter((k) => k.site === s.site.id).length ?? 0;
    return html`<li part="site" data-status=${s.status} ?data-stale=${stale} ?data-invalid=${s.invalid}>
      <span class="name">${this.language.label(s.site)}</span>
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
    const l = this.record;
    const setting = this.setting;
    if (!l || !setting) return '';
    const parts = [`${w.phase[setting.phase]}, ${w.workingLeft} ${this.clock(setting.workingLeftMs)}.`];
    if (l.paused) parts.push(`${l.leakHolding ? w.leakHeld : w.paused}.`);
    parts.push(`${w.total}${w.colon}${this.ml(l.totalMl)} mL ${w.of} ${this.ml(l.plannedMl)} mL ${w.planned}, ${w.max} ${this.ml(l.maxMl)} mL.`);
    for (const s of l.sites) parts.push(`${this.language.label(s.site)}${w.colon}${this.ml(s.volumeMl)} mL ${w.of} ${this.ml(s.site.plannedMl)}, ${w.status[s.status]}${s.invalid ? `, ${w.refused}` : ''}.`);
    if (l.leaks.length) parts.push(`${w.leak}${w.colon}${l.leaks.length}.`);
    return parts.join(' ');
  }
}
