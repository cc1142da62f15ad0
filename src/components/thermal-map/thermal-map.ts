import { LitElement, html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Observable, SchedulerLike, Subscription } from 'rxjs';
import type { ChannelDescriptor, Grid } from '../../models/channel.js';
import type { AlarmRule } from '../../models/alarm-rules.js';
import { unitSymbol } from '../../models/units.js';
import { ThermalAccumulator } from '../../models/thermal/accumulator.js';
import { ContourBuffer } from '../../models/thermal/contours.js';
import { coverage, lethalField, pixelsOf, structureState, type Coverage, type LethalCriterion, type StructureState } from '../../models/thermal/coverage.js';
import { LETHAL_CEM43 } from '../../models/thermal/dose.js';
import { mmToPixel, rasterise, type PairMm, type Shape } from '../../models/thermal/shapes.js';
import { LIVER_ARRHENIUS, type ArrheniusTissue } from '../../models/thermal/tissue.js';
import { THERMAL_LIMITS, structureChannelIds, structureRules, type ThermalStructure, type ThermalLimits } from '../../models/thermal/alarms.js';
import type { AlarmManager } from '../../streams/alarm-manager.js';
import type { RoomInput, TelemetryRoom } from '../../streams/room/room.js';
import { AlarmController, type AlarmHost } from '../alarm-controller.js';
import { InputController, type InputHost } from '../kit/input-controller.js';
import { LanguageController } from '../kit/language-controller.js';
import { FrameController } from '../kit/frame-scheduler.js';
import { SizeController } from '../kit/size-controller.js';
import { ThemeController, type ThemeHost } from '../kit/theme-controller.js';
import { CalmTickController } from '../kit/calm-tick.js';
import { ColourTable } from './colour-table.js';
import { label, place, scaleBarMm, strokeContour, strokeShape, toCanvas, toMm, type MapPlacement } from './map-layers.js';
import { thermalMapMessages } from './thermal-map.messages.js';
import { thermalMapStyles } from './thermal-map.styles.js';

/** A point temperature probe (thermocouple, fibre-optic sensor) drawn on the map with its reading. */
export interface Thermocouple {
  /** Channel of its readings (°C). */
  channel: string;
  label: string;
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

/**
 * A tissue temperature map during radiofrequency or microwave ablation: the
 * latest map colour-mapped through a lookup table into one image, isotherms,
 * the lethal-dose contour, tumour, margin and protected structures, thermocouple
 * readings, a colour bar and a mm scale bar, with coverage and cursor read-outs.
 * Dose (CEM43) and Arrhenius damage Ω accumulate from every map on data time,
 * also while the panel is hidden; per-structure maximum temperature and dose are
 * published as derived channels (see `structureChannels`) so ordinary alarm
 * rules apply to them.
 *
 * @tagname ir-thermal-map
 * @summary Colour-mapped temperature map with isotherms, lethal-dose contour, target coverage and protected structures.
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
 * @event ir-config-error - A rule was refused (a structure's derived channels not declared, say), or a `.source` came without `channels` (`IrConfigErrorEvent`).
 * @event ir-technical - With a `.source`: a map refused (out of order, geometry changed), masked pixels counted, or the map gone stale (`IrTechnicalEvent`).
 */
export class IrThermalMap extends LitElement implements InputHost, AlarmHost, ThemeHost {
  static override styles = thermalMapStyles;

  /** With `.source`: descriptors of what it sends (the map first, then structure and thermocouple channels). */
  @property({ attribute: false }) channels: ChannelDescriptor[] = [];

  /** The map channel, read from the nearest `ir-telemetry` (or picked among `channels`). */
  @property() channel?: string;

  /** The data: grid frames of the map, and samples of thermocouples and derived channels. */
  @property({ attribute: false }) source?: Observable<RoomInput>;

  /** Bottom of the colour scale (°C). */
  @property({ type: Number }) min = 37;

  /** Top of the colour scale (°C). */
  @property({ type: Number }) max = 100;

