import { animationFrames, buffer, filter, type OperatorFunction } from 'rxjs';

/**
 * Collects items and hands them on once per animation frame, so a renderer
 * draws at most once per frame however fast data arrives. Buffering on the
 * frame ticks (rather than delaying each item onto animationFrameScheduler)
 * keeps one emission per frame and never reorders. Empty frames are skipped.
 */
export function frameBatches<T>(): OperatorFunction<T, T[]> {
  return (source) =>
    source.pipe(
      buffer(animationFrames()),
      filter((items) => items.length > 0),
    );
}
