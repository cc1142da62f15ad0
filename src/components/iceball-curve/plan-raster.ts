import type { Footprint, Isotherm } from '../../models/cryo/iceball-estimate.js';
import type { CryoProcedure, ProbeState } from '../../models/cryo/procedure.js';
import { inField, marginOf } from '../../models/cryo/procedure.js';

/** The plan's mapping from mm to canvas pixels: x = left + (xMm - x0)·k, likewise y. */
export interface PlanBox {
  left: number;
  top: number;
  x0: number;
  y0: number;
  /** Canvas pixels per mm. */
  k: number;
  width: number;
  height: number;
}

export const planX = (b: PlanBox, mm: number) => b.left + (mm - b.x0) * b.k;
export const planY = (b: PlanBox, mm: number) => b.top + (mm - b.y0) * b.k;

/** Fits the field into a canvas, keeping millimetres square. */
export function fitPlan(field: CryoProcedure['field'], width: number, height: number, pad: number): PlanBox {
  const w = field.x[1] - field.x[0];
  const h = field.y[1] - field.y[0];
  const k = Math.max(0.01, Math.min((width - 2 * pad) / w, (height - 2 * pad) / h));
  return { left: (width - w * k) / 2, top: (height - h * k) / 2, x0: field.x[0], y0: field.y[0], k, width: w * k, height: h * k };
}

export interface PlanColours {
  text: string;
  grid: string;
  surface: string;
  nerve: string;
  skin: string;
  sensor: string;
  alarm: string;
  questionable: string;
  iso: Record<Isotherm, string>;
}

/**
 * The outline of a hull grown by r (a rounded hull): each edge pushed out by r,
 * joined by arcs around the vertices; a circle for one probe.
 */
export function roundedHullPath(ctx: CanvasRenderingContext2D, b: PlanBox, f: Footprint): void {
  const pts = f.hull.map(([x, y]) => [planX(b, x), planY(b, y)] as const);
  const r = f.radiusMm * b.k;
  if (pts.length === 1) {
    ctx.moveTo(pts[0][0] + r, pts[0][1]);
    return ctx.arc(pts[0][0], pts[0][1], r, 0, 2 * Math.PI);
  }
  let area = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x1, y1] = pts[i];
    const [x2, y2] = pts[(i + 1) % pts.length];
    area += x1 * y2 - x2 * y1;
  }
  const s = pts.length === 2 || area > 0 ? 1 : -1;
  const normal = (i: number) => {
    const [ax, ay] = pts[i];
    const [bx, by] = pts[(i + 1) % pts.length];
    const len = Math.hypot(bx - ax, by - ay) || 1;
    return [(s * (by - ay)) / len, (-s * (bx - ax)) / len] as const;
  };
  const n0 = normal(0);
  ctx.moveTo(pts[0][0] + r * n0[0], pts[0][1] + r * n0[1]);
  for (let i = 0; i < pts.length; i++) {
    const n = normal(i);
    const next = pts[(i + 1) % pts.length];
    const n2 = normal((i + 1) % pts.length);
    ctx.lineTo(next[0] + r * n[0], next[1] + r * n[1]);
    ctx.arc(next[0], next[1], r, Math.atan2(n[1], n[0]), Math.atan2(n2[1], n2[0]), s < 0);
  }
  ctx.closePath();
}

export interface PlanState {
  footprints: Record<Isotherm, readonly Footprint[]>;
  /** The freezing model's isotherms as segments x0, y0, x1, y1 in mm: drawn instead of the footprints when given. */
  contours?: Record<Isotherm, Float32Array>;
  probeState(id: string): ProbeState;
  /** Sensor channels in alarm, and data flagged questionable. */
  alarmed: ReadonlySet<string>;
  questionable: ReadonlySet<string>;
  scaleLabel: string;
}

