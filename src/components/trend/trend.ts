import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import uPlot from 'uplot';
import { merge, type Observable, type Subscription } from 'rxjs';
import { ContextConsumer } from '@lit/context';
import { telemetryContext } from '../telemetry/telemetry.js';
import type { ChannelDescriptor, SampleBatch } from '../../models/channel.js';
import { ColumnAggregator, SLOTS, type Column } from '../../models/column-aggregator.js';
import { RingBuffer } from '../../streams/ring-buffer.js';
import { AlarmManager } from '../../streams/alarm-manager.js';
import type { AlarmRule } from '../../models/alarm-rules.js';
import { unitSymbol } from '../../models/units.js';
import { AlarmController, type AlarmHost } from '../alarm-controller.js';
import { trendStyles } from './trend.styles.js';

/** A channel with no sample for this many expected intervals is stale. */
const STALE_FACTOR = 3;
/** Sources deliver in batches (every 100 ms or so): the arrival watchdog never fires sooner. */
const MIN_STALE_MS = 1000;
/** The spoken direction compares the latest value with the one this long before. */
const TREND_MS = 10_000;
/** Read-outs and the text equivalent refresh at a calm rate, never per sample. */
const READOUT_MS = 500;

/**
 * A real-time multi-channel strip chart. Samples go into ring buffers on
 * arrival; the chart is drawn at most once per animation frame from min/max
 * per pixel column, so spikes survive and gaps stay gaps.
 *
 * @tagname ir-trend
 * @summary Multi-channel strip chart with read-outs and stale marking.
 * @csspart readouts - The list of current values.
 * @csspart readout - One channel's current value, unit and state.
 * @csspart chart - The chart area.
 * @cssproperty --ir-color-text - Text colour.
 * @cssproperty --ir-color-surface - Background.
 * @cssproperty --ir-color-stale - Colour of stale read-outs and lines.
 * @cssproperty --ir-color-grid - Grid and axis colour.
 * @cssproperty --ir-trend-series-1 - Colour of the first channel (2 to 6 likewise).
 * @cssproperty --ir-trend-chart-height - Height of the chart area.
 * @cssproperty --ir-font - Font of read-outs.
 * @cssproperty --ir-trend-line-width - Width of the series lines, in CSS pixels (default 1.5).
 * @cssproperty --ir-trend-axis-font - Font of the axes (default 12px system-ui).
 * @cssproperty --ir-trend-limit-color - Limit lines and the shaded band beyond a limit.
 * @csspart summary - The text equivalent of the chart (visually hidden).
 * @csspart alarm - The priority marker and message shown while a channel is in alarm.
 * @event ir-config-error - One of `rules` was refused; the message names it (`ConfigErrorEvent`).
 * @cssproperty --ir-alarm-high-color - Frame colour while a high-priority alarm is active.
 * @cssproperty --ir-alarm-medium-color - Frame colour for medium priority.
 * @cssproperty --ir-alarm-low-color - Frame colour for low priority.
 * @csspart hover - The read-out of time and values under the pointer.
 * @cssproperty --ir-trend-marker-color - Event marker lines and labels.
 */
export class IrTrend extends LitElement implements AlarmHost {
  static override styles = trendStyles;

  /** Channels to show, in order; each is drawn on the axis of its unit. */
  @property({ attribute: false }) channels: ChannelDescriptor[] = [];

  /**
   * Channel ids, separated by spaces or commas, read from the nearest `ir-telemetry`
   * (with their descriptors) when no `source` is set.
   */
  @property() channel?: string;

  /** The data: sample batches for the channels above. */
  @property({ attribute: false }) source?: Observable<SampleBatch>;

  /** Width of the visible window, in seconds. */
  @property({ type: Number }) window = 120;

  /**
   * Limits drawn as dashed lines, with the band beyond each limit shaded, besides
   * those of the alarm rules on this panel's channels, which are always drawn.
   */
  @property({ attribute: false }) limits: TrendLimit[] = [];

