import { DEFAULT_CRYO_ALARMS, type CryoAlarmSettings } from './cryo-alarms.js';
import { CryoWatch } from './cryo-watch.js';
import { FreezeClock, parseProbeState } from './freeze-clock.js';
import { ISOTHERMS, coverageMarginMm, equivalentDiameterMm, footprints, type Footprint, type FreezingProbe, type Isotherm } from './iceball-estimate.js';
import { PhaseLog, parsePhase } from './phase-log.js';
import { checkProcedure, marginOf, targetDiameterMm, type CryoProcedure } from './procedure.js';
import { ellipsePoints, type Vec } from './plane-geometry.js';
import { IceShrinkCheck, colderThanTips, type QuestionableReason, type QuestionableSample } from './questionable.js';

/** The estimate is stepped on data time at this interval (ms). */
const STEP_MS = 5000;
/** Questionable samples kept for display. */
const KEPT = 200;

/** The estimated series, one value per step: diameter (mm) and target-coverage margin (mm) per isotherm. */
export interface EstimateSeries {
  t: number[];
  diameter: Record<Isotherm, number[]>;
  margin: Record<Isotherm, number[]>;
}

const perIsotherm = <T>(make: () => T) => Object.fromEntries(ISOTHERMS.map((i) => [i, make()])) as Record<Isotherm, T>;

/**
 * Everything the iceball panel knows about a procedure, from the console's
 * events and the samples, on data time: the phases, each probe's effective
 * freeze, the estimate and when it covers the target, the measured sizes and
 * when they cover it, questionable data, and the alarm conditions judged here.
 * Pure: fed by the panel (or a test), it keeps working while nothing is drawn.
 */
export class CryoTracker {
  readonly clock = new FreezeClock();
  readonly phases: PhaseLog;
  readonly watch: CryoWatch;
  readonly estimate: EstimateSeries = { t: [], diameter: perIsotherm(() => []), margin: perIsotherm(() => []) };
  /** First data time each isotherm covers the target plus margin: estimated, and measured. */
  readonly estimatedCover = perIsotherm(() => NaN);
  readonly measuredCover = perIsotherm(() => NaN);
  readonly questionable: QuestionableSample[] = [];
  /** Latest valid data time over every channel. */
  now = -Infinity;
  private readonly shrink = new IceShrinkCheck();
  private readonly tips = new Map<string, number>();
  private readonly probeOf = new Map<string, string>();
  private readonly designated = new Map<string, string>();
  private readonly sensorChannels = new Set<string>();
  private readonly targetPoints: Vec[];
  private readonly lastMeasured = perIsotherm(() => ({ t: NaN, v: NaN }));
  private nextStep = NaN;

  constructor(
    readonly procedure: CryoProcedure,
    readonly settings: CryoAlarmSettings = DEFAULT_CRYO_ALARMS,
    /** Channel id of each isotherm's measured diameter. */
    readonly iceChannel: (iso: Isotherm) => string = (iso) => `ice.${iso}`,
  ) {
    this.phases = new PhaseLog(procedure.protocol);
    this.watch = new CryoWatch(settings);
    for (const p of procedure.probes) this.probeOf.set(p.channel, p.id);
    for (const s of procedure.sensors)
      for (const pt of s.points) {
        this.sensorChannels.add(pt.channel);
        if (s.designated) this.designated.set(pt.channel, s.id);
      }
    this.targetPoints = procedure.tumours.flatMap((t) => ellipsePoints(t.xMm, t.yMm, t.semiMajorMm + marginOf(t), t.semiMinorMm + marginOf(t), t.angleDeg));
    for (const issue of checkProcedure(procedure)) if (issue.reason === 'outside-field') this.flag(issue.id, NaN, NaN, 'outside-field');
  }

  /** The target diameter drawn on the curve: the largest tumour's long axis plus its margins. */
  get targetDiameterMm(): number {
    return Math.max(0, ...this.procedure.tumours.map(targetDiameterMm));
  }

  /** A console event: `phase` (freeze, thaw, end) or `probe-state` on a probe's channel. False when refused (unknown text, out of order). */
  event(e: { channel: string; t: number; kind: string; text: string }): boolean {
    this.advance(e.t);
    if (e.kind === 'phase') {
      const kind = parsePhase(e.text);
      if (!kind || !this.phases.add({ t: e.t, kind })) return false;
      if (kind === 'freeze') this.shrink.reset();
      if (Number.isNaN(this.nextStep)) this.nextStep = e.t;
      this.watch.phaseStart(e.t, kind, [...new Set(this.designated.values())]);
      return true;
    }
    if (e.kind === 'probe-state') {
      const id = this.probeOf.get(e.channel);
      const s = parseProbeState(e.text);
      if (!id || !s || !this.clock.set(id, e.t, s.state, s.powerPct)) return false;
      if (Number.isNaN(this.nextStep)) this.nextStep = e.t;
      this.watch.probeState(id, e.t, s.state);
      return true;
    }
    return true;
  }

