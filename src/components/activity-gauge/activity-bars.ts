import type { ActivityBalance } from '../../models/dose/y90.js';

export interface ActivityColours {
  track: string;
  prescribed: string;
  available: string;
  delivered: string;
  residual: string;
  text: string;
  over: string;
}

/** Rows of the bars, top to bottom: what each stands for. */
export const ACTIVITY_ROWS = ['prescribed', 'available', 'delivered', 'residual'] as const;
export type ActivityRow = (typeof ACTIVITY_ROWS)[number];

/**
 * The four activities as bars on one GBq scale (the largest plus a fifth),
 * a dashed line at the prescription across them all and the ±`deviation` band
 * around it, so a delivered bar outside the band reads at a glance. Device pixels.
 */
export function drawActivityBars(ctx: CanvasRenderingContext2D, b: ActivityBalance, width: number, height: number, dpr: number, c: ActivityColours, deviation: number, labels: Record<ActivityRow, string>): void {
  // Judged on the measured residual only: before it, the delivered activity is an estimate still rising.
  const judged = Number.isFinite(b.residualGBq);
  const values: Record<ActivityRow, number> = { prescribed: b.prescribedGBq, available: b.availableGBq, delivered: b.deliveredGBq, residual: b.residualGBq };
  const max = 1.2 * Math.max(b.prescribedGBq * (1 + deviation), ...ACTIVITY_ROWS.map((r) => (Number.isFinite(values[r]) ? values[r] : 0)));
  const labelW = Math.round(110 * dpr);
  const plot = width - labelW;
  const x = (gbq: number) => labelW + Math.round((Math.max(0, gbq) / max) * plot);
  const row = height / ACTIVITY_ROWS.length;
  const bar = Math.round(row * 0.6);
  ctx.clearRect(0, 0, width, height);
  ctx.font = `${Math.round(14 * dpr)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ACTIVITY_ROWS.forEach((r, i) => {
    const y = Math.round(i * row + (row - bar) / 2);
    ctx.fillStyle = c.track;
    ctx.fillRect(labelW, y, plot, bar);
    const v = values[r];
    const outside = r === 'delivered' && judged && Math.abs(b.deviation) > deviation;
    if (Number.isFinite(v)) {
      ctx.fillStyle = outside ? c.over : c[r];
      ctx.fillRect(labelW, y, x(v) - labelW, bar);
    }
    ctx.fillStyle = c.text;
    ctx.fillText(labels[r], 0, y + bar / 2);
  });
  // The prescription and its tolerance band, across every row.
  ctx.fillStyle = c.text;
  ctx.globalAlpha = 0.1;
  ctx.fillRect(x(b.prescribedGBq * (1 - deviation)), 0, x(b.prescribedGBq * (1 + deviation)) - x(b.prescribedGBq * (1 - deviation)), height);
  ctx.globalAlpha = 1;
  ctx.fillRect(x(b.prescribedGBq) - Math.round(dpr), 0, Math.max(1, Math.round(2 * dpr)), height);
}
