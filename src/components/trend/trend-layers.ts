import type uPlot from 'uplot';

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

/** A limit as drawn: its value on its channel's scale, which side is beyond it, and its channel's colour. */
export interface DrawnLimit {
  value: number;
  scale: string;
  beyondTop: boolean;
  colour: string;
}

/** Where a layer is drawn: uPlot's canvas, or one stacked on it with the same coordinates (canvas pixels). */
type Context = CanvasRenderingContext2D;

/** Depth of the tinted band beyond a limit, CSS pixels: enough to show the side, too little to cover another trace. */
const BAND_CSS = 14;
/** Opacity of the band next to the line; it fades to nothing at its far edge. */
const BAND_ALPHA = 0.35;

/**
 * Each limit belongs to one channel, however many share its axis: a dashed
 * line two pixels wide in that channel's colour, with a narrow band beyond it
 * in the limit colour, fading away from the line. The line says whose limit
 * and where; the band says which side is the alarm's. A band across the whole
 * plot would tint every other channel beyond it too (a probe at -140 °C under
 * a nerve sensor's 10 °C limit), so it stops after a few pixels.
 */
export function drawLimits(u: uPlot, ctx: Context, limits: readonly DrawnLimit[], bandColour: string): void {
  inColour(u, ctx, bandColour, (ctx, { left, top, width, height }, dpr) => {
    const depth = Math.round(BAND_CSS * dpr);
    // An even width on a whole pixel row: crisp, not smeared over a half-covered row.
    const half = Math.max(1, Math.round(dpr));
    ctx.lineWidth = 2 * half;
    ctx.setLineDash([6 * dpr, 4 * dpr]);
    // Dashes anchored to data time: a layer moved with the data and drawn again at its edge stays in step.
    const period = 10 * dpr;
    ctx.lineDashOffset = (((left - u.valToPos(0, 'x', true)) % period) + period) % period;
    for (const { value, scale, beyondTop, colour } of limits) {
      const y = Math.round(u.valToPos(value, scale, true));
      if (y < top || y > top + height) continue;
      // One-pixel rows, fainter with each one away from the line.
      const away = beyondTop ? -1 : 1;
      const edge = beyondTop ? y - half - 1 : y + half;
      for (let k = 0; k < depth; k++) {
        const row = edge + away * k;
        if (row < top || row >= top + height) break;
        ctx.globalAlpha = BAND_ALPHA * (1 - k / depth);
        ctx.fillRect(left, row, width, 1);
      }
      ctx.globalAlpha = 1;
      ctx.strokeStyle = colour;
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
    }
  });
}

/** A vertical line and its label at each marker's time. */
export function drawMarkers(u: uPlot, ctx: Context, markers: readonly TrendMarker[], color: string): void {
  inColour(u, ctx, color, (ctx, { left, top, width, height }, dpr) => {
    ctx.font = `${11 * dpr}px system-ui, sans-serif`;
    ctx.textAlign = 'left';
    for (const m of markers) {
      const x = Math.round(u.valToPos(m.t / 1000, 'x', true)) + 0.5;
      if (x < left || x > left + width) continue;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      ctx.fillText(m.label, x + 3 * dpr, top + 12 * dpr);
    }
  });
}

/** Draws in one colour with one-pixel lines, leaving the context as it was. */
function inColour(u: uPlot, ctx: Context, color: string, draw: (ctx: Context, box: uPlot.BBox, dpr: number) => void): void {
  ctx.save();
  ctx.strokeStyle = ctx.fillStyle = color;
  ctx.lineWidth = 1;
  draw(ctx, u.bbox, devicePixelRatio);
  ctx.restore();
}