  /** One valid sample; returns why it is questionable, if it is. */
  sample(channel: string, t: number, v: number): QuestionableReason | undefined {
    this.advance(t);
    const probe = this.probeOf.get(channel);
    if (probe !== undefined) {
      this.tips.set(channel, v);
      this.watch.tip(probe, t, v);
      return;
    }
    if (this.sensorChannels.has(channel)) {
      const d = this.designated.get(channel);
      if (d) this.watch.sensor(d, t, v);
      // Only a tip that is freezing (in freeze and down to the probe target) bounds the tissue: in a thaw,
      // and early in the next freeze, the tips are warmer than the ice they left.
      let coldest = Infinity;
      for (const [tipChannel, tip] of this.tips) if (tip <= this.settings.probeTargetC && this.clock.state(this.probeOf.get(tipChannel)!) === 'freeze') coldest = Math.min(coldest, tip);
      if (colderThanTips(v, coldest)) return this.flag(channel, t, v, 'sensor-colder-than-tip');
      return;
    }
    for (const iso of ISOTHERMS) {
      if (channel !== this.iceChannel(iso)) continue;
      if (this.shrink.check(channel, v, this.phases.at(t).kind === 'freeze')) return this.flag(channel, t, v, 'ice-shrinking');
      this.lastMeasured[iso] = { t, v };
      if (Number.isNaN(this.measuredCover[iso]) && v >= this.targetDiameterMm) this.measuredCover[iso] = t;
      if (iso === 0) this.watch.coverage(t, this.covered(t));
    }
    return;
  }

  /** Data time moved on: the estimate is stepped to it, the time-bound conditions judged. */
  advance(t: number): void {
    if (!(t > this.now)) return;
    this.now = t;
    this.watch.time(t);
    if (Number.isNaN(this.nextStep)) return;
    let steps = 0;
    while (this.nextStep <= t && steps++ < 2000) {
      this.step(this.nextStep);
      this.nextStep += STEP_MS;
    }
    if (steps > 2000) this.nextStep = Math.ceil(t / STEP_MS) * STEP_MS;
  }

  /** Probes with their effective freeze at data time t. */
  probesAt(t: number): FreezingProbe[] {
    return this.procedure.probes.map((p) => ({ xMm: p.xMm, yMm: p.yMm, freezeMin: this.clock.minutes(p.id, t) }));
  }

  footprintsAt(t: number, iso: Isotherm): Footprint[] {
    return footprints(this.probesAt(t), iso);
  }

  /** The latest measurement of an isotherm (NaN when none). */
  measured(iso: Isotherm): { t: number; v: number } {
    return this.lastMeasured[iso];
  }

  /** Covered now: measured in this freeze when there is a measurement, estimated otherwise. */
  covered(t: number): boolean {
    const m = this.lastMeasured[0];
    const start = this.phases.at(t).start;
    if (m.t >= start) return m.v >= this.targetDiameterMm;
    return coverageMarginMm(this.footprintsAt(t, 0), this.targetPoints) >= 0;
  }

  private step(t: number): void {
    const e = this.estimate;
    const probes = this.probesAt(t);
    e.t.push(t);
    for (const iso of ISOTHERMS) {
      const prints = footprints(probes, iso);
      const margin = prints.length ? coverageMarginMm(prints, this.targetPoints) : -Infinity;
      const ms = e.margin[iso];
      // The crossing, interpolated between steps.
      if (Number.isNaN(this.estimatedCover[iso]) && margin >= 0) {
        const prev = ms[ms.length - 1];
        this.estimatedCover[iso] = Number.isFinite(prev) && prev < 0 ? t - STEP_MS * (margin / (margin - prev)) : t;
      }
      e.diameter[iso].push(equivalentDiameterMm(prints));
      ms.push(margin);
    }
    this.watch.coverage(t, this.covered(t));
  }

  private flag(channel: string, t: number, v: number, reason: QuestionableReason): QuestionableReason {
    this.questionable.push({ channel, t, v, reason });
    if (this.questionable.length > KEPT) this.questionable.shift();
    return reason;
  }
}
