/** Small statistics for benchmark figures. */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

export const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** Resolves after pending microtasks (uPlot commits its redraw in one). */
export const settle = () => new Promise<void>((r) => setTimeout(r, 0));

export function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20;
}

declare global {
  interface Window {
    benchResult?: Record<string, number>;
  }
}
