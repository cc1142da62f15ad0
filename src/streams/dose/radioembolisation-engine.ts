import type { AlarmReading } from '../../models/alarm-rules.js';
import type { SampleBatch } from '../../models/channel.js';
import { labelOf, naming } from '../../models/channel-label.js';
import { Y90_CHANNEL_IDS, y90DerivedChannels, type Y90ChannelIds } from '../../models/dose/channels.js';
import { DEFAULT_Y90_LIMITS, balanceAt, lungDoseGy, type ActivityBalance, type Y90Limits, type Y90Plan } from '../../models/dose/y90.js';
import { conversion } from '../../models/units.js';
import { ProcedureEngine } from '../engines/procedure-engine.js';
import { registerEngine } from '../engines/registry.js';
import type { TelemetryRoom } from '../room/room.js';

export interface RadioembolisationConfig extends Y90Plan {
  limits?: Partial<Y90Limits>;
  channels?: Partial<Y90ChannelIds>;
}

export type InjectionPhase = 'planned' | 'injecting' | 'stalled' | 'done';

export interface RadioembolisationState {
  phase: InjectionPhase;
  /** Fraction of the vial's contents injected (0..1). */
  injected: number;
  /** Data time of the latest progress, and since when it has not moved (NaN while it moves). */
  t: number;
  stalledSince: number;
  /** The activities, decay-corrected to `balance.at` (the latest data time; the planned treatment before any). */
  balance: ActivityBalance;
  /** Lung dose if the whole prescription were delivered (Gy): judged before the injection starts. */
  plannedLungDoseGy: number;
  limits: Y90Limits;
}

const pct = (x: number, lang: 'en' | 'fr') => `${Math.round(x * 100).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB')}${lang === 'fr' ? ' %' : '%'}`;
/**
 * A fraction against its limit, as percentages: one decimal, so a value just past its limit
 * never reads as the limit itself (20.4 % against 20.0 %). A negative limit is crossed below.
 */
const percent = (value: number, limit: number): AlarmReading => ({ value: value * 100, limit: limit * 100, crossing: limit < 0 ? 'below' : 'above', unit: '%', decimals: 1 });
const num = (x: number, d: number, lang: 'en' | 'fr') => x.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

/**
 * A Y-90 radioembolisation: the activity prescribed, available after decay,
 * delivered and left in the vial and set, the deviation from the prescription
 * and the lung dose from the shunt. Alarms: lung shunt fraction or lung dose
 * above its limit (high, judged from the plan before the injection starts);
 * delivered activity off the prescription by more than the limit (high, once
 * the residual is measured); no progress while the injection is incomplete:
 * stasis or a stalled delivery (medium). Delivered activity and deviation are
 * published as derived channels. Alarm ids: `y90:lsf`, `y90:lung-dose`,
 * `y90:stalled`, `y90:deviation`.
 */
export class RadioembolisationEngine extends ProcedureEngine<RadioembolisationConfig, RadioembolisationState | undefined> {
  readonly kind = 'y90';
  private ids: Y90ChannelIds = Y90_CHANNEL_IDS;
  private residual = { gbq: NaN, t: NaN };

  constructor(room: TelemetryRoom) {
    super(room, undefined);
  }

  protected onConfigure(c: RadioembolisationConfig): void {
    this.ids = { ...Y90_CHANNEL_IDS, ...c.channels };
    this.residual = { gbq: NaN, t: NaN };
    this.declare(y90DerivedChannels(this.ids));
    const limits = { ...DEFAULT_Y90_LIMITS, ...c.limits };
    const plannedLungDoseGy = lungDoseGy(c.prescribedGBq, c.lsf, c.lungMassKg);
    this.emit({ phase: 'planned', injected: 0, t: NaN, stalledSince: NaN, balance: balanceAt(c, c.calibratedAt, 0), plannedLungDoseGy, limits });
    const name = this.room.descriptor(this.ids.injected) ?? { label: 'Y-90' };
    this.raise('lsf', c.lsf > limits.lsf, {
      priority: 'hi', kind: 'phy', reading: percent(c.lsf, limits.lsf),
      message: { en: `Lung shunt fraction ${pct(c.lsf, 'en')}, above ${pct(limits.lsf, 'en')}: treatment contraindicated`, fr: `Fraction de shunt pulmonaire ${pct(c.lsf, 'fr')}, au-dessus de ${pct(limits.lsf, 'fr')} : traitement contre-indiqué` },
    });
    this.raise('lung-dose', plannedLungDoseGy > limits.lungDoseGy, {
      priority: 'hi', kind: 'phy', reading: { value: plannedLungDoseGy, limit: limits.lungDoseGy, crossing: 'above', unit: 'Gy', decimals: 1 },
      message: naming(name, { en: (l) => `Planned lung dose ${num(plannedLungDoseGy, 1, 'en')} Gy, above ${limits.lungDoseGy} Gy (${l})`, fr: (l) => `Dose pulmonaire prévue ${num(plannedLungDoseGy, 1, 'fr')} Gy, au-dessus de ${limits.lungDoseGy} Gy (${l})` }),
    });
  }

