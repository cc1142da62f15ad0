import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import uPlot from 'uplot';
import type { Subscription } from 'rxjs';
import type { ChannelDescriptor, SampleBatch, Waveform } from '../../models/channel.js';
import type { AlarmRule } from '../../models/alarm-rules.js';
import { EP, parseWaveformChannel, pulseChannels, waveformChannel } from '../../models/pulses/channels.js';
import { REFRACTORY_WINDOW_MS } from '../../models/pulses/ecg.js';
import type { PairState, PairSummary } from '../../models/pulses/ledger.js';
import type { ElectrodeLayout } from '../../models/pulses/layout.js';
import type { PairSetting, PulseProtocol } from '../../models/pulses/protocol.js';
import type { PulseRecord } from '../../models/pulses/record.js';
import type { PulseRefusal } from '../../models/pulses/ledger.js';
import { PulsesEngine, type EcgMark, type PulsesConfig, type PulsesState } from '../../streams/pulses/pulses-engine.js';
import type { TelemetryRoom } from '../../streams/room/room.js';
import { EngineController } from '../kit/engine-controller.js';
import { IrPanel } from '../kit/panel.js';
import { roomContext } from '../kit/room-context.js';
import { SizeController } from '../kit/size-controller.js';
import { IrTrend, type TrendMarker } from '../trend.js';
import { SpanRaster, strokeSeries } from '../kit/strip-raster.js';
import { electrodeMap } from './electrode-map.js';
import { IrPairSelectEvent, IrPulseRefusedEvent } from './pulse-events.js';
import { drawTimeline, markAt, timelineBox, yOf, type TimelineBox } from './pulse-timeline.js';
import { pulseTraceMessages } from './pulse-trace.messages.js';
import { pulseTraceStyles } from './pulse-trace.styles.js';
import { WaveformColumns } from './waveform-columns.js';
import { mixColour } from './colour-mix.js';

/** The generator's status channels, whose alarms frame the panel (`pulseAlarmRules`). */
const STATUS_IDS = [EP.current, EP.voltageError, EP.failed, EP.sync, EP.incomplete].join(' ');
/** A waveform's pulse start: the record it belongs to starts at most this long after its t0 (ms). */
const MATCH_MS = 1;

export type { EcgMark };

