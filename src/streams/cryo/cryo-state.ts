import type { EstimateSeries } from '../../models/cryo/cryo-tracker.js';
import type { Footprint, Isotherm } from '../../models/cryo/iceball-estimate.js';
import type { PhaseKind, PhaseMark, PhaseNow } from '../../models/cryo/phase-log.js';
import type { ProbeState } from '../../models/cryo/procedure.js';
import type { QuestionableSample } from '../../models/cryo/questionable.js';

/** One isotherm as the engine knows it. */
export interface CryoIsothermState {
  /** Latest measured diameter (mm; NaN when none) and its data time. */
  measuredMm: number;
  measuredT: number;
  /** Estimated diameter at the latest estimate step (mm; an estimate, never a measurement). */
  estimatedMm: number;
  /** Data time the estimate covers the target plus margin (NaN: not yet). */
  estimatedCover: number;
  /** Data time a measurement first reached the target diameter (NaN: not yet). */
  measuredCover: number;
}

/** A phase band on data time: planned (from the protocol) or as it happened. */
export interface PhaseBand<K extends string = PhaseKind> {
  start: number;
  end: number;
  kind: K;
}

/**
 * What the cryoablation engine knows, as plain data a view draws and a debrief
 * or a second viewer reads (`CryoEngine.toJSON`). The estimate series and the
 * questionable list are append-only and shared between snapshots (no copy per
 * sample); every other field belongs to its snapshot.
 */
export interface CryoState {
  /** Latest valid data time of the procedure's channels (-Infinity before any). */
  now: number;
  phase: PhaseNow;
  /** Phase starts as the console sent them. */
  marks: readonly PhaseMark[];
  /** The phases as they happened, up to `now`. */
  actual: readonly PhaseBand[];
  /** The planned protocol laid out from the first phase (or from the first estimate step). */
  planned: readonly PhaseBand<'freeze' | 'thaw'>[];
  /** Target diameter: the largest tumour's long axis plus its margins (mm). */
  targetMm: number;
  /** The estimate, one step every 5 s of data. */
  estimate: Readonly<EstimateSeries>;
  isotherms: Record<Isotherm, CryoIsothermState>;
  /** Whether the target plus margin is covered (measured in this freeze if measured, else estimated at the latest step). */
  covered: boolean;
  /** Data time of the latest estimate step, the footprints' and clearances' time (NaN before). */
  stepT: number;
  /** Estimated isotherm footprints at `stepT`. */
  footprints: Record<Isotherm, readonly Footprint[]>;
  /** The freezing model's isotherms at `stepT` as segments x0, y0, x1, y1 in mm, when the model drives the estimate. */
  contours?: Record<Isotherm, Float32Array>;
  /** Estimated distance from the 0 °C edge to the nearest nerve and to the skin at `stepT` (mm; negative: inside; NaN: none). */
  nerveClearanceMm: number;
  skinClearanceMm: number;
  /** Each probe's state, by probe id. */
  probes: Record<string, ProbeState>;
  /** Data flagged as questionable (kept and drawn), oldest first; at most the last 200. */
  questionable: readonly QuestionableSample[];
  /** How many values were ever flagged (a view tells new flags from the count). */
  flagged: number;
  /** The conditions the engine judges itself that are raised now (`cryo:coverage`, `cryo:probe-cooling:ID`, `cryo:sensor-target:ID`, `cryo:supply-low`, `cryo:all-probes`): a common cause in place of the probes' own. */
  conditions: readonly string[];
  /** Events of the procedure it could not read (each also named on the room's technical stream). */
  unreadable: number;
}

const before: PhaseNow = { index: -1, kind: 'before', freeze: 0, start: NaN, elapsedMs: 0, plannedMs: 0, remainingMs: 0 };
const isotherm = (): CryoIsothermState => ({ measuredMm: NaN, measuredT: NaN, estimatedMm: 0, estimatedCover: NaN, measuredCover: NaN });

/** The state before a procedure is configured. */
export const EMPTY_CRYO_STATE: CryoState = {
  now: -Infinity,
  phase: before,
  marks: [],
  actual: [],
  planned: [],
  targetMm: 0,
  estimate: { t: [], source: [], diameter: { 0: [], [-20]: [], [-40]: [] }, margin: { 0: [], [-20]: [], [-40]: [] } },
  isotherms: { 0: isotherm(), [-20]: isotherm(), [-40]: isotherm() },
  covered: false,
  stepT: NaN,
  footprints: { 0: [], [-20]: [], [-40]: [] },
  nerveClearanceMm: NaN,
  skinClearanceMm: NaN,
  probes: {},
  questionable: [],
  flagged: 0,
  conditions: [],
  unreadable: 0,
};
