import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { Y90_CHANNEL_IDS } from '../../models/dose/channels.js';
import { MICROSPHERES } from '../../models/dose/y90.js';
import { RadioembolisationEngine, type RadioembolisationConfig, type RadioembolisationState } from '../../streams/dose/radioembolisation-engine.js';
import { EngineController } from '../kit/engine-controller.js';
import { fitCanvas } from '../kit/fit-canvas.js';
import { IrPanel } from '../kit/panel.js';
import { SizeController } from '../kit/size-controller.js';
import { ACTIVITY_ROWS, drawActivityBars } from './activity-bars.js';
import { activityMessages } from './activity-gauge.messages.js';
import { activityGaugeStyles } from './activity-gauge.styles.js';

/**
 * Y-90 radioembolisation activity, for the interventional radiologist and the
 * nuclear-medicine physician side by side: the activity delivered in large type
 * against the prescription, with its deviation; bars of the prescribed,
 * decay-corrected available, delivered and residual activities on one GBq scale
 * with the tolerance band around the prescription; the injection's progress and
 * phase (a stall shown as such); the lung shunt fraction and lung dose against
 * its limit. The time every activity is decay-corrected to is always shown.
 *
 * A view of the room's `RadioembolisationEngine` (kind `y90`): the balance, the
 * derived channels (`y90.delivered`, `y90.deviation`) and the alarms (lung shunt
 * or lung dose above its limit before the injection, a stalled delivery, a
 * delivered activity off the prescription) are the engine's and go on when the
 * gauge is removed. Give the plan as `plan`; channels by default `y90.injected`
 * (%) and `y90.residual` (GBq, or mCi).
 *
 * @tagname ir-activity-gauge
 * @summary Y-90 activity: prescribed, decay-corrected, delivered, residual, deviation, progress, lung dose.
 * @csspart alarm - The priority marker and message while an alarm of the injection is present.
 * @csspart time-base - The product and the time the activities are decay-corrected to.
 * @csspart delivered - The delivered activity against the prescription.
 * @csspart delivered-value - The delivered activity, large.
 * @csspart deviation - The deviation from the prescription (`data-outside` beyond the limit).
 * @csspart bars - Prescribed, available, delivered and residual activity on one scale (canvas).
 * @csspart progress - The fraction injected and the phase.
 * @csspart phase - The injection's phase (`data-phase`: planned, injecting, stalled, done).
 * @csspart lung - The lung shunt fraction and the lung dose against its limit.
 * @csspart summary - The text equivalent of the gauge (visually hidden).
 * @cssproperty --ir-activity-gauge-value-size - Font size of the delivered activity (default 3.5rem, readable from 2 m).
 * @cssproperty --ir-activity-gauge-bars-height - Height of the bars (default 140px).
 * @cssproperty --ir-activity-gauge-track-color - The bars' empty track (default: grid colour).
 * @cssproperty --ir-activity-gauge-prescribed-color - The prescribed bar (default: marker colour).
 * @cssproperty --ir-activity-gauge-available-color - The available bar (default: series 3).
 * @cssproperty --ir-activity-gauge-delivered-color - The delivered bar (default: series 1; alarm red beyond the tolerance).
 * @cssproperty --ir-activity-gauge-residual-color - The residual bar (default: series 2).
 * @cssproperty --ir-alarm-high-color - A deviation beyond the limit.
 * @cssproperty --ir-alarm-medium-color - A stalled injection.
 * @cssproperty --ir-color-text - Text colour.
 * @cssproperty --ir-color-surface - Background.
 * @cssproperty --ir-color-stale - Estimates.
 * @event ir-config-error - A `.source` came without `channels` (`IrConfigErrorEvent`).
 * @event ir-technical - With a `.source`: data refused by the gauge's own room, or a channel gone stale (`IrTechnicalEvent`).
 */
export class IrActivityGauge extends IrPanel<(typeof activityMessages)['en']> {
  static override styles = activityGaugeStyles;

  /** The treatment plan: product, prescribed activity, vial activity and calibration time, lung shunt fraction, limits; given to the room's engine. */
  @property({ attribute: false }) plan?: RadioembolisationConfig;

  protected override readonly engines = new EngineController<RadioembolisationConfig, RadioembolisationState | undefined, RadioembolisationEngine>(this, {
    room: () => this.room,
    kind: 'y90',
    create: (room) => new RadioembolisationEngine(room),
    config: () => this.plan,
    onState: () => this.frame.request(),
  });
  private readonly size = new SizeController(this, () => this.barsEl, () => this.frame.request());
  @query('[part="bars"]') private barsEl?: HTMLCanvasElement;
  private shownPhase?: string;

  constructor() {
    super(activityMessages);
  }

