import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import uPlot from 'uplot';
import type { ChannelDescriptor, SampleBatch } from '../../models/channel.js';
import { ColumnAggregator, SLOTS, type Column } from '../../models/column-aggregator.js';
import type { ChannelStore } from '../../streams/room/channel-store.js';
import { atLeastSpan, minSpanOf, unitSymbol } from '../../models/units.js';
import type { AlarmRule } from '../../models/alarm-rules.js';
import { IrPanel } from '../kit/panel.js';
import { SizeController } from '../kit/size-controller.js';
import { leadIn, SpanRaster, strokeSeries, type Keep, type Plot } from '../kit/strip-raster.js';
import { drawLimits, drawMarkers, type DrawnLimit, type TrendLimit, type TrendMarker } from './trend-layers.js';
import { trendMessages } from './trend.messages.js';
import { trendStyles } from './trend.styles.js';

export type { TrendLimit, TrendMarker } from './trend-layers.js';

/** A gap longer than this many expected intervals breaks the line. */
const GAP_FACTOR = 3;
/** A late joiner's overview (min and max per step) has its points a step apart: gaps there are judged at that step. */
const coarsen = (agg: ColumnAggregator, store: ChannelStore | undefined) => store?.overviewed && agg.coarse(store.overviewed.until, store.overviewed.stepMs * GAP_FACTOR);
/** What a chart is built for: its channels and their units. */
const keyOf = (channels: readonly ChannelDescriptor[]): string => channels.map((c) => `${c.id}\t${c.unit}`).join('\n');

/** The spoken direction compares the latest value with the one this long before. */
const TREND_MS = 10_000;

/**
 * A real-time multi-channel strip chart. It reads the room's store (one copy of
 * each sample for the page), keeps only min and max per pixel column, and
 * draws in the page's one animation frame, so a frame costs O(width) whatever
 * the window holds; spikes survive and gaps stay gaps.
 *
 * @tagname ir-trend
 * @summary Multi-channel strip chart with read-outs, limits, alarms and stale marking.
 * @csspart readouts - The list of current values.
 * @csspart readout - One channel's current value, unit and state.
 * @csspart label - A read-out's channel label.
 * @csspart value - A read-out's latest value (`--` while stale).
 * @csspart unit - A read-out's unit.
 * @csspart age - How long ago a stale channel's last value came.
 * @csspart chart - The chart area.
 * @csspart hover - The read-out of time and values under the pointer.
 * @csspart summary - The text equivalent of the chart (visually hidden).
 * @csspart alarm - The priority marker and message shown while a channel is in alarm.
 * @cssproperty --ir-color-text - Text colour.
 * @cssproperty --ir-color-surface - Background.
 * @cssproperty --ir-color-stale - Colour of stale read-outs and lines.
 * @cssproperty --ir-color-grid - Grid and axis colour.
 * @cssproperty --ir-color-limit - The narrow band shaded beyond a limit (the dashed limit line takes its channel's colour).
 * @cssproperty --ir-color-marker - Event marker lines and labels.
 * @cssproperty --ir-color-series-1 - Colour of the first channel (2 to 6 likewise).
 * @cssproperty --ir-alarm-high-color - Frame colour while a high-priority alarm is active.
 * @cssproperty --ir-alarm-medium-color - Frame colour for medium priority.
 * @cssproperty --ir-alarm-low-color - Frame colour for low priority.
 * @cssproperty --ir-font - Font of read-outs.
 * @cssproperty --ir-trend-chart-height - Height of the chart area.
 * @cssproperty --ir-trend-line-width - Width of sparse series lines, in CSS pixels (default 1.5); dense data is drawn as one-pixel column spans.
 * @cssproperty --ir-trend-axis-font - Font of the axes (default 12px system-ui).
 * @event ir-config-error - One of `rules` was refused, or a `.source` came without `channels` (`IrConfigErrorEvent`).
 * @event ir-technical - With a `.source`: data refused by the panel's own room, or a channel gone stale (`IrTechnicalEvent`).
 */
export class IrTrend extends IrPanel<(typeof trendMessages)['en']> {
  static override styles = trendStyles;

  /** Width of the visible window, in seconds. */
  @property({ type: Number }) window = 120;

  /**
   * Limits drawn as dashed lines in their channel's colour, with a narrow band
   * shaded beyond each, besides those of the alarm rules on this panel's
   * channels, which are always drawn.
   */
  @property({ attribute: false }) limits: TrendLimit[] = [];

