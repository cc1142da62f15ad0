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
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Every canvas of an element: in its shadow root and light DOM, and in the panels nested in them (a trend inside a gauge). */
export function canvasesOf(el: Element): HTMLCanvasElement[] {
  const roots: ParentNode[] = el.shadowRoot ? [el.shadowRoot, el] : [el];
  return roots.flatMap((root) => [
    ...root.querySelectorAll('canvas'),
    ...[...root.querySelectorAll('*')].flatMap((inner) => (inner.shadowRoot ? canvasesOf(inner) : [])),
  ]);
}

/**
 * Times `step(frame)` followed by a one-pixel read-back from every canvas:
 * a canvas records its drawing and rasters it only when flushed, so without the
 * read-back the raster (most of the cost of a dense chart) would land after the
 * clock stopped. One animation frame passes, untimed, between frames.
 */
export async function timeFrames(run: TimedRun, step: (frame: number) => void, canvases: readonly HTMLCanvasElement[]): Promise<FrameTimes> {
  if (!canvases.length) throw new Error('timeFrames: nothing to read back, so the raster would not be timed');
  const reads = canvases.map((c) => ({ ctx: c.getContext('2d')!, x: c.width >> 1, y: c.height >> 1 }));
  const times: FrameTimes = { ms: [], readBackMs: [] };
  for (let f = 0; f < run.warmUp + run.frames; f++) {
    await nextFrame();
    const t0 = performance.now();
    step(f);
    const drawn = performance.now();
    for (const r of reads) r.ctx.getImageData(r.x, r.y, 1, 1);
    const t1 = performance.now();
    if (f < run.warmUp) continue;
    times.ms.push(t1 - t0);
    times.readBackMs.push(t1 - drawn);
  }
  return times;
}

/**
 * Times a panel of this library: `feed(frame)` hands it the frame's data
 * through its public input (a source, a method), then every pending panel of
 * the page draws now, as the next animation frame would have.
 */
export function timePanel(run: TimedRun, panel: Element, feed: (frame: number) => void): Promise<FrameTimes> {
  return timeFrames(
    run,
    (f) => {
      feed(f);
      flushFrames();
    },
    canvasesOf(panel),
  );
}
