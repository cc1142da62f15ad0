import type { Isotherm } from '../../models/cryo/iceball-estimate.js';
import type { PhaseNow } from '../../models/cryo/phase-log.js';

/** What the panel shows, as data: for hosts, and for tests of what is drawn. */
export interface IceballStatus {
  /** Latest data time (epoch ms; -Infinity before any data). */
  now: number;
  phase: PhaseNow;
  /** Target diameter: tumour long axis plus margin each side (mm). */
  targetMm: number;
  isotherms: Record<
    Isotherm,
    {
      /** Latest measured diameter (mm; NaN when none). */
      measuredMm: number;
      /** Estimated diameter now (mm; an estimate, never a measurement). */
      estimatedMm: number;
      /** Data time the estimate covers the target plus margin (NaN: not yet). */
      estimatedCover: number;
      /** Data time a measurement first reached the target diameter (NaN: not yet). */
      measuredCover: number;
    }
  >;
  /** What makes the estimates: the freezing model driven by the measured tips, or the fallback fit while a probe has no recent tip temperature. */
  estimateSource: 'model' | 'fit';
  /** Whether the target plus margin is covered now (measured in this freeze if measured, else estimated). */
  covered: boolean;
  /** Estimated distance from the 0 °C edge to the nearest nerve and to the skin (mm; negative: inside the ice). */
  nerveClearanceMm: number;
  skinClearanceMm: number;
}