  /**
   * This panel's alarm rules, added to the page's alarm manager (the nearest
   * `ir-telemetry`'s, or `manager`); with neither, the panel evaluates them on
   * its `source` itself.
   */
  @property({ attribute: false }) rules: AlarmRule[] = [];

  /** The alarm manager to follow; without it, the nearest `ir-telemetry`'s. */
  @property({ attribute: false }) manager?: AlarmManager;

  /** Event markers (phase change, pulse, operator note): a vertical line with its label, on data time. */
  @property({ attribute: false }) markers: TrendMarker[] = [];

  /**
   * Priority of the most urgent alarm on this panel's channels, if any: the panel
   * frames itself in the priority colour and shows the marker (`***`, `**`, `*`).
   * Set from the alarm manager when there is one; a host without one may set it.
   */
  @property({ reflect: true }) alarm?: 'hi' | 'me' | 'lo';

  /** Every alarm on this panel's channels is acknowledged: the frame turns dashed. */
  @property({ type: Boolean, reflect: true }) acknowledged = false;

  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  @property({ reflect: true }) theme: 'dark' | 'light' | 'high-contrast' = 'dark';

  @state() private tick = 0;
  private telemetry = new ContextConsumer(this, {
    context: telemetryContext,
    subscribe: true,
    callback: () => this.requestUpdate('channel'),
  });
  private readonly alarmSystem = new AlarmController(this);
  /** The top alarm's message, beside the marker. */
  private alarmMessage = '';
  private ownAlarms?: Subscription;
  @query('[part="chart"]') private chartEl!: HTMLElement;
  @query('[part="hover"]') private hoverEl!: HTMLElement;