  /** This panel's alarm rules, added to the alarm manager of its room (or `manager`). */
  @property({ attribute: false }) rules: AlarmRule[] = [];

  /** Event markers (phase change, pulse, operator note): a vertical line with its label, on data time. */
  @property({ attribute: false }) markers: TrendMarker[] = [];

  private readonly size = new SizeController(this, () => this.chartEl, () => this.resize());
  @query('[part="chart"]') private chartEl?: HTMLElement;
  @query('[part="hover"]') private hoverEl?: HTMLElement;

  private chart?: uPlot;
  /** The channels and units the chart was built for; another set builds another chart. */
  private chartKey = '';
  private index = new Map<string, number>();
  private aggs: ColumnAggregator[] = [];
  private xs = new Float64Array(0);
  private ys: Column[][] = [];
  private data: uPlot.AlignedData = [[]];
  private units: string[] = [];
  private unitOf: number[] = [];
  /** Per unit scale: the smallest span its axis shows (the largest of its channels'). */
  private minSpans = new Float64Array(0);
  /** Per unit scale: the fixed range its axis shows while the values stay within it, if its channels have one. */
  private fixedAxes: (readonly [number, number] | undefined)[] = [];
  private lows = new Float64Array(0);
  private highs = new Float64Array(0);
  /** Something besides new samples changed the picture (size, theme, quality, limits): the next frame redraws. */
  private invalid = true;
  /** The chart was built and nothing changed since: uPlot painted it whole, without data. */
  private fresh = false;
  /** The last column drawn: while it stays and no column changes, a frame has nothing new to show. */
  private drawnEnd = NaN;
  private drawnLocale = '';
  private readonly spans = new SpanRaster();
  /** A canvas over uPlot's plot box holding dense series, limits and markers: a frame that only adds samples redraws nothing else. */
  private layer?: HTMLCanvasElement;
  /** What the next paint may keep of the spans already drawn: set by a frame that only added samples. */
  private keep?: Omit<Keep, 'key'>;
  private drawCount = 0;

  /**
   * How many times the chart has been painted since the panel was made. A
   * frame whose new samples change no pixel column is skipped and leaves it
   * unchanged: benchmarks and hosts can tell drawn frames from skipped ones.
   */
  get framesDrawn(): number {
    return this.drawCount;
  }

  /**
   * Where data time `t` (epoch ms) and `value` of `channel` fall on the chart as
   * last drawn, in canvas pixels (device pixels from the chart's top-left
   * corner): for a host drawing an overlay, and for tests of what is drawn.
   */
  positionOf(channel: string, t: number, value: number): { x: number; y: number } | undefined {
    const unit = this.shown.find((c) => c.id === channel)?.unit;
    if (!this.chart || !unit) return undefined;
    return { x: this.chart.valToPos(t / 1000, 'x', true), y: this.chart.valToPos(value, unit, true) };
  }