  /** Isotherms drawn (°C). */
  @property({ attribute: false }) isotherms: number[] = [50, 60];

  /** The lethal-dose criterion drawn and used for coverage: `cem43` (CEM43 ≥ `lethal-cem43`) or `omega` (Ω ≥ 1). */
  @property({ attribute: 'lethal-dose' }) lethalDose: 'cem43' | 'omega' = 'cem43';

  /** The lethal thermal dose, CEM43 minutes (default 240, Sapareto & Dewey 1984). */
  @property({ type: Number, attribute: 'lethal-cem43' }) lethalCem43 = LETHAL_CEM43;

  /** The tumour, in mm in the map's frame. */
  @property({ attribute: false }) tumour?: Shape;

  /** The ablation margin around the tumour (mm): coverage is of tumour plus margin. */
  @property({ type: Number, attribute: 'margin-mm' }) marginMm = 5;

  /** Structures to protect from heat. */
  @property({ attribute: false }) structures: ThermalStructure[] = [];

  /** Point probes shown with their readings. */
  @property({ attribute: false }) thermocouples: Thermocouple[] = [];

  /** Arrhenius parameters of the tissue (default liver). */
  @property({ attribute: false }) tissue: ArrheniusTissue = LIVER_ARRHENIUS;

  /** Thresholds of the default structure alarms. */
  @property({ attribute: false }) limits: ThermalLimits = THERMAL_LIMITS;

  /** The panel's alarm rules; by default those of each structure (`structureRules`). */
  @property({ attribute: false }) rules?: AlarmRule[];

  /** The alarm manager to use; without it, the `ir-telemetry`'s or the panel's own room's. */
  @property({ attribute: false }) manager?: AlarmManager;

  /** Colour theme: `dark` (default), `light` or `high-contrast`. */
  @property({ reflect: true }) theme: 'dark' | 'light' | 'high-contrast' = 'dark';

  /** The clock of the panel's own room and read-outs; a VirtualTimeScheduler in tests. */
  @property({ attribute: false }) scheduler?: SchedulerLike;

  private readonly input = new InputController(this, {
    windowMs: () => 60_000,
    onChannels: (room) => this.follow(room),
    onQuality: () => this.qualityChanged(),
  });
  private readonly alarmSystem = new AlarmController(this);
  private readonly language = new LanguageController(this, thermalMapMessages);
  private readonly frame = new FrameController(this, () => this.draw());
  private readonly themes = new ThemeController(this, () => ((this.paletteKey = this.layerKey = ''), this.frame.request()));
  protected readonly tick = new CalmTickController(this);
  private readonly size = new SizeController(this, () => this.mapEl, () => this.frame.request());
  @query('[part="map"]') private mapEl?: HTMLElement;
  @query('canvas') private canvas?: HTMLCanvasElement;
  @query('[part="cursor"]') private cursorEl?: HTMLElement;

  private acc?: ThermalAccumulator;
  private target?: Int32Array;
  private masks: Int32Array[] = [];
  private cover?: Coverage;
  private states: StructureState[] = [];
  private subscription?: Subscription;
  private readonly colours = new ColourTable();
  private paletteKey = '';
  private image?: ImageData;
  private pixels?: Uint32Array;
  private offscreen?: HTMLCanvasElement;
  private bar?: HTMLCanvasElement;
  private readonly contours: ContourBuffer[] = [];
  private readonly lethalContour = new ContourBuffer();
  private dirty = false;
  private layer?: HTMLCanvasElement;
  private layerKey = '';
  private placement?: MapPlacement;
  private geometryRefused = false;
  private mapStale = false;

  /** The map channel. */
  private get mapId(): string | undefined {
    return this.input.channels[0]?.id;
  }

  private get room(): TelemetryRoom | undefined {
    return this.input.room;
  }

  /** The lethal-dose criterion in force. */
  get criterion(): LethalCriterion {
    return this.lethalDose === 'omega' ? { kind: 'omega', omega: 1 } : { kind: 'cem43', minutes: this.lethalCem43 };
  }