/** Structures, estimated isotherm footprints (0 °C filled), tumour and margin, probes and sensors, a 10 mm scale bar. */
export function drawPlan(ctx: CanvasRenderingContext2D, b: PlanBox, dpr: number, c: PlanColours, p: CryoProcedure, s: PlanState): void {
  ctx.save();
  ctx.strokeStyle = c.grid;
  ctx.lineWidth = dpr;
  ctx.strokeRect(Math.round(b.left) + 0.5, Math.round(b.top) + 0.5, Math.round(b.width), Math.round(b.height));
  ctx.beginPath();
  ctx.rect(b.left, b.top, b.width, b.height);
  ctx.clip();
  // The model's isotherms, or else the fit's footprints; warmest first, so colder ones lie on top.
  for (const iso of [0, -20, -40] as const) {
    const segments = s.contours?.[iso];
    if (segments) {
      ctx.beginPath();
      for (let k = 0; k < segments.length; k += 4) {
        ctx.moveTo(planX(b, segments[k]), planY(b, segments[k + 1]));
        ctx.lineTo(planX(b, segments[k + 2]), planY(b, segments[k + 3]));
      }
      ctx.strokeStyle = c.iso[iso];
      ctx.lineWidth = 2 * dpr;
      ctx.stroke();
      continue;
    }
    const prints = s.footprints[iso];
    if (!prints.length) continue;
    ctx.beginPath();
    for (const f of prints) roundedHullPath(ctx, b, f);
    ctx.fillStyle = c.iso[iso];
    ctx.globalAlpha = iso === 0 ? 0.28 : 0.18;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = c.iso[iso];
    ctx.lineWidth = 2 * dpr;
    ctx.stroke();
  }
  // Protected structures: nerves thick, skin dashed.
  for (const st of p.structures) {
    ctx.beginPath();
    st.points.forEach((q, i) => (i ? ctx.lineTo(planX(b, q.xMm), planY(b, q.yMm)) : ctx.moveTo(planX(b, q.xMm), planY(b, q.yMm))));
    ctx.strokeStyle = st.kind === 'nerve' ? c.nerve : c.skin;
    ctx.lineWidth = (st.kind === 'nerve' ? 3 : 2) * dpr;
    ctx.setLineDash(st.kind === 'skin' ? [6 * dpr, 4 * dpr] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  // Tumours (solid) and their margins (dashed).
  ctx.strokeStyle = c.text;
  for (const t of p.tumours) {
    const rot = ((t.angleDeg ?? 0) * Math.PI) / 180;
    for (const [grow, dash] of [[0, false], [marginOf(t), true]] as const) {
      ctx.beginPath();
      ctx.ellipse(planX(b, t.xMm), planY(b, t.yMm), (t.semiMajorMm + grow) * b.k, (t.semiMinorMm + grow) * b.k, rot, 0, 2 * Math.PI);
      ctx.lineWidth = (dash ? 1.5 : 2) * dpr;
      ctx.setLineDash(dash ? [4 * dpr, 3 * dpr] : []);
      ctx.stroke();
    }
  }
  ctx.setLineDash([]);
  ctx.restore();
  ctx.save();
  ctx.font = `600 ${11 * dpr}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  // Sensors: a square per point; red in alarm; questionable with "?". Out of the field: on its edge, with "?".
  for (const sensor of p.sensors)
    for (const pt of sensor.points) {
      const out = !inField(pt, p.field);
      const [x, y] = clampToBox(b, pt.xMm, pt.yMm);
      const q = out || s.questionable.has(pt.channel);
      ctx.fillStyle = s.alarmed.has(pt.channel) ? c.alarm : q ? c.questionable : c.sensor;
      ctx.fillRect(Math.round(x - 4 * dpr), Math.round(y - 4 * dpr), Math.round(8 * dpr), Math.round(8 * dpr));
      if (q) ctx.fillText('?', x + 6 * dpr, y - 3 * dpr);
    }
  // Probes: a disc, hollow when not freezing; the label beside.
  for (const probe of p.probes) {
    const out = !inField(probe, p.field);
    const [x, y] = clampToBox(b, probe.xMm, probe.yMm);
    ctx.beginPath();
    ctx.arc(x, y, 4.5 * dpr, 0, 2 * Math.PI);
    ctx.fillStyle = ctx.strokeStyle = out ? c.questionable : c.text;
    ctx.lineWidth = 2 * dpr;
    if (s.probeState(probe.id) === 'freeze') ctx.fill();
    else ctx.stroke();
    ctx.fillText(out ? `${probe.label} ?` : probe.label, x + 6 * dpr, y - 3 * dpr);
  }
  // Scale bar: 10 mm, bottom left.
  const x0 = b.left + 8 * dpr;
  const y0 = b.top + b.height - 10 * dpr;
  ctx.fillStyle = c.text;
  ctx.fillRect(Math.round(x0), Math.round(y0), Math.round(10 * b.k), Math.round(3 * dpr));
  ctx.fillText(s.scaleLabel, x0, y0 - 3 * dpr);
  ctx.restore();
}

function clampToBox(b: PlanBox, xMm: number, yMm: number): [number, number] {
  const x = Math.min(b.left + b.width, Math.max(b.left, planX(b, xMm)));
  const y = Math.min(b.top + b.height, Math.max(b.top, planY(b, yMm)));
  return [x, y];
}
