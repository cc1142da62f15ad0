import type { FrameTimes, TimedRun } from '../kit/frame-timer.js';
import type { Signals } from '../kit/signals.js';

/**
 * A run's samples as peer libraries take them: whole arrays on one time base
 * (they have no ring buffer), NaN where a channel is silent. Frame f shows
 * samples [(f + 1) * perFrame, (f + 1) * perFrame + window): the window full,
 * then `perFrame` new samples a channel each frame, as the panel is fed.
 */
export interface Recording {
  /** Data time of each sample, epoch ms. */
  t: Float64Array;
  ys: Float32Array[];
  /** Samples in the visible window. */
  window: number;
  perFrame: number;
}

export function record(signals: Signals, window: number, perFrame: number, frames: number): Recording {
  const n = window + (frames + 1) * perFrame;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = signals.time(i);
  return { t, ys: Array.from({ length: signals.channels }, (_, c) => signals.series(c, 0, n)), window, perFrame };
}

/** First sample of the window shown at frame f. */
export const windowStart = (rec: Recording, f: number) => (f + 1) * rec.perFrame;

/** Plot size shared by the peers: the panel's chart canvas, in CSS pixels. */
export interface PlotSize {
  width: number;
  height: number;
}

/** Line colours of the peers: the panel's dark-theme series colours. */
export const PALETTE = ['#4fc3f7', '#ffb74d', '#81c784', '#e57373', '#ba68c8', '#fff176'];

/** A peer library's benchmark: draws `rec` frame by frame into `host`, returns the timed frames. */
export type Peer = (run: TimedRun, rec: Recording, host: HTMLElement, size: PlotSize) => Promise<FrameTimes>;
