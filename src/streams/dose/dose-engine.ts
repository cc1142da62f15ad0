import type { SampleBatch } from '../../models/channel.js';
import type { AlarmReading } from '../../models/alarm-rules.js';
import { naming } from '../../models/channel-label.js';
import { DEFAULT_DOSE_LEVELS, doseRateGyPerMin, levelsReached, nextLevel, timeToLevelMs, type DoseLevels } from '../../models/dose/air-kerma.js';
import { DOSE_CHANNEL_IDS, doseRateChannel, type DoseChannelIds } from '../../models/dose/channels.js';
import { conversion } from '../../models/units.js';
import { ProcedureEngine } from '../engines/procedure-engine.js';
import { registerEngine } from '../engines/registry.js';
import type { TelemetryRoom } from '../room/room.js';

export interface DoseConfig {
  /** Notification levels (default: AAPM MPPG 12.a, 3 Gy then every 1 Gy, SRDL 5 Gy Ka,r or 3 Gy PSD). */
  levels?: Partial<DoseLevels>;
  /** Channel ids, where a system names them otherwise. */
  channels?: Partial<DoseChannelIds>;
}

/** A notification level crossed, at the data time of the first sample at or above it. */
export interface DoseCrossing {
  gy: number;
  t: number;
  /** The substantial radiation dose level (Ka,r or peak skin dose). */
  substantial: boolean;
  /** Which quantity crossed it. */
  quantity: 'kar' | 'psd';
}

export interface DoseState {
  /** Data time of the latest sample (NaN before any). */
  t: number;
  karGy: number;
  kapGyCm2: number;
  fluoroS: number;
  /** NaN where the system does not estimate it. */
  psdGy: number;
  /** Ka,r rate over the last minute (Gy/min). */
  rateGyPerMin: number;
  /** The next notification level (Gy Ka,r) and the time to it at the current rate (ms; Infinity when not rising). */
  nextGy: number;
  toNextMs: number;
  levels: DoseLevels;
  crossings: readonly DoseCrossing[];
}

const RATE_WINDOW_MS = 60_000;
type Quantity = 'karGy' | 'kapGyCm2' | 'fluoroS' | 'psdGy';
const BASE_UNIT: Record<Quantity, string> = { karGy: 'Gy', kapGyCm2: 'Gy.cm2', fluoroS: 's', psdGy: 'Gy' };

const initial = (levels: DoseLevels): DoseState => ({
  t: NaN, karGy: NaN, kapGyCm2: NaN, fluoroS: NaN, psdGy: NaN, rateGyPerMin: NaN, nextGy: levels.firstGy, toNextMs: Infinity, levels, crossings: [],
});

const format = (x: number, lang: 'en' | 'fr') => x.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');

/**
 * The patient's radiation dose in an angiography suite: cumulative reference
 * air kerma against its notification levels, the dose rate and the time to the
 * next level, KAP, fluoroscopy time and peak skin dose. Each level crossed is an
 * alarm (low; medium at the substantial radiation dose level) and an event on
 * the Ka,r channel at its data time; the rate is published as a derived channel.
 * Alarm ids: `dose:CHANNEL:LEVEL` and `dose:CHANNEL:substantial`.
 */
export class DoseEngine extends ProcedureEngine<DoseConfig, DoseState> {
  readonly kind = 'dose';
  private ids: DoseChannelIds = DOSE_CHANNEL_IDS;
  /** The last minute of Ka,r (Gy), for the rate. */
  private recentT: number[] = [];
  private recentGy: number[] = [];

  constructor(room: TelemetryRoom) {
    super(room, initial(DEFAULT_DOSE_LEVELS));
    // A room without a configuration follows the default levels and channel ids.
    this.configure({});
  }

  protected onConfigure(config: DoseConfig): void {
    this.ids = { ...DOSE_CHANNEL_IDS, ...config.channels };
    this.recentT = [];
    this.recentGy = [];
    this.declare([doseRateChannel(this.ids)]);
    this.emit(initial({ ...DEFAULT_DOSE_LEVELS, ...config.levels }));
  }

  protected override onSamples(b: SampleBatch): void {
    const key = this.quantityOf(b.channel);
    if (!key) return;
    const toBase = conversion(this.room.descriptor(b.channel)?.unit ?? '', BASE_UNIT[key]);
    if (!toBase.ok) return this.unreadable(b.channel, b.t[0], toBase.reason);
    let s = this.current;
    for (let i = 0; i < b.t.length; i++) {
      const t = b.t[i];
      const v = toBase.convert(b.v[i]);
      s = key === 'karGy' ? this.kar(s, t, v) : key === 'psdGy' ? this.psd(s, t, v) : { ...s, [key]: v };
      s.t = Number.isNaN(s.t) ? t : Math.max(s.t, t);
    }
    this.emit(s);
  }

