import type { PulseRecord } from '../../models/pulses/record.js';

export interface TimelineColours {
  delivered: string;
  selected: string;
  failed: string;
  limit: string;
  grid: string;
}

/** Where the train is drawn, in canvas pixels, and its current scale. */
export interface TimelineBox {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Current at the top of the box, A. */
  maxA: number;
  /** Pulses the box is divided into. */
  slots: number;
}

/** The box for `n` pulses on a canvas of this size; the scale reaches past the limit so the limit line always shows. */
export function timelineBox(canvasWidth: number, canvasHeight: number, dpr: number, records: readonly PulseRecord[], limitA: number): TimelineBox {
  let top = limitA;
  for (const r of records) if (r.meanI > top) top = r.meanI;
  const pad = 4 * dpr;
  return { left: pad, top: pad, width: canvasWidth - 2 * pad, height: canvasHeight - 2 * pad, maxA: top * 1.15, slots: Math.max(records.length, 1) };
}

/** The centre top of pulse k's mark (its current's height), canvas pixels. */
export function markAt(b: TimelineBox, k: number, currentA: number): { x: number; y: number } {
  const x = b.left + ((k + 0.5) * b.width) / b.slots;
  const a = Number.isFinite(currentA) ? Math.max(0, currentA) : 0;
  return { x, y: b.top + b.height - (a / b.maxA) * b.height };
}

/** The height of a current on the timeline, canvas pixels. */
export const yOf = (b: TimelineBox, currentA: number): number => b.top + b.height - (currentA / b.maxA) * b.height;

/**
 * One mark per pulse in delivery order. Delivered: a filled bar up to its
 * current (the selected pair's in its own colour). Failed: a cross in the
 * limit colour at its current, so shape as well as colour tells them apart.
 * The current limit is a dashed line. Bars are axis-aligned rectangles, cheap
 * to raster however many pulses there are.
 */
export function drawTimeline(ctx: CanvasRenderingContext2D, b: TimelineBox, records: readonly PulseRecord[], selected: string | undefined, limitA: number, c: TimelineColours, dpr: number): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  const base = b.top + b.height;
  ctx.fillStyle = c.grid;
  ctx.fillRect(b.left, Math.round(base), b.width, Math.max(1, Math.round(dpr)));
  const slot = b.width / b.slots;
  const barW = Math.max(1, Math.floor(slot * 0.7));
  const bars = (mine: boolean) => {
    const p = new Path2D();
    records.forEach((r, k) => {
      if (!r.delivered || (r.pair === selected) !== mine) return;
      const { x, y } = markAt(b, k, r.meanI);
      p.rect(Math.round(x - barW / 2), Math.round(y), barW, Math.max(1, Math.round(base - y)));
    });
    return p;
  };
  ctx.fillStyle = c.delivered;
  ctx.fill(bars(false));
  ctx.fillStyle = c.selected;
  ctx.fill(bars(true));
  ctx.strokeStyle = c.failed;
  ctx.lineWidth = 2 * dpr;
  const arm = Math.max(3 * dpr, Math.min(6 * dpr, slot / 2));
  const cross = new Path2D();
  records.forEach((r, k) => {
    if (r.delivered) return;
    const { x, y } = markAt(b, k, r.meanI);
    cross.moveTo(x - arm, y - arm);
    cross.lineTo(x + arm, y + arm);
    cross.moveTo(x + arm, y - arm);
    cross.lineTo(x - arm, y + arm);
  });
  ctx.stroke(cross);
  ctx.strokeStyle = c.limit;
  ctx.lineWidth = 1;
  ctx.setLineDash([6 * dpr, 4 * dpr]);
  const y = Math.round(yOf(b, limitA)) + 0.5;
  ctx.beginPath();
  ctx.moveTo(b.left, y);
  ctx.lineTo(b.left + b.width, y);
  ctx.stroke();
  ctx.setLineDash([]);
}
