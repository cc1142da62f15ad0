import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { AlarmRule } from '../../models/alarm-rules.js';
import type { Labels } from '../../models/channel-label.js';
import { unitSymbol } from '../../models/units.js';
import { ContourBuffer } from '../../models/thermal/contours.js';
import type { Coverage, LethalCriterion } from '../../models/thermal/coverage.js';
import { LETHAL_CEM43 } from '../../models/thermal/dose.js';
import { mmToPixel, type GridGeometry, type PairMm, type Shape } from '../../models/thermal/shapes.js';
import { reduceField, reducedGeometry } from '../../models/thermal/reduce.js';
import { LIVER_ARRHENIUS, type ArrheniusTissue } from '../../models/thermal/tissue.js';
import { THERMAL_LIMITS, structureChannelIds, type ThermalStructure, type ThermalLimits } from '../../models/thermal/alarms.js';
import { ThermalEngine, type StructureReading, type ThermalConfig, type ThermalState } from '../../streams/thermal/thermal-engine.js';
import { EngineController } from '../kit/engine-controller.js';
import { fitCanvas } from '../kit/fit-canvas.js';
import { IrPanel } from '../kit/panel.js';
import { SizeController } from '../kit/size-controller.js';
import { ColourTable } from './colour-table.js';
import { label, place, scaleBarMm, strokeContour, strokeShape, toCanvas, toMm, type MapPlacement } from './map-layers.js';
import { thermalMapMessages } from './thermal-map.messages.js';
import { thermalMapStyles } from './thermal-map.styles.js';

/** A point temperature probe (thermocouple, fibre-optic sensor) drawn on the map with its reading. */
export interface Thermocouple {
  /** Channel of its readings (°C). */
  channel: string;
  label: string;
  /** Its name in other languages, by primary language subtag (`{ fr: '…' }`). */
  labels?: Labels;
  positionMm: PairMm;
}

/** Temperature, dose and damage at one point of the map. */
export interface ThermalPoint {
  temperatureC: number;
  cem43: number;
  omega: number;
}

/** Width of the colour bar and its labels, CSS pixels. */
const BAR_CSS = 74;
const PAD_CSS = 8;
const LETHAL_OFFSETS = [[0, 0], [1, 0], [0, 1]] as const;
/** Properties that configure the thermal engine, and those that change only the drawing. */
const ENGINE_KEYS = ['tumour', 'marginMm', 'structures', 'limits', 'rules', 'lethalDose', 'lethalCem43', 'tissue', 'impedance', 'generator'];
const LAYER_KEYS = ['tumour', 'marginMm', 'structures', 'isotherms', 'min', 'max', 'thermocouples'];

/**
 * A tissue temperature map during radiofrequency or microwave ablation: the
 * latest map colour-mapped through a lookup table into one image, isotherms,
 * the lethal-dose contour, tumour, margin and protected structures, thermocouple
 * readings, a colour bar and a mm scale bar, with coverage and cursor read-outs.
 *
 * A view of the room's thermal engine (`ThermalEngine`, kind `thermal`): the
 * panel hands it its configuration (map channel, tumour, structures, limits,
 * lethal criterion, tissue) and draws its state. The engine accumulates dose
 * (CEM43) and Arrhenius damage Ω from every map on data time, publishes each
 * structure's maximum temperature and dose as derived channels (declared in the
 * room) under their alarm rules, and raises the map's technical alarms; removing
 * the panel stops none of it, and a panel attached later shows the same state.
 *
 * @tagname ir-thermal-map
 * @summary Colour-mapped temperature map with isotherms, lethal-dose contour, target coverage and protected structures.
 * @csspart alarm - The priority marker and message while a protected structure is in alarm.
 * @csspart readouts - Coverage, peak temperature and status line.
 * @csspart coverage - Fraction of tumour plus margin at the lethal dose.
 * @csspart peak - Highest temperature of the latest map.
 * @csspart status - Why the map is not live (stale, refused), when it is not.
 * @csspart map - The drawing area (map, contours, outlines, colour bar, scale bar).
 * @csspart legend - What each line and the checker mean.
 * @csspart cursor - Temperature, dose and Ω under the pointer.
 * @csspart summary - The text equivalent of the map (visually hidden).
 * @cssproperty --ir-color-text - Text and scale-bar colour.
 * @cssproperty --ir-color-surface - Background, and halo of labels.
 * @cssproperty --ir-color-stale - Status text; veil over a stale map.
 * @cssproperty --ir-font - Font of read-outs.
 * @cssproperty --ir-alarm-high-color - Frame colour while a high-priority alarm is active.
 * @cssproperty --ir-alarm-medium-color - Frame colour for medium priority.
 * @cssproperty --ir-alarm-low-color - Frame colour for low priority.
 * @cssproperty --ir-thermal-map-height - Height of the drawing area (default 360px).
 * @cssproperty --ir-thermal-map-isotherm-color - Isotherm contours.
 * @cssproperty --ir-thermal-map-lethal-color - Lethal-dose contour.
 * @cssproperty --ir-thermal-map-tumour-color - Tumour (solid) and margin (dashed) outlines.
 * @cssproperty --ir-thermal-map-structure-color - Protected structures' outlines and labels.
 * @cssproperty --ir-thermal-map-masked-color - One tone of the checker shown where pixels are masked.
 * @cssproperty --ir-thermal-map-masked-alt-color - The other tone of that checker.
 * @cssproperty --ir-thermal-map-font - Font of the labels drawn on the map.
 * @cssproperty --ir-thermal-map-label-color - Text of labels over the map (default white: the scale starts dark in every theme).
 * @cssproperty --ir-thermal-map-label-halo-color - Halo of those labels, and the chips of the legend.
 * @event ir-config-error - With a `.source`: a rule was refused, or the source came without `channels` (`IrConfigErrorEvent`).
 * @event ir-technical - With a `.source`: a map refused (out of order, geometry changed) or reduced, masked pixels counted (`IrTechnicalEvent`).
 */
