import type { ProbeState } from './procedure.js';
import type { PhaseKind } from './phase-log.js';
import { DEFAULT_CRYO_ALARMS, SUPPLY_HYSTERESIS_MPA, SUPPLY_ONSET_MS, coverageId, probeCoolingId, sensorTargetId, supplyLowId, type CryoAlarmSettings } from './cryo-alarms.js';

/**
 * The alarm conditions that are not a limit on one channel, judged on data
 * time: a probe in freeze whose tip has not been below the target for
 * `probeWithinMs` (from the start of the freeze, or from its last cold reading,
 * so a probe that warms mid-freeze is caught too), the 0 °C
 * isotherm not covering the target by the end of a freeze, a designated sensor
 * not at -20 °C by the end of the first freeze, the argon supply pressure below
 * its limit for `SUPPLY_ONSET_MS`. `active()` lists the ids on.
 */
export class CryoWatch {
  /** Per probe in freeze: the start of the freeze or its last reading below the target. */
  private readonly freezeSince = new Map<string, number>();
  private readonly sensorMin = new Map<string, number>();
  private readonly on = new Set<string>();
  private phase: PhaseKind | 'before' = 'before';
  private freezes = 0;
  private covered = false;
  private now = -Infinity;
  /** Since when the supply has been below its limit (NaN: not below). */
  private lowSince = NaN;
  /** The lowest pressure since then (MPa): the value it is judged low on, never one back within the hysteresis. */
  private lowest = NaN;
  /** Each probe's latest tip temperature (°C). */
  private readonly tips = new Map<string, number>();
  /** The 0 °C diameter measured in this freeze with the latest coverage (mm; NaN when judged on the estimate). */
  private coverMm = NaN;
  /** The value each condition came on with (`onsetValue`). */
  private readonly onset = new Map<string, number>();

  constructor(readonly settings: CryoAlarmSettings = DEFAULT_CRYO_ALARMS) {}

  probeState(id: string, t: number, state: ProbeState): void {
    this.time(t);
    if (state === 'freeze') {
      if (!this.freezeSince.has(id)) this.freezeSince.set(id, t);
    } else {
      this.freezeSince.delete(id);
      this.on.delete(probeCoolingId(id));
    }
  }

  tip(id: string, t: number, v: number): void {
    this.tips.set(id, v);
    this.time(t);
    if (v < this.settings.probeTargetC && this.freezeSince.has(id)) {
      this.freezeSince.set(id, t);
      this.on.delete(probeCoolingId(id));
    }
  }

  /** A reading of a designated sensor. */
  sensor(id: string, t: number, v: number): void {
    this.time(t);
    if (this.freezes === 1 && this.phase === 'freeze') this.sensorMin.set(id, Math.min(this.sensorMin.get(id) ?? Infinity, v));
    if (v <= this.settings.sensorTargetC) this.on.delete(sensorTargetId(id));
  }

  /** A reading of the argon supply pressure (MPa): low once below the limit for the onset delay, until back above it by the hysteresis. */
  supply(t: number, v: number): void {
    this.time(t);
    const limit = this.settings.supplyLowMPa;
    if (v >= limit + SUPPLY_HYSTERESIS_MPA) {
      // The supply back: each freezing probe gets its time to cool again, as at the start of a freeze.
      if (this.on.delete(supplyLowId))
        for (const id of this.freezeSince.keys()) {
          this.freezeSince.set(id, t);
          this.on.delete(probeCoolingId(id));
        }
      this.lowSince = this.lowest = NaN;
      return;
    }
    if (v < limit && Number.isNaN(this.lowSince)) this.lowSince = t;
    if (!Number.isNaN(this.lowSince) && !(v >= this.lowest)) this.lowest = v;
    if (t - this.lowSince >= SUPPLY_ONSET_MS) this.raise(supplyLowId, this.lowest);
  }

  /**
   * Whether the target plus margin is covered now (measured when measured, else estimated),
   * and the 0 °C diameter it was judged on when measured (mm; NaN when judged on the estimate's shape).
   */
  coverage(t: number, covered: boolean, measuredMm = NaN): void {
    this.time(t);
    this.covered = covered;
    this.coverMm = measuredMm;
    if (covered) this.on.delete(coverageId);
  }

  /** A phase started: the end of a freeze is when coverage and the designated sensors are judged. */
  phaseStart(t: number, kind: PhaseKind, designated: readonly string[]): void {
    this.time(t);
    if (this.phase === 'freeze' && kind !== 'freeze') {
      if (!this.covered) this.raise(coverageId, this.coverMm);
      if (this.freezes === 1)
        for (const id of designated) {
          const coldest = this.sensorMin.get(id) ?? NaN;
          if (!(coldest <= this.settings.sensorTargetC)) this.raise(sensorTargetId(id), coldest);
        }
    }
    if (kind === 'freeze') this.freezes++;
    this.phase = kind;
  }

  /** Data time moved on (any channel): a probe past its deadline is flagged. */
  time(t: number): void {
    if (!(t > this.now)) return;
    this.now = t;
    for (const [id, since] of this.freezeSince) if (t - since >= this.settings.probeWithinMs) this.raise(probeCoolingId(id), this.tips.get(id) ?? NaN);
  }

  active(): ReadonlySet<string> {
    return this.on;
  }

  /**
   * The value a condition came on with, for its alarm: the supply pressure (MPa), the probe's
   * tip (°C), the designated sensor's coldest in freeze 1 (°C), the 0 °C diameter measured
   * (mm). NaN when it had none: coverage judged on the estimate's shape, a silent probe or sensor.
   */
  onsetValue(id: string): number {
    return this.onset.get(id) ?? NaN;
  }

  /** A condition on, with the value it came on with (kept while it stays on). */
  private raise(id: string, v: number): void {
    if (this.on.has(id)) return;
    this.on.add(id);
    this.onset.set(id, v);
  }
}