  /** What the gauge shows, as data: the engine's state (undefined before a plan). */
  get state(): RadioembolisationState | undefined {
    return this.engines.engine?.current;
  }

  /**
   * Inside `ir-telemetry`, the plan's channels unless `channel` names others.
   * @internal
   */
  fallbackChannels(): string[] {
    const ids = { ...Y90_CHANNEL_IDS, ...this.plan?.channels };
    return [ids.injected, ids.residual, ids.delivered, ids.deviation];
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('plan')) this.engines.configure();
    super.willUpdate(changed);
  }

  protected override draw(): void {
    const s = this.state;
    const canvas = this.barsEl;
    if (!s || !canvas) return;
    const fit = fitCanvas(canvas, this.size.width || canvas.clientWidth, this.size.height || canvas.clientHeight);
    if (!fit) return;
    const r = (t: string) => this.themes.read(t);
    const w = this.language.t;
    drawActivityBars(
      fit.ctx, s.balance, fit.width, fit.height, fit.dpr,
      { track: r('--_track'), prescribed: r('--_prescribed'), available: r('--_available'), delivered: r('--_delivered'), residual: r('--_residual'), text: r('--_text'), over: r('--_high') },
      s.limits.deviation,
      Object.fromEntries(ACTIVITY_ROWS.map((row) => [row, w[row]])) as Record<(typeof ACTIVITY_ROWS)[number], string>,
    );
    // A new phase (a stall, the end) shows at once; numbers follow on the calm tick.
    if (s.phase !== this.shownPhase) {
      this.shownPhase = s.phase;
      this.requestUpdate();
    }
  }

  private gbq(v: number): string {
    return Number.isFinite(v) ? `${this.language.number(v, 2)} GBq` : '--';
  }

  private percent(f: number, signed = false): string {
    if (!Number.isFinite(f)) return '--';
    const p = this.language.number(Math.abs(f) * 100, 0);
    return `${signed ? (f < 0 ? '−' : '+') : ''}${p}${this.language.language === 'fr' ? ' %' : '%'}`;
  }

  protected override render() {
    const w = this.language.t;
    const s = this.state;
    const plan = this.plan;
    if (!s || !plan) return html`${this.alarmMarker()}<p part="time-base">${w.title}${w.colon}${w.noPlan}</p>`;
    const b = s.balance;
    const measured = Number.isFinite(b.residualGBq);
    const outside = measured && Math.abs(b.deviation) > s.limits.deviation;
    return html`
      ${this.alarmMarker()}
      <p part="time-base">${w.title}, ${MICROSPHERES[plan.product].label[this.language.language]} · ${w.correctedTo} <strong>${this.language.time(b.at)}</strong></p>
      <p part="delivered">
        <span>${w.delivered}</span>
        <span part="delivered-value">${this.gbq(b.deliveredGBq)}</span>
        <span>/ ${this.gbq(b.prescribedGBq)} ${w.prescribed.toLowerCase()}</span>
        <span part="deviation" ?data-outside=${outside}>${w.deviation} ${this.percent(b.deviation, true)}</span>
        ${measured ? nothing : html`<span class="estimate">(${w.estimate})</span>`}
      </p>
      <canvas part="bars" aria-hidden="true"></canvas>
      <p part="progress">
        <span part="phase" data-phase=${s.phase}>${w.phase[s.phase]}</span>
        <span>${w.injected} ${this.percent(s.injected)}</span>
        <span>${w.available} ${this.gbq(b.availableGBq)}</span>
        <span>${w.residual} ${measured ? this.gbq(b.residualGBq) : w.notMeasured}</span>
      </p>
      <p part="lung">
        <span>${w.lsf} ${this.percent(plan.lsf)}</span>
        <span>${w.lungDose} ${this.language.number(b.lungDoseGy, 1)} Gy (${w.planned} ${this.language.number(s.plannedLungDoseGy, 1)} Gy, ${w.limit} ${this.language.number(s.limits.lungDoseGy, 0)} Gy)</span>
      </p>
      <p part="summary" class="sr-only" role="status">${this.summary(s)}</p>
    `;
  }

  private summary(s: RadioembolisationState): string {
    const w = this.language.t;
    const b = s.balance;
    return [
      `${w.correctedTo} ${this.language.time(b.at)}.`,
      `${w.delivered}${w.colon}${this.gbq(b.deliveredGBq)}, ${w.prescribed.toLowerCase()} ${this.gbq(b.prescribedGBq)}, ${w.deviation.toLowerCase()} ${this.percent(b.deviation, true)}.`,
      `${w.phase[s.phase]}, ${w.injected.toLowerCase()} ${this.percent(s.injected)}.`,
      `${w.lungDose}${w.colon}${this.language.number(b.lungDoseGy, 1)} Gy.`,
    ].join(' ');
  }
}