  constructor() {
    super(trendMessages);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
    this.chartKey = '';
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('window')) {
      this.input.retain();
      this.rebin();
    }
    if (changed.has('rules') || changed.has('manager') || changed.has('source')) this.alarmSystem.useRules(this.rules);
    super.willUpdate(changed);
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('limits') || changed.has('markers') || changed.has('rules')) this.invalidate();
    // The axis speaks the panel's language: a new one redraws it.
    if (this.language.locale !== this.drawnLocale) {
      this.drawnLocale = this.language.locale;
      this.invalidate();
    }
  }

  protected override windowMs(): number {
    return this.window * 1000;
  }

  /** The room or its channels changed: columns read again from the store, in a chart for these channels. */
  protected override channelsChanged(): void {
    this.index = new Map(this.shown.map((c, i) => [c.id, i]));
    this.alarmSystem.useRules(this.rules);
    if (this.chart && keyOf(this.shown) === this.chartKey) return this.rebin();
    // The next frame builds the chart and bins the store: columns of the old channels take no samples meanwhile.
    this.aggs = [];
    this.invalidate();
  }

  protected override qualityChanged(): void {
    this.invalidate();
  }

  protected override themeChanged(): void {
    this.invalidate();
  }

  /** The explicit limits, and those of every rule on a shown channel. */
  private allLimits(): TrendLimit[] {
    const m = this.alarmSystem.manager;
    if (!m) return this.limits;
    const fromRules = this.shown.flatMap((c) =>
      m.rulesOf(c.id).flatMap(({ condition: k }): TrendLimit[] =>
        k.kind === 'above' ? [{ channel: c.id, above: k.limit }] : k.kind === 'below' ? [{ channel: c.id, below: k.limit }] : k.kind === 'outside' ? [{ channel: c.id, above: k.high, below: k.low }] : [],
      ),
    );
    return [...this.limits, ...fromRules];
  }

  protected override batch(batch: SampleBatch): void {
    const { t, v } = batch;
    const store = this.room?.store(batch.channel);
    // A channel's first data replaces its '--' at once; later values refresh on the calm tick.
    if (store?.length === t.length) this.requestUpdate();
    // No columns before the chart is built: it bins the store then.
    const agg = this.aggs[this.index.get(batch.channel) ?? -1];
    if (!agg) return;
    coarsen(agg, store);
    for (let i = 0; i < t.length; i++) agg.add(t[i], v[i]);
    if (agg.changed) this.frame.request();
  }

  /**
   * A chart for the shown channels, built once per set of channels and units (never for a new
   * size or theme), in the frame that first draws them: not while the room replays, and not
   * in the task that brought the channels (building and painting costs tens of milliseconds).
   * Returns whether it built one.
   */
  private build(): boolean {
    const el = this.chartEl;
    const channels = this.shown;
    const key = keyOf(channels);
    if (this.chart && key === this.chartKey) return false;
    this.chart?.destroy();
    this.chart = undefined;
    this.chartKey = '';
    if (!el || !channels.length || !el.clientWidth || !el.clientHeight) return false;
    const read = (token: string) => () => this.themes.read(token);
    const font = this.themes.read('--_axis-font');
    const units = (this.units = [...new Set(channels.map((c) => c.unit))]);
    this.unitOf = channels.map((c) => units.indexOf(c.unit));
    this.lows = new Float64Array(units.length);
    this.highs = new Float64Array(units.length);
    this.minSpans = Float64Array.from(units, (u) => Math.max(...channels.filter((c) => c.unit === u).map(minSpanOf)));
    this.fixedAxes = units.map((u) => fixedAxisOf(channels.filter((c) => c.unit === u)));
    this.chart = new uPlot(
      {
        width: el.clientWidth,
        height: el.clientHeight,
        legend: { show: false },
        // Room on the right for the last time label ("12:09:10 AM" is about 75 px wide) where no axis is.
        padding: [null, units.length > 1 ? null : 40, null, null],
        cursor: { show: true, points: { show: false } },
        // draw() ranges the scales from the column aggregates: uPlot need not scan every point.
        scales: { x: { time: true, auto: false }, ...Object.fromEntries(units.map((u) => [u, { auto: false }])) },
        axes: [
          // Times of day in the panel's language (uPlot's own are English, 12 h), spaced for "8:22:10 PM".
          { stroke: read('--_text'), font, space: 90, grid: { stroke: read('--_grid') }, ticks: { stroke: read('--_grid') }, values: (_u: uPlot, splits: number[], _a: number, _s: number, step: number) => splits.map((s) => this.language.tick(s * 1000, step < 60)) },
          // Values in the panel's language too ("28,5", "3 000" in French), as many decimals as the tick step needs.
          ...units.map((u, i) => ({
            scale: u, label: unitSymbol(u), stroke: read('--_text'), font, labelFont: font, grid: { stroke: read('--_grid'), show: i === 0 }, ticks: { stroke: read('--_grid') }, side: i % 2 ? 1 : 3,
            values: this.language.valueTicks,
          })),
        ],
        hooks: {
          draw: [(u: uPlot) => this.drawLayers(u)],
          setCursor: [(u: uPlot) => this.showHover(u)],
        },
        // Series are drawn by drawLayers; uPlot keeps them for the cursor and the scales.
        series: [{}, ...channels.map((c) => ({ label: this.language.label(c), scale: c.unit, paths: () => null, points: { show: false } }))],
      },
      undefined,
      el,
    );
    this.layer = document.createElement('canvas');
    this.chart.over.prepend(this.layer);
    this.chartKey = key;
    this.rebin();
    return true;
  }

  private resize(): void {
    if (!this.chart) return this.invalidate();
    this.chart.setSize({ width: this.size.width, height: this.size.height });
    this.rebin();
  }

  /**
   * One column per CSS pixel of the plot; a new width or window re-bins once
   * from the room's store, and from then on a sample costs O(1).
   */
  private rebin(): void {
    const chart = this.chart;
    const room = this.room;
    if (!chart || !room) return;
    const columns = Math.max(1, Math.floor(chart.bbox.width / devicePixelRatio));
    const windowMs = this.window * 1000;
    const columnMs = windowMs / columns;
    this.xs = new Float64Array(columns * SLOTS);
    this.ys = this.shown.map(() => new Array<Column>(columns * SLOTS));
    this.data = [this.xs, ...this.ys] as unknown as uPlot.AlignedData;
    this.aggs = this.shown.map((c) => {
      const agg = new ColumnAggregator(columns, columnMs, c.intervalMs * GAP_FACTOR);
      const store = room.store(c.id);
      coarsen(agg, store);
      store?.forEach((t, v) => agg.add(t, v), store.lastT - windowMs - columnMs);
      return agg;
    });
    this.invalidate();
  }

  /** The latest data time over the shown channels. */
  private latest(): number {
    let t1 = -Infinity;
    for (const c of this.shown) {
      const t = this.room?.store(c.id)?.lastT ?? NaN;
      if (t > t1) t1 = t;
    }
    return t1;
  }

  /** Redraws in the next frame, whatever the data did. */
  private invalidate(): void {
    this.invalid = true;
    this.fresh = false;
    this.frame.request();
  }

  protected override draw(): void {
    // A chart built in this frame draws its data in the next (binning the store asked for it):
    // building and binning are a frame's work. Its canvases are made and painted when the frame
    // is committed, as are those of a chart drawn whole without data: each spends its frame
    // (`frame.spend()`). uPlot painted it as it built it: without data, not again until something changes.
    if (this.build()) {
      this.frame.spend();
      this.fresh = true;
      return;
    }
    const chart = this.chart;
    const lead = this.aggs[0];
    if (!chart || !lead) return;
    const t1 = this.latest();
    // No data yet: drawn again as it is (a theme, a size), axes laid out too.
    if (!Number.isFinite(t1)) {
      if (!this.fresh) this.frame.spend(), chart.redraw(false, true);
      return;
    }
    const end = lead.columnOf(t1);
    // Samples that land inside a column's extremes change no pixel: skip the frame.
    if (!this.invalid && end === this.drawnEnd && !this.aggs.some((a) => a.changed)) return;
    // Only samples added: nothing else changed, and the window did not move (or moved forward).
    const scrolled = this.invalid ? NaN : end - this.drawnEnd;
    const sameColumns = scrolled === 0;
    this.invalid = false;
    this.drawnEnd = end;
    lead.times(end, this.xs);
    const { lows, highs } = this;
    lows.fill(Infinity);
    highs.fill(-Infinity);
    const changedFrom = this.aggs.map((agg, i) => agg.write(end, this.ys[i]));
    for (let i = 0; i < this.aggs.length; i++) {
      const agg = this.aggs[i];
      const u = this.unitOf[i];
      if (agg.low < lows[u]) lows[u] = agg.low;
      if (agg.high > highs[u]) highs[u] = agg.high;
    }
    const start = end - lead.columns + 1;
    // The columns before the first that took samples are drawn already: the paint keeps them.
    // After a move, the column where each trace enters is written again (it reached back to one now gone).
    this.keep = scrolled >= 0 ? { columns: lead.columns, from: Math.min(...changedFrom) - start, scrolled, leadIn: scrolled ? Math.max(0, ...this.ys.map(leadIn)) : 0 } : undefined;
    const ranges = this.units.map((_, u) => this.rangeOf(u));
    // New samples inside the same columns and ranges change only the dense series' layer:
    // axes, grid, lines and limits on uPlot's canvas stay as drawn (most frames: a column spans many).
    const sparseChanged = changedFrom.some((from, i) => from !== Infinity && !this.isDense(i));
    const sameRanges = ranges.every((r, u) => !r || (chart.scales[this.units[u]].min === r[0] && chart.scales[this.units[u]].max === r[1]));
    if (sameColumns && sameRanges && !sparseChanged) {
      this.drawCount++;
      return this.paintLayer(chart);
    }
    const columnS = lead.columnMs / 1000;
    chart.batch(() => {
      chart.setData(this.data, false);
      chart.setScale('x', { min: start * columnS, max: (start + lead.columns) * columnS });
      ranges.forEach((r, u) => r && chart.setScale(this.units[u], { min: r[0], max: r[1] }));
    });
  }

  /** Unit u's axis range: its fixed one while the data fit in it, else the data's, never narrower than its minimum span. */
  private rangeOf(u: number): readonly [number, number] | undefined {
    const fixed = this.fixedAxes[u];
    const { lows, highs } = this;
    if (fixed && lows[u] >= fixed[0] && highs[u] <= fixed[1]) return fixed;
    if (lows[u] > highs[u]) return undefined;
    // A value beyond a fixed axis widens it to take in both: a taller complex is shown whole.
    const [low, high] = atLeastSpan(Math.min(lows[u], fixed?.[0] ?? Infinity), Math.max(highs[u], fixed?.[1] ?? -Infinity), this.minSpans[u]);
    return uPlot.rangeNum(low, high, 0.1, true) as [number, number];
  }

  /** A series with several samples a column is dense: drawn as pixel spans on the layer, not as a line. */
  private isDense(i: number): boolean {
    return this.shown[i].intervalMs < this.aggs[i].columnMs;
  }

  /**
   * The layer over uPlot's canvas: dense series as pixel spans, then limits and
   * markers over them. Another range, colour or size for any series redraws it
   * all; otherwise only the columns new samples changed are written, and the
   * limits and markers drawn again there.
   */
  private paintLayer(u: uPlot): void {
    const layer = this.layer;
    if (!layer) return;
    const width = Math.max(1, Math.round(u.bbox.width));
    const height = Math.max(1, Math.round(u.bbox.height));
    // A canvas given a size is cleared: everything is written again.
    if (layer.width !== width || layer.height !== height) (layer.width = width), (layer.height = height), (this.keep = undefined);
    const stale = this.themes.read('--_stale');
    const dense = this.shown.flatMap((c, i) => {
      const plot = this.isDense(i) && this.plotOf(u, i);
      return plot ? [{ i, plot, colour: this.colourOf(c, i, stale) }] : [];
    });
    const key = dense.map(({ i, plot, colour }) => `${i} ${plot.yMin} ${plot.yMax} ${colour}`).join('\n');
    this.spans.begin(width, height, this.keep && { ...this.keep, key });
    this.keep = undefined;
    for (const { i, plot, colour } of dense) this.spans.series(this.ys[i], plot, colour);
    // Kept in memory, not on the GPU: a narrow putImageData is then a copy, where a GPU canvas
    // uploads and synchronises (2-6 ms on some frames, measured with the trend bench's read-back).
    const ctx = layer.getContext('2d', { willReadFrequently: true })!;
    const written = this.spans.put(ctx);
    if (!written.length) return;
    ctx.save();
    ctx.beginPath();
    for (const [a, b] of written) ctx.rect(a, 0, b - a, height);
    ctx.clip();
    // The layer's origin is the plot's corner: drawn in uPlot's canvas coordinates, shifted.
    ctx.translate(-u.bbox.left, -u.bbox.top);
    const limits = this.allLimits().flatMap((l): DrawnLimit[] => {
      const i = this.index.get(l.channel);
      if (i === undefined) return [];
      // In its channel's colour: whose limit it is reads from the line itself.
      const scale = this.shown[i].unit;
      const colour = this.colourOf(this.shown[i], i, stale);
      return [
        ...(l.above === undefined ? [] : [{ value: l.above, scale, beyondTop: true, colour }]),
        ...(l.below === undefined ? [] : [{ value: l.below, scale, beyondTop: false, colour }]),
      ];
    });
    drawLimits(u, ctx, limits, this.themes.read('--_limit'));
    drawMarkers(u, ctx, this.markers, this.themes.read('--_marker'));
    ctx.restore();
  }

  /** Sparse series as lines on uPlot's canvas, over its grid; then the layer over it. */
  private drawLayers(u: uPlot): void {
    this.drawCount++;
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    const lineWidth = (Number.parseFloat(this.themes.read('--_line-width')) || 1.5) * devicePixelRatio;
    const stale = this.themes.read('--_stale');
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    this.shown.forEach((c, i) => {
      const plot = this.plotOf(u, i);
      if (!plot || this.isDense(i)) return;
      ctx.strokeStyle = this.colourOf(c, i, stale);
      strokeSeries(ctx, this.ys[i], plot, lineWidth);
    });
    ctx.restore();
    this.paintLayer(u);
  }

  /** The plot box and value range of the i-th shown channel, once it has a scale and columns. */
  private plotOf(u: uPlot, i: number): Plot | undefined {
    const scale = u.scales[this.shown[i].unit];
    if (!this.aggs[i] || scale.min == null || scale.max == null) return undefined;
    const { left, top, width, height } = u.bbox;
    return { left, top, width, height, yMin: scale.min, yMax: scale.max };
  }

  /** A stale channel's trace turns grey; the read-out says so in words too. */
  private colourOf(c: ChannelDescriptor, i: number, stale: string): string {
    return this.isStale(c) ? stale : this.themes.read(`--_series-${(i % 6) + 1}`);
  }

  /** Hover read-out, written as text straight into its node: a pointer move never re-renders the template. */
  private showHover(u: uPlot): void {
    const i = u.cursor.idx;
    if (!this.hoverEl) return;
    if (i == null) {
      this.hoverEl.textContent = '';
      return;
    }
    const values = this.shown.map((c, k) => {
      const j = u.cursor.idxs?.[k + 1];
      const v = j == null ? null : this.ys[k][j];
      return `${this.language.label(c)} ${v == null ? '--' : this.language.value(v, c)} ${unitSymbol(c.unit)}`;
    });
    this.hoverEl.textContent = [this.language.time(this.xs[i] * 1000), ...values].join('  ·  ');
  }

  private isStale(c: ChannelDescriptor): boolean {
    return !this.room || this.room.qualityOf(c.id).quality === 'stale';
  }

  protected override render() {
    const room = this.room;
    const now = room?.scheduler.now() ?? 0;
    return html`
      ${this.alarmMarker()}
      <ul part="readouts">
        ${this.shown.map((c) => {
          const store = room?.store(c.id);
          const q = room?.qualityOf(c.id);
          const stale = this.isStale(c);
          const last = store?.lastV ?? NaN;
          return html`<li part="readout" ?data-stale=${stale}>
            <span class="label" part="label">${this.language.label(c)}</span>
            <span class="value" part="value">${stale || Number.isNaN(last) ? '--' : this.language.value(last, c)}</span>
            <span class="unit" part="unit">${unitSymbol(c.unit)}</span>
            ${stale && q && Number.isFinite(q.arrivedAt) ? html`<span class="age" part="age">(${this.language.seconds((now - q.arrivedAt) / 1000)})</span>` : nothing}
          </li>`;
        })}
      </ul>
      <div part="chart" aria-hidden="true"></div>
      <p part="hover" aria-hidden="true"></p>
      <p part="summary" class="sr-only" role="status">${this.summary()}</p>
    `;
  }

  /** The chart in words: each channel's value, unit, direction and limit state. */
  private summary(): string {
    const w = this.language.t;
    return this.shown
      .map((c) => {
        const store = this.room?.store(c.id);
        if (!store || !store.length || this.isStale(c)) return `${this.language.label(c)}${w.colon}${w.stale}.`;
        const last = store.lastV;
        const delta = last - store.valueAt(Math.max(store.firstT, store.lastT - TREND_MS));
        const direction = !(Math.abs(delta) >= 0.5) ? w.steady : delta > 0 ? w.rising : w.falling;
        const limits = this.allLimits().filter((l) => l.channel === c.id);
        const state = limits.some((l) => l.above !== undefined && last > l.above) ? `, ${w.above}` : limits.some((l) => l.below !== undefined && last < l.below) ? `, ${w.below}` : '';
        return `${this.language.label(c)}${w.colon}${this.language.value(last, c)} ${unitSymbol(c.unit)}, ${direction}${state}.`;
      })
      .join(' ');
  }
}

/** The union of the channels' fixed axes (`ChannelDescriptor.axis`; one that is not a finite, increasing pair is ignored), or undefined when none has one. */
function fixedAxisOf(channels: readonly ChannelDescriptor[]): readonly [number, number] | undefined {
  const axes = channels.flatMap((c) => (c.axis && Number.isFinite(c.axis[0]) && Number.isFinite(c.axis[1]) && c.axis[0] < c.axis[1] ? [c.axis] : []));
  return axes.length ? [Math.min(...axes.map((a) => a[0])), Math.max(...axes.map((a) => a[1]))] : undefined;
}