  private buffers = new Map<string, RingBuffer>();
  private columns = new Map<string, ColumnAggregator>();
  private arrival = new Map<string, number>();
  private subscription?: Subscription;
  private chart?: uPlot;
  private frame = 0;
  private readoutTimer = 0;
  private resize = new ResizeObserver(() => this.rebuild());
  /** Off-screen or in a hidden tab, drawing pauses; ingestion never does. */
  private visible = true;
  private intersection = new IntersectionObserver(([entry]) => {
    this.visible = entry.isIntersecting;
    this.schedule();
  });
  private onVisibility = () => this.schedule();
  /** A window moved to a screen of another density: rebuild at the new devicePixelRatio. */
  private density?: MediaQueryList;
  private onDensity = () => {
    this.watchDensity();
    this.rebuild();
  };
  private xs = new Float64Array(0);
  private ys: Column[][] = [];
  /** What setData gets, [xs, ...ys], built once per rebuild. */
  private data: uPlot.AlignedData = [[]];
  /** The chart's y scales, and the scale of each channel by index. */
  private units: string[] = [];
  private unitOf: number[] = [];
  private lows = new Float64Array(0);
  private highs = new Float64Array(0);

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe();
    this.readoutTimer = window.setInterval(() => this.tick++, READOUT_MS);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.watchDensity();
  }

  private watchDensity(): void {
    this.density?.removeEventListener('change', this.onDensity);
    this.density = matchMedia(`(resolution: ${devicePixelRatio}dppx)`);
    this.density.addEventListener('change', this.onDensity, { once: true });
  }

  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.ownAlarms?.unsubscribe();
    this.ownAlarms = this.alarmSystem.fallback = undefined;
    clearInterval(this.readoutTimer);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.resize.disconnect();
    this.intersection.disconnect();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.density?.removeEventListener('change', this.onDensity);
    this.chart?.destroy();
    this.chart = undefined;
  }

  protected override firstUpdated(): void {
    this.resize.observe(this.chartEl);
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    const ctx = this.telemetry.value;
    if (changed.has('channel') && !this.source && ctx) {
      this.channels = this.channelIds().flatMap((id) => ctx.descriptor(id) ?? []);
    }
    // Buffers exist before the first sample can arrive.
    if (changed.has('channels') || changed.has('window')) this.allocate();
    if (changed.has('rules') || changed.has('channels') || changed.has('source') || changed.has('manager')) this.useRules();
    this.showAlarm();
  }

  /** Rules go to the shared manager; with none in reach, a manager of the panel's own watches its source. */
  private useRules(): void {
    this.ownAlarms?.unsubscribe();
    this.ownAlarms = this.alarmSystem.fallback = undefined;
    if (this.rules.length && this.source && !this.alarmSystem.shared) {
      this.alarmSystem.fallback = new AlarmManager([], this.channels);
      this.ownAlarms = this.alarmSystem.fallback.connect(this.source);
    }
    this.alarmSystem.useRules(this.rules);
  }

  /** The most urgent alarm on this panel's channels frames it, unless alarm signals are paused. */
  private showAlarm(): void {
    const m = this.alarmSystem.manager;
    if (!m) return;
    const ids = new Set(this.channels.map((c) => c.id));
    const mine = this.alarmSystem.system.alarms.mode === 'paused' ? [] : this.alarmSystem.present.filter((a) => ids.has(a.rule.channel));
    this.alarm = mine[0]?.rule.priority;
    this.acknowledged = mine.length > 0 && mine.every((a) => a.state.presence === 'ack');
    this.alarmMessage = mine[0]?.rule.message[this.language] ?? '';
  }

  private get language(): 'en' | 'fr' {
    return (this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang).startsWith('fr') ? 'fr' : 'en';
  }

  /** The explicit limits, and those of every rule on a shown channel. */
  private allLimits(): TrendLimit[] {
    const m = this.alarmSystem.manager;
    if (!m) return this.limits;
    const fromRules = this.channels.flatMap((c) =>
      m.rulesOf(c.id).flatMap(({ condition: k }): TrendLimit[] =>
        k.kind === 'above' ? [{ channel: c.id, above: k.limit }] : k.kind === 'below' ? [{ channel: c.id, below: k.limit }] : k.kind === 'outside' ? [{ channel: c.id, above: k.high, below: k.low }] : [],
      ),
    );
    return [...this.limits, ...fromRules];
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('source') || changed.has('channel')) this.subscribe();
    // Canvas colours are read from CSS when the chart is built: a new theme rebuilds it.
    if (changed.has('channels') || changed.has('window') || changed.has('theme')) this.rebuild();
    else if (changed.has('limits') || changed.has('markers')) this.chart?.redraw(false, false);
    // Moved in the DOM: observe again, rebuild the destroyed chart.
    this.resize.observe(this.chartEl);
    this.intersection.observe(this);
    if (!this.chart) this.rebuild();
  }

  private channelIds(): string[] {
    return (this.channel ?? '').split(/[\s,]+/).filter(Boolean);
  }

  /** `.source` if set, else the `channel` ids from the nearest `ir-telemetry`. */
  private input(): Observable<SampleBatch> | undefined {
    if (this.source) return this.source;
    const ctx = this.telemetry.value;
    const ids = this.channelIds();
    return ctx && ids.length ? merge(...ids.map((id) => ctx.channel(id))) : undefined;
  }

  private subscribe(): void {
    this.subscription?.unsubscribe();
    const input = this.input();
    if (!input || !this.isConnected) return;
    this.subscription = input.subscribe((b) => this.ingest(b));
  }

  private allocate(): void {
    const old = this.buffers;
    this.buffers = new Map();
    for (const c of this.channels) {
      const capacity = Math.ceil((this.window * 1000) / c.intervalMs) + 1;
      const kept = old.get(c.id);
      this.buffers.set(c.id, kept && kept.capacity === capacity ? kept : new RingBuffer(capacity));
    }
  }

  private ingest(batch: SampleBatch): void {
    const ring = this.buffers.get(batch.channel);
    if (!ring) return;
    const agg = this.columns.get(batch.channel);
    for (let i = 0; i < batch.t.length; i++) {
      ring.push(batch.t[i], batch.v[i]);
      agg?.add(batch.t[i], batch.v[i]);
    }
    this.arrival.set(batch.channel, performance.now());
    this.schedule();
  }

  private rebuild(): void {
    this.chart?.destroy();
    this.chart = undefined;
    if (!this.chartEl || !this.channels.length) return;
    const { width, height } = this.chartEl.getBoundingClientRect();
    if (width < 10 || height < 10) return;
    const columns = Math.max(1, Math.floor(width));
    this.xs = new Float64Array(columns * SLOTS);
    this.ys = this.channels.map(() => new Array<Column>(columns * SLOTS));
    this.data = [this.xs, ...this.ys] as unknown as uPlot.AlignedData;
    // A new width re-bins the window once from the raw samples; from then on, O(1) a sample.
    const columnMs = (this.window * 1000) / columns;
    this.columns = new Map(
      this.channels.map((c) => {
        const agg = new ColumnAggregator(columns, columnMs, c.intervalMs * STALE_FACTOR);
        const ring = this.buffers.get(c.id)!;
        for (let k = 0; k < ring.length; k++) agg.add(ring.t[ring.index(k)], ring.v[ring.index(k)]);
        return [c.id, agg];
      }),
    );
    const style = getComputedStyle(this);
    const color = (name: string) => style.getPropertyValue(name).trim();
    const grid = color('--_grid');
    const text = color('--_text');
    const lineWidth = Number.parseFloat(color('--_line-width')) || 1.5;
    const font = color('--_axis-font');
    const units = (this.units = [...new Set(this.channels.map((c) => c.unit))]);
    this.unitOf = this.channels.map((c) => units.indexOf(c.unit));
    this.lows = new Float64Array(units.length);
    this.highs = new Float64Array(units.length);
    this.chart = new uPlot(
      {
        width,
        height,
        legend: { show: false },
        cursor: { show: true },
        // draw() ranges the y scales from the aggregates: uPlot need not scan every point again.
        scales: { x: { time: true }, ...Object.fromEntries(units.map((u) => [u, { auto: false }])) },
        axes: [
          { stroke: text, font, grid: { stroke: grid } },
          ...units.map((u, i) => ({ scale: u, label: unitSymbol(u), stroke: text, font, labelFont: font, grid: { stroke: grid, show: i === 0 }, side: i % 2 ? 1 : 3 })),
        ],
        hooks: {
          draw: [(u: uPlot) => this.drawLimits(u, color('--_limit')), (u: uPlot) => this.drawMarkers(u, color('--_marker'))],
          setCursor: [(u: uPlot) => this.showHover(u)],
        },
        series: [
          {},
          ...this.channels.map((c, i) => ({
            label: c.label,
            scale: c.unit,
            // A stale channel's line turns grey; the read-out says so in words too.
            stroke: ((live: string, stale: string) => () => (this.isStale(c, performance.now()) ? stale : live))(color(`--_series-${(i % 6) + 1}`), color('--_stale')),
            width: lineWidth,
            points: { show: false },
            paths: columnPath,
          })),
        ],
      },
      this.data,
      this.chartEl,
    );
    this.draw();
  }

  private draw(): void {
    this.frame = 0;
    const chart = this.chart;
    if (!chart || document.hidden || !this.visible) return;
    let t1 = -Infinity;
    for (const ring of this.buffers.values()) t1 = Math.max(t1, ring.last()?.t ?? -Infinity);
    if (!Number.isFinite(t1)) return;
    // Every channel shares one column grid, so the first one's times serve all.
    const lead = this.columns.get(this.channels[0].id)!;
    const end = lead.columnOf(t1);
    lead.times(end, this.xs);
    const { lows, highs } = this;
    lows.fill(Infinity);
    highs.fill(-Infinity);
    for (let i = 0; i < this.channels.length; i++) {
      const agg = this.columns.get(this.channels[i].id)!;
      agg.write(end, this.ys[i]);
      const u = this.unitOf[i];
      lows[u] = Math.min(lows[u], agg.low);
      highs[u] = Math.max(highs[u], agg.high);
    }
    // uPlot's own auto range, from the aggregates' extremes; an unchanged range leaves the axis as it is.
    for (let u = 0; u < this.units.length; u++) {
      if (lows[u] > highs[u]) continue;
      const [min, max] = uPlot.rangeNum(lows[u], highs[u], 0.1, true) as [number, number];
      const scale = chart.scales[this.units[u]];
      if (scale.min !== min || scale.max !== max) chart.setScale(this.units[u], { min, max });
    }
    chart.setData(this.data);
  }

  /** Dashed line at each limit; the band beyond it is shaded so the crossing reads at a glance. */
  private drawLimits(u: uPlot, color: string): void {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    ctx.save();
    ctx.strokeStyle = ctx.fillStyle = color;
    ctx.lineWidth = 1;
    ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
    for (const limit of this.allLimits()) {
      const unit = this.channels.find((c) => c.id === limit.channel)?.unit;
      if (!unit) continue;
      for (const [value, beyondTop] of [[limit.above, true], [limit.below, false]] as const) {
        if (value === undefined) continue;
        // Centre a thin line on a pixel row so it is crisp, not smeared over two.
        const y = Math.round(u.valToPos(value, unit, true)) + 0.5;
        if (y < top || y > top + height) continue;
        ctx.globalAlpha = 0.12;
        ctx.fillRect(left, beyondTop ? top : y, width, beyondTop ? y - top : top + height - y);
        ctx.globalAlpha = 1;
        ctx.beginPath();
        ctx.moveTo(left, y);
        ctx.lineTo(left + width, y);
        ctx.stroke();
      }
    }
    ctx.restore();
  }

  private drawMarkers(u: uPlot, color: string): void {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    ctx.save();
    ctx.strokeStyle = ctx.fillStyle = color;
    ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
    ctx.textAlign = 'left';
    for (const m of this.markers) {
      const x = Math.round(u.valToPos(m.t / 1000, 'x', true)) + 0.5;
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      ctx.fillText(m.label, x + 3 * devicePixelRatio, top + 12 * devicePixelRatio);
    }
    ctx.restore();
  }

  /** Hover read-out, written as text straight into its node: a pointer move never re-renders the template. */
  private showHover(u: uPlot): void {
    const i = u.cursor.idx;
    if (i == null || !this.hoverEl) {
      if (this.hoverEl) this.hoverEl.textContent = '';
      return;
    }
    const lang = this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
    const time = new Intl.DateTimeFormat(lang, { timeStyle: 'medium' }).format(this.xs[i] * 1000);
    const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    // Each series' nearest slot with data: a column's first slot only ever marks a gap.
    const values = this.channels.map((c, k) => {
      const j = u.cursor.idxs?.[k + 1];
      const v = j == null ? null : this.ys[k][j];
      return `${c.label} ${v == null ? '--' : fmt.format(v)} ${unitSymbol(c.unit)}`;
    });
    this.hoverEl.textContent = [time, ...values].join('  ·  ');
  }

  private isStale(c: ChannelDescriptor, now: number): boolean {
    const at = this.arrival.get(c.id);
    return at === undefined || now - at > Math.max(c.intervalMs * STALE_FACTOR, MIN_STALE_MS);
  }

  protected override render() {
    void this.tick;
    const now = performance.now();
    const lang = this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
    const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    const age = new Intl.NumberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'narrow', maximumFractionDigits: 0 });
    return html`
      ${this.alarm ? html`<span part="alarm">${[{ hi: '***', me: '**', lo: '*' }[this.alarm], this.alarmMessage].filter(Boolean).join(' ')}</span>` : nothing}
      <ul part="readouts">
        ${this.channels.map((c) => {
          const last = this.buffers.get(c.id)?.last();
          const stale = this.isStale(c, now);
          const at = this.arrival.get(c.id);
          return html`<li part="readout" ?data-stale=${stale}>
            <span class="label">${c.label}</span>
            <span class="value">${!last || stale ? '--' : fmt.format(last.v)}</span>
            <span class="unit">${unitSymbol(c.unit)}</span>
            ${stale && at !== undefined ? html`<span class="age">(${age.format((now - at) / 1000)})</span>` : nothing}
          </li>`;
        })}
      </ul>
      <div part="chart" aria-hidden="true"></div>
      <p part="hover" aria-hidden="true"></p>
      <p part="summary" class="sr-only" role="status">${this.summary(fmt, now)}</p>
    `;
  }

  /** The chart in words: each channel's value, unit, direction and limit state. */
  private summary(fmt: Intl.NumberFormat, now: number): string {
    const fr = (this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang).startsWith('fr');
    const words = fr
      ? { stale: 'pas de données récentes', rising: 'en hausse', falling: 'en baisse', steady: 'stable', above: 'au-dessus de la limite', below: 'en dessous de la limite' }
      : { stale: 'no recent data', rising: 'rising', falling: 'falling', steady: 'steady', above: 'above its limit', below: 'below its limit' };
    return this.channels
      .map((c) => {
        const ring = this.buffers.get(c.id);
        const last = ring?.last();
        if (!ring || !last || this.isStale(c, now)) return `${c.label}: ${words.stale}.`;
        const earlier = ring.v[ring.index(Math.max(0, ring.length - 1 - Math.round(TREND_MS / c.intervalMs)))];
        const delta = last.v - earlier;
        const direction = Math.abs(delta) < 0.5 ? words.steady : delta > 0 ? words.rising : words.falling;
        const limits = this.allLimits().filter((l) => l.channel === c.id);
        const state = limits.some((l) => l.above !== undefined && last.v > l.above) ? `, ${words.above}` : limits.some((l) => l.below !== undefined && last.v < l.below) ? `, ${words.below}` : '';
        return `${c.label}: ${fmt.format(last.v)} ${unitSymbol(c.unit)}, ${direction}${state}.`;
      })
      .join(' ');
  }
}

