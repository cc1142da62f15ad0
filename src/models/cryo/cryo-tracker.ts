import { DEFAULT_CRYO_ALARMS, type CryoAlarmSettings } from './cryo-alarms.js';
import { CryoWatch } from './cryo-watch.js';
import { FreezeClock, parseProbeState } from './freeze-clock.js';
import { ISOTHERMS, clearanceMm, coverageMarginMm, equivalentDiameterMm, footprints, type Footprint, type FreezingProbe, type Isotherm } from './iceball-estimate.js';
import { ContourBuffer } from '../thermal/contours.js';
import { FreezingModel, TISSUE_ESTIMATE, type FreezingTissue } from './freezing-model.js';
import { PhaseLog, parsePhase } from './phase-log.js';
import { checkProcedure, fieldFits, largestTargetMm, marginOf, modelGeometry, type CryoProcedure } from './procedure.js';
import { ellipsePoints, segmentDistanceXY, type Vec } from './plane-geometry.js';
import { IceShrinkCheck, colderThanTips, type QuestionableReason, type QuestionableSample } from './questionable.js';

/** The estimate is stepped on data time at this interval (ms). */
const STEP_MS = 5000;
/** Questionable samples kept for display. */
const KEPT = 200;
/** A tip temperature older than this no longer drives the model (ms; project default: a few missed 1 s samples). */
const TIP_STALE_MS = 15_000;
/** Grid of the freezing model, mm: isotherms within 0.5 mm of the Neumann solution at this spacing (tested). */
const MODEL_SPACING_MM = 1;

/**
 * Where a step's estimate comes from: `model`, the freezing model driven by the
 * measured tip temperatures; `fit`, the curve fit of iceball-estimate.ts, the
 * labelled fallback while a probe the console runs has no recent tip temperature.
 */
export type EstimateSource = 'model' | 'fit';