export class IrThermalMap extends IrPanel<(typeof thermalMapMessages)['en']> {
  static override styles = thermalMapStyles;

  /** Bottom of the colour scale (°C). */
  @property({ type: Number }) min = 37;

  /** Top of the colour scale (°C). */
  @property({ type: Number }) max = 100;

  /** Isotherms drawn (°C). */
  @property({ attribute: false }) isotherms: number[] = [50, 60];

  /** The lethal-dose criterion drawn and used for coverage: `cem43` (CEM43 ≥ `lethal-cem43`) or `omega` (Ω ≥ 1). */
  @property({ attribute: 'lethal-dose' }) lethalDose: 'cem43' | 'omega' = 'cem43';

  /** The lethal thermal dose, CEM43 minutes (default 240: `LETHAL_CEM43`, a project default). */
  @property({ type: Number, attribute: 'lethal-cem43' }) lethalCem43 = LETHAL_CEM43;

  /** The tumour, in mm in the map's frame. */
  @property({ attribute: false }) tumour?: Shape;

  /** The ablation margin around the tumour (mm): coverage is of tumour plus margin. */
  @property({ type: Number, attribute: 'margin-mm' }) marginMm = 5;

  /** Structures to protect from heat. */
  @property({ attribute: false }) structures: ThermalStructure[] = [];

  /** Point probes shown with their readings. */
  @property({ attribute: false }) thermocouples: Thermocouple[] = [];

  /** Arrhenius parameters of the tissue (default liver); a change starts the dose again. */
  @property({ attribute: false }) tissue: ArrheniusTissue = LIVER_ARRHENIUS;

  /** Thresholds of the default structure alarms. */
  @property({ attribute: false }) limits: ThermalLimits = THERMAL_LIMITS;

  /** An RF generator's impedance channel: the engine alarms on a roll-off not recovering, or repeated (none for a microwave antenna). */
  @property() impedance?: string;

  /** The generator's other channels (power, tip temperature, thermocouples): after its `phase end` event their silence, and the map's, is planned, not a lost signal. */
  @property({ attribute: false }) generator?: readonly string[];

  /** The engine's alarm rules; by default those of each structure (`structureRules`). */
  @property({ attribute: false }) rules?: AlarmRule[];

  protected override readonly engines = new EngineController<ThermalConfig, ThermalState, ThermalEngine>(this, {
    room: () => this.input.room,
    kind: 'thermal',
    create: (room) => new ThermalEngine(room),
    config: () => this.engineConfig,
    onState: (s) => this.stateChanged(s),
  });
  private readonly size = new SizeController(this, () => this.mapEl, () => this.frame.request());
  @query('[part="map"]') private mapEl?: HTMLElement;
  @query('canvas') private canvas?: HTMLCanvasElement;
  @query('[part="cursor"]') private cursorEl?: HTMLElement;

