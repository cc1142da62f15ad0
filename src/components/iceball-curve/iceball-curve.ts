import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { DEFAULT_CRYO_ALARMS, supplyLowId, type CryoAlarmSettings } from '../../models/cryo/cryo-alarms.js';
import { unitSymbol } from '../../models/units.js';
import { ISOTHERMS, type Isotherm } from '../../models/cryo/iceball-estimate.js';
import type { CryoProcedure } from '../../models/cryo/procedure.js';
import type { QuestionableSample } from '../../models/cryo/questionable.js';
import type { TelemetryRoom } from '../../streams/room/room.js';
import { CryoEngine, type CryoConfig } from '../../streams/cryo/cryo-engine.js';
import { EMPTY_CRYO_STATE, type CryoState } from '../../streams/cryo/cryo-state.js';
import { IrPanel } from '../kit/panel.js';
import { SizeController } from '../kit/size-controller.js';
import { fitCanvas } from '../kit/fit-canvas.js';
import { roomContext } from '../kit/room-context.js';
import { EngineController } from '../kit/engine-controller.js';
import { IrTrend, type TrendLimit } from '../trend.js';
import { curveX, curveY, drawCurve, type CurveBox, type IsothermSeries } from './curve-raster.js';
import { drawPlan, fitPlan, planX, planY, type PlanBox } from './plan-raster.js';
import { IrQuestionableEvent } from './iceball-events.js';
import { iceballMessages } from './iceball-curve.messages.js';
import { clock, estimateLabel, phaseName, reasonText, summary } from './iceball-text.js';
import type { IceballStatus } from './iceball-status.js';
import { iceballStyles } from './iceball-curve.styles.js';

export type { IceballStatus } from './iceball-status.js';

const sameSettings = (a: Partial<CryoAlarmSettings>, b: Partial<CryoAlarmSettings>) => {
  const keys = Object.keys({ ...a, ...b }) as (keyof CryoAlarmSettings)[];
  return keys.every((k) => a[k] === b[k]);
};

/** Data time the stores keep for the panel: a whole double-freeze procedure and some. */
const PROCEDURE_MS = 45 * 60_000;
const MIN = 60_000;

