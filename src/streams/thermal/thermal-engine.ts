import type { Subscription } from 'rxjs';
import type { GridFrame, SampleBatch, TelemetryEvent, WaveformFrame } from '../../models/channel.js';
import type { AlarmReading, AlarmRule } from '../../models/alarm-rules.js';
import { nameOf, naming, type Labels } from '../../models/channel-label.js';
import { ThermalAccumulator } from '../../models/thermal/accumulator.js';
import { coverage, pixelsOf, structureState, type Coverage, type LethalCriterion, type StructureState } from '../../models/thermal/coverage.js';
import { LETHAL_CEM43 } from '../../models/thermal/dose.js';
import { rasterise, type GridGeometry, type Shape } from '../../models/thermal/shapes.js';
import { LIVER_ARRHENIUS, type ArrheniusTissue } from '../../models/thermal/tissue.js';
import { THERMAL_LIMITS, structureChannelIds, structureChannels, structureRules, type ThermalLimits, type ThermalStructure } from '../../models/thermal/alarms.js';
import { ProcedureEngine } from '../engines/procedure-engine.js';
import { registerEngine } from '../engines/registry.js';
import type { TelemetryRoom } from '../room/room.js';
import { reducing, reductionFactor } from '../../models/thermal/reduce.js';
import { SlicedQueue } from '../sliced-queue.js';
import { RollOffWatch, type RollOffVerdict } from '../../models/thermal/roll-off.js';

/**
 * Pixels a map may have before the engine accumulates it reduced (2x2, 3x3... block
 * means): 1024 x 1024. A 2048 x 2048 map cost about 250 ms of dose per map on the
 * main thread; at a few tenths of a millimetre per pixel, far finer than MR
 * thermometry resolves (about 1–2 mm), reducing it loses nothing clinical.
 */
export const MAX_MAP_PIXELS = 1024 * 1024;

/** Pixels of dose a step accumulates (a few milliseconds), the thread handed back between steps. */
const STEP_PIXELS = 1 << 16;

/** What a thermal ablation is judged against; every field but `map` has a default. */
export interface ThermalConfig {
  /** The temperature map channel (grid frames, °C). */
  map: string;
  /** The tumour, in mm in the map's frame: coverage is of tumour plus `marginMm`. */
  tumour?: Shape;
  /** Ablation margin (mm, default 5). */
  marginMm?: number;
  /** Structures to protect: each publishes `<map>.<id>.max` and `<map>.<id>.cem43`. */
  structures?: readonly ThermalStructure[];
  /** Thresholds of the default structure alarms. */
  limits?: ThermalLimits;
  /** Alarm rules replacing the default structure rules (`structureRules`). */
  rules?: readonly AlarmRule[];
  /** What decides that tissue is dead (default CEM43 ≥ 240 min, Sapareto & Dewey 1984). */
  lethal?: LethalCriterion;
  /** Arrhenius parameters of the tissue (default liver). A change starts the dose again. */
  tissue?: ArrheniusTissue;
  /** Largest map accumulated at full resolution (pixels, default `MAX_MAP_PIXELS`). */
  maxPixels?: number;
  /** An RF generator's impedance channel (Ohm): its roll-offs are judged here (`RollOffWatch`). None for a microwave antenna. */
  impedance?: string;
  /**
   * The generator's other channels (power, tip temperature, thermocouples). A `phase` event on
   * the map, the impedance or one of these ends the ablation (`end`) or starts it (any other
   * text): after its end, they, the map and the structure channels going quiet is planned, not a lost signal.
   */
  generator?: readonly string[];
}

/** One protected structure's reading after the latest map. */
export interface StructureReading extends StructureState {
  id: string;
  label: string;
  labels?: Labels;
}

/**
 * The state of a thermal ablation after its latest map. In `current` the pixel
 * fields are the engine's own typed arrays, updated in place map after map: read
 * them while drawing, copy them to keep them; `toJSON` gives them as plain arrays.
 */
