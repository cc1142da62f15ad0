/**
 * A cryoablation procedure as the console and its planning describe it: one to
 * eight cryoprobes, thermosensors with one or several points, the tumours with
 * their margin, the structures to protect, and the planned protocol. Positions
 * are in millimetres in one imaging plane (x to the right, y down), as a plan
 * view shows them.
 */

import type { Labels } from '../channel-label.js';

/** What a probe is doing (Galil Cryo-Hit 510(k) K991122: freeze, thaw, "stick"; up to 8 probes). */
export type ProbeState = 'freeze' | 'thaw-passive' | 'thaw-active' | 'stick' | 'off';
export const PROBE_STATES: readonly ProbeState[] = ['freeze', 'thaw-passive', 'thaw-active', 'stick', 'off'];

/** A point in the plan, in mm. */
export interface PointMm {
  xMm: number;
  yMm: number;
}

export interface CryoProbe extends PointMm {
  id: string;
  label: string;
  /** Outer radius, mm (default 0.74 mm: a 17 G needle); one that cannot be a probe's (not above 0 and up to 5 mm) gives way to the default. */
  radiusMm?: number;
  /** Channel of the tip temperature (`Cel`). */
  channel: string;
}

export interface SensorPoint extends PointMm {
  /** Channel of this point's temperature (`Cel`). */
  channel: string;
}

export interface ThermoSensor {
  id: string;
  label: string;
  /** Its name in other languages, by primary language subtag (`{ fr: 'TC nerf' }`). */
  labels?: Labels;
  /** One point, or several along a multi-point sensor. */
  points: SensorPoint[];
  /** Placed beside a nerve: watched against the nerve-protection band. */
  nearNerve?: boolean;
  /** Designated to reach -20 °C by the end of the first freeze. */
  designated?: boolean;
}

/** A tumour outline: an ellipse (semi-axes in mm, rotated by `angleDeg`), and the margin to cover beyond it. */
export interface Tumour extends PointMm {
  semiMajorMm: number;
  semiMinorMm: number;
  angleDeg?: number;
  /** Ice margin beyond the tumour, mm each side (default 5 mm: renal cryoablation notes, articl.net). */
  marginMm?: number;
}

export interface ProtectedStructure {
  kind: 'nerve' | 'skin' | 'vessel';
  label: string;
  /** A polyline, in mm. */
  points: PointMm[];
  /** A vessel's radius, mm: held at blood temperature by the freezing model (default 2 mm, project default; up to 20 mm). */
  radiusMm?: number;
}

export interface Phase {
  kind: 'freeze' | 'thaw';
  durationMs: number;
  /** Thaw kind (active by helium, or passive). */
  thaw?: 'passive' | 'active';
}

export interface Protocol {
  phases: Phase[];
}

/** The field of view of the plan, in mm. */
export interface Field {
  x: readonly [number, number];
  y: readonly [number, number];
}

/**
 * The cryogen supply the console reports: the channel of its pressure (`MPa`, or a pressure
 * unit the room converts), named for people. Watched against `supplyLowMPa`: below it no probe can freeze fully.
 */
export interface GasSupply {
  channel: string;
  label: string;
  /** Its name in other languages, by primary language subtag (`{ fr: 'Alimentation argon' }`). */
  labels?: Labels;
}

export interface CryoProcedure {
  probes: CryoProbe[];
  /** The argon supply, when the console reports its pressure. */
  supply?: GasSupply;
  sensors: ThermoSensor[];
  tumours: Tumour[];
  structures: ProtectedStructure[];
  protocol: Protocol;
  field: Field;
}

const MIN = 60_000;

/**
 * The double freeze: 10 min freeze, 8 min thaw, 10 min freeze ("10-8-10";
 * 10 min freeze, 5-10 min thaw, 10 min freeze in the Insights into Imaging
 * review, 2016; active thaw 8-10 min in renal protocols).
 */
export const DEFAULT_PROTOCOL: Protocol = {
  phases: [
    { kind: 'freeze', durationMs: 10 * MIN },
    { kind: 'thaw', durationMs: 8 * MIN, thaw: 'active' },
    { kind: 'freeze', durationMs: 10 * MIN },
  ],
};

/** Default margin beyond the tumour, mm each side (>= 5 mm: renal cryoablation notes, articl.net). */
export const DEFAULT_MARGIN_MM = 5;

export const marginOf = (t: Tumour) => t.marginMm ?? DEFAULT_MARGIN_MM;

