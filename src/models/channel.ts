import type { Ucum } from './units.js';

/** What a channel measures and what its values may be. */
export interface ChannelDescriptor {
  id: string;
  label: string;
  /** UCUM code of the values as the panel shows them. */
  unit: Ucum;
  /** Expected interval between samples, in ms; drives stale detection. */
  intervalMs: number;
  /** Physically possible values; anything outside is invalid, never drawn. */
  range: readonly [min: number, max: number];
}

/** Scalars in columnar batches: times in epoch ms, values in the channel's unit. */
export interface SampleBatch {
  channel: string;
  t: Float64Array;
  v: Float32Array;
}

/** One pulse or trace, sampled regularly from t0. */
export interface Waveform {
  channel: string;
  t0: number;
  sampleRateHz: number;
  data: Float32Array;
}

/** A 2-D grid such as an MR thermometry frame, row-major. */
export interface Grid {
  channel: string;
  t: number;
  width: number;
  height: number;
  spacingMm: readonly [number, number];
  originMm: readonly [number, number];
  data: Float32Array;
}

export type Quality = 'valid' | 'questionable' | 'invalid' | 'stale';
