import type { Quality, SampleBatch } from './channel.js';
import type { Verdict } from './validate.js';
import type { FrameReason } from './frame-check.js';
import type { FrameErrorReason } from './wire-frame.js';
import type { WireErrorReason } from './wire-envelope.js';

/** Why samples were kept out of the picture, beyond a per-value Verdict. */
/**
 * `unreadable`: well-formed data a procedure engine cannot interpret (an unknown phase, a malformed event text).
 * `reduced`: data kept at a lower resolution or for less time than sent (a map beyond an engine's size limit; a burst
 *   faster than a channel's interval, its store holding less than its window).
 */
export type TechnicalReason =
  | Exclude<Verdict, 'accepted'>
  | 'unknown-channel'
  | 'unit-mismatch'
  | 'line-too-long'
  | 'unreadable'
  | 'reduced'
  | 'event-too-long'
  | 'sample-rate'
  | FrameReason
  | WireErrorReason
  | FrameErrorReason;

/**
 * Samples rejected for one reason, aggregated per batch so a burst of bad
 * data costs one event, not one per sample. `t` is the first offending data time
 * (NaN when no time is known, e.g. an unparseable line).
 */
export interface TechnicalEvent {
  type: 'technical';
  channel: string | null;
  reason: TechnicalReason;
  count: number;
  t: number;
  /** What exactly could not be read, for a person (an engine's `unreadable` names the text it got). */
  detail?: string;
}

/** A batch that may declare the unit it was sent in (the wire always does). */
export interface UnitBatch extends SampleBatch {
  unit?: string;
}

/** A channel's quality changed, at data time `t`. */
export interface QualityChange {
  type: 'quality';
  channel: string;
  quality: Quality;
  t: number;
}

export const isTechnicalEvent = (x: unknown): x is TechnicalEvent =>
  typeof x === 'object' && x !== null && (x as { type?: unknown }).type === 'technical';
