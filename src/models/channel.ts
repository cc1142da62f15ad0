import type { Labelled, Labels } from './channel-label.js';
import type { Ucum } from './units.js';

/** What a channel measures and what its values may be. */
export interface ChannelDescriptor {
  id: string;
  /** The name people read, in any language `labels` has no entry for. */
  label: string;
  /** The name in other languages, by primary language subtag (`{ fr: 'TC nerf' }`); read through `labelOf`. */
  labels?: Labels;
  /** UCUM code of the values as the panel shows them. */
  unit: Ucum;
  /** Expected interval between samples, in ms; drives stale detection. */
  intervalMs: number;
  /** Physically possible values; anything outside is invalid, never drawn. */
  range: readonly [min: number, max: number];
  /** Decimals shown in read-outs, logs and text (default 1), so one value reads the same everywhere. */
  decimals?: number;
  /**
   * A coded channel (its `unit` a UCUM annotation such as `{code}`): the name of each value 0, 1, 2…
   * (`ep.sync`: synchronised, lost, arrhythmia). People read the name, never the bare code (`readingOf`).
   */
  states?: readonly Labelled[];
  /**
   * A count (its `unit` a UCUM annotation such as `{pulse}`): the thing counted, one and several.
   * People read `2 pulses`, and a limit between two whole counts as the first count past it (`≥ 1 pulse`).
   */
  count?: { one: Labelled; other: Labelled };
  /**
   * Smallest span of values a chart's axis shows, in `unit` (default by unit, `minSpanOf`): a
   * sensor's noise is never magnified into a trace that seems to move.
   */
  minSpan?: number;
  /**
   * A fixed [min, max] a chart's axis shows, in `unit`, while the values stay within it (wider
   * only to take in a value beyond, never clipping it): a gain that does not follow the data,
   * as an ECG's, whose complexes are read by their height.
   */
  axis?: readonly [min: number, max: number];
  /**
   * For a waveform channel: the sample rates (Hz) it may plausibly carry. A frame outside
   * is refused (`sample-rate`), never drawn on a wrong time base: a Hz/MHz mix-up is 10^6 off.
   */
  sampleRateHz?: readonly [min: number, max: number];
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

/** A waveform as a source hands it over (the wire's binary frame has this shape, plus `seq`). */
export interface WaveformFrame extends Waveform {
  kind: 'waveform';
}

/** A grid as a source hands it over (the wire's binary frame has this shape, plus `seq`). */
export interface GridFrame extends Grid {
  kind: 'grid';
}

/** Something that happened on a channel at data time `t`: a phase change, a pulse, an operator note. */
export interface TelemetryEvent {
  type: 'event';
  channel: string;
  t: number;
  kind: string;
  text: string;
}
