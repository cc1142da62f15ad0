import type { DoseState } from '../../streams/dose/dose-engine.js';

export interface ScaleColours {
  track: string;
  fill: string;
  tick: string;
  text: string;
  low: string;
  medium: string;
  stale: string;
}

/** The Gy the scale's full width stands for: the substantial level and a step beyond, or more once past it. */
export const scaleMaxGy = (s: DoseState) => Math.max(s.levels.substantialKarGy + s.levels.stepGy, Math.ceil((Number.isFinite(s.karGy) ? s.karGy : 0) + s.levels.stepGy / 2));

/**
 * Ka,r as a bar on a Gy scale with a tick at each notification level, the
 * substantial level thicker and labelled: a glance tells how far the next one is.
 * A bar of one colour whose length is the dose; levels reached turn their tick
 * to the alarm colour. Device pixels.
 */
export function drawDoseScale(ctx: CanvasRenderingContext2D, s: DoseState, width: number, height: number, dpr: number, c: ScaleColours, stale: boolean, label: (gy: number) => string): void {
  const max = scaleMaxGy(s);
  const x = (gy: number) => Math.round((Math.min(Math.max(gy, 0), max) / max) * (width - 1));
  const barTop = Math.round(4 * dpr);
  const barH = Math.round(height * 0.5);
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = c.track;
  ctx.fillRect(0, barTop, width, barH);
  if (Number.isFinite(s.karGy)) {
    ctx.fillStyle = stale ? c.stale : c.fill;
    ctx.fillRect(0, barTop, x(s.karGy), barH);
  }
  ctx.font = `${Math.round(13 * dpr)}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  for (let gy = s.levels.firstGy; gy <= max + 1e-9; gy += s.levels.stepGy) {
    const substantial = Math.abs(gy - s.levels.substantialKarGy) < 1e-9;
    const reached = s.karGy >= gy - 1e-9;
    ctx.fillStyle = reached ? (substantial ? c.medium : c.low) : c.tick;
    const w = Math.round((substantial ? 4 : 2) * dpr);
    const tx = Math.min(width - w, Math.max(0, x(gy) - w / 2));
    ctx.fillRect(tx, 0, w, barTop * 2 + barH);
    ctx.fillStyle = c.text;
    ctx.fillText(label(gy), Math.min(width - 20 * dpr, Math.max(20 * dpr, x(gy))), barTop * 2 + barH + Math.round(2 * dpr));
  }
}