  private engineConfig?: ThermalConfig;
  private state?: ThermalState;
  private readonly colours = new ColourTable();
  private paletteKey = '';
  private image?: ImageData;
  private pixels?: Uint32Array;
  private offscreen?: HTMLCanvasElement;
  private bar?: HTMLCanvasElement;
  private readonly contours: ContourBuffer[] = [];
  private readonly lethalContour = new ContourBuffer();
  /** Temperature and dose reduced to the resolution the map is seen at (reused map after map). */
  private readonly reduced = [new Float32Array(0), new Float32Array(0)];
  /** The grid the image and contours were last made on, and its reduction from the engine's. */
  private seen?: { factor: number; geometry: GridGeometry };
  private dirty = false;
  private layer?: HTMLCanvasElement;
  private layerKey = '';
  /** Bumped when a setting drawn in the layer changes: the layer's key without serialising outlines each frame. */
  private layerVersion = 0;
  private placement?: MapPlacement;

  /** The map channel. */
  private get mapId(): string | undefined {
    return this.shown[0]?.id;
  }

  constructor() {
    super(thermalMapMessages);
  }

  /** The room's thermal engine this panel shows (undefined before a room). */
  get engine(): ThermalEngine | undefined {
    return this.engines.engine;
  }

  /** The lethal-dose criterion in force. */
  get criterion(): LethalCriterion {
    return this.lethalDose === 'omega' ? { kind: 'omega', omega: 1 } : { kind: 'cem43', minutes: this.lethalCem43 };
  }

  /** Coverage of tumour plus margin by the lethal dose, after the latest map (undefined without a tumour or a map). */
  get coverage(): Coverage | undefined {
    return this.state?.coverage;
  }

  /** Each structure's hottest pixel and highest dose, in the order of `structures`. */
  get structureStates(): readonly StructureReading[] {
    return this.state?.structures ?? [];
  }

  /** Temperature (latest map), dose and Ω at a point given in mm; undefined outside the map. */
  valuesAt(pointMm: PairMm): ThermalPoint | undefined {
    const s = this.state;
    const g = s?.geometry;
    if (!g || !s.temperature || !s.cem43 || !s.omega) return undefined;
    const [fi, fj] = mmToPixel(g, pointMm);
    const i = Math.round(fi);
    const j = Math.round(fj);
    if (i < 0 || j < 0 || i >= g.width || j >= g.height) return undefined;
    const k = j * g.width + i;
    return { temperatureC: s.temperature[k], cem43: s.cem43[k], omega: s.omega[k] };
  }

