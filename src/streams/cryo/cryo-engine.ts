import type { Subscription } from 'rxjs';
import type { SampleBatch, TelemetryEvent } from '../../models/channel.js';
import { DEFAULT_CRYO_ALARMS, cryoRules, derivedAlarm, folded, type CryoAlarmSettings } from '../../models/cryo/cryo-alarms.js';
import { CryoTracker } from '../../models/cryo/cryo-tracker.js';
import { parseProbeState } from '../../models/cryo/freeze-clock.js';
import { ISOTHERMS, type Isotherm } from '../../models/cryo/iceball-estimate.js';
import { parsePhase, type PhaseKind } from '../../models/cryo/phase-log.js';
import { polylinePoints, type Vec } from '../../models/cryo/plane-geometry.js';
import { conversion } from '../../models/units.js';
import { DEFAULT_PROBE_RADIUS_MM, DEFAULT_VESSEL_RADIUS_MM, MAX_FIELD_MM, checkProcedure, type CryoProcedure, type GeometryIssue } from '../../models/cryo/procedure.js';
import { ProcedureEngine, type EngineAlarm } from '../engines/procedure-engine.js';
import { registerEngine } from '../engines/registry.js';
import type { TelemetryRoom } from '../room/room.js';
import { EMPTY_CRYO_STATE, type CryoState } from './cryo-state.js';

/** What the engine runs: the procedure, and alarm defaults to change (the rest stay `DEFAULT_CRYO_ALARMS`). */
export interface CryoConfig {
  procedure: CryoProcedure;
  alarms?: Partial<CryoAlarmSettings>;
}

/** The alarm given with a condition that ends (its text and priority stay those it was raised with). */
const ENDED: EngineAlarm = { message: { en: '', fr: '' }, priority: 'me', kind: 'tec' };

/** Unreadable events named once each, however often the room's history is replayed. */
const NAMED_KEPT = 256;

/** A geometry issue that no sample shows (a point outside the field is shown on its samples), in words for `configErrors`. */
function issueText(p: CryoProcedure, i: GeometryIssue): string | undefined {
  if (i.reason === 'no-probe') return 'cryo procedure: no probe, no estimate';
  if (i.reason === 'field') return `cryo procedure: field x ${p.field.x.join(' to ')}, y ${p.field.y.join(' to ')} mm cannot be gridded (at most ${MAX_FIELD_MM} mm a side): the estimate is the fit`;
  if (i.reason === 'probe-radius') return `cryo procedure: probe '${i.id}' radius ${i.radiusMm} mm cannot be right: ${DEFAULT_PROBE_RADIUS_MM} mm used`;
  if (i.reason === 'vessel-radius') return `cryo procedure: vessel '${i.id}' radius ${i.radiusMm} mm cannot be right: ${DEFAULT_VESSEL_RADIUS_MM} mm used`;
  return undefined;
}

const perIsotherm = <T>(make: (iso: Isotherm) => T) => Object.fromEntries(ISOTHERMS.map((i) => [i, make(i)])) as Record<Isotherm, T>;

/**
 * A cryoablation in a room, with or without a panel on screen: the phases and
 * each probe's freeze from the console's `phase` and `probe-state` events, the
 * ice-ball estimate and its coverage of the target, the measured isotherms,
 * questionable data, and the alarms: a sensor beside a nerve below its band and
 * a lost probe or sensor signal (rules on the room's manager), the 0 °C isotherm
 * not covering the target at the end of a freeze, the designated sensor not at
 * -20 °C at the end of freeze 1 and a freezing probe not cooling (judged here,
 * raised through the manager). A common cause is one alarm, in place of its
 * consequences: the argon supply pressure below its limit (or, with no supply
 * pressure in the room, every probe not cooling) folds the probes' own alarms
 * while it lasts. A `phase` or `probe-state` event it cannot read
 * is named on the room's technical stream (reason `unreadable`); the words are
 * matched whatever their case (`Freeze` is a freeze: refusing it would leave the
 * timer and the end-of-freeze checks wrong for a capital letter). When the
 * procedure ends (`phase end`), its rules are retired: channels that fall silent
 * because the procedure is over are not lost signals.
 */