/**
 * Strokes one series straight from its column slots: `null` lifts the pen until
 * the next value (a gap), `undefined` is skipped (joined across). uPlot's own
 * builder calls several closures per point, and its gap clip spans only the
 * slots beside a null, so a gap wider than a column was joined; here a column
 * is at most two lineTo.
 */
function columnPath(u: uPlot, series: number): uPlot.Series.Paths {
  const xs = u.data[0];
  const ys = u.data[series];
  const x = u.scales.x;
  const y = u.scales[u.series[series].scale!];
  const { left, top, width, height } = u.bbox;
  const kx = width / (x.max! - x.min!);
  const ky = height / (y.max! - y.min!);
  const bottom = top + height;
  const path = new Path2D();
  let pen = false;
  for (let i = 0; i < ys.length; i++) {
    const v = ys[i];
    if (v === null) pen = false;
    else if (v !== undefined) {
      // Whole canvas pixels, as uPlot's pxAlign does, so lines stay crisp.
      const px = Math.round(left + (xs[i] - x.min!) * kx);
      const py = Math.round(bottom - (v - y.min!) * ky);
      if (pen) path.lineTo(px, py);
      else path.moveTo(px, py);
      pen = true;
    }
  }
  return { stroke: path };
}

/** An event on the time axis: `t` in epoch ms (data time). */
export interface TrendMarker {
  t: number;
  label: string;
}

/** A limit on one channel: `above` and/or `below`, in the channel's unit. */
export interface TrendLimit {
  channel: string;
  above?: number;
  below?: number;
}