/** Target diameter: the tumour's long axis plus its margin on each side. */
export const targetDiameterMm = (t: Tumour) => 2 * (t.semiMajorMm + marginOf(t));

/** The procedure's target diameter, drawn on the curve and measured against: the largest tumour's long axis plus its margins. */
export const largestTargetMm = (p: Pick<CryoProcedure, 'tumours'>) => Math.max(0, ...p.tumours.map(targetDiameterMm));

export const inField = (p: PointMm, f: Field) => p.xMm >= f.x[0] && p.xMm <= f.x[1] && p.yMm >= f.y[0] && p.yMm <= f.y[1];

/** A probe's radius when the procedure gives none: a 17 G needle, as in renal protocols' 17-gauge cryoprobes (articl.net notes), mm. */
export const DEFAULT_PROBE_RADIUS_MM = 0.74;
/** A vessel's radius when none is given, mm (project default). */
export const DEFAULT_VESSEL_RADIUS_MM = 2;
/** Largest radii taken as a probe's and a vessel's, mm (project defaults: a probe 10 mm across; an aorta's radius is about 12 mm). */
const MAX_RADIUS_MM = { probe: 5, vessel: 20 };

/** Largest side of the plan's field the freezing model grids, mm (project default: wider than a body's cross-section). */
export const MAX_FIELD_MM = 500;

/** Whether the field can be gridded: finite, each side positive and at most `MAX_FIELD_MM`. */
export const fieldFits = (f: Field) => [f.x, f.y].every(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && b > a && b - a <= MAX_FIELD_MM);

const radiusOr = (r: number | undefined, fallback: number, max: number) => (r === undefined || !(r > 0 && r <= max) ? fallback : r);
/** A probe's radius, mm: the default when none is given or it cannot be a probe's (reported by `checkProcedure`). */
export const probeRadiusMm = (p: CryoProbe) => radiusOr(p.radiusMm, DEFAULT_PROBE_RADIUS_MM, MAX_RADIUS_MM.probe);
/** A vessel's radius, mm: the default when none is given or it cannot be a vessel's (reported by `checkProcedure`). */
export const vesselRadiusMm = (s: ProtectedStructure) => radiusOr(s.radiusMm, DEFAULT_VESSEL_RADIUS_MM, MAX_RADIUS_MM.vessel);

/** The probes and warm vessels a freezing model of the procedure holds. */
export const modelGeometry = (p: CryoProcedure) => ({
  probes: p.probes.map((x) => ({ xMm: x.xMm, yMm: x.yMm, radiusMm: probeRadiusMm(x) })),
  vessels: p.structures.filter((s) => s.kind === 'vessel').map((s) => ({ points: s.points, radiusMm: vesselRadiusMm(s) })),
});

/**
 * Something in the geometry that cannot be right. A point outside the field is kept and shown
 * as questionable, never dropped; a radius that cannot be right gives way to the default.
 */
export interface GeometryIssue {
  /** The point's channel, the probe's id or the vessel's label; empty for the procedure as a whole. */
  id: string;
  reason: 'outside-field' | 'no-probe' | 'probe-radius' | 'vessel-radius' | 'field';
  /** The radius given, for a radius. */
  radiusMm?: number;
}

/** Checks a procedure: a field that cannot be gridded, no probe, probes and sensor points outside the field, radii that cannot be right. */
export function checkProcedure(p: CryoProcedure): GeometryIssue[] {
  const issues: GeometryIssue[] = [];
  if (!fieldFits(p.field)) issues.push({ id: '', reason: 'field' });
  if (!p.probes.length) issues.push({ id: '', reason: 'no-probe' });
  for (const probe of p.probes) if (!inField(probe, p.field)) issues.push({ id: probe.channel, reason: 'outside-field' });
  for (const s of p.sensors) for (const pt of s.points) if (!inField(pt, p.field)) issues.push({ id: pt.channel, reason: 'outside-field' });
  for (const probe of p.probes) if (probe.radiusMm !== undefined && probeRadiusMm(probe) !== probe.radiusMm) issues.push({ id: probe.id, reason: 'probe-radius', radiusMm: probe.radiusMm });
  for (const s of p.structures) if (s.kind === 'vessel' && s.radiusMm !== undefined && vesselRadiusMm(s) !== s.radiusMm) issues.push({ id: s.label, reason: 'vessel-radius', radiusMm: s.radiusMm });
  return issues;
}