  /** Coverage of tumour plus margin by the lethal dose, after the latest map (undefined without a tumour or a map). */
  get coverage(): Coverage | undefined {
    return this.cover;
  }

  /** Each structure's hottest pixel and highest dose, in the order of `structures`. */
  get structureStates(): readonly StructureState[] {
    return this.states;
  }

  /** Temperature (latest map), dose and Ω at a point given in mm; undefined outside the map. */
  valuesAt(pointMm: PairMm): ThermalPoint | undefined {
    const acc = this.acc;
    if (!acc) return undefined;
    const [fi, fj] = mmToPixel(acc.geometry, pointMm);
    const i = Math.round(fi);
    const j = Math.round(fj);
    if (i < 0 || j < 0 || i >= acc.geometry.width || j >= acc.geometry.height) return undefined;
    const k = j * acc.geometry.width + i;
    return { temperatureC: acc.temperatureAt(k), cem43: acc.cem43[k], omega: acc.omega[k] };
  }

  /** Where a point given in mm fell on the canvas as last drawn, in device pixels: for overlays and tests. */
  positionOf(pointMm: PairMm): { x: number; y: number } | undefined {
    if (!this.placement) return undefined;
    const [x, y] = toCanvas(this.placement, pointMm);
    return { x, y };
  }

  /** Starts dose and damage again from the next map (a new procedure on the same channel). */
  reset(): void {
    this.acc = undefined;
    this.cover = undefined;
    this.states = [];
    this.dirty = true;
    this.frame.request();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('tissue')) this.acc = undefined;
    if (changed.has('tumour') || changed.has('marginMm') || changed.has('structures')) this.rasteriseRegions();
    if (changed.has('rules') || changed.has('structures') || changed.has('limits') || changed.has('manager') || changed.has('source')) this.useRules();
    if (changed.has('min') || changed.has('max')) this.paletteKey = '';
  }

  protected override updated(changed: Map<string, unknown>): void {
    for (const k of ['isotherms', 'lethalDose', 'lethalCem43', 'tumour', 'marginMm', 'structures', 'thermocouples', 'min', 'max']) {
      if (!changed.has(k)) continue;
      this.dirty = true;
      this.frame.request();
      if (k === 'lethalDose' || k === 'lethalCem43') this.measure();
      break;
    }
  }