/** The estimated series, one value per step: diameter (mm) and target-coverage margin (mm) per isotherm, and their source. */
export interface EstimateSeries {
  t: number[];
  diameter: Record<Isotherm, number[]>;
  margin: Record<Isotherm, number[]>;
  source: EstimateSource[];
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
  readonly estimate: EstimateSeries = { t: [], diameter: perIsotherm(() => []), margin: perIsotherm(() => []), source: [] };
  /**
   * The freezing model, stepped on data time with the probes at their measured tip temperatures;
   * none for a field it cannot grid (`fieldFits`): the estimate is then the fit.
   */
  readonly model?: FreezingModel;
  /** First data time each isotherm covers the target plus margin: estimated, and measured. */
  readonly estimatedCover = perIsotherm(() => NaN);
  readonly measuredCover = perIsotherm(() => NaN);
  readonly questionable: QuestionableSample[] = [];
  /** Latest valid data time over every channel. */
  now = -Infinity;
  private readonly shrink = new IceShrinkCheck();
  private readonly tips = new Map<string, number>();
  private readonly tipTimes = new Map<string, number>();
  private modelT = NaN;
  private readonly contours = new ContourBuffer();
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
    /** The tissue the model assumes. */
    tissue: Readonly<FreezingTissue> = TISSUE_ESTIMATE,
  ) {
    if (fieldFits(procedure.field)) this.model = new FreezingModel({ field: procedure.field, spacingMm: MODEL_SPACING_MM, ...modelGeometry(procedure), tissue });
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
    return largestTargetMm(this.procedure);
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

  /** One valid sample (the supply's in MPa); returns why it is questionable, if it is. */
  sample(channel: string, t: number, v: number): QuestionableReason | undefined {
    this.advance(t);
    if (channel === this.procedure.supply?.channel) {
      this.watch.supply(t, v);
      return;
    }
    const probe = this.probeOf.get(channel);
    if (probe !== undefined) {
      this.tips.set(channel, v);
      this.tipTimes.set(channel, t);
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
      if (iso === 0) this.judgeCoverage(t);
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

  /** The fit's footprints (the fallback estimate) at data time t. */
  footprintsAt(t: number, iso: Isotherm): Footprint[] {
    return footprints(this.probesAt(t), iso);
  }

  /** Distance from the estimated 0 °C edge out to the nearest of `points` at data time t, mm (negative inside; NaN without ice or points). */
  clearanceMm(t: number, points: readonly Vec[]): number {
    if (!points.length) return NaN;
    const m = this.driving;
    if (m) {
      // The distance to the model's 0 °C line, negative for a point already frozen.
      const lines = this.contoursMm(0);
      if (!lines.length) return NaN;
      let d = Infinity;
      for (const [x, y] of points) {
        let near = Infinity;
        for (let k = 0; k < lines.length; k += 4) near = Math.min(near, segmentDistanceXY(x, y, lines[k], lines[k + 1], lines[k + 2], lines[k + 3]));
        d = Math.min(d, m.at(x, y) <= 0 ? -near : near);
      }
      return d;
    }
    const prints = this.footprintsAt(t, 0);
    return prints.length ? clearanceMm(prints, points) : NaN;
  }

  /** The source of the latest estimate step (`fit` before any). */
  get estimateSource(): EstimateSource {
    return this.estimate.source[this.estimate.source.length - 1] ?? 'fit';
  }

  /** The model, when it made the latest estimate step. */
  private get driving(): FreezingModel | undefined {
    return this.estimateSource === 'model' ? this.model : undefined;
  }

  /**
   * The model's isotherm `iso` now, as segments x0, y0, x1, y1 in mm of the
   * plan (a new array; the latest model step's time).
   */
  contoursMm(iso: Isotherm): Float32Array {
    const m = this.model;
    if (!m) return new Float32Array(0);
    const c = this.contours.trace(m.temperature, m.nx, m.ny, iso + 1e-9);
    const out = c.segments.slice(0, c.count * 4);
    for (let k = 0; k < out.length; k += 2) {
      out[k] = m.cellX(out[k]);
      out[k + 1] = m.cellY(out[k + 1]);
    }
    return out;
  }

  /** The latest measurement of an isotherm (NaN when none). */
  measured(iso: Isotherm): { t: number; v: number } {
    return this.lastMeasured[iso];
  }

  /** Covered now: measured since the last freeze began when there is a measurement, estimated otherwise. */
  covered(t: number): boolean {
    const measured = this.measuredSinceFreeze(t);
    if (!Number.isNaN(measured)) return measured >= this.targetDiameterMm;
    const m = this.driving;
    if (m) return m.marginMm(0, this.targetPoints) >= 0;
    return coverageMarginMm(this.footprintsAt(t, 0), this.targetPoints) >= 0;
  }

  /**
   * The 0 °C diameter measured since the freeze under way at t began, or the last one (mm), NaN
   * when none: coverage is then judged on the estimate. Through a thaw the freeze's measurement
   * stands (the ice only shrinks): the estimate taking over as the thaw starts would end at once
   * an alarm raised on the measured edge.
   */
  private measuredSinceFreeze(t: number): number {
    const m = this.lastMeasured[0];
    return m.t >= this.phases.freezeStart(t) ? m.v : NaN;
  }

  /** Coverage at t, and the diameter it was judged on when measured, to the watch. */
  private judgeCoverage(t: number): void {
    this.watch.coverage(t, this.covered(t), this.measuredSinceFreeze(t));
  }

  /**
   * Steps the model to t with each probe at its latest tip temperature (a probe
   * without a recent one is left free); says whether every probe the console
   * runs had one, i.e. whether the model's estimate stands (never without a model).
   */
  private stepModel(t: number): boolean {
    const m = this.model;
    if (!m) return false;
    let driven = true;
    this.procedure.probes.forEach((p, i) => {
      const fresh = t - (this.tipTimes.get(p.channel) ?? -Infinity) <= TIP_STALE_MS;
      m.setProbe(i, fresh ? this.tips.get(p.channel)! : NaN);
      if (!fresh && this.clock.state(p.id) !== 'off') driven = false;
    });
    if (Number.isFinite(this.modelT)) m.advance((t - this.modelT) / 1000);
    this.modelT = t;
    return driven;
  }

  private step(t: number): void {
    const e = this.estimate;
    const probes = this.probesAt(t);
    const m = this.stepModel(t) ? this.model : undefined;
    const source: EstimateSource = m ? 'model' : 'fit';
    e.t.push(t);
    e.source.push(source);
    for (const iso of ISOTHERMS) {
      let margin: number;
      let diameter: number;
      if (m) {
        diameter = m.equivalentDiameterMm(iso);
        margin = m.marginMm(iso, this.targetPoints);
      } else {
        const prints = footprints(probes, iso);
        diameter = equivalentDiameterMm(prints);
        margin = prints.length ? coverageMarginMm(prints, this.targetPoints) : -Infinity;
      }
      const ms = e.margin[iso];
      // The crossing, interpolated between steps.
      if (Number.isNaN(this.estimatedCover[iso]) && margin >= 0) {
        const prev = ms[ms.length - 1];
        this.estimatedCover[iso] = Number.isFinite(prev) && prev < 0 ? t - STEP_MS * (margin / (margin - prev)) : t;
      }
      e.diameter[iso].push(diameter);
      ms.push(margin);
    }
    this.judgeCoverage(t);
  }

  private flag(channel: string, t: number, v: number, reason: QuestionableReason): QuestionableReason {
    this.questionable.push({ channel, t, v, reason });
    if (this.questionable.length > KEPT) this.questionable.shift();
    return reason;
  }
}