/**
 * Electroporation (electrochemotherapy, IRE) pulses as they are delivered: the
 * voltage and current of the latest pulses of the selected pair overlaid on a
 * microsecond axis with the set voltage and the current limit; the train with
 * one mark per pulse; the electrode map with each pair done, under way,
 * pending or failed; a per-pair summary table; and the ECG strip (an
 * `ir-trend`) with R-wave and pulse marks. Pulse records, waveforms and the
 * ECG come through the room (channel names in docs/wire-format.md,
 * "Electroporation"). The panel is a view of its room's `PulsesEngine`
 * (`room.engine('pulses')`), which keeps the pulse ledger and the alarm rules
 * on the status channels whether or not a panel is on screen; the panel hands
 * it `layout`, `protocol` and `rules`. Unless given `channel`, its channels are the
 * generator's status channels, whose alarms frame it (acknowledged ones dashed). The ECG strip is
 * an `ir-trend`, registered with the panel.
 *
 * @tagname ir-pulse-trace
 * @summary Electroporation pulse traces, train, electrode map, per-pair summary and ECG synchronisation.
 * @csspart chart - The trace chart: axes, scales, the set voltage and the current limit (a uPlot chart).
 * @csspart traces - The voltage and current traces, a canvas over the chart's.
 * @csspart timeline - The train: one mark per pulse (a canvas).
 * @csspart map - The electrode map (SVG): needles and pairs.
 * @csspart table - The per-pair summary table.
 * @csspart ecg - The ECG strip's container (holds an `ir-trend`).
 * @csspart summary - The text equivalent of what is shown (visually hidden).
 * @csspart state - Shown while the generator is silent: what is shown is not live, with the age of the last data.
 * @csspart alarm - The priority marker and message while an electroporation alarm is present.
 * @cssproperty --ir-color-text - Text colour.
 * @cssproperty --ir-color-surface - Background.
 * @cssproperty --ir-color-grid - Grid, axis and table rule colour.
 * @cssproperty --ir-color-limit - The current limit line and failed pulses and pairs.
 * @cssproperty --ir-color-marker - The set-voltage line.
 * @cssproperty --ir-color-stale - Pending pairs on the map; traces and train while the generator is silent.
 * @cssproperty --ir-color-series-1 - Voltage trace, the selected pair's marks, pairs under way.
 * @cssproperty --ir-color-series-2 - Current trace and delivered pulse marks.
 * @cssproperty --ir-pulse-trace-done-color - Pairs done (default: series 3).
 * @cssproperty --ir-alarm-high-color - Frame colour while a high-priority alarm is present.
 * @cssproperty --ir-alarm-medium-color - Frame colour for medium priority.
 * @cssproperty --ir-pulse-trace-chart-height - Height of the traces, their time axis included (default 250px).
 * @cssproperty --ir-pulse-trace-timeline-height - Height of the train (default 70px).
 * @cssproperty --ir-pulse-trace-ecg-height - Height of the ECG strip's chart, its time axis included (default 180px: about 10 mm/mV).
 * @cssproperty --ir-pulse-trace-axis-font - Font of the axes (default 12px system-ui).
 * @event ir-pulse-refused - A pulse record refused: unknown pair, duplicated index, unreadable (`IrPulseRefusedEvent`, names it).
 * @event ir-pair-select - The operator chose another pair on the map or the table (`IrPairSelectEvent`).
 * @event ir-technical - With a `.source`: data refused by the panel's own room (a waveform with a bad sample rate, time going backwards), or a channel gone stale (`IrTechnicalEvent`).
 * @event ir-config-error - An alarm rule refused, or a `.source` without a layout or channels (`IrConfigErrorEvent`).
 */
export class IrPulseTrace extends IrPanel<(typeof pulseTraceMessages)['en']> {
  static override styles = pulseTraceStyles;
  static override dependencies = { 'ir-trend': IrTrend };

  /** The needles and pairs (`hexagonLayout`, `rowsLayout`, `pairsLayout`). */
  @property({ attribute: false }) layout?: ElectrodeLayout;

  /** The plan: pulses per pair, width, repetition, field, generator limits. */
  @property({ attribute: false }) protocol?: PulseProtocol;

  /** The pair whose pulses are traced; unset, the pair of the latest pulse. */
  @property({ reflect: true }) pair?: string;

  /** How many of the latest pulses of the pair are overlaid. */
  @property({ type: Number }) overlay = 4;

  /** Width of the ECG strip, seconds. */
  @property({ type: Number, attribute: 'ecg-window' }) ecgWindow = 10;

  /**
   * Alarm rules; unset, the defaults of the protocol's modality
   * (`pulseAlarmRules`, sources in docs/clinical-defaults.md); `[]` for none.
   */
  @property({ attribute: false }) rules?: AlarmRule[];

  protected override readonly engines = new EngineController<PulsesConfig, PulsesState, PulsesEngine>(this, {
    room: () => this.input.room,
    kind: 'pulses',
    create: (room) => new PulsesEngine(room),
    config: () => this.engineConfig(),
    onState: (state) => this.show(state),
  });
  /** uPlot's layer (axes, limit lines) must redraw: new size or theme. */
  private chartStale = true;
  private traceCanvas?: HTMLCanvasElement;
  /** What the train was drawn from: it is drawn again only when that changes. */
  private trainKey = '';
  /** Overlay colours faded towards the surface, per theme. */
  private readonly mixed = new Map<string, string>();
  private readonly spans = new SpanRaster();
  private readonly size = new SizeController(this, () => this.chartEl, () => this.resize());
  private readonly timelineSize = new SizeController(this, () => this.timelineEl, () => this.frame.request());
  @query('[part="chart"]') private chartEl?: HTMLElement;
  @query('[part="timeline"]') private timelineEl?: HTMLCanvasElement;
  @query('[part="ecg"]') private ecgEl?: HTMLElement;

