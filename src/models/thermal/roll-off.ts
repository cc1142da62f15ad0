/**
 * What an RF generator's impedance roll-offs say, judged on data time. A
 * roll-off (impedance `riseOhm` above the lowest seen) makes the generator
 * pause, and the tissue usually recovers: that cycling is normal and raises
 * nothing. What a clinician acts on is a roll-off that has not recovered
 * `heldMs` after it began, or roll-offs repeating (`repeats` starting within
 * `windowMs`): the electrode is charring or the tissue dried out around it.
 * Thresholds are training estimates (the RF 3000 rules were not found), in the
 * manner of impedance-controlled RF (Goldberg et al. 2000; Haemmerich & Brace 2013).
 */
export interface RollOffLimits {
  riseOhm: number;
  /** Below the lowest plus this, a roll-off has recovered. */
  recoverOhm: number;
  heldMs: number;
  repeats: number;
  windowMs: number;
}

export const ROLL_OFF_LIMITS: RollOffLimits = { riseOhm: 100, recoverOhm: 50, heldMs: 30_000, repeats: 3, windowMs: 120_000 };

export interface RollOffVerdict {
  /** A roll-off under way longer than `heldMs`. */
  held: boolean;
  /** `repeats` roll-offs began within the last `windowMs`. */
  repeated: boolean;
  /** Below this a roll-off has recovered (Ohm): the lowest impedance seen plus `recoverOhm`. */
  recoveryOhm: number;
  /** Roll-offs begun within the last `windowMs`. */
  recent: number;
}

export class RollOffWatch {
  private lowest = Infinity;
  private since = NaN;
  private starts: number[] = [];
  lastT = -Infinity;

  constructor(readonly limits: RollOffLimits = ROLL_OFF_LIMITS) {}

  /** One impedance sample (Ohm) at data time t (ms), in order. */
  step(t: number, z: number): RollOffVerdict {
    const l = this.limits;
    this.lastT = t;
    if (Number.isNaN(this.since)) {
      if (z < this.lowest) this.lowest = z;
      if (z >= this.lowest + l.riseOhm) {
        this.since = t;
        this.starts.push(t);
      }
    } else if (z < this.lowest + l.recoverOhm) this.since = NaN;
    this.starts = this.starts.filter((s) => t - s < l.windowMs);
    return { held: t - this.since >= l.heldMs, repeated: this.starts.length >= l.repeats, recoveryOhm: this.lowest + l.recoverOhm, recent: this.starts.length };
  }
}