  protected override onSamples(b: SampleBatch): void {
    const s = this.current;
    const plan = this.config;
    if (!s || !plan) return;
    if (b.channel === this.ids.injected) return this.progress(s, plan, b);
    if (b.channel !== this.ids.residual) return;
    const toGBq = conversion(this.room.descriptor(b.channel)?.unit ?? '', 'GBq');
    if (!toGBq.ok) return this.unreadable(b.channel, b.t[0], toGBq.reason);
    const i = b.t.length - 1;
    this.residual = { gbq: toGBq.convert(b.v[i]), t: b.t[i] };
    this.settle({ ...s, phase: 'done', stalledSince: NaN }, plan, b.t[i]);
  }

  private progress(s: RadioembolisationState, plan: RadioembolisationConfig, b: SampleBatch): void {
    let { injected, stalledSince, phase } = s;
    for (let i = 0; i < b.t.length; i++) {
      const f = b.v[i] / 100;
      const t = b.t[i];
      if (f > injected + 1e-4) {
        injected = f;
        stalledSince = NaN;
        if (phase !== 'done') phase = 'injecting';
      } else if (phase !== 'planned' && phase !== 'done' && Number.isNaN(stalledSince)) stalledSince = t;
      if (phase !== 'done' && !Number.isNaN(stalledSince) && t - stalledSince >= s.limits.stallMs && injected < 0.98) phase = 'stalled';
    }
    this.settle({ ...s, injected, stalledSince, phase }, plan, b.t[b.t.length - 1]);
  }

  /** The balance at `t`, its derived channels, and the conditions it decides. */
  private settle(s: RadioembolisationState, plan: RadioembolisationConfig, t: number): void {
    const balance = balanceAt(plan, t, s.injected, this.residual.gbq, this.residual.t);
    const next = { ...s, t, balance };
    this.emit(next);
    this.publish(this.ids.delivered, t, balance.deliveredGBq);
    if (Number.isFinite(balance.deviation)) this.publish(this.ids.deviation, t, balance.deviation * 100);
    const name = this.room.descriptor(this.ids.injected) ?? { label: '' };
    this.raise('stalled', next.phase === 'stalled', {
      priority: 'me', kind: 'phy',
      message: {
        en: `Delivery stalled at ${pct(s.injected, 'en')} ${labelOf(name, 'en').toLowerCase()}: stasis or a blocked line?`,
        fr: `Injection arrêtée à ${pct(s.injected, 'fr')} : stase ou ligne bouchée ?`,
      },
    });
    // Judged on the measured residual: before it, the delivered activity is an estimate.
    const off = Number.isFinite(this.residual.gbq) && Math.abs(balance.deviation) > s.limits.deviation;
    this.raise('deviation', off, {
      priority: 'hi', kind: 'phy', reading: percent(balance.deviation, Math.sign(balance.deviation) * s.limits.deviation),
      message: {
        en: `Delivered activity ${num(balance.deliveredGBq, 2, 'en')} GBq, ${pct(balance.deviation, 'en')} from the ${num(plan.prescribedGBq, 2, 'en')} GBq prescribed`,
        fr: `Activité délivrée ${num(balance.deliveredGBq, 2, 'fr')} GBq, écart de ${pct(balance.deviation, 'fr')} sur les ${num(plan.prescribedGBq, 2, 'fr')} GBq prescrits`,
      },
    });
  }
}

registerEngine('y90', (room) => new RadioembolisationEngine(room));