  private state?: PulsesState;
  /** Counts snapshots drawn from, so the train is drawn again only on a new one. */
  private version = 0;
  private config?: PulsesConfig;
  /** The channels `defaultChannels` set, for the layout they were set for. */
  private defaulted?: { layout: ElectrodeLayout; channels: ChannelDescriptor[] };
  private subscription?: Subscription;
  private chart?: uPlot;
  private box?: TimelineBox;
  private readonly columns = [new WaveformColumns(), new WaveformColumns()];
  private marks: readonly EcgMark[] = [];
  private ecgTrend?: IrTrend;
  private ecgProvider?: ContextProvider<typeof roomContext>;
  /** What the trace shows, for positionOf and the scales: x in µs from the pulse start. */
  private view = { x0: 0, x1: 1, v0: 0, v1: 1, a0: 0, a1: 1, setV: NaN };

  /** Every pulse of the current train, in delivery order: what the timeline shows, one mark each. */
  get pulses(): readonly PulseRecord[] {
    return this.state?.records ?? [];
  }

  /** Each pair's train so far, in layout order: what the table and the map show. */
  get summaries(): readonly PairSummary[] {
    return this.state?.summaries ?? [];
  }

  /** The marks on the ECG strip (R waves and the first pulse of each burst within its window), oldest first. */
  get ecgMarks(): readonly EcgMark[] {
    return this.marks;
  }

  /** The pair traced: `pair`, else the pair of the latest pulse. */
  get shownPair(): string | undefined {
    return this.pair ?? this.state?.latestPair;
  }

  /**
   * Where `value` of quantity V (volts) or I (amperes) at `us` microseconds
   * from the pulse start falls on the trace as last drawn, in canvas pixels.
   */
  positionOf(quantity: 'V' | 'I', us: number, value: number): { x: number; y: number } | undefined {
    if (!this.chart) return undefined;
    return { x: this.chart.valToPos(us, 'x', true), y: this.chart.valToPos(value, quantity === 'V' ? 'V' : 'A', true) };
  }

  /** Where the mark of pulse `index` of `pair` sits on the train as last drawn (canvas pixels, top centre); the height of `currentA` when given. */
  timelinePositionOf(pair: string, index: number, currentA?: number): { x: number; y: number } | undefined {
    const k = this.pulses.findIndex((r) => r.pair === pair && r.index === index);
    if (k < 0 || !this.box) return undefined;
    return markAt(this.box, k, currentA ?? this.pulses[k].meanI);
  }

  /** The height of a current on the train as last drawn (canvas pixels): where the limit line is. */
  timelineHeightOf(currentA: number): number | undefined {
    return this.box && yOf(this.box, currentA);
  }

  constructor() {
    super(pulseTraceMessages);
  }

  protected override windowMs(): number {
    return Math.max(this.ecgWindow * 1000, 60_000);
  }

  override connectedCallback(): void {
    this.defaultChannels();
    super.connectedCallback();
  }

  protected override connecting(room: TelemetryRoom): void {
    this.engines.start(room);
  }

  protected override channelsChanged(room: TelemetryRoom): void {
    this.attach(room);
  }

  /** The status channels' batches change nothing drawn: the engine's state, the waveforms and the quality do. */
  protected override batch(_b: SampleBatch): void {}

  protected override themeChanged(): void {
    this.mixed.clear();
    this.chartStale = true;
    this.trainKey = '';
    this.frame.request();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.chart?.destroy();
    this.chart = this.traceCanvas = undefined;
  }

  /**
   * A `.source` with a layout and no channels of its own: the layout's channels, again for a
   * new layout. Unless the host names channels, the status channels are the panel's: their
   * alarms frame it.
   */
  private defaultChannels(): void {
    this.channel ??= STATUS_IDS;
    if (!this.source || !this.layout || (this.channels.length && this.channels !== this.defaulted?.channels) || this.defaulted?.layout === this.layout) return;
    this.defaulted = { layout: this.layout, channels: pulseChannels(this.layout) };
    this.channels = this.defaulted.channels;
  }