/**
 * The iceball of a cryoablation, as the radiologist watches it: the ice-ball
 * diameter per isotherm (0, -20, -40 °C) against procedure time, measured
 * (solid, with markers) and estimated (dashed; always labelled as an
 * estimate); the freeze and thaw phases as bands with the planned protocol as
 * a timeline above and a phase timer readable from 2 m; the target line
 * (tumour plus margin) and the moment each isotherm covers it; a plan view in
 * mm with the probes, sensors, tumour and margin, protected structures, the
 * estimated isotherms and a scale bar; probe tip and thermosensor
 * temperatures through `ir-trend`s, the nerve-protection band on the
 * sensors beside a nerve. The estimate comes from a freezing model driven by
 * the measured tip temperatures (drawn as isotherm lines); while a running
 * probe has no recent tip temperature, from a curve fit (drawn as filled
 * footprints).
 *
 * Channels: each probe's tip (`Cel`), each sensor point (`Cel`), and the
 * measured diameters `ice.0`, `ice.-20`, `ice.-40` (`mm`), as named in
 * `procedure`, and the argon supply pressure when `procedure.supply` names it
 * (a pressure unit; shown beside the read-outs). Events: `phase` (`freeze`, `thaw`, `end`) and `probe-state` on
 * a probe's channel (`freeze 80`, `thaw-active`, `thaw-passive`, `stick`,
 * `off`). Geometry and protocol come as the `procedure` property.
 *
 * The panel is a view: the procedure runs in the room's `cryo` engine
 * (`CryoEngine`), which it finds there (or starts) and hands `procedure` and
 * `alarms`. Removed, the panel stops drawing and nothing else: the engine keeps
 * the ice-ball estimate and the alarms; attached again, it shows the same state.
 * Without a `procedure`, it shows the procedure the engine was configured with.
 *
 * Inside `ir-telemetry`, the channels are those of the procedure unless `channel`
 * names others; with `.source`, the panel gets a room of its own. Either way
 * the inner traces read the same room: the panel provides it to them.
 *
 * Alarms (the engine's, configurable through `alarms`, raised on the room's
 * manager): sensor beside a nerve below 10 °C (high, latching), a lost probe or
 * sensor signal (technical), the 0 °C isotherm not covering the target by the
 * end of a freeze (medium), the designated sensor above -20 °C at the end of
 * freeze 1 (low), a freezing probe not below -100 °C for 2 min (technical),
 * and in its place, one alarm naming a common cause: the argon supply
 * pressure low, or without it every probe not cooling (technical).
 *
 * @tagname ir-iceball-curve
 * @summary Cryoablation iceball: diameter per isotherm against time, phases and timer, target coverage, plan view, probe and sensor traces.
 * @csspart alarm - The priority marker and message while the procedure or one of its channels is in alarm.
 * @csspart header - The phase timer and the read-outs.
 * @csspart timer - Phase, elapsed and remaining time.
 * @csspart phase - The name of the current phase (`Freeze 1`), in the panel's language.
 * @csspart readouts - The diameter of each isotherm: measured, estimated, difference, coverage time.
 * @csspart supply - The argon supply pressure read-out (`data-low` while it is below its limit, `data-stale` without recent data).
 * @csspart views - The curve and the plan view.
 * @csspart curve - The diameter-against-time chart.
 * @csspart plan - The plan view.
 * @csspart status - Coverage and the distances from the ice edge to the nerve and the skin.
 * @csspart questionable - Data flagged as questionable.
 * @csspart traces - The temperature traces: probe tips, sensors beside a nerve (with the protection band), other sensors (`ir-trend`s).
 * @csspart summary - The text equivalent of the panel (visually hidden).
 * @cssproperty --ir-iceball-isotherm-0-color - Colour of the 0 °C isotherm (default: series 1).
 * @cssproperty --ir-iceball-isotherm-20-color - Colour of the -20 °C isotherm (default: series 3).
 * @cssproperty --ir-iceball-isotherm-40-color - Colour of the -40 °C isotherm (default: series 5).
 * @cssproperty --ir-iceball-nerve-color - Colour of nerves in the plan (default: series 6).
 * @cssproperty --ir-iceball-sensor-color - Colour of thermosensor points in the plan (default: series 2).
 * @cssproperty --ir-iceball-target-color - Colour of the target line and the tumour outline (default: text).
 * @cssproperty --ir-iceball-timer-size - Font size of the phase timer (default 3rem, readable from 2 m).
 * @cssproperty --ir-iceball-chart-height - Height of the curve and the plan view (default 280px).
 * @cssproperty --ir-iceball-trace-height - Height of each trace chart (default 140px).
 * @cssproperty --ir-color-text - Text colour.
 * @cssproperty --ir-color-surface - Background.
 * @cssproperty --ir-color-grid - Grid and axis colour.
 * @cssproperty --ir-color-stale - Colour of estimates' labels and stale read-outs.
 * @cssproperty --ir-color-marker - The "now" line.
 * @cssproperty --ir-alarm-high-color - A sensor in a high-priority alarm, in the plan, and the frame while a high-priority alarm is active.
 * @cssproperty --ir-alarm-medium-color - Questionable data, a phase over its planned time, and the frame for medium priority.
 * @cssproperty --ir-alarm-low-color - Frame colour for low priority.
 * @event ir-questionable - A value kept and drawn but flagged: an ice ball shrinking in a freeze, a sensor colder than the tips, a position outside the field (`IrQuestionableEvent`).
 * @event ir-config-error - An alarm rule was refused, or a `.source` came without `channels` (`IrConfigErrorEvent`).
 * @event ir-technical - With a `.source`: data refused by the panel's own room, an event the engine could not read, or a channel gone stale (`IrTechnicalEvent`).
 */
export class IrIceballCurve extends IrPanel<(typeof iceballMessages)['en']> {
  static override styles = iceballStyles;
  static override dependencies = { 'ir-trend': IrTrend };

  /** The procedure: probes, sensors, tumours with margins, protected structures, protocol and field of view (mm). Handed to the room's engine. */
  @property({ attribute: false }) procedure?: CryoProcedure;

  /** Alarm defaults to change (the rest stay as `DEFAULT_CRYO_ALARMS`), handed to the engine with `procedure`. */
  @property({ attribute: false }) alarms: Partial<CryoAlarmSettings> = {};

  /** Width of the temperature traces' window, in seconds. */
  @property({ type: Number, attribute: 'trace-window' }) traceWindow = 600;