  /** The room or its channels changed: follow the map channel's grids from its latest. */
  private follow(room: TelemetryRoom): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.acc = undefined;
    this.useRules();
    const id = this.mapId;
    const grids = id ? room.grids(id) : undefined;
    if (!id || !grids) return;
    if (grids.latest) this.ingest(grids.latest);
    this.subscription = grids.live.subscribe((g) => this.ingest(g));
    this.subscription.add(
      room.technical.subscribe((d) => {
        if (d.type === 'technical' && d.channel === id && d.reason === 'geometry-changed') this.setGeometryRefused(true);
      }),
    );
  }

  /** Rules go to the manager in reach: the one set on the panel, its `ir-telemetry`'s, or its own room's. */
  private useRules(): void {
    this.alarmSystem.fallback = this.input.isPrivate ? this.room?.manager : undefined;
    const id = this.mapId;
    this.alarmSystem.useRules(this.rules ?? (id ? structureRules(id, this.structures, this.limits) : []));
  }

  /** One map: dose and damage accumulate now (hidden or not); drawing waits for the frame. */
  private ingest(g: Grid): void {
    if (!this.acc) {
      this.acc = new ThermalAccumulator({ width: g.width, height: g.height, spacingMm: g.spacingMm, originMm: g.originMm }, this.tissue);
      this.rasteriseRegions();
    }
    const first = !this.acc.latest;
    const verdict = this.acc.add(g);
    if (!verdict.ok) return this.setGeometryRefused(verdict.reason === 'geometry-changed');
    this.setGeometryRefused(false);
    this.measure();
    this.publish(g.t);
    this.dirty = true;
    this.frame.request();
    // The first map replaces the 'no map' line at once; later ones refresh on the calm tick.
    if (first) this.requestUpdate();
  }

  private measure(): void {
    const acc = this.acc;
    if (!acc) return;
    this.cover = this.target ? coverage(acc, this.target, this.criterion) : undefined;
    this.states = this.masks.map((m) => structureState(acc, m));
  }

  /** Each structure's state as samples of its derived channels, where the room declares them. */
  private publish(t: number): void {
    const room = this.room;
    const map = this.mapId;
    if (!room || !map) return;
    this.structures.forEach((s, k) => {
      const id = structureChannelIds(map, s);
      const st = this.states[k];
      if (!st) return;
      for (const [channel, v] of [[id.maxC, st.maxC], [id.cem43, st.maxCem43]] as const)
        if (room.descriptor(channel) && Number.isFinite(v)) room.push({ channel, t: Float64Array.of(t), v: Float32Array.of(v) });
    });
  }

  private rasteriseRegions(): void {
    const g = this.acc?.geometry;
    this.target = g && this.tumour ? pixelsOf(rasterise(this.tumour, g, this.marginMm)) : undefined;
    this.masks = g ? this.structures.map((s) => pixelsOf(rasterise(s.shape, g))) : [];
    this.measure();
  }

  private setGeometryRefused(on: boolean): void {
    if (on === this.geometryRefused) return;
    this.geometryRefused = on;
    this.technical('geometry', on);
    this.requestUpdate();
  }

  private qualityChanged(): void {
    const id = this.mapId;
    const stale = !!id && this.room?.qualityOf(id).quality === 'stale';
    if (stale !== this.mapStale) {
      this.mapStale = stale;
      this.technical('maps-stopped', stale);
    }
    this.requestUpdate();
    this.frame.request();
  }

  /** The map's technical alarms (maps stopped, geometry changed), raised on the manager in reach. */
  private technical(kind: 'geometry' | 'maps-stopped', on: boolean): void {
    const id = this.mapId;
    const d = id ? this.room?.descriptor(id) : undefined;
    if (!id || !d) return;
    const words = (l: 'en' | 'fr') => (kind === 'geometry' ? thermalMapMessages[l].geometryChanged(d.label) : thermalMapMessages[l].mapsStopped(d.label));
    this.alarmSystem.manager?.setTechnical(`${id}:${kind}`, on, { en: words('en'), fr: words('fr') });
  }

  private draw(): void {
    const canvas = this.canvas;
    const box = this.mapEl;
    if (!canvas || !box) return;
    const dpr = devicePixelRatio;
    const w = Math.round((this.size.width || box.clientWidth) * dpr);
    const h = Math.round((this.size.height || box.clientHeight) * dpr);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const ctx = canvas.getContext('2d')!;
    const read = (t: string) => this.themes.read(t);
    const surface = read('--_surface');
    const text = read('--_text');
    ctx.fillStyle = surface;
    ctx.fillRect(0, 0, w, h);
    this.font(ctx);
    this.palette(ctx);
    const acc = this.acc;
    const latest = acc?.latest;
    const pad = PAD_CSS * dpr;
    const barW = BAR_CSS * dpr;
    const g = acc?.geometry;
    const p = (this.placement = g && latest ? place(g, pad, pad, w - barW - 2 * pad, h - 2 * pad) : undefined);
    // What changes with a setting, not with a map (colour bar, outlines, labels, scale bar) is drawn once into a layer.
    const key = [w, h, dpr, p?.left, p?.top, p?.pxPerMm, this.paletteKey, this.isotherms.join(), this.tumour && JSON.stringify(this.tumour), this.marginMm, JSON.stringify(this.structures), this.language.locale, text, surface].join('|');
    if (key !== this.layerKey) this.drawLayer(key, w, h, p, text);
    if (!acc || !latest || !p) {
      ctx.drawImage(this.layer!, 0, 0);
      ctx.fillStyle = text;
      ctx.textBaseline = 'middle';
      ctx.fillText(this.language.t.noMap, pad, h / 2);
      return;
    }
    if (this.dirty) this.repaint(latest, acc);
    const mw = g!.width * g!.spacingMm[0] * p.pxPerMm;
    const mh = g!.height * g!.spacingMm[1] * p.pxPerMm;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.offscreen!, p.left, p.top, mw, mh);
    if (this.mapStale) {
      ctx.globalAlpha = 0.55;
      ctx.fillStyle = surface;
      ctx.fillRect(p.left, p.top, mw, mh);
      ctx.globalAlpha = 1;
    }
    // Hairlines: a software rasteriser strokes 1-device-pixel lines several times faster than
    // wider ones. The lethal contour is three hairlines, offset by a device pixel, to stand out.
    ctx.lineWidth = 1;
    ctx.strokeStyle = read('--_isotherm');
    for (let k = 0; k < this.isotherms.length; k++) strokeContour(ctx, this.contours[k], p);
    ctx.strokeStyle = read('--_lethal');
    for (const [dx, dy] of LETHAL_OFFSETS) strokeContour(ctx, this.lethalContour, { ...p, left: p.left + dx, top: p.top + dy });
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

  /** The map image and its contours, again only when a map or a setting is new. */
  private repaint(latest: Grid, acc: ThermalAccumulator): void {
    const { width, height } = latest;
    if (!this.image || this.image.width !== width || this.image.height !== height) {
      const off = (this.offscreen ??= document.createElement('canvas'));
      off.width = width;
      off.height = height;
      this.image = off.getContext('2d')!.createImageData(width, height);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    this.colours.paint(latest.data, width, height, this.pixels!);
    this.offscreen!.getContext('2d')!.putImageData(this.image, 0, 0);
    while (this.contours.length < this.isotherms.length) this.contours.push(new ContourBuffer());
    this.isotherms.forEach((level, k) => this.contours[k].trace(latest.data, width, height, level));
    const { field, level } = lethalField(acc, this.criterion);
    this.lethalContour.trace(field, width, height, level);
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
      label(ctx, s.label, x + 4 * dpr, y - 10 * dpr, colour, surface);
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
      label(ctx, `${tc.label} ${reading}`, x + 7 * dpr, y, stale ? this.themes.read('--_stale') : text, surface);
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
    const c = this.cover;
    const latest = this.acc?.latest;
    const peak = latest ? maxOf(latest.data) : NaN;
    const status = this.geometryRefused ? w.geometry : this.mapStale && q && Number.isFinite(q.arrivedAt) ? w.stale(this.language.seconds((now - q.arrivedAt) / 1000)) : !latest ? w.noMap : '';
    return html`
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
    const c = this.cover;
    if (c && Number.isFinite(c.fraction)) parts.push(`${w.coverage}${w.colon}${this.percent(c.fraction)} ${w.coverageOf(`${n(this.marginMm, 0)} mm`)}.`);
    this.structures.forEach((s, k) => {
      const st = this.states[k];
      if (st) parts.push(`${s.label}${w.colon}${w.max} ${Number.isFinite(st.maxC) ? n(st.maxC, 1) : '--'} ${unitSymbol('Cel')}, ${formatDose(st.maxCem43, n)} CEM43.`);
    });
    return parts.filter(Boolean).join(' ');
  }
}

/** A dose read-out: one decimal up to 1000, then in powers of ten. */
function formatDose(x: number, n: (x: number, d: number) => string): string {
  if (!Number.isFinite(x)) return '--';
  return x < 1000 ? n(x, 1) : `> ${n(10 ** Math.floor(Math.log10(x)), 0)}`;
}

function maxOf(data: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < data.length; i++) if (data[i] > m) m = data[i];
  return m;
}

function niceStep(raw: number): number {
  const k = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * k).find((v) => v >= raw) ?? 10 * k;
}