  /** One configuration object while layout, protocol and rules stay the same: the engine replays only on a change. */
  private engineConfig(): PulsesConfig | undefined {
    const { layout, protocol, rules } = this;
    if (!layout || !protocol) return undefined;
    const c = this.config;
    if (c?.layout !== layout || c.protocol !== protocol || c.rules !== rules) this.config = { layout, protocol, rules };
    return this.config;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('layout') || changed.has('source')) this.defaultChannels();
    if (changed.has('layout') || changed.has('protocol') || changed.has('rules')) this.engines.configure();
    super.willUpdate(changed);
    if (changed.has('pair') || changed.has('overlay')) this.frame.request();
  }

  protected override firstUpdated(): void {
    // The ECG strip is an ir-trend reading the same room: a provider on its
    // container hands it the panel's room, private or shared, before it connects.
    const wrap = this.ecgEl!;
    this.ecgProvider = new ContextProvider(wrap, { context: roomContext });
    if (this.room) this.ecgProvider.setValue(this.room);
    const trend = document.createElement('ir-trend') as IrTrend;
    trend.setAttribute('channel', EP.ecg);
    trend.window = this.ecgWindow;
    trend.theme = this.theme;
    trend.framedBy = this;
    wrap.append(trend);
    this.ecgTrend = trend;
    this.showMarks();
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (!this.chart) this.build();
    const trend = this.ecgTrend;
    if (trend && changed.has('theme')) trend.theme = this.theme;
    if (trend && changed.has('ecgWindow')) {
      trend.window = this.ecgWindow;
      this.showMarks();
    }
  }

  /** The room changed: its engine, its refusals, the generator's quality and the shown pair's waveforms followed. */
  private attach(room: TelemetryRoom | undefined): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    if (room && this.ecgProvider) this.ecgProvider.setValue(room);
    this.engines.attach();
    const engine = this.engines.engine;
    if (!room || !engine) return;
    const sub = (this.subscription = engine.output<PulseRefusal>('refusals').subscribe((r) => this.dispatchEvent(new IrPulseRefusedEvent(r))));
    // The generator's status channel going stale greys the panel; its return makes it live again (the base's qualityChanged).
    sub.add(room.frames.subscribe((f) => parseWaveformChannel(f.channel)?.pair === this.shownPair && this.frame.request()));
  }

  private show(state: PulsesState): void {
    this.state = state;
    this.version++;
    // Marks go to the strip as they come, not in the panel's frame: the strip draws them in the
    // same frame as their ECG samples (at 60x, a frame late is a second of ECG without its marks).
    this.showMarks();
    this.requestUpdate();
    this.frame.request();
  }

  private select(pair: string): void {
    this.pair = pair;
    this.dispatchEvent(new IrPairSelectEvent(pair));
  }

  /** The trace chart, built once (a new size is a `setSize`, a new theme a redraw). */
  private build(): void {
    const el = this.chartEl;
    if (this.chart || !el || !el.clientWidth || !el.clientHeight) return;
    const read = (token: string) => () => this.themes.read(token);
    const font = this.themes.read('--_axis-font');
    const axis = (scale: string, label: string, side: number) => ({
      scale, label, side, stroke: read('--_text'), font, labelFont: font, grid: { stroke: read('--_grid'), show: side !== 1 }, ticks: { stroke: read('--_grid') },
      // In the panel's language ("1 500" in French), as the read-outs.
      values: this.language.valueTicks,
    });
    this.chart = new uPlot(
      {
        width: el.clientWidth,
        height: el.clientHeight,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, auto: false }, V: { auto: false }, A: { auto: false } },
        // Time from the pulse start, µs, its scale named (left undefined, uPlot never showed the axis),
        // compact (ticks and unit in 46 px) so the traces keep their height.
        axes: [{ ...axis('x', 'µs', 2), size: 28, labelSize: 18 }, axis('V', 'V', 3), axis('A', 'A', 1)],
        hooks: { draw: [(u: uPlot) => this.drawLimits(u)] },
        // Traces are drawn by drawTraces on a canvas of their own; uPlot keeps the axes, scales and limit lines.
        series: [{}, { scale: 'V', paths: () => null, points: { show: false } }, { scale: 'A', paths: () => null, points: { show: false } }],
      },
      [[0, 1], [null, null], [null, null]] as unknown as uPlot.AlignedData,
      el,
    );
    // The traces' canvas, the same size as uPlot's and over it, so device pixels coincide (positionOf holds for both).
    const traces = (this.traceCanvas = document.createElement('canvas'));
    traces.setAttribute('part', 'traces');
    traces.className = 'traces';
    this.chart.root.querySelector('.u-wrap')!.append(traces);
    this.chartStale = true;
    this.frame.request();
  }

  private resize(): void {
    if (!this.chart) return this.build();
    this.chart.setSize({ width: this.size.width, height: this.size.height });
    this.chartStale = true;
    this.frame.request();
  }

  /** The latest `overlay` voltage waveforms of the shown pair, each with its current and its pulse start. */
  private overlaid(): { v: Waveform; i?: Waveform; origin: number; record?: PulseRecord }[] {
    const pair = this.shownPair;
    const room = this.room;
    if (!pair || !room) return [];
    const vs = room.waveforms(waveformChannel('V', pair))?.items ?? [];
    const is = room.waveforms(waveformChannel('I', pair))?.items ?? [];
    const records = this.pulses.filter((r) => r.pair === pair);
    return vs.slice(-Math.max(1, this.overlay)).map((v) => {
      const record = records.find((r) => r.t >= v.t0 && r.t - v.t0 <= MATCH_MS);
      return { v, i: is.find((w) => w.t0 === v.t0), origin: record?.t ?? v.t0, record };
    });
  }

  protected draw(): void {
    this.drawChart();
    this.drawTrain();
  }

  /** The engine's marks within the strip's window (from the newest), onto the ECG strip when they changed. */
  private showMarks(): void {
    const all = this.state?.marks ?? [];
    const from = (all.at(-1)?.t ?? 0) - this.ecgWindow * 1000;
    let k = 0;
    while (k < all.length && all[k].t < from) k++;
    const marks = k ? all.slice(k) : all;
    if (!this.ecgTrend || (marks.length === this.marks.length && marks.every((m, i) => m === this.marks[i]))) return;
    this.marks = marks;
    this.ecgTrend.markers = marks.map((m, i): TrendMarker => ({ t: m.t, label: markLabel(marks, i) }));
  }

  /**
   * Scales from what is shown, rounded up to a nice value so a noisy stream
   * does not move them: uPlot redraws its axes, grid and the two limit lines
   * only when a scale changes; the traces go on their own canvas every frame.
   */
  private drawChart(): void {
    const chart = this.chart;
    if (!chart) return;
    const shown = this.overlaid();
    let x0 = Infinity;
    let x1 = -Infinity;
    let vMax = 0;
    let aMax = this.protocol?.currentLimitA ?? 0;
    let setV = NaN;
    for (const s of shown) {
      const start = (s.v.t0 - s.origin) * 1000;
      x0 = Math.min(x0, start);
      x1 = Math.max(x1, start + (s.v.data.length / s.v.sampleRateHz) * 1e6);
      vMax = Math.max(vMax, s.record?.peakV ?? 0, s.record?.setV ?? 0);
      aMax = Math.max(aMax, s.record?.meanI ?? 0);
      if (s.record) setV = s.record.setV;
    }
    if (!shown.length) [x0, x1] = [0, this.protocol?.pulseWidthUs ?? 100];
    // Records carry the peak; without one, the data itself (a pulse sent without its summary).
    for (const s of shown) if (!s.record) vMax = Math.max(vMax, maxOf(s.v.data)), (aMax = Math.max(aMax, s.i ? maxOf(s.i.data) : 0));
    // The current scale reaches further above its limit than the voltage scale above the set voltage, so the two dashed lines never coincide.
    const v1 = niceCeil((vMax || 1) * 1.12);
    const a1 = niceCeil((aMax || 1) * 1.45);
    const next = { x0, x1, v0: -0.05 * v1, v1, a0: -0.05 * a1, a1, setV };
    const view = this.view;
    const moved = (Object.keys(next) as (keyof typeof next)[]).some((k) => !Object.is(next[k], view[k]));
    Object.assign(view, next);
    if (moved || this.chartStale) {
      this.chartStale = false;
      chart.batch(() => {
        chart.setData([[x0, x1], [null, null], [null, null]] as unknown as uPlot.AlignedData, false);
        chart.setScale('x', { min: x0, max: x1 });
        chart.setScale('V', { min: view.v0, max: view.v1 });
        chart.setScale('A', { min: view.a0, max: view.a1 });
      });
    }
    this.drawTraces(chart, shown);
  }

  /** Each shown pulse's V and I as column spans (older fainter), on the trace canvas laid over uPlot's. */
  private drawTraces(u: uPlot, shown: ReturnType<IrPulseTrace['overlaid']>): void {
    const canvas = this.traceCanvas;
    if (!canvas) return;
    const under = u.ctx.canvas;
    if (canvas.width !== under.width || canvas.height !== under.height) [canvas.width, canvas.height] = [under.width, under.height];
    const ctx = canvas.getContext('2d')!;
    const { left, top, width, height } = u.bbox;
    ctx.clearRect(left, top, width, height);
    const dpr = devicePixelRatio;
    const columns = Math.max(1, Math.floor(width / dpr));
    const { x0, x1, v0, v1, a0, a1 } = this.view;
    const surface = this.themes.read('--_surface');
    const stale = this.isStale();
    // Dense pulses (more samples than columns) as pixel spans in one image, sparse ones as lines over it.
    const sparse: (() => void)[] = [];
    this.spans.begin(width, height);
    shown.forEach((s, k) => {
      // Older pulses fainter: an opaque colour mixed towards the surface, cheaper to raster than a translucent one.
      const alpha = shown.length > 1 ? 0.3 + (0.7 * k) / (shown.length - 1) : 1;
      ([s.v, s.i] as const).forEach((w, q) => {
        if (!w) return;
        const cols = this.columns[q].fill(w, s.origin, x0, x1 - x0, columns);
        const token = stale ? '--_stale' : q ? '--_series-2' : '--_series-1';
        const key = `${token} ${alpha}`;
        let colour = this.mixed.get(key);
        if (colour === undefined) this.mixed.set(key, (colour = mixColour(ctx, this.themes.read(token), surface, alpha)));
        const plot = { left, top, width, height, yMin: q ? a0 : v0, yMax: q ? a1 : v1 };
        if (this.columns[q].samples > columns) this.spans.series(cols, plot, colour);
        else {
          const copy = cols.slice();
          sparse.push(() => ((ctx.strokeStyle = colour), strokeSeries(ctx, copy, plot, 1.5 * dpr)));
        }
      });
    });
    this.spans.end(ctx, left, top);
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    for (const draw of sparse) draw();
    ctx.restore();
  }

  /** Inside uPlot's draw (a scale or the theme changed): the set voltage and the current limit, dashed, labelled. */
  private drawLimits(u: uPlot): void {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    const dpr = devicePixelRatio;
    const line = (value: number, scale: string, colour: string, label: string) => {
      const y = Math.round(u.valToPos(value, scale, true)) + 0.5;
      if (!(y >= top && y <= top + height)) return;
      ctx.save();
      ctx.strokeStyle = ctx.fillStyle = colour;
      ctx.lineWidth = 1;
      ctx.setLineDash([6 * dpr, 4 * dpr]);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      ctx.font = `${11 * dpr}px system-ui, sans-serif`;
      ctx.textAlign = 'right';
      ctx.fillText(label, left + width - 4 * dpr, y - 3 * dpr);
      ctx.restore();
    };
    const { setV } = this.view;
    const limit = this.protocol?.currentLimitA;
    if (Number.isFinite(setV)) line(setV, 'V', this.themes.read('--_marker'), `${this.language.number(setV, 0)} V`);
    if (limit !== undefined) line(limit, 'A', this.themes.read('--_limit'), `${this.language.number(limit, 0)} A`);
  }

  /** No status from the generator for longer than its stale limit (judged once, by the room). */
  private isStale(): boolean {
    const q = this.room?.qualityOf(EP.current);
    return q !== undefined && q.quality === 'stale' && Number.isFinite(q.arrivedAt);
  }

  private drawTrain(): void {
    const canvas = this.timelineEl;
    const cw = this.timelineSize.width || canvas?.clientWidth;
    if (!canvas || !cw) return;
    const dpr = devicePixelRatio;
    const w = Math.round(cw * dpr);
    const h = Math.round((this.timelineSize.height || canvas.clientHeight) * dpr);
    const limit = this.protocol?.currentLimitA ?? 0;
    const key = `${this.version}|${this.pulses.length}|${w}x${h}|${this.shownPair}|${limit}|${this.isStale()}`;
    if (key === this.trainKey) return;
    this.trainKey = key;
    if (canvas.width !== w || canvas.height !== h) [canvas.width, canvas.height] = [w, h];
    const ctx = canvas.getContext('2d')!;
    this.box = timelineBox(w, h, dpr, this.pulses, limit);
    const stale = this.isStale();
    drawTimeline(ctx, this.box, this.pulses, this.shownPair, limit, {
      delivered: this.themes.read(stale ? '--_stale' : '--_series-2'),
      selected: this.themes.read(stale ? '--_stale' : '--_series-1'),
      failed: this.themes.read('--_limit'),
      limit: this.themes.read('--_limit'),
      grid: this.themes.read('--_grid'),
    }, dpr);
  }

  protected override render() {
    const w = this.language.t;
    const summaries = this.summaries;
    const settings = this.settingsByPair();
    const states = new Map<string, PairState>(summaries.map((s) => [s.pair.id, s.state]));
    const shown = this.shownPair;
    const n = (v: number, d = 1) => (Number.isFinite(v) ? this.language.number(v, d) : '--');
    const pairLabel = (id: string) => {
      const s = summaries.find((x) => x.pair.id === id);
      return s ? `${w.pair} ${id}${w.colon}${w.states[s.state]}, ${w.deliveredOf(String(s.delivered), String(s.planned))}` : id;
    };
    const quality = this.room?.qualityOf(EP.current);
    const age = this.isStale() && quality ? this.language.seconds(((this.room?.scheduler.now() ?? 0) - quality.arrivedAt) / 1000) : '';
    return html`
      ${age ? html`<p part="state" role="status">${w.stale(age)}</p>` : nothing}
      ${this.alarmMarker()}
      <div class="grid">
        <div>
          <h3>${w.trace}${shown ? html` · ${w.pair} ${shown}` : nothing}</h3>
          <div part="chart" aria-hidden="true"></div>
          <h3>${w.timeline}</h3>
          <canvas part="timeline" aria-hidden="true"></canvas>
        </div>
        <div class="side">
          <h3>${w.map}</h3>
          ${this.layout ? electrodeMap(this.layout, states, shown, pairLabel, (p) => this.select(p)) : nothing}
          <p class="legend"><span class="v">━ V</span> · <span class="i">━ I</span> · <span class="lim">╌ ${this.protocol ? `${n(this.protocol.currentLimitA, 0)} A` : ''}</span></p>
        </div>
        <div part="ecg" aria-label=${w.ecg}></div>
        <table part="table">
          <thead><tr><th scope="col">${w.pair}</th><th scope="col">${w.field}</th><th scope="col">${w.pulses}</th><th scope="col">${w.failed}</th><th scope="col">${w.meanI}</th><th scope="col">${w.resistance}</th><th scope="col">${w.deltaR}</th><th scope="col">${w.state}</th></tr></thead>
          <tbody>
            ${summaries.map((s) => {
              const setting = settings.get(s.pair.id);
              return html`<tr aria-selected=${s.pair.id === shown ? 'true' : 'false'}>
                <th scope="row"><button type="button" aria-pressed=${s.pair.id === shown ? 'true' : 'false'} @click=${() => this.select(s.pair.id)}>${s.pair.id}</button></th>
                <td>${setting ? this.settingText(setting, ' · ') : '--'}</td>
                <td>${s.delivered} / ${s.planned}</td>
                <td>${s.failed + s.missing || ''}</td>
                <td>${n(s.meanI)} A</td>
                <td>${n(s.firstR, 0)} → ${n(s.lastR, 0)} Ω</td>
                <td>${Number.isFinite(s.deltaRPct) ? `${n(s.deltaRPct)} %` : '--'}</td>
                <td data-state=${s.state}>${s.state === 'failed' ? '✕ ' : s.state === 'done' ? '✓ ' : ''}${w.states[s.state]}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <p part="summary" class="sr-only" role="status">${this.summary()}</p>
    `;
  }

  /** What each pair is given (planned before its first pulse), by pair id (the engine's `settings`). */
  private settingsByPair(): Map<string, PairSetting> {
    return new Map((this.state?.settings ?? []).map((s) => [s.pairId, s]));
  }

  /**
   * A pair's set voltage and field in words: the voltage said to be the generator's limit when
   * it held it below E × d, and the field asked beside any other, so a reader never takes the
   * field given for the one asked (`3,000 V (generator limit) · 1,414 V/cm (1,500 V/cm asked)`).
   */
  private settingText(s: PairSetting, separator: string): string {
    const w = this.language.t;
    const n = (v: number) => this.language.number(v, 0);
    const volts = `${n(s.voltageV)} V${s.capped ? ` (${w.generatorLimit})` : ''}`;
    return `${volts}${separator}${n(s.fieldVPerCm)} V/cm${s.asAsked ? '' : ` (${w.asked(`${n(s.askedVPerCm)} V/cm`)})`}`;
  }

  /** What the panel shows, in words: the train, then each pair. */
  private summary(): string {
    const w = this.language.t;
    const pulses = this.pulses;
    if (!pulses.length) return w.noPulse;
    const n = (v: number, d = 1) => (Number.isFinite(v) ? this.language.number(v, d) : '--');
    const failed = pulses.filter((r) => !r.delivered).length;
    const head = `${w.train(String(pulses.length), String(failed))}${this.state?.trainEnded ? `, ${w.trainEnded}` : ''}.`;
    const settings = this.settingsByPair();
    const pairs = this.summaries
      .filter((s) => s.state !== 'pending')
      .map((s) => {
        // A pair given another field than asked (held at the generator's limit) is said so; the others got what the protocol says.
        const setting = settings.get(s.pair.id);
        const extra = [s.failed ? w.failedN(String(s.failed)) : '', s.missing ? w.missingN(String(s.missing)) : '', setting && !setting.asAsked ? this.settingText(setting, ', ') : ''].filter(Boolean).join(', ');
        return `${w.pair} ${s.pair.id}${w.colon}${w.states[s.state]}, ${w.deliveredOf(String(s.delivered), String(s.planned))}${extra ? `, ${extra}` : ''}, ${n(s.meanI)} A, ${w.deltaR} ${n(s.deltaRPct)} %.`;
      });
    return [head, ...pairs].join(' ');
  }
}

/**
 * An R wave reads `R`; a burst `⚡`. A burst in the refractory period sits a
 * few pixels after its R wave, where two labels would overprint: the R wave
 * then reads `R ⚡` and the burst's line goes unlabelled.
 */
function markLabel(marks: readonly EcgMark[], k: number): string {
  const m = marks[k];
  const next = marks[k + 1];
  const previous = marks[k - 1];
  if (m.kind === 'r-wave') return next?.kind === 'pulse' && next.t - m.t <= REFRACTORY_WINDOW_MS[1] ? 'R ⚡' : 'R';
  return previous?.kind === 'r-wave' && m.t - previous.t <= REFRACTORY_WINDOW_MS[1] ? '' : '⚡';
}

/** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten at or above x: scales that do not move with noise. */
function niceCeil(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8]) if (x <= m * p * (1 + 1e-12)) return m * p;
  return 10 * p;
}

function maxOf(data: Float32Array): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) if (data[i] > m) m = data[i];
  return m;
}
