import { flushFrames } from '../../src/components/kit/frame-scheduler.js';

export interface TimedRun {
  /** Frames run before timing starts (JIT, caches, first allocations). */
  warmUp: number;
  /** Frames timed. */
  frames: number;
}

/** Durations of the timed frames in ms, whole and the read-back's share (the raster, mostly). */
export interface FrameTimes {
  ms: number[];
  readBackMs: number[];
  /** Whether each timed frame drew: always, unless the contestant has a draw counter (`framesDrawn`). */
  drawn: boolean[];
}

/** What one timed frame does: may be async (a Lit update awaited), but must not wait for a timer or a frame. */
export type Step = (frame: number) => void | Promise<void>;

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Every canvas of an element: in its shadow root and light DOM, and in the panels nested in them (a trend inside a gauge). */
export function canvasesOf(el: Element): HTMLCanvasElement[] {
  const roots: ParentNode[] = el.shadowRoot ? [el.shadowRoot, el] : [el];
  return roots.flatMap((root) => [
    ...root.querySelectorAll('canvas'),
    ...[...root.querySelectorAll('*')].flatMap((inner) => (inner.shadowRoot ? canvasesOf(inner) : [])),
  ]);
}

/** A Lit element (or any element with an `updateComplete` promise). */
interface Updating extends Element {
  updateComplete: Promise<unknown>;
}

/** The element and every element with a Lit update nested in it (through shadow roots), outermost first. */
function updatingOf(el: Element): Updating[] {
  const own = 'updateComplete' in el ? [el as Updating] : [];
  const roots: ParentNode[] = el.shadowRoot ? [el.shadowRoot, el] : [el];
  return [...own, ...roots.flatMap((root) => [...root.children].flatMap(updatingOf))];
}

/**
 * Times `step(frame)` followed by a one-pixel read-back from every canvas:
 * a canvas records its drawing and rasters it only when flushed, so without the
 * read-back the raster (most of the cost of a dense chart) would land after the
 * clock stopped. Fails when there is no canvas to read. One animation frame
 * passes, untimed, between frames. `drawCount`, read outside the timing before
 * and after each frame, tells which frames drew.
 */
export async function timeFrames(run: TimedRun, step: Step, canvases: readonly HTMLCanvasElement[], drawCount?: () => number): Promise<FrameTimes> {
  if (!canvases.length) throw new Error('timeFrames: nothing to read back, so the raster would not be timed');
  const reads = canvases.map((c) => {
    const ctx = c.getContext('2d');
    if (!ctx || !c.width || !c.height) throw new Error('timeFrames: a canvas with no 2D context or no pixels cannot be read back');
    return { ctx, x: c.width >> 1, y: c.height >> 1 };
  });
  const times: FrameTimes = { ms: [], readBackMs: [], drawn: [] };
  for (let f = 0; f < run.warmUp + run.frames; f++) {
    await nextFrame();
    const before = drawCount?.();
    const t0 = performance.now();
    await step(f);
    const drawn = performance.now();
    for (const r of reads) r.ctx.getImageData(r.x, r.y, 1, 1);
    const t1 = performance.now();
    if (f < run.warmUp) continue;
    times.ms.push(t1 - t0);
    times.readBackMs.push(t1 - drawn);
    times.drawn.push(before === undefined || drawCount!() > before);
  }
  return times;
}

/**
 * Times work that draws nothing (a model: alarm rules), `run.frames` steps back
 * to back with no animation frame between. Only for benchmarks with no canvas:
 * anything that draws goes through `timeFrames`, raster included.
 */
export async function timeSteps(run: TimedRun, step: Step): Promise<number[]> {
  const ms: number[] = [];
  for (let f = 0; f < run.warmUp + run.frames; f++) {
    const t0 = performance.now();
    await step(f);
    const t1 = performance.now();
    if (f >= run.warmUp) ms.push(t1 - t0);
  }
  return ms;
}

/**
 * Times a panel of this library: `feed(frame)` hands it the frame's data
 * through its public input (a source, a method), then every pending panel of
 * the page draws now, as the next animation frame would have, and the Lit
 * updates this caused (read-outs, tables, a nested panel) run and draw, all
 * inside the timing. A panel with a `framesDrawn` counter reports which frames drew.
 */
export function timePanel(run: TimedRun, panel: Element, feed: (frame: number) => void): Promise<FrameTimes> {
  const updating = updatingOf(panel);
  const counter = panel as { framesDrawn?: unknown };
  const drawCount = typeof counter.framesDrawn === 'number' ? () => counter.framesDrawn as number : undefined;
  return timeFrames(
    run,
    async (f) => {
      feed(f);
      flushFrames();
      for (const el of updating) await el.updateComplete;
      // What an update asked to draw (a nested panel given new markers) would draw in the next frame: draw it in this one.
      flushFrames();
    },
    canvasesOf(panel),
    drawCount,
  );
}