  private readonly provider = new ContextProvider(this, { context: roomContext });
  private readonly curveSize = new SizeController(this, () => this.curveCanvas?.parentElement, () => this.resize());
  private readonly planSize = new SizeController(this, () => this.planCanvas?.parentElement, () => this.resize());
  protected override readonly engines = new EngineController<CryoConfig, CryoState, CryoEngine>(this, {
    room: () => this.input.room,
    kind: 'cryo',
    create: (room) => new CryoEngine(room),
    config: () => this.config(),
    onState: (s) => this.show(s),
  });
  @query('[part="curve"] canvas') private curveCanvas?: HTMLCanvasElement;
  @query('[part="plan"] canvas') private planCanvas?: HTMLCanvasElement;

  /** The configuration last handed to the engine: the same procedure and alarms give the same object (no restart). */
  private configured?: CryoConfig;
  /** The questionable list last reported with `ir-questionable`, and how many of its flags were. */
  private reportedList?: readonly QuestionableSample[];
  private reported = 0;
  private lastState = EMPTY_CRYO_STATE;
  private drawnConfig?: CryoConfig;
  private curveBox?: CurveBox;
  private planBox?: PlanBox;
  /** What each canvas was last drawn from: a frame with nothing new for a canvas leaves it as it is (no raster). */
  private curveKey = '';
  private planKey = '';

  /** Where data time `t` (epoch ms) and a diameter (mm) fall on the curve as last drawn, in canvas pixels. */
  curvePositionOf(t: number, mm: number): { x: number; y: number } | undefined {
    const b = this.curveBox;
    return b && { x: curveX(b, t), y: curveY(b, mm) };
  }

  /** Where a point of the plan (mm) falls on the plan canvas as last drawn, in canvas pixels. */
  planPositionOf(xMm: number, yMm: number): { x: number; y: number } | undefined {
    const b = this.planBox;
    return b && { x: planX(b, xMm), y: planY(b, yMm) };
  }

  /** Canvas pixels per mm in the plan view as last drawn (0 before). */
  get planScale(): number {
    return this.planBox?.k ?? 0;
  }

  /** Data flagged as questionable (kept and drawn), oldest first. */
  get questionable(): readonly QuestionableSample[] {
    return this.state.questionable;
  }

  /** The engine this panel shows (the room's `cryo` engine; undefined before a room). */
  get engine(): CryoEngine | undefined {
    return this.engines.engine;
  }

  /** What the panel shows, as data (estimates labelled as such). */
  get status(): IceballStatus | undefined {
    if (!this.engine?.config) return undefined;
    const s = this.state;
    const isotherms = Object.fromEntries(
      ISOTHERMS.map((i) => {
        const x = s.isotherms[i];
        return [i, { measuredMm: x.measuredMm, estimatedMm: x.estimatedMm, estimatedCover: x.estimatedCover, measuredCover: x.measuredCover }];
      }),
    ) as IceballStatus['isotherms'];
    const estimateSource = s.estimate.source[s.estimate.source.length - 1] ?? 'fit';
    return { now: s.now, phase: s.phase, targetMm: s.targetMm, isotherms, estimateSource, covered: s.covered, nerveClearanceMm: s.nerveClearanceMm, skinClearanceMm: s.skinClearanceMm };
  }

  private get state(): CryoState {
    return this.engine?.current ?? EMPTY_CRYO_STATE;
  }

  /** The procedure drawn: the panel's, else the one the engine runs. */
  private get shownProcedure(): CryoProcedure | undefined {
    return this.procedure ?? this.engine?.config?.procedure;
  }

  private get settings(): CryoAlarmSettings {
    return { ...DEFAULT_CRYO_ALARMS, ...(this.procedure ? this.alarms : this.engine?.config?.alarms) };
  }

  constructor() {
    super(iceballMessages);
  }

  /**
   * Inside `ir-telemetry`, those of `procedure` and `ice.0 ice.-20 ice.-40`, unless `channel` names others.
   * @internal
   */
  fallbackChannels(): string[] {
    const p = this.shownProcedure;
    if (!p) return [];
    return [...p.probes.map((x) => x.channel), ...p.sensors.flatMap((s) => s.points.map((pt) => pt.channel)), ...ISOTHERMS.map((i) => `ice.${i}`)];
  }