  private quantityOf(channel: string): Quantity | undefined {
    const ids = this.ids;
    return channel === ids.kar ? 'karGy' : channel === ids.kap ? 'kapGyCm2' : channel === ids.fluoroTime ? 'fluoroS' : channel === ids.psd ? 'psdGy' : undefined;
  }

  /** A new Ka,r: rate, next level, and every level crossed since the previous value. */
  private kar(s: DoseState, t: number, gy: number): DoseState {
    this.recentT.push(t);
    this.recentGy.push(gy);
    while (this.recentT.length > 2 && this.recentT[1] < t - RATE_WINDOW_MS) {
      this.recentT.shift();
      this.recentGy.shift();
    }
    const rate = doseRateGyPerMin(this.recentT, this.recentGy, RATE_WINDOW_MS);
    if (Number.isFinite(rate)) this.publish(this.ids.rate, t, rate * 1000);
    const before = new Set(levelsReached(s.karGy, s.levels));
    const crossings = [...s.crossings];
    for (const level of levelsReached(gy, s.levels)) {
      if (before.has(level)) continue;
      const substantial = level >= s.levels.substantialKarGy && !crossings.some((c) => c.substantial && c.quantity === 'kar');
      crossings.push({ gy: level, t, substantial, quantity: 'kar' });
      this.announce(this.ids.kar, level, gy, t, substantial, crossings);
    }
    const next = nextLevel(gy, s.levels);
    return { ...s, karGy: gy, rateGyPerMin: rate, nextGy: next, toNextMs: timeToLevelMs(gy, next, rate), crossings };
  }

  /** Peak skin dose: its substantial level, once. */
  private psd(s: DoseState, t: number, gy: number): DoseState {
    if (!(gy >= s.levels.substantialPsdGy) || s.crossings.some((c) => c.quantity === 'psd')) return { ...s, psdGy: gy };
    const crossings = [...s.crossings, { gy: s.levels.substantialPsdGy, t, substantial: true, quantity: 'psd' as const }];
    this.announce(this.ids.psd, s.levels.substantialPsdGy, gy, t, true, crossings);
    return { ...s, psdGy: gy, crossings };
  }

  /**
   * A level crossed by the dose `valueGy`: an event on the channel, and its alarm. A step
   * notification replaces the previous one (one alarm says where the dose is); the substantial
   * level is its own medium-priority alarm and stays.
   */
  private announce(channel: string, gy: number, valueGy: number, t: number, substantial: boolean, crossings: readonly DoseCrossing[]): void {
    const name = this.room.descriptor(channel) ?? { label: channel };
    // In Gy, the engine's unit whatever the channel's, at the dose channels' precision (`doseChannels`).
    const reading: AlarmReading = { value: valueGy, limit: gy, crossing: 'above', unit: 'Gy', decimals: 2 };
    this.publishEvent({ type: 'event', channel, t, kind: 'dose-level', text: `${gy} Gy${substantial ? ' substantial' : ''}` });
    if (channel === this.ids.kar) {
      const steps = crossings.filter((c) => c.quantity === 'kar' && !c.substantial);
      const previous = steps.at(substantial ? -1 : -2);
      if (previous) this.raise(`${channel}:${previous.gy}`, false, { priority: 'lo', kind: 'phy', message: { en: '', fr: '' } });
    }
    if (substantial)
      return this.raise(`${channel}:substantial`, true, {
        priority: 'me', kind: 'phy', reading,
        message: naming(name, { en: (l) => `${l} ${format(gy, 'en')} Gy: substantial radiation dose level, plan patient follow-up`, fr: (l) => `${l} ${format(gy, 'fr')} Gy : niveau de dose substantiel, prévoir le suivi du patient` }),
      });
    this.raise(`${channel}:${gy}`, true, {
      priority: 'lo', kind: 'phy', reading,
      message: naming(name, { en: (l) => `${l} reached ${format(gy, 'en')} Gy: notify the operator`, fr: (l) => `${l} : ${format(gy, 'fr')} Gy atteints, prévenir l'opérateur` }),
    });
  }
}

registerEngine('dose', (room) => new DoseEngine(room));
