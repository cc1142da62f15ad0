import type { Isotherm } from '../../models/cryo/iceball-estimate.js';

/** Where the curve is drawn, in canvas pixels, and what it spans: data time (ms) across, diameter (mm) up. */
export interface CurveBox {
  left: number;
  top: number;
  width: number;
  height: number;
  t0: number;
  t1: number;
  yMax: number;
}

export const curveX = (b: CurveBox, t: number) => b.left + ((t - b.t0) / (b.t1 - b.t0)) * b.width;
export const curveY = (b: CurveBox, mm: number) => b.top + b.height - (mm / b.yMax) * b.height;

export interface Band {
  start: number;
  end: number;
  kind: string;
}

export interface CurveColours {
  text: string;
  grid: string;
  target: string;
  marker: string;
  freeze: string;
  thaw: string;
  stale: string;
  questionable: string;
  iso: Record<Isotherm, string>;
}

/** One isotherm's series: the estimate (dashed) and the measurements (solid, with markers; questionable ones hollow, with "?"). */
export interface IsothermSeries {
  iso: Isotherm;
  estT: readonly number[];
  estD: readonly number[];
  measured: { t: number; v: number; questionable: boolean }[];
  /** A longer gap between measurements breaks their line (ms). */
  gapMs: number;
  estimatedCover: number;
  measuredCover: number;
}

/** Axes, actual phase bands, the planned timeline on top, the target line, series and cover marks, the "now" line. */
export function drawCurve(
  ctx: CanvasRenderingContext2D,
  b: CurveBox,
  dpr: number,
  c: CurveColours,
  d: { actual: readonly Band[]; planned: readonly Band[]; plannedLabels: readonly string[]; now: number; target: number; targetLabel: string; series: readonly IsothermSeries[]; unitLabel: string },
): void {
  const { left, top, width, height } = b;
  const bottom = top + height;
  const font = (px: number, weight = '') => `${weight} ${px * dpr}px system-ui, sans-serif`;
  ctx.save();
  ctx.lineWidth = dpr;
  // Actual phases as bands.
  for (const band of d.actual) {
    if (band.kind !== 'freeze' && band.kind !== 'thaw') continue;
    const x0 = Math.max(left, curveX(b, band.start));
    const x1 = Math.min(left + width, curveX(b, band.end));
    if (x1 <= x0) continue;
    ctx.globalAlpha = 0.16;
    ctx.fillStyle = band.kind === 'freeze' ? c.freeze : c.thaw;
    ctx.fillRect(Math.round(x0), top, Math.round(x1 - x0), height);
  }
  ctx.globalAlpha = 1;
  // Grid and axes: diameter every 10 mm (20 when tall), time every 2 or 5 min.
  ctx.strokeStyle = c.grid;
  ctx.fillStyle = c.text;
  ctx.font = font(11);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const yStep = b.yMax > 80 ? 20 : 10;
  ctx.beginPath();
  for (let mm = 0; mm <= b.yMax; mm += yStep) {
    const y = Math.round(curveY(b, mm)) + 0.5;
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.fillText(String(mm), left - 4 * dpr, y);
  }
  ctx.stroke();
  ctx.save();
  ctx.translate(12 * dpr, top + height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(d.unitLabel, 0, 0);
  ctx.restore();
  const spanMin = (b.t1 - b.t0) / 60_000;
  const tStep = spanMin > 20 ? 5 : 2;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (let m = 0; m <= spanMin; m += tStep) {
    const x = Math.round(curveX(b, b.t0 + m * 60_000)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, bottom);
    ctx.lineTo(x, bottom + 4 * dpr);
    ctx.stroke();
    ctx.fillText(`${m}′`, x, bottom + 5 * dpr);
  }
  // The planned protocol: a timeline strip above the plot.
  ctx.font = font(11, '600');
  ctx.textBaseline = 'middle';
  d.planned.forEach((band, i) => {
    const x0 = curveX(b, band.start);
    const x1 = Math.min(left + width, curveX(b, band.end));
    ctx.fillStyle = band.kind === 'freeze' ? c.freeze : c.thaw;
    ctx.fillRect(Math.round(x0), top - 16 * dpr, Math.max(1, Math.round(x1 - x0) - dpr), 14 * dpr);
    ctx.fillStyle = '#000';
    ctx.fillText(d.plannedLabels[i] ?? '', (x0 + x1) / 2, top - 9 * dpr);
  });
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  // Target line, dashed, labelled.
  if (d.target > 0) {
    const y = Math.round(curveY(b, d.target)) + 0.5;
    ctx.strokeStyle = ctx.fillStyle = c.target;
    ctx.setLineDash([8 * dpr, 4 * dpr]);
    ctx.lineWidth = 1.5 * dpr;
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = font(11);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText(d.targetLabel, left + 4 * dpr, y - 2 * dpr);
  }
  for (const s of d.series) drawSeries(ctx, b, dpr, c, s, d.target);
  // Now.
  if (Number.isFinite(d.now)) {
    const x = Math.round(curveX(b, d.now)) + 0.5;
    ctx.strokeStyle = c.marker;
    ctx.lineWidth = dpr;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
  }
  ctx.restore();
}

function drawSeries(ctx: CanvasRenderingContext2D, b: CurveBox, dpr: number, c: CurveColours, s: IsothermSeries, target: number): void {
  const colour = c.iso[s.iso];
  ctx.strokeStyle = ctx.fillStyle = colour;
  // Estimate: dashed, thin (sparse: one point every 5 s of data).
  ctx.lineWidth = 2 * dpr;
  ctx.setLineDash([6 * dpr, 4 * dpr]);
  ctx.beginPath();
  for (let i = 0; i < s.estT.length; i++) {
    const x = curveX(b, s.estT[i]);
    const y = curveY(b, s.estD[i]);
    if (i) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
  }
  ctx.stroke();
  ctx.setLineDash([]);
  // Measured: solid line through the valid points, a disc at each; questionable points hollow with "?".
  ctx.lineWidth = 2.5 * dpr;
  ctx.beginPath();
  let last = -Infinity;
  for (const m of s.measured) {
    if (m.questionable) continue;
    const x = curveX(b, m.t);
    const y = curveY(b, m.v);
    if (m.t - last <= s.gapMs) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
    last = m.t;
  }
  ctx.stroke();
  ctx.font = `700 ${12 * dpr}px system-ui, sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  for (const m of s.measured) {
    const x = curveX(b, m.t);
    const y = curveY(b, m.v);
    ctx.beginPath();
    ctx.arc(x, y, 4.5 * dpr, 0, 2 * Math.PI);
    if (m.questionable) {
      ctx.strokeStyle = ctx.fillStyle = c.questionable;
      ctx.lineWidth = 2 * dpr;
      ctx.stroke();
      ctx.fillText('?', x + 6 * dpr, y - 2 * dpr);
      ctx.strokeStyle = ctx.fillStyle = colour;
    } else ctx.fill();
  }
  // When the isotherm covers the target: a tick on the target line, solid when measured, dashed when estimated.
  const yT = curveY(b, target);
  for (const [t, dashed] of [[s.estimatedCover, true], [s.measuredCover, false]] as const) {
    if (!Number.isFinite(t)) continue;
    const x = Math.round(curveX(b, t)) + 0.5;
    ctx.lineWidth = 2 * dpr;
    ctx.setLineDash(dashed ? [3 * dpr, 3 * dpr] : []);
    ctx.beginPath();
    ctx.moveTo(x, yT - 10 * dpr);
    ctx.lineTo(x, yT + 10 * dpr);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}
