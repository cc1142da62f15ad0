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

/** The figures every contestant reports, ours and each peer's, from this one function. */
export interface FrameStats {
  median: number;
  p95: number;
}

export const frameStats = (ms: readonly number[]): FrameStats => ({ median: median(ms), p95: p95(ms) });

/**
 * A contestant's figures as result keys: `${name}MedianFrameMs${suffix}` and
 * `${name}P95FrameMs${suffix}` (`medianFrameMs…`, `p95FrameMs…` with no name).
 */
export function figures(name: string, s: FrameStats, suffix: string): Record<string, number> {
  const key = (what: string) => (name ? `${name}${what}` : what[0].toLowerCase() + what.slice(1)) + suffix;
  return { [key('MedianFrameMs')]: round(s.median), [key('P95FrameMs')]: round(s.p95) };
}

/**
 * How many times faster ours is than a peer, in one run: p95 against p95 (the
 * headline: a frame late is a frame dropped), and median against median.
 */
export function speedups(peer: string, ours: FrameStats, theirs: FrameStats, suffix: string): Record<string, number> {
  return { [`speedupVs${peer}P95${suffix}`]: round(theirs.p95 / ours.p95, 1), [`speedupVs${peer}Median${suffix}`]: round(theirs.median / ours.median, 1) };
}

declare global {
  interface Window {
    /** What a benchmark page reports; `npm run bench -- NAME` writes it to bench/results/NAME.json. */
    benchResult?: Record<string, number | string | boolean>;
  }
}