  /** Where a point given in mm fell on the canvas as last drawn, in device pixels: for overlays and tests. */
  positionOf(pointMm: PairMm): { x: number; y: number } | undefined {
    if (!this.placement) return undefined;
    const [x, y] = toCanvas(this.placement, pointMm);
    return { x, y };
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('min') || changed.has('max')) this.paletteKey = '';
    if (LAYER_KEYS.some((k) => changed.has(k))) this.layerVersion++;
    if (ENGINE_KEYS.some((k) => changed.has(k))) this.configureEngine();
    super.willUpdate(changed);
  }

  protected override updated(changed: Map<string, unknown>): void {
    if ([...LAYER_KEYS, ...ENGINE_KEYS].some((k) => changed.has(k))) {
      this.dirty = true;
      this.frame.request();
    }
  }

  protected override windowMs(): number {
    return 60_000;
  }

  /** The room or its channels changed: configure its engine for the map channel and follow its state. */
  protected override channelsChanged(): void {
    this.configureEngine();
    this.engines.attach();
  }

  protected override themeChanged(): void {
    this.paletteKey = this.layerKey = '';
    this.frame.request();
  }

  /** The structures' derived channels frame the panel when in alarm. */
  protected override alarmChannels(): string[] {
    const map = this.mapId;
    return map ? [map, ...this.structures.flatMap((s) => Object.values(structureChannelIds(map, s)))] : [];
  }

  /** The engine's configuration from the panel's properties (a new object only when they change). */
  private configureEngine(): void {
    const map = this.mapId;
    this.engineConfig = map
      ? { map, tumour: this.tumour, marginMm: this.marginMm, structures: this.structures, limits: this.limits, rules: this.rules, lethal: this.criterion, tissue: this.tissue, impedance: this.impedance, generator: this.generator }
      : undefined;
    this.engines.configure();
  }

  /** A new snapshot: a new map repaints; the first one, or a new status, updates the read-outs at once (others on the calm tick). */
  private stateChanged(s: ThermalState): void {
    const prev = this.state;
    this.state = s;
    this.dirty = true;
    this.frame.request();
    if (!prev || prev.maps === 0 || prev.geometryRefused !== s.geometryRefused || prev.mapsStopped !== s.mapsStopped) this.requestUpdate();
  }

  protected draw(): void {
    const canvas = this.canvas;
    const box = this.mapEl;
    if (!canvas || !box) return;
    const fit = fitCanvas(canvas, this.size.width || box.clientWidth, this.size.height || box.clientHeight);
    if (!fit) return;
    const { ctx, dpr, width: w, height: h } = fit;
    const read = (t: string) => this.themes.read(t);
    const surface = read('--_surface');
    const text = read('--_text');
    ctx.fillStyle = surface;
    ctx.fillRect(0, 0, w, h);
    this.font(ctx);
    this.palette(ctx);
    const s = this.state;
    const pad = PAD_CSS * dpr;
    const barW = BAR_CSS * dpr;
    const g = s?.geometry;
    const p = (this.placement = g && s.temperature ? place(g, pad, pad, w - barW - 2 * pad, h - 2 * pad) : undefined);
    // What changes with a setting, not with a map (colour bar, outlines, labels, scale bar) is drawn once into a layer.
    const key = [w, h, dpr, p?.left, p?.top, p?.pxPerMm, this.paletteKey, this.layerVersion, this.language.locale, text, surface].join('|');
    if (key !== this.layerKey) this.drawLayer(key, w, h, p, text);
    if (!s || !p) {
      ctx.drawImage(this.layer!, 0, 0);
      ctx.fillStyle = text;
      ctx.textBaseline = 'middle';
      ctx.fillText(this.language.t.noMap, pad, h / 2);
      return;
    }
    // Drawn at the resolution it is seen: a map finer than the device pixels it covers is
    // reduced to them (block means) first, so a 1024² map in a small panel costs a quarter or less.
    const f = p.pxPerMm > 0 ? Math.max(1, Math.floor(1 / (Math.max(...g!.spacingMm) * p.pxPerMm))) : 1;
    if (this.dirty || f !== this.seen?.factor) this.repaint(s, f);
    const seen = { ...p, geometry: this.seen!.geometry };
    const mw = seen.geometry.width * seen.geometry.spacingMm[0] * p.pxPerMm;
    const mh = seen.geometry.height * seen.geometry.spacingMm[1] * p.pxPerMm;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.offscreen!, p.left, p.top, mw, mh);
    // Stale: dimmed towards the scale's dark end in every theme (a light surface turned the map grey).
    if (s.mapsStopped) {
      ctx.globalAlpha = 0.55;
      ctx.fillStyle = read('--_map-halo');
      ctx.fillRect(p.left, p.top, mw, mh);
      ctx.globalAlpha = 1;
    }
    // Hairlines: a software rasteriser strokes 1-device-pixel lines several times faster than
    // wider ones. The lethal contour is three hairlines, offset by a device pixel, to stand out.
    ctx.lineWidth = 1;
    ctx.strokeStyle = read('--_isotherm');
    for (let k = 0; k < this.isotherms.length; k++) strokeContour(ctx, this.contours[k], seen);
    ctx.strokeStyle = read('--_lethal');
    for (const [dx, dy] of LETHAL_OFFSETS) strokeContour(ctx, this.lethalContour, { ...seen, left: seen.left + dx, top: seen.top + dy });
    ctx.drawImage(this.layer!, 0, 0);
    this.drawProbes(ctx, p, read('--_map-label'), read('--_map-halo'));
  }

  private font(ctx: CanvasRenderingContext2D): void {
    const dpr = devicePixelRatio;
    ctx.font = (this.themes.read('--_axis-font') || '12px sans-serif').replace(/(\d+(\.\d+)?)px/, (_, n) => `${Number(n) * dpr}px`);
    ctx.textBaseline = 'middle';
  }

  /** The colour bar, outlines, labels and scale bar, on a transparent layer the size of the canvas. */
  private drawLayer(key: string, w: number, h: number, p: MapPlacement | undefined, text: string): void {
    this.layerKey = key;
    const layer = (this.layer ??= document.createElement('canvas'));
    layer.width = w;
    layer.height = h;
    const ctx = layer.getContext('2d')!;
    this.font(ctx);
    const dpr = devicePixelRatio;
    const pad = PAD_CSS * dpr;
    const barW = BAR_CSS * dpr;
    this.drawBar(ctx, w - barW, pad, h - 2 * pad, text);
    if (!p) return;
    const onMap = this.themes.read('--_map-label');
    const halo = this.themes.read('--_map-halo');
    this.drawOutlines(ctx, p, halo);
    this.drawScale(ctx, p, onMap, halo, h - pad);
  }

  /** The colour table and the bar image, rebuilt when the range or the theme changes. */
  private palette(ctx: CanvasRenderingContext2D): void {
    const a = this.themes.read('--_masked-a');
    const b = this.themes.read('--_masked-b');
    const key = `${this.min}|${this.max}|${a}|${b}`;
    if (key === this.paletteKey) return;
    this.paletteKey = key;
    const rgb = (c: string) => {
      ctx.fillStyle = '#000';
      ctx.fillStyle = c;
      const s = String(ctx.fillStyle);
      return s.startsWith('#') ? [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16)) : (s.match(/\d+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
    };
    this.colours.set(this.min, this.max, rgb(a), rgb(b));
    const bar = (this.bar ??= document.createElement('canvas'));
    bar.width = 1;
    bar.height = 256;
    const bctx = bar.getContext('2d')!;
    const img = bctx.createImageData(1, 256);
    const ramp = new Float32Array(256).map((_, k) => this.max - ((this.max - this.min) * k) / 255);
    this.colours.paint(ramp, 1, 256, new Uint32Array(img.data.buffer));
    bctx.putImageData(img, 0, 0);
    this.dirty = true;
  }

  /** The map image and its contours, again only when a map, a setting or the reduction `f` it is seen at is new. */
  private repaint(s: ThermalState, f: number): void {
    const g = s.geometry!;
    const c = this.criterion;
    const dose = (c.kind === 'cem43' ? s.cem43 : s.omega)!;
    const geometry = f > 1 ? reducedGeometry(g, f) : g;
    const { width, height } = geometry;
    const reduced = (field: ArrayLike<number>, k: number) => {
      if (f === 1) return field;
      if (this.reduced[k].length !== width * height) this.reduced[k] = new Float32Array(width * height);
      return reduceField(field, g.width, g.height, f, this.reduced[k]);
    };
    const temperature = reduced(s.temperature!, 0);
    if (!this.image || this.image.width !== width || this.image.height !== height) {
      const off = (this.offscreen ??= document.createElement('canvas'));
      off.width = width;
      off.height = height;
      this.image = off.getContext('2d')!.createImageData(width, height);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    this.colours.paint(temperature, width, height, this.pixels!);
    this.offscreen!.getContext('2d')!.putImageData(this.image, 0, 0);
    while (this.contours.length < this.isotherms.length) this.contours.push(new ContourBuffer());
    this.isotherms.forEach((level, k) => this.contours[k].trace(temperature, width, height, level));
    this.lethalContour.trace(reduced(dose, 1), width, height, c.kind === 'cem43' ? c.minutes : c.omega);
    this.seen = { factor: f, geometry };
    this.dirty = false;
  }

  private drawBar(ctx: CanvasRenderingContext2D, x: number, y: number, h: number, text: string): void {
    const dpr = devicePixelRatio;
    const bx = x + 6 * dpr;
    const bw = 14 * dpr;
    const top = y + 18 * dpr;
    const bh = Math.max(0, h - 24 * dpr);
    if (this.bar) {
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(this.bar, bx, top, bw, bh);
    }
    ctx.fillStyle = text;
    ctx.textAlign = 'left';
    ctx.fillText(unitSymbol('Cel'), bx, y + 6 * dpr);
    const yOf = (c: number) => top + ((this.max - c) / (this.max - this.min)) * bh;
    const step = niceStep((this.max - this.min) / Math.max(2, bh / (28 * dpr)));
    for (let c = Math.ceil(this.min / step) * step; c <= this.max + 1e-9; c += step) {
      ctx.fillRect(bx + bw, Math.round(yOf(c)), 4 * dpr, dpr);
      ctx.fillText(this.language.number(c, 0), bx + bw + 7 * dpr, yOf(c));
    }
    ctx.strokeStyle = this.themes.read('--_isotherm');
    ctx.lineWidth = 2 * dpr;
    for (const c of this.isotherms) {
      if (c < this.min || c > this.max) continue;
      ctx.beginPath();
      ctx.moveTo(bx - 4 * dpr, yOf(c));
      ctx.lineTo(bx + bw, yOf(c));
      ctx.stroke();
    }
  }

  private drawOutlines(ctx: CanvasRenderingContext2D, p: MapPlacement, surface: string): void {
    const dpr = devicePixelRatio;
    ctx.lineWidth = 1.5 * dpr;
    if (this.tumour) {
      ctx.strokeStyle = this.themes.read('--_tumour');
      strokeShape(ctx, this.tumour, p);
      if (this.marginMm > 0) {
        ctx.setLineDash([6 * dpr, 4 * dpr]);
        strokeShape(ctx, this.tumour, p, this.marginMm);
        ctx.setLineDash([]);
      }
    }
    const colour = this.themes.read('--_structure');
    ctx.textAlign = 'left';
    for (const s of this.structures) {
      ctx.strokeStyle = colour;
      ctx.setLineDash([2 * dpr, 3 * dpr]);
      strokeShape(ctx, s.shape, p);
      ctx.setLineDash([]);
      const anchor = s.shape.kind === 'polygon' ? s.shape.pointsMm[0] : s.shape.centreMm;
      const [x, y] = toCanvas(p, anchor);
      label(ctx, this.language.label(s), x + 4 * dpr, y - 10 * dpr, colour, surface);
    }
  }

  private drawProbes(ctx: CanvasRenderingContext2D, p: MapPlacement, text: string, surface: string): void {
    const dpr = devicePixelRatio;
    ctx.textAlign = 'left';
    for (const tc of this.thermocouples) {
      const [x, y] = toCanvas(p, tc.positionMm);
      const store = this.room?.store(tc.channel);
      const v = store?.length ? store.lastV : NaN;
      const stale = !this.room || this.room.qualityOf(tc.channel).quality === 'stale';
      ctx.beginPath();
      ctx.arc(x, y, 3.5 * dpr, 0, 2 * Math.PI);
      ctx.fillStyle = text;
      ctx.fill();
      ctx.lineWidth = 1.5 * dpr;
      ctx.strokeStyle = surface;
      ctx.stroke();
      const reading = Number.isFinite(v) && !stale ? `${this.language.number(v, 1)} ${unitSymbol('Cel')}` : '--';
      label(ctx, `${this.language.label(tc)} ${reading}`, x + 7 * dpr, y, stale ? this.themes.read('--_stale') : text, surface);
    }
  }

  private drawScale(ctx: CanvasRenderingContext2D, p: MapPlacement, text: string, surface: string, bottom: number): void {
    const dpr = devicePixelRatio;
    const mm = scaleBarMm((p.geometry.width * p.geometry.spacingMm[0]) / 4);
    const len = mm * p.pxPerMm;
    const x = p.left + 8 * dpr;
    const y = Math.min(bottom, p.top + p.geometry.height * p.geometry.spacingMm[1] * p.pxPerMm) - 10 * dpr;
    ctx.fillStyle = surface;
    ctx.fillRect(x - dpr, y - dpr, len + 2 * dpr, 5 * dpr);
    ctx.fillStyle = text;
    ctx.fillRect(x, y, len, 3 * dpr);
    ctx.textAlign = 'left';
    label(ctx, `${this.language.number(mm, 0)} mm`, x, y - 9 * dpr, text, surface);
  }

  private onPointer(e: PointerEvent): void {
    const el = this.cursorEl;
    if (!el || !this.placement) return;
    const pt = toMm(this.placement, e.offsetX * devicePixelRatio, e.offsetY * devicePixelRatio);
    const v = this.valuesAt(pt);
    el.textContent = v ? this.describePoint(pt, v) : '';
  }

  private describePoint([x, y]: PairMm, v: ThermalPoint): string {
    const w = this.language.t;
    const n = (x: number, d: number) => this.language.number(x, d);
    const temp = Number.isNaN(v.temperatureC) ? w.masked : `${n(v.temperatureC, 1)} ${unitSymbol('Cel')}`;
    return `(${n(x, 1)}, ${n(y, 1)}) mm  ·  ${w.temperature} ${temp}  ·  ${w.dose} ${formatDose(v.cem43, n)} CEM43  ·  ${w.damage} ${formatDose(v.omega, n)}`;
  }

  private percent(f: number): string {
    return new Intl.NumberFormat(this.language.locale, { style: 'percent', maximumFractionDigits: 0 }).format(f);
  }

  protected override render() {
    const w = this.language.t;
    const room = this.room;
    const id = this.mapId;
    const q = id ? room?.qualityOf(id) : undefined;
    const now = room?.scheduler.now() ?? 0;
    const s = this.state;
    const c = s?.coverage;
    const peak = s?.peakC ?? NaN;
    const status = s?.geometryRefused ? w.geometry : s?.mapsStopped && q && Number.isFinite(q.arrivedAt) ? w.stale(this.language.seconds((now - q.arrivedAt) / 1000)) : !s?.maps ? w.noMap : '';
    return html`
      ${this.alarmMarker()}
      <div part="readouts">
        ${this.tumour
          ? html`<span part="coverage"
              >${w.coverage} <span class="value">${c && Number.isFinite(c.fraction) ? this.percent(c.fraction) : '--'}</span> ${w.coverageOf(`${this.language.number(this.marginMm, 0)} mm`)}${c?.masked
                ? html` (${c.masked} px ${w.masked})`
                : nothing}</span
            >`
          : nothing}
        <span part="peak">${w.max} ${Number.isFinite(peak) ? `${this.language.number(peak, 1)} ${unitSymbol('Cel')}` : '--'}</span>
        ${status ? html`<span part="status">${status}</span>` : nothing}
      </div>
      <div part="map">
        <canvas aria-hidden="true" @pointermove=${this.onPointer} @pointerleave=${() => this.cursorEl && (this.cursorEl.textContent = '')}></canvas>
      </div>
      <ul part="legend">
        ${this.isotherms.length ? html`<li><span class="swatch isotherm"></span>${this.isotherms.map((c) => this.language.number(c, 0)).join(', ')} ${unitSymbol('Cel')} ${w.isotherms}</li>` : nothing}
        <li><span class="swatch lethal"></span>${this.lethalDose === 'omega' ? w.lethalOmega : `${this.language.number(this.lethalCem43, 0)} CEM43 (${w.lethalCem43})`}</li>
        ${this.tumour ? html`<li><span class="swatch tumour"></span>${w.tumour}</li><li><span class="swatch margin"></span>${w.margin}</li>` : nothing}
        ${this.structures.length ? html`<li><span class="swatch structure"></span>${w.protectedStructure}</li>` : nothing}
        <li><span class="swatch masked"></span>${w.masked}</li>
      </ul>
      <p part="cursor" aria-hidden="true"></p>
      <p part="summary" class="sr-only" role="status">${this.summary(peak, status)}</p>
    `;
  }

  /** The map in words: status, peak, coverage, and each structure's temperature and dose. */
  private summary(peak: number, status: string): string {
    const w = this.language.t;
    const n = (x: number, d: number) => this.language.number(x, d);
    const parts = [status];
    if (Number.isFinite(peak)) parts.push(`${w.max} ${n(peak, 1)} ${unitSymbol('Cel')}.`);
    const c = this.state?.coverage;
    // The criterion said with the coverage: the lethal zone differs by which one is used (240 CEM43 or Ω = 1).
    const criterion = this.lethalDose === 'omega' ? w.lethalOmega : `${n(this.lethalCem43, 0)} CEM43`;
    if (c && Number.isFinite(c.fraction)) parts.push(`${w.coverage}${w.colon}${this.percent(c.fraction)} ${w.coverageOf(`${n(this.marginMm, 0)} mm`)} (${criterion}).`);
    this.structures.forEach((s, k) => {
      const st = this.structureStates[k];
      if (st) parts.push(`${this.language.label(s)}${w.colon}${w.max} ${Number.isFinite(st.maxC) ? n(st.maxC, 1) : '--'} ${unitSymbol('Cel')}, ${formatDose(st.maxCem43, n)} CEM43.`);
    });
    return parts.filter(Boolean).join(' ');
  }
}

/** A dose read-out: one decimal up to 1000, then in powers of ten. */
function formatDose(x: number, n: (x: number, d: number) => string): string {
  if (!Number.isFinite(x)) return '--';
  return x < 1000 ? n(x, 1) : `> ${n(10 ** Math.floor(Math.log10(x)), 0)}`;
}

function niceStep(raw: number): number {
  const k = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * k).find((v) => v >= raw) ?? 10 * k;
}