export interface ThermalState {
  /** Data time of the latest map accumulated (NaN before any). */
  t: number;
  /** Maps accumulated. */
  maps: number;
  /** The grid dose is accumulated on: the map's, or reduced by `reducedBy`. */
  geometry?: GridGeometry;
  /** 1, or the block size a map too large is reduced by. */
  reducedBy: number;
  /** The latest map on `geometry` (°C; NaN where masked or refused). */
  temperature?: ArrayLike<number>;
  /** CEM43 minutes per pixel. */
  cem43?: ArrayLike<number>;
  /** Arrhenius Ω per pixel. */
  omega?: ArrayLike<number>;
  /** Hottest pixel of the latest map (°C; NaN before any). */
  peakC: number;
  /** Coverage of tumour plus margin by the lethal dose (undefined without a tumour or a map). */
  coverage?: Coverage;
  /** Each protected structure, in the order configured. */
  structures: StructureReading[];
  /** The latest map was refused because its geometry changed: the dose goes on from the first geometry. */
  geometryRefused: boolean;
  /** No map within the channel's expected interval. */
  mapsStopped: boolean;
}

const EMPTY: ThermalState = { t: NaN, maps: 0, reducedBy: 1, peakC: NaN, structures: [], geometryRefused: false, mapsStopped: false };

const TEXTS = {
  rollOffHeld: { en: (l: string) => `${l}: roll-off not recovering`, fr: (l: string) => `${l} : roll-off sans récupération` },
  rollOffRepeated: { en: (l: string) => `${l}: repeated roll-offs`, fr: (l: string) => `${l} : roll-offs répétés` },
  mapsStopped: { en: (l: string) => `${l}: temperature maps stopped`, fr: (l: string) => `${l} : les cartes de température se sont arrêtées` },
  geometry: { en: (l: string) => `${l}: map geometry changed, map refused`, fr: (l: string) => `${l} : géométrie de la carte modifiée, carte refusée` },
};

/** Neither roll-off condition: what an impedance channel leaves when it changes. */
const NO_ROLL_OFF: RollOffVerdict = { held: false, repeated: false, recoveryOhm: NaN, recent: 0 };

/** What a count of roll-offs reads as (`3 roll-offs`). */
const ROLL_OFFS = { one: { label: 'roll-off', labels: { fr: 'roll-off' } }, other: { label: 'roll-offs', labels: { fr: 'roll-offs' } } };

/** The lethal criterion in force. */
export const lethalOf = (c: ThermalConfig | undefined): LethalCriterion => c?.lethal ?? { kind: 'cem43', minutes: LETHAL_CEM43 };

/**
 * Thermal ablation (RF or microwave) as a procedure engine: accumulates the
 * thermal dose (CEM43) and Arrhenius damage from every accepted map of the
 * configured channel, on data time, whether a panel shows it or not; measures
 * the tumour's coverage; publishes each protected structure's hottest pixel and
 * highest dose as derived channels (declared in the room) under the structure
 * alarm rules; raises the map's technical alarms (maps stopped, geometry
 * changed). A map larger than `maxPixels` is accumulated reduced, with a
 * technical event saying so. Only maps the room accepted reach the dose. A
 * large map is accumulated in steps, the thread handed back between them: its
 * state follows a few tasks after it (a small map's, before `push` returns).
 *
 * A new configuration keeps the dose when the map channel, tissue and size
 * limit are the same (a new tumour outline or lethal criterion re-measures it);
 * the same configuration again, even as another object, changes nothing.
 * Started by `<ir-telemetry procedures="thermal">`, it waits for its map channel:
 * an `ir-thermal-map` inside configures it, or `room.engine('thermal').configure({ map })`.
 */
export class ThermalEngine extends ProcedureEngine<ThermalConfig, ThermalState> {
  readonly kind = 'thermal';
  private acc?: ThermalAccumulator;
  private accKey = '';
  private configKey = '';
  private target?: Int32Array;
  private masks: Int32Array[] = [];
  private readonly watch: Subscription;
  /** Maps waiting to be accumulated, in order, one at a time. */
  private work = new SlicedQueue();
  private rollOff?: RollOffWatch;
  private rollOffKey?: string;
  /** The generator reported the ablation's end (a `phase end` event). */
  private ended = false;

  constructor(room: TelemetryRoom) {
    super(room, EMPTY);
    this.watch = room.technical.subscribe((d) => {
      const map = this.config?.map;
      if (d.type === 'technical' && map && d.channel === map && d.reason === 'geometry-changed') this.setGeometryRefused(true);
    });
    this.watch.add(
      room.quality.subscribe((q) => {
        if (q.channel === this.config?.map) this.setMapsStopped(q.quality === 'stale' && !this.ended);
      }),
    );
  }

