/** Geometry of one volume bar, in canvas (device) pixels. */
export interface BarGeometry {
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

/** Bars stacked in rows: the first (the total) taller. Pure layout, in device pixels. */
export function layoutBars(bars: readonly BarInput[], width: number, dpr: number, rowCss = 22, firstRowCss = 34, gapCss = 8): BarGeometry[] {
  let y = Math.round(4 * dpr);
  return bars.map((b, i) => {
    const height = Math.round((i === 0 ? firstRowCss : rowCss) * dpr);
    const scaleMl = b.maxMl * OVER_SCALE;
    const px = (ml: number) => Math.round((Math.min(Math.max(ml, 0), scaleMl) / scaleMl) * width);
    const g: BarGeometry = { x: 0, y, width, height, fillWidth: px(b.volumeMl), plannedX: px(b.plannedMl), maxX: px(b.maxMl), scaleMl };
    y += height + Math.round(gapCss * dpr);
    return g;
  });
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
}

/**
 * Each bar: the track, the fill (its colour says below plan, plan reached, or
 * beyond the maximum), and ticks at the planned and maximum volumes. Solid
 * rectangles only: cheap for a software rasteriser.
 */
export function drawBars(ctx: CanvasRenderingContext2D, rows: readonly BarGeometry[], inputs: readonly BarInput[], stale: readonly boolean[], c: BarColours, dpr: number): void {
  const tick = Math.max(2, Math.round(2 * dpr));
  rows.forEach((g, i) => {
    const b = inputs[i];
    ctx.fillStyle = c.track;
    ctx.fillRect(g.x, g.y, g.width, g.height);
    ctx.fillStyle = stale[i] ? c.stale : b.volumeMl > b.maxMl ? c.over : b.volumeMl >= b.plannedMl ? c.reached : c.fill;
    ctx.fillRect(g.x, g.y, g.fillWidth, g.height);
    ctx.fillStyle = c.tick;
    const over = Math.round(3 * dpr);
    ctx.fillRect(g.x + g.plannedX - tick / 2, g.y - over, tick, g.height + 2 * over);
    ctx.fillStyle = c.over;
    ctx.fillRect(g.x + g.maxX - tick / 2, g.y - over, tick, g.height + 2 * over);
  });
}
