/** Small statistics for benchmark figures. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);
export const p95 = (xs: readonly number[]) => quantile(xs, 0.95);
export const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/**
 * Used JS heap in MB after full collections, typed-array stores included.
 * Needs Chromium's `--js-flags=--expose-gc` and `--enable-precise-memory-info`
 * (without it the figure is quantised and cached for minutes: it never moves).
 */
export async function heapMB(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('heapMB needs Chromium started with --js-flags=--expose-gc');
  // Collect, let finalizers and pending tasks run, collect again.
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20;
}

/** Median and p95 of frame times, for the log. */
export const describe = (what: string, ms: readonly number[]) => `${what}: median ${round(median(ms))} ms, p95 ${round(p95(ms))} ms over ${ms.length} frames`;

declare global {
  interface Window {
    /** What a benchmark page reports; `npm run bench -- NAME` writes it to bench/results/NAME.json. */
    benchResult?: Record<string, number | string | boolean>;
  }
}
