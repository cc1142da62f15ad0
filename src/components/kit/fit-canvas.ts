/**
 * Sizes a canvas's backing store to its CSS box times the device pixel ratio
 * (only when that changed: a resize clears the canvas), and returns its
 * context with the ratio, so one drawing reads sharp on any screen.
 */
export function fitCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): { ctx: CanvasRenderingContext2D; dpr: number; width: number; height: number } | undefined {
  const dpr = devicePixelRatio || 1;
  const width = Math.max(1, Math.round(cssWidth * dpr));
  const height = Math.max(1, Math.round(cssHeight * dpr));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const ctx = canvas.getContext('2d');
  return ctx ? { ctx, dpr, width, height } : undefined;
}
