import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { DoseLevels } from '../../models/dose/air-kerma.js';
import { DOSE_CHANNEL_IDS, type DoseChannelIds } from '../../models/dose/channels.js';
import { DoseEngine, type DoseConfig, type DoseState } from '../../streams/dose/dose-engine.js';
import { EngineController } from '../kit/engine-controller.js';
import { fitCanvas } from '../kit/fit-canvas.js';
import { IrPanel } from '../kit/panel.js';
import { SizeController } from '../kit/size-controller.js';
import { drawDoseScale } from './dose-scale.js';
import { doseMessages } from './dose-gauge.messages.js';
import { doseGaugeStyles } from './dose-gauge.styles.js';

/**
 * The patient's radiation dose during a fluoroscopically guided procedure, as
 * the operator watches it from the table: the cumulative reference air kerma
 * (Ka,r) in large type, on a scale with its notification levels (first at 3 Gy,
 * then every 1 Gy; the substantial radiation dose level at 5 Gy: AAPM MPPG 12.a,
 * NCRP 168), the next level and the time to it at the current rate, the
 * kerma-area product, fluoroscopy time and, where the system estimates it, the
 * peak skin dose (labelled as an estimate). Each level reached is listed with
 * its time.
 *
 * A view of the room's `DoseEngine` (kind `dose`): the levels, the crossings,
 * their alarms (low; medium at the substantial level) and the derived rate
 * channel are the engine's and go on when the gauge is removed. Channels by
 * default `kar` (Gy), `kap` (Gy·cm²), `fluoro.time` (s), `psd` (Gy): any unit
 * that converts exactly (mGy, µGy·m², mCi...) is accepted.
 *
 * @tagname ir-dose-gauge
 * @summary Radiation dose: reference air kerma against its notification levels, rate and time to the next, KAP, fluoroscopy time.
 * @csspart alarm - The priority marker and message while a dose alarm is present.
 * @csspart kar - The Ka,r read-out: label and value.
 * @csspart kar-value - The Ka,r value, large.
 * @csspart next - The next level and the time to it at the current rate.
 * @csspart scale - The Ka,r bar with the notification levels (canvas).
 * @csspart readouts - KAP, fluoroscopy time, dose rate and peak skin dose.
 * @csspart crossings - The levels reached, with their times.
 * @csspart summary - The text equivalent of the gauge (visually hidden).
 * @cssproperty --ir-dose-gauge-value-size - Font size of the Ka,r value (default 3.5rem, readable from 2 m).
 * @cssproperty --ir-dose-gauge-scale-height - Height of the level scale (default 56px).
 * @cssproperty --ir-dose-gauge-track-color - The scale's empty track (default: grid colour).
 * @cssproperty --ir-dose-gauge-fill-color - The Ka,r bar (default: series 1).
 * @cssproperty --ir-dose-gauge-level-color - A level not yet reached (default: text colour).
 * @cssproperty --ir-alarm-low-color - A notification level reached.
 * @cssproperty --ir-alarm-medium-color - The substantial level reached.
 * @cssproperty --ir-color-text - Text colour.
 * @cssproperty --ir-color-surface - Background.
 * @cssproperty --ir-color-stale - Stale values and estimates.
 * @event ir-config-error - A `.source` came without `channels` (`IrConfigErrorEvent`).
 * @event ir-technical - With a `.source`: data refused by the gauge's own room, or a channel gone stale (`IrTechnicalEvent`).
 */
export class IrDoseGauge extends IrPanel<(typeof doseMessages)['en']> {
  static override styles = doseGaugeStyles;

  /** Notification levels to change (the rest stay as the defaults); given to the room's dose engine. */
  @property({ attribute: false }) levels?: Partial<DoseLevels>;

  /** Channel ids, where the system names them otherwise; given to the room's dose engine. */
  @property({ attribute: false }) doseChannels?: Partial<DoseChannelIds>;

  protected override readonly engines = new EngineController<DoseConfig, DoseState, DoseEngine>(this, {
    room: () => this.room,
    kind: 'dose',
    create: (room) => new DoseEngine(room),
    config: () => (this.levels || this.doseChannels ? { levels: this.levels, channels: this.doseChannels } : undefined),
    onState: () => this.frame.request(),
  });
  private readonly size = new SizeController(this, () => this.scaleEl, () => this.frame.request());
  @query('[part="scale"]') private scaleEl?: HTMLCanvasElement;

  constructor() {
    super(doseMessages);
  }

  /** What the gauge shows, as data: the engine's state (undefined before a room). */
  get state(): DoseState | undefined {
    return this.engines.engine?.current;
  }