  private config(): CryoConfig | undefined {
    const p = this.procedure;
    if (!p) return undefined;
    // The engine already runs this procedure with these settings (another panel's, or this one's before it
    // was removed): its configuration is kept, so a panel attached late restarts nothing.
    const running = this.engine?.config;
    if (running?.procedure === p && sameSettings(running.alarms ?? {}, this.alarms)) return running;
    const c = this.configured;
    if (c?.procedure !== p || c.alarms !== this.alarms) this.configured = { procedure: p, alarms: this.alarms };
    return this.configured;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('procedure') || changed.has('alarms')) this.engines.configure();
    super.willUpdate(changed);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('procedure') || changed.has('theme')) this.redrawAll();
  }

  protected override windowMs(): number {
    return PROCEDURE_MS;
  }

  /** The room or its channels changed: the inner traces read this room, and the panel follows its engine. */
  protected override channelsChanged(room: TelemetryRoom): void {
    this.provider.setValue(room);
    this.engines.attach();
    this.frame.request();
  }

  protected override qualityChanged(): void {
    this.requestUpdate();
    this.frame.request();
  }

  protected override themeChanged(): void {
    this.redrawAll();
  }

  /** A new snapshot: drawn on the next frame; new flags reported; the read-outs follow a new phase at once. */
  private show(s: CryoState): void {
    const before = this.lastState;
    this.lastState = s;
    if (s.questionable !== this.reportedList) {
      this.reportedList = s.questionable;
      this.reported = s.flagged - s.questionable.length;
    }
    const fresh = s.questionable.slice(Math.max(0, s.questionable.length - (s.flagged - this.reported)));
    this.reported = s.flagged;
    for (const q of fresh) this.dispatchEvent(new IrQuestionableEvent(q));
    const config = this.engine?.config;
    if (config !== this.drawnConfig) {
      this.drawnConfig = config;
      this.redrawAll();
      this.requestUpdate();
    }
    if (s.marks.length !== before.marks.length || fresh.length) this.requestUpdate();
    this.frame.request();
  }

  /** Size, theme or procedure changed: both canvases are drawn again. */
  private redrawAll(): void {
    this.curveKey = this.planKey = '';
    this.frame.request();
  }

  private resize(): void {
    for (const [canvas, size] of [[this.curveCanvas, this.curveSize], [this.planCanvas, this.planSize]] as const) {
      if (canvas) fitCanvas(canvas, size.width, size.height);
    }
    this.redrawAll();
  }

  private colour(token: string): string {
    return this.themes.read(token);
  }

  protected draw(): void {
    const s = this.state;
    const p = this.shownProcedure;
    const dpr = devicePixelRatio;
    const curve = this.curveCanvas?.getContext('2d');
    const plan = this.planCanvas?.getContext('2d');
    if (!this.engine?.config || !p || !curve || !plan) return;
    const iso = { 0: this.colour('--_iso-0'), [-20]: this.colour('--_iso-20'), [-40]: this.colour('--_iso-40') } as Record<Isotherm, string>;
    // The curve is drawn again only when something on it changed: a step of the estimate, a
    // measurement, a flag, a phase, the "now" line moving by a pixel, the language.
    const lengths = ISOTHERMS.map((i) => this.room?.store(`ice.${i}`)?.length ?? 0).join();
    const column = this.curveBox && Number.isFinite(s.now) ? Math.round(curveX(this.curveBox, s.now)) : NaN;
    const curveKey = `${s.estimate.t.length}|${lengths}|${s.flagged}|${s.marks.length}|${column}|${this.language.language}`;
    if (curveKey !== this.curveKey) this.drawCurveCanvas(curve, s, iso, dpr);
    this.curveKey = curveKey;
    // The plan shows the estimate at its latest step (every 5 s of data), and is drawn again when that, an alarm or a probe's state changes.
    const alarmed = new Set(this.alarmSystem.present.filter((a) => a.rule.priority === 'hi').map((a) => a.rule.channel));
    const planKey = `${s.stepT}|${[...alarmed].join()}|${p.probes.map((x) => s.probes[x.id]).join()}|${s.flagged}`;
    if (planKey === this.planKey) return;
    this.planKey = planKey;
    const pw = plan.canvas.width;
    const ph = plan.canvas.height;
    plan.clearRect(0, 0, pw, ph);
    const b = (this.planBox = fitPlan(p.field, pw, ph, 6 * dpr));
    drawPlan(plan, b, dpr, this.planColours(iso), p, {
      footprints: s.footprints,
      contours: s.contours,
      probeState: (id) => s.probes[id] ?? 'off',
      alarmed,
      questionable: new Set(s.questionable.filter((q) => q.reason !== 'ice-shrinking').map((q) => q.channel)),
      scaleLabel: '10 mm',
    });
  }

  private drawCurveCanvas(curve: CanvasRenderingContext2D, s: CryoState, iso: Record<Isotherm, string>, dpr: number): void {
    const w = this.language.t;
    const { now, planned, estimate } = s;
    const cw = curve.canvas.width;
    const ch = curve.canvas.height;
    curve.clearRect(0, 0, cw, ch);
    const t0 = planned[0]?.start ?? now;
    if (!Number.isFinite(t0)) return;
    const t1 = Math.max(planned[planned.length - 1].end + MIN, Number.isFinite(now) ? now + MIN : -Infinity);
    let top = s.targetMm * 1.2;
    for (const i of ISOTHERMS) for (const d of estimate.diameter[i]) top = Math.max(top, d * 1.05);
    const series: IsothermSeries[] = ISOTHERMS.map((i) => ({ iso: i, estT: estimate.t, estD: estimate.diameter[i], measured: this.measuredPoints(s, i), gapMs: 1.5 * (this.room?.descriptor(`ice.${i}`)?.intervalMs ?? MIN), estimatedCover: s.isotherms[i].estimatedCover, measuredCover: s.isotherms[i].measuredCover }));
    for (const x of series) for (const m of x.measured) top = Math.max(top, m.v * 1.05);
    const b: CurveBox = (this.curveBox = { left: 44 * dpr, top: 22 * dpr, width: cw - 52 * dpr, height: ch - 44 * dpr, t0, t1, yMax: Math.ceil(top / 10) * 10 });
    let freezes = 0;
    const labels = planned.map((band) => (band.kind === 'freeze' ? `${w.freeze} ${++freezes} · ${Math.round((band.end - band.start) / MIN)}′` : `${w.thaw} · ${Math.round((band.end - band.start) / MIN)}′`));
    drawCurve(curve, b, dpr, this.curveColours(iso), {
      actual: s.actual,
      planned,
      plannedLabels: labels,
      now,
      target: s.targetMm,
      targetLabel: `${w.target} ${this.language.number(s.targetMm, 0)} mm`,
      series,
      unitLabel: `${w.diameter} (mm)`,
    });
  }

  private measuredPoints(s: CryoState, i: Isotherm): IsothermSeries['measured'] {
    const id = `ice.${i}`;
    const out: IsothermSeries['measured'] = [];
    const flagged = s.questionable.filter((q) => q.channel === id);
    this.room?.store(id)?.forEach((t, v) => out.push({ t, v, questionable: flagged.some((q) => q.t === t) }));
    return out;
  }

  private curveColours(iso: Record<Isotherm, string>) {
    return { text: this.colour('--_text'), grid: this.colour('--_grid'), target: this.colour('--_target'), marker: this.colour('--_marker'), freeze: this.colour('--_series-1'), thaw: this.colour('--_series-2'), stale: this.colour('--_stale'), questionable: this.colour('--_medium'), iso };
  }

  private planColours(iso: Record<Isotherm, string>) {
    return { text: this.colour('--_target'), grid: this.colour('--_grid'), surface: this.colour('--_surface'), nerve: this.colour('--_nerve'), skin: this.colour('--_marker'), sensor: this.colour('--_sensor'), alarm: this.colour('--_high'), questionable: this.colour('--_medium'), iso };
  }

  /** The clock time since the first phase, for coverage moments (m:ss from the start). */
  private since(t: number): string {
    const start = this.state.marks[0]?.t ?? NaN;
    return Number.isFinite(t) && Number.isFinite(start) ? clock(t - start) : '--';
  }

  /** The argon supply pressure, as the console reports it, when the procedure names its channel and the room has it. */
  private supplyReadout() {
    const c = this.shownProcedure?.supply && this.room?.descriptor(this.shownProcedure.supply.channel);
    if (!c) return nothing;
    const last = this.room?.store(c.id)?.lastV ?? NaN;
    const stale = this.room?.qualityOf(c.id).quality === 'stale';
    return html`<li class="readout" part="supply" ?data-low=${this.state.conditions.includes(supplyLowId)} ?data-stale=${stale}>
      ${this.language.label(c)} <span class="value">${stale || Number.isNaN(last) ? '--' : this.language.value(last, c)}</span> ${unitSymbol(c.unit)}
    </li>`;
  }

  protected override render() {
    const w = this.language.t;
    const st = this.status;
    const p = this.shownProcedure;
    const mm = (v: number) => (Number.isFinite(v) ? `${this.language.number(v, 0)} mm` : '--');
    const probeIds = p?.probes.map((x) => x.channel).join(' ') ?? '';
    const pointsOf = (nerve: boolean) => p?.sensors.filter((s) => !!s.nearNerve === nerve).flatMap((s) => s.points.map((pt) => pt.channel)).join(' ') ?? '';
    const nerveIds = pointsOf(true);
    const otherIds = pointsOf(false);
    const band: TrendLimit[] = (p?.sensors ?? []).filter((s) => s.nearNerve).flatMap((s) => s.points.map((pt) => ({ channel: pt.channel, below: this.settings.nerveLowC, above: this.settings.nerveHighC })));
    const manager = this.alarmSystem.manager;
    return html`
      ${this.alarmMarker()}
      <div part="header">
        <div part="timer" role="timer" aria-live="off">
          <span class="phase" part="phase">${st ? phaseName(w, st) : w.before}</span>
          ${st && st.phase.kind !== 'before' && st.phase.kind !== 'end'
            ? html`<span class="clock">${clock(st.phase.elapsedMs)} <small>${w.elapsed}</small></span>
                <span class="clock ${st.phase.remainingMs < 0 ? 'overrun' : ''}">${clock(st.phase.remainingMs, true)} <small>${st.phase.remainingMs < 0 ? w.overrun : w.remaining}</small></span>`
            : nothing}
        </div>
        <ul part="readouts">
          ${ISOTHERMS.map((i) => {
            const s = st?.isotherms[i];
            const measured = s && Number.isFinite(s.measuredMm);
            const stale = measured && this.room?.qualityOf(`ice.${i}`).quality === 'stale';
            return html`<li class="readout" data-iso=${i}>
              <span class="swatch"></span>${i} °C
              <span class="value">${measured ? mm(s.measuredMm) : html`<span class="est">${mm(s?.estimatedMm ?? NaN)}</span>`}</span>
              <small>${measured ? `${w.measured}${stale ? ` (${w.noData})` : ''} · ${w.estimated} ${mm(s.estimatedMm)} · ${w.difference} ${this.language.number(s.measuredMm - s.estimatedMm, 0)} mm` : estimateLabel(w, st)}</small>
              <small>${Number.isFinite(s?.measuredCover ?? NaN) || Number.isFinite(s?.estimatedCover ?? NaN) ? `${w.covers} ${this.since(s!.measuredCover)} (${w.estimated} ${this.since(s!.estimatedCover)})` : ''}</small>
            </li>`;
          })}
          ${this.supplyReadout()}
        </ul>
      </div>
      <div part="views">
        <div part="curve" role="img" aria-label=${w.curve}><canvas></canvas></div>
        <div part="plan" role="img" aria-label=${w.plan}><canvas></canvas></div>
      </div>
      <p part="status">
        ${st ? `${st.covered ? w.covered : w.notCovered} (${w.target} ${mm(st.targetMm)}) · ${w.toNerve}${w.colon}${mm(st.nerveClearanceMm)} · ${w.toSkin}${w.colon}${mm(st.skinClearanceMm)} (${estimateLabel(w, st)})` : ''}
      </p>
      ${this.questionable.length ? html`<p part="questionable">${w.questionable}${w.colon}${this.questionable.slice(-3).map((q) => `${this.language.label(this.room?.descriptor(q.channel) ?? { label: q.channel })} ${reasonText(w, q, (v) => this.language.number(v, 1))}`).join(' · ')}</p>` : nothing}
      <div part="traces">
        <section><h3>${w.probes}</h3><ir-trend .framedBy=${this} .channel=${probeIds} .manager=${manager} window=${this.traceWindow} theme=${this.theme}></ir-trend></section>
        ${nerveIds ? html`<section><h3>${w.nerveSensors}</h3><ir-trend .framedBy=${this} .channel=${nerveIds} .manager=${manager} .limits=${band} window=${this.traceWindow} theme=${this.theme}></ir-trend></section>` : nothing}
        ${otherIds ? html`<section><h3>${w.sensors}</h3><ir-trend .framedBy=${this} .channel=${otherIds} .manager=${manager} window=${this.traceWindow} theme=${this.theme}></ir-trend></section>` : nothing}
      </div>
      <p part="summary" class="sr-only" role="status">${summary(this.status, this.language.t, (v, d) => this.language.number(v, d))}</p>
    `;
  }
}