  override configure(config: ThermalConfig): void {
    const key = JSON.stringify(config);
    if (key === this.configKey) return;
    this.configKey = key;
    super.configure(config);
  }

  /** Plain data, the pixel fields copied as arrays, for a debrief or a second viewer. */
  override toJSON() {
    const s = this.current;
    const plain = (a?: ArrayLike<number>) => (a ? Array.from(a) : undefined);
    return { kind: this.kind, config: this.config, state: { ...s, temperature: plain(s.temperature), cem43: plain(s.cem43), omega: plain(s.omega) } };
  }

  override close(): void {
    this.work.close();
    this.watch.unsubscribe();
    super.close();
  }

  protected onConfigure(config: ThermalConfig): void {
    const accKey = JSON.stringify([config.map, config.tissue ?? LIVER_ARRHENIUS, config.maxPixels ?? MAX_MAP_PIXELS]);
    if (accKey !== this.accKey) {
      this.accKey = accKey;
      this.acc = undefined;
      // Maps still waiting go with the dose they were for: the room replays what it holds.
      this.work.close();
      this.work = new SlicedQueue();
    }
    if (config.impedance !== this.rollOffKey) {
      if (this.rollOff) this.raiseRollOff(this.rollOff, NaN, NO_ROLL_OFF);
      this.rollOffKey = config.impedance;
      this.rollOff = config.impedance ? new RollOffWatch() : undefined;
    }
    const structures = config.structures ?? [];
    const interval = this.room.descriptor(config.map)?.intervalMs ?? 1000;
    this.declare(structureChannels(config.map, structures, interval));
    this.useRules(config.rules ?? structureRules(config.map, structures, config.limits ?? THERMAL_LIMITS));
    this.ended = false;
    const q = this.room.qualityOf(config.map);
    if (Number.isFinite(q.arrivedAt)) this.setMapsStopped(q.quality === 'stale');
    this.rasteriseRegions();
    this.measure();
  }

  protected override onFrame(f: WaveformFrame | GridFrame): void {
    if (f.kind === 'grid' && f.channel === this.config!.map) this.work.push(() => this.accumulating(f));
  }

  /**
   * One map into the dose, in steps (`SlicedQueue` hands the thread back between them): a
   * 2048² map reduced and accumulated at once held the page for about 200 ms. A small map
   * is one step, done before `onFrame` returns.
   */
  private *accumulating(f: GridFrame): Generator<void, void, undefined> {
    const config = this.config!;
    // Already accumulated: what the room replays to a new configuration that kept the dose.
    if (this.acc?.latest && !(f.t > this.acc.latest.t)) return;
    const factor = reductionFactor(f, config.maxPixels ?? MAX_MAP_PIXELS);
    // An infinite pixel (the room counted it) is refused by the accumulator: it reaches no dose, peak or structure.
    const g = factor > 1 ? yield* reducing(f, factor, STEP_PIXELS * factor * factor) : f;
    if (factor > 1 && !this.acc)
      this.room.report({ type: 'technical', channel: f.channel, reason: 'reduced', count: 1, t: f.t, detail: `${f.width} x ${f.height} map accumulated as ${g.width} x ${g.height} (${factor} x ${factor} block means)` });
    if (!this.acc) {
      this.acc = new ThermalAccumulator({ width: g.width, height: g.height, spacingMm: g.spacingMm, originMm: g.originMm }, config.tissue ?? LIVER_ARRHENIUS);
      this.rasteriseRegions();
    }
    if (!(yield* this.acc.adding(g, STEP_PIXELS)).ok) return this.setGeometryRefused(true);
    this.setGeometryRefused(false);
    this.measure({ maps: this.current.maps + 1, reducedBy: factor });
    this.current.structures.forEach((s) => {
      const id = structureChannelIds(config.map, s);
      if (Number.isFinite(s.maxC)) this.publish(id.maxC, f.t, s.maxC);
      if (Number.isFinite(s.maxCem43)) this.publish(id.cem43, f.t, s.maxCem43);
    });
  }

