/** Geometry of one volume bar, in canvas (device) pixels. */
export interface BarGeometry {
  /** Where the bar starts: after the column of labels. */
  x: number;
  y: number;
  /** Length of the whole scale: `scaleMl` mL. */
  width: number;
  height: number;
  /** Length of the filled part. */
  fillWidth: number;
  plannedX: number;
  maxX: number;
  /** The volume the full width stands for (mL): the maximum plus a tenth, so an excess shows. */
  scaleMl: number;
}

export interface BarInput {
  volumeMl: number;
  plannedMl: number;
  maxMl: number;
}

/** Headroom beyond the maximum on each bar's scale. */
export const OVER_SCALE = 1.1;

/** Height of the first row (the total) and of the others, CSS pixels; their labels' font size. */
const ROW_CSS = [34, 22] as const;
const FONT_CSS = [16, 14] as const;
/** Between a label and its bar, CSS pixels. */
const LABEL_GAP_CSS = 10;
/** The labels never take more than this share of the width: the bars stay readable on a narrow panel. */
const LABEL_SHARE = 0.4;

/** The font of row i's label, at `dpr`. */
export const labelFont = (i: number, dpr: number) => `${i === 0 ? 700 : 600} ${Math.round(FONT_CSS[i === 0 ? 0 : 1] * dpr)}px system-ui, sans-serif`;

/**
 * Bars stacked in rows, the first (the total) taller, each after a column of
 * `labelWidth` device pixels for its label. Pure layout, in device pixels.
 */
export function layoutBars(bars: readonly BarInput[], width: number, dpr: number, labelWidth = 0, gapCss = 8): BarGeometry[] {
  let y = Math.round(4 * dpr);
  const x = Math.min(Math.round(labelWidth > 0 ? labelWidth + LABEL_GAP_CSS * dpr : 0), Math.round(width * LABEL_SHARE));
  const barWidth = Math.max(0, width - x);
  return bars.map((b, i) => {
    const height = Math.round(ROW_CSS[i === 0 ? 0 : 1] * dpr);
    const scaleMl = b.maxMl * OVER_SCALE;
    const px = (ml: number) => Math.round((Math.min(Math.max(ml, 0), scaleMl) / scaleMl) * barWidth);
    const g: BarGeometry = { x, y, width: barWidth, height, fillWidth: px(b.volumeMl), plannedX: px(b.plannedMl), maxX: px(b.maxMl), scaleMl };
    y += height + Math.round(gapCss * dpr);
    return g;
  });
}

/** The widest of the labels in their fonts (device pixels), for `layoutBars`. */
export function labelsWidth(ctx: CanvasRenderingContext2D, labels: readonly string[], dpr: number): number {
  return labels.reduce((w, text, i) => {
    ctx.font = labelFont(i, dpr);
    return Math.max(w, Math.ceil(ctx.measureText(text).width));
  }, 0);
}

/** Total height of the rows (device pixels). */
export const barsHeight = (rows: readonly BarGeometry[], dpr: number) => (rows.length ? rows[rows.length - 1].y + rows[rows.length - 1].height + Math.round(4 * dpr) : 0);

export interface BarColours {
  track: string;
  fill: string;
  reached: string;
  over: string;
  stale: string;
  tick: string;
  text: string;
}

/**
 * Each bar: its label (what it is, its volume and unit), the track, the fill
 * (its colour says below plan, plan reached, or beyond the maximum), a tick at
 * the planned volume and a wider end stop at the maximum. Red only for a bar
 * beyond its maximum (its fill and its end stop): a limit exceeded, never an
 * empty or filling bar. Solid rectangles and one line of text a row: cheap for
 * a software rasteriser.
 */
export function drawBars(ctx: CanvasRenderingContext2D, rows: readonly BarGeometry[], inputs: readonly BarInput[], labels: readonly string[], stale: readonly boolean[], c: BarColours, dpr: number): void {
  const tick = Math.max(2, Math.round(2 * dpr));
  const over = Math.round(3 * dpr);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  rows.forEach((g, i) => {
    const b = inputs[i];
    const exceeded = b.volumeMl > b.maxMl;
    ctx.font = labelFont(i, dpr);
    ctx.fillStyle = stale[i] ? c.stale : c.text;
    ctx.fillText(labels[i] ?? '', 0, g.y + g.height / 2, Math.max(1, g.x - Math.round(LABEL_GAP_CSS * dpr)));
    ctx.fillStyle = c.track;
    ctx.fillRect(g.x, g.y, g.width, g.height);
    ctx.fillStyle = stale[i] ? c.stale : exceeded ? c.over : b.volumeMl >= b.plannedMl ? c.reached : c.fill;
    ctx.fillRect(g.x, g.y, g.fillWidth, g.height);
    ctx.fillStyle = c.tick;
    ctx.fillRect(g.x + g.plannedX - tick / 2, g.y - over, tick, g.height + 2 * over);
    // The maximum: an end stop twice as wide as the planned tick, red once passed.
    ctx.fillStyle = exceeded ? c.over : c.tick;
    ctx.fillRect(g.x + g.maxX - tick, g.y - over, 2 * tick, g.height + 2 * over);
  });
}