  private get ids(): DoseChannelIds {
    return { ...DOSE_CHANNEL_IDS, ...this.doseChannels };
  }

  /**
   * Inside `ir-telemetry`, the dose channels unless `channel` names others.
   * @internal
   */
  fallbackChannels(): string[] {
    const ids = this.ids;
    return [ids.kar, ids.kap, ids.fluoroTime, ids.psd];
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('levels') || changed.has('doseChannels')) this.engines.configure();
    super.willUpdate(changed);
  }

  protected override draw(): void {
    const s = this.state;
    const canvas = this.scaleEl;
    if (!s || !canvas) return;
    const fit = fitCanvas(canvas, this.size.width || canvas.clientWidth, this.size.height || canvas.clientHeight);
    if (!fit) return;
    const r = (t: string) => this.themes.read(t);
    const colours = { track: r('--_track'), fill: r('--_fill'), tick: r('--_tick'), text: r('--_text'), low: r('--_low'), medium: r('--_medium'), stale: r('--_stale') };
    drawDoseScale(fit.ctx, s, fit.width, fit.height, fit.dpr, colours, this.stale(this.ids.kar), (gy) => `${this.language.number(gy, 0)} Gy`);
    // Read-outs follow the engine at the calm tick's pace; a crossing shows at once.
    if (s.crossings.length !== this.shownCrossings) {
      this.shownCrossings = s.crossings.length;
      this.requestUpdate();
    }
  }

  private shownCrossings = 0;

  private stale(id: string): boolean {
    return !this.room || this.room.qualityOf(id).quality === 'stale';
  }

  private gy(v: number, decimals = 2): string {
    return Number.isFinite(v) ? `${this.language.number(v, decimals)} Gy` : '--';
  }

  protected override updated(): void {
    this.toggleAttribute('data-stale', this.stale(this.ids.kar));
  }

  protected override render() {
    const w = this.language.t;
    const s = this.state;
    const rate = s && Number.isFinite(s.rateGyPerMin) ? `${this.language.number(s.rateGyPerMin * 1000, 0)} mGy/min` : '--';
    return html`
      ${this.alarmMarker()}
      <p part="kar"><span class="label">${w.kar}</span> <span part="kar-value">${s ? this.gy(s.karGy) : '--'}</span></p>
      <p part="next">${s ? this.nextText(s) : nothing}</p>
      <canvas part="scale" aria-hidden="true"></canvas>
      <ul part="readouts">
        <li>${w.kap} <span class="value">${s && Number.isFinite(s.kapGyCm2) ? `${this.language.number(s.kapGyCm2, 1)} Gy·cm²` : '--'}</span></li>
        <li>${w.fluoro} <span class="value">${this.language.clock(s ? s.fluoroS * 1000 : NaN)}</span></li>
        <li>${w.rate} <span class="value">${rate}</span></li>
        ${s && Number.isFinite(s.psdGy) ? html`<li>${w.psd} <span class="value">${this.gy(s.psdGy)}</span> <span class="estimate">(${w.estimate})</span></li>` : nothing}
      </ul>
      <p part="crossings">${w.crossed}${w.colon}${s?.crossings.length ? s.crossings.map((c) => `${this.gy(c.gy, 0)}${c.quantity === 'psd' ? ` (${w.psd})` : ''}${c.substantial ? ` (${w.substantial})` : ''} ${this.language.time(c.t)}`).join(' · ') : w.none}</p>
      <p part="summary" class="sr-only" role="status">${this.summary()}</p>
    `;
  }

  private nextText(s: DoseState): string {
    const w = this.language.t;
    if (!Number.isFinite(s.karGy)) return '';
    const when = Number.isFinite(s.toNextMs) ? `${w.inAbout} ${this.language.clock(Math.round(s.toNextMs / 1000) * 1000)} ${w.atRate} ${this.language.number(s.rateGyPerMin * 1000, 0)} mGy/min` : w.notRising;
    return `${w.next} ${this.gy(s.nextGy, 0)}${s.nextGy > s.levels.substantialKarGy ? ` (${w.beyondLevels})` : ''}, ${when}`;
  }

  /** The gauge in words. */
  private summary(): string {
    const w = this.language.t;
    const s = this.state;
    if (!s || !Number.isFinite(s.karGy)) return `${w.kar}${w.colon}--.`;
    if (this.stale(this.ids.kar)) return `${w.kar}${w.colon}${this.gy(s.karGy)}, ${w.stale}.`;
    return `${w.kar}${w.colon}${this.gy(s.karGy)}. ${this.nextText(s)}. ${w.crossed}${w.colon}${s.crossings.map((c) => this.gy(c.gy, 0)).join(', ') || w.none}.`;
  }
}
