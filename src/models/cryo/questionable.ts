/**
 * Data that is valid as a value but cannot be right in context: kept, drawn,
 * and shown as questionable (IEEE 11073 "questionable" validity), never dropped.
 */
export type QuestionableReason = 'ice-shrinking' | 'sensor-colder-than-tip' | 'outside-field';

export interface QuestionableSample {
  channel: string;
  t: number;
  v: number;
  reason: QuestionableReason;
}

/**
 * A measured ice diameter may not shrink during a freeze by more than the
 * measurement noise (default 2 mm; OUR CHOICE, near the 2.3 mm mean isotherm
 * error of a validated model in gel, Int J Hyperthermia 2020).
 */
export class IceShrinkCheck {
  private max = new Map<string, number>();

  constructor(readonly noiseMm = 2) {}

  /** A freeze started: the ice may have shrunk during the thaw. */
  reset(): void {
    this.max.clear();
  }

  /** Whether this measurement is questionable; only a freezing ice ball is judged. */
  check(channel: string, v: number, freezing: boolean): boolean {
    const max = this.max.get(channel) ?? -Infinity;
    if (!freezing) return false;
    if (v < max - this.noiseMm) return true;
    if (v > max) this.max.set(channel, v);
    return false;
  }
}

/** A sensor reading colder than the coldest probe tip (beyond `toleranceC`) cannot be right: heat flows from tissue to probe. */
export const colderThanTips = (v: number, coldestTip: number, toleranceC = 2) => Number.isFinite(coldestTip) && v < coldestTip - toleranceC;