export class CryoEngine extends ProcedureEngine<CryoConfig, CryoState> {
  readonly kind = 'cryo';
  private tracker?: CryoTracker;
  private settings: CryoAlarmSettings = DEFAULT_CRYO_ALARMS;
  private channels = new Set<string>();
  private raised = new Set<string>();
  private named = new Set<string>();
  private flagged = 0;
  private unread = 0;
  /** Whether the signal-lost rules are on (off once the procedure has ended). */
  private watching = true;
  private ruleKey?: string;
  /** The supply's pressure in MPa from its channel's unit; undefined while the room has no such pressure channel. */
  private toMPa?: (v: number) => number;
  /** Footprints and clearances, recomputed only when the estimate steps. */
  private stepped = { steps: -1, measuredT: NaN, state: EMPTY_CRYO_STATE };

  private readonly roomChannels: Subscription;

  constructor(room: TelemetryRoom) {
    super(room, EMPTY_CRYO_STATE);
    // The room's channels may come after the configuration: the rules follow them.
    this.roomChannels = room.channels.subscribe(() => this.rules());
  }

  override close(): void {
    this.roomChannels.unsubscribe();
    super.close();
  }

  protected onConfigure(config: CryoConfig): void {
    for (const id of this.raised) this.condition(id, false, ENDED);
    this.raised = new Set();
    this.named = new Set();
    this.flagged = this.unread = 0;
    this.watching = true;
    this.ruleKey = undefined;
    this.settings = { ...DEFAULT_CRYO_ALARMS, ...config.alarms };
    const p = config.procedure;
    for (const issue of checkProcedure(p)) {
      const text = issueText(p, issue);
      if (text) this.room.configErrors.next(text);
    }
    this.tracker = new CryoTracker(p, this.settings);
    this.flagged = this.tracker.questionable.length;
    this.channels = new Set([...(p.supply ? [p.supply.channel] : []), ...p.probes.map((x) => x.channel), ...p.sensors.flatMap((s) => s.points.map((pt) => pt.channel)), ...ISOTHERMS.map((i) => this.tracker!.iceChannel(i))]);
    this.stepped = { steps: -1, measuredT: NaN, state: EMPTY_CRYO_STATE };
    this.rules();
    this.emit(this.snapshot());
  }

  protected override onSamples(b: SampleBatch): void {
    const tr = this.tracker;
    if (!tr || !this.channels.has(b.channel)) return;
    const mpa = b.channel === this.config!.procedure.supply?.channel ? this.toMPa : (v: number) => v;
    if (!mpa) return;
    for (let i = 0; i < b.t.length; i++) if (tr.sample(b.channel, b.t[i], mpa(b.v[i]))) this.flagged++;
    this.settle();
  }

  protected override onEvent(e: TelemetryEvent): void {
    const tr = this.tracker;
    if (!tr || (e.kind !== 'phase' && e.kind !== 'probe-state')) return;
    const why = this.unreadableWhy(e);
    if (why || !tr.event(e)) this.name(e, why ?? `${e.kind} '${e.text}' is older than the one before: refused`);
    else if (e.kind === 'phase') this.phaseChanged(parsePhase(e.text)!);
    this.settle();
  }

  /** Why an event cannot be read (undefined when it can be). */
  private unreadableWhy(e: TelemetryEvent): string | undefined {
    if (e.kind === 'phase') return parsePhase(e.text) ? undefined : `phase '${e.text}' not understood (freeze, thaw or end)`;
    if (!this.config!.procedure.probes.some((p) => p.channel === e.channel)) return `probe-state '${e.text}' on ${this.label(e.channel)}, which is no probe of the procedure`;
    return parseProbeState(e.text) ? undefined : `probe-state '${e.text}' not understood (freeze with a power in %, thaw-active, thaw-passive, stick or off)`;
  }

  private name(e: TelemetryEvent, detail: string): void {
    const key = `${e.channel}\n${e.t}\n${e.kind}\n${e.text}`;
    if (this.named.has(key)) return;
    if (this.named.size >= NAMED_KEPT) this.named.delete(this.named.values().next().value!);
    this.named.add(key);
    this.unread++;
    this.unreadable(e.channel, e.t, `${this.label(e.channel)}: ${detail}`);
  }

  private label(channel: string): string {
    return this.room.descriptor(channel)?.label ?? channel;
  }

  /**
   * The procedure ended: its channels going quiet is expected, so its rules retire (a present
   * alarm stays until acknowledged); a new freeze brings them back. The nerve rules go too: kept,
   * they would keep the manager's default "no data" rule on their channels.
   */
  private phaseChanged(kind: PhaseKind): void {
    const watching = kind !== 'end';
    if (watching === this.watching) return;
    this.watching = watching;
    this.ruleKey = undefined;
    this.rules();
  }

