/**
 * `fg` laid over `bg` at `alpha`, as one opaque colour: older overlays are drawn
 * in it rather than with `globalAlpha`, so their spans raster as opaque fills
 * (a software rasteriser blends every pixel of a translucent one). Colours are
 * normalised by the canvas itself, so system colours (forced-colors) work too.
 */
export function mixColour(ctx: CanvasRenderingContext2D, fg: string, bg: string, alpha: number): string {
  const a = rgb(ctx, fg);
  const b = rgb(ctx, bg);
  if (!a || !b) return fg;
  const m = a.map((x, i) => Math.round(x * alpha + b[i] * (1 - alpha)));
  return `rgb(${m[0]}, ${m[1]}, ${m[2]})`;
}

function rgb(ctx: CanvasRenderingContext2D, colour: string): [number, number, number] | undefined {
  const saved = ctx.fillStyle;
  ctx.fillStyle = '#000000';
  ctx.fillStyle = colour;
  const c = String(ctx.fillStyle);
  ctx.fillStyle = saved;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}