  /** The generator's phase: at its end the procedure's channels fall silent as planned; any other phase starts it again. */
  protected override onEvent(e: TelemetryEvent): void {
    const c = this.config!;
    if (e.kind !== 'phase' || ![c.map, c.impedance, ...(c.generator ?? [])].includes(e.channel)) return;
    const ended = e.text.trim() === 'end';
    if (ended === this.ended) return;
    this.ended = ended;
    const derived = (c.structures ?? []).flatMap((s) => Object.values(structureChannelIds(c.map, s)));
    this.planSilence([c.map, ...derived, ...(c.impedance ? [c.impedance] : []), ...(c.generator ?? [])], ended);
    if (ended) this.setMapsStopped(false);
  }

  protected override onSamples(b: SampleBatch): void {
    const watch = this.rollOff;
    if (!watch || b.channel !== this.config!.impedance) return;
    for (let i = 0; i < b.t.length; i++) {
      // Already judged: what the room replays to a new configuration.
      if (!(b.t[i] > watch.lastT)) continue;
      this.raiseRollOff(watch, b.v[i], watch.step(b.t[i], b.v[i]));
    }
  }

  /**
   * A roll-off not recovering reads as the impedance against the level it must fall back
   * below; repeated ones as their count against the first count that raises it.
   */
  private raiseRollOff(watch: RollOffWatch, ohm: number, v: RollOffVerdict): void {
    const channel = this.rollOffKey;
    if (!channel) return;
    const d = this.room.descriptor(channel);
    const name = d ?? { label: channel };
    const held: AlarmReading = { value: ohm, limit: v.recoveryOhm, crossing: 'above', unit: d?.unit ?? 'Ohm', decimals: d?.decimals ?? 0 };
    const repeated: AlarmReading = { value: v.recent, limit: watch.limits.repeats - 1, crossing: 'above', unit: '{roll-off}', decimals: 0, count: ROLL_OFFS };
    for (const [kind, on, suffix, reading] of [['rollOffHeld', v.held, 'roll-off-held', held], ['rollOffRepeated', v.repeated, 'roll-off-repeated', repeated]] as const)
      this.raise(`${channel}:${suffix}`, on, { message: naming(name, TEXTS[kind]), priority: 'me', kind: 'phy', reading });
  }

  private rasteriseRegions(): void {
    const g = this.acc?.geometry;
    const c = this.config;
    this.target = g && c?.tumour ? pixelsOf(rasterise(c.tumour, g, c.marginMm ?? 5)) : undefined;
    this.masks = g ? (c?.structures ?? []).map((s) => pixelsOf(rasterise(s.shape, g))) : [];
  }

  /** A new snapshot from the accumulator as it stands. */
  private measure(counts: Pick<ThermalState, 'maps' | 'reducedBy'> = this.current): void {
    const acc = this.acc;
    const prev = this.current;
    if (!acc?.latest) return this.emit({ ...EMPTY, geometryRefused: prev.geometryRefused, mapsStopped: prev.mapsStopped });
    const structures = (this.config?.structures ?? []).map((s, k) => ({ id: s.id, ...nameOf(s), ...structureState(acc, this.masks[k]) }));
    this.emit({
      ...prev,
      ...counts,
      t: acc.latest.t,
      geometry: acc.geometry,
      temperature: acc.latest.data,
      cem43: acc.cem43,
      omega: acc.omega,
      peakC: acc.latestPeakC,
      coverage: this.target ? coverage(acc, this.target, lethalOf(this.config)) : undefined,
      structures,
    });
  }

  private setGeometryRefused(on: boolean): void {
    if (on === this.current.geometryRefused) return;
    this.technical('geometry', on);
    this.emit({ ...this.current, geometryRefused: on });
  }

  private setMapsStopped(on: boolean): void {
    if (on === this.current.mapsStopped) return;
    this.technical('mapsStopped', on);
    this.emit({ ...this.current, mapsStopped: on });
  }

  /** The map's technical alarms, worded with its label. */
  private technical(kind: 'geometry' | 'mapsStopped', on: boolean): void {
    const map = this.config?.map;
    const d = map ? this.room.descriptor(map) : undefined;
    if (!map || !d) return;
    const words = TEXTS[kind];
    const id = `${map}:${kind === 'geometry' ? 'geometry' : 'maps-stopped'}`;
    this.raise(id, on, { message: naming(d, words), priority: 'me', kind: 'tec' });
  }
}

registerEngine('thermal', (room) => new ThermalEngine(room));