  /** The procedure's rules on the channels the room has (a rule on a channel it lacks would be refused). */
  private rules(): void {
    const p = this.config?.procedure;
    if (!p) return;
    const unit = p.supply && this.room.descriptor(p.supply.channel)?.unit;
    const c = unit ? conversion(unit, 'MPa') : undefined;
    this.toMPa = c?.ok ? c.convert : undefined;
    const rules = this.watching ? cryoRules(p, this.settings).filter((r) => this.room.descriptor(r.channel)) : [];
    const key = rules.map((r) => r.id).join(' ');
    if (key === this.ruleKey) return;
    this.ruleKey = key;
    this.useRules(rules);
  }

  /** A judged condition on or off; the watch's ids are already the manager's (`cryo:…`), `raise` adds the kind. */
  private condition(id: string, present: boolean, alarm: EngineAlarm): void {
    this.raise(id.slice(this.kind.length + 1), present, alarm);
  }

  /** The judged conditions through the manager, then a new snapshot. */
  private settle(): void {
    const tr = this.tracker!;
    const p = this.config!.procedure;
    const active = new Set(this.conditions());
    for (const id of active) {
      if (this.raised.has(id)) continue;
      const alarm = derivedAlarm(id, p, this.settings, (c) => tr.watch.onsetValue(c));
      if (!alarm) continue;
      this.raised.add(id);
      this.condition(id, true, alarm);
    }
    for (const id of this.raised)
      if (!active.has(id)) {
        this.raised.delete(id);
        this.condition(id, false, ENDED);
      }
    this.emit(this.snapshot());
  }

  /** The conditions on, a common cause in place of its consequences. */
  private conditions(): string[] {
    const p = this.config!.procedure;
    return folded(this.tracker!.watch.active(), p.probes.map((x) => x.id), this.toMPa !== undefined);
  }

  private snapshot(): CryoState {
    const tr = this.tracker;
    if (!tr) return EMPTY_CRYO_STATE;
    const now = tr.now;
    const e = tr.estimate;
    const s = this.stepState(tr);
    const p = tr.procedure;
    return {
      ...s,
      now,
      phase: tr.phases.at(now),
      marks: tr.phases.marks.slice(),
      actual: tr.phases.actual(now),
      planned: tr.phases.planned(Number.isFinite(tr.phases.startT) ? tr.phases.startT : (e.t[0] ?? now)),
      isotherms: perIsotherm((i) => ({ measuredMm: tr.measured(i).v, measuredT: tr.measured(i).t, estimatedMm: e.diameter[i][e.t.length - 1] ?? 0, estimatedCover: tr.estimatedCover[i], measuredCover: tr.measuredCover[i] })),
      probes: Object.fromEntries(p.probes.map((x) => [x.id, tr.clock.state(x.id)])),
      questionable: tr.questionable,
      flagged: this.flagged,
      conditions: this.conditions(),
      unreadable: this.unread,
    };
  }

  /** What changes only when the estimate steps or the 0 °C isotherm is measured: footprints, coverage, clearances. */
  private stepState(tr: CryoTracker): CryoState {
    const steps = tr.estimate.t.length;
    const measuredT = tr.measured(0).t;
    const c = this.stepped;
    if (c.steps === steps && Object.is(c.measuredT, measuredT)) return c.state;
    const stepT = steps ? tr.estimate.t[steps - 1] : NaN;
    const at = Math.max(stepT || -Infinity, measuredT || -Infinity);
    const footprints = perIsotherm((i) => (steps ? tr.footprintsAt(stepT, i) : []));
    const structures = tr.procedure.structures;
    const clearance = (kind: 'nerve' | 'skin') => {
      const pts: Vec[] = structures.filter((s) => s.kind === kind).flatMap((s) => polylinePoints(s.points.map((q) => [q.xMm, q.yMm] as Vec)));
      return steps ? tr.clearanceMm(stepT, pts) : NaN;
    };
    const state: CryoState = {
      ...EMPTY_CRYO_STATE,
      targetMm: tr.targetDiameterMm,
      estimate: tr.estimate,
      covered: Number.isFinite(at) && tr.covered(at),
      stepT,
      footprints,
      contours: steps && tr.estimateSource === 'model' ? perIsotherm((i) => tr.contoursMm(i)) : undefined,
      nerveClearanceMm: clearance('nerve'),
      skinClearanceMm: clearance('skin'),
    };
    this.stepped = { steps, measuredT, state };
    return state;
  }
}

registerEngine('cryo', (room) => new CryoEngine(room));
