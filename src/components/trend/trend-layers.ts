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

/** Dashed line at each limit; the band beyond it is shaded so the crossing reads at a glance. */
export function drawLimits(u: uPlot, limits: readonly { value: number; scale: string; beyondTop: boolean }[], color: string): void {
  inColour(u, color, (ctx, { left, top, width, height }, dpr) => {
    ctx.setLineDash([6 * dpr, 4 * dpr]);
    for (const { value, scale, beyondTop } of limits) {
      // Centre a thin line on a pixel row so it is crisp, not smeared over two.
      const y = Math.round(u.valToPos(value, scale, true)) + 0.5;
      if (y < top || y > top + height) continue;
      ctx.globalAlpha = 0.12;
      ctx.fillRect(left, beyondTop ? top : y, width, beyondTop ? y - top : top + height - y);
      ctx.globalAlpha = 1;
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
    }
  });
}

/** A vertical line and its label at each marker's time. */
export function drawMarkers(u: uPlot, markers: readonly TrendMarker[], color: string): void {
  inColour(u, color, (ctx, { left, top, width, height }, dpr) => {
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
function inColour(u: uPlot, color: string, draw: (ctx: CanvasRenderingContext2D, box: uPlot.BBox, dpr: number) => void): void {
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = ctx.fillStyle = color;
  ctx.lineWidth = 1;
  draw(ctx, u.bbox, devicePixelRatio);
  ctx.restore();
}
