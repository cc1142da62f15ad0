import type { AlarmKind, AlarmReading, AlarmRule, Priority } from '../alarm-rules.js';
import { nameOf, naming, relabel, type Labelled } from '../channel-label.js';
import { largestTargetMm, type CryoProcedure, type ThermoSensor } from './procedure.js';

/** The cryoablation alarm defaults; every one configurable (docs/clinical-defaults.md gives each source). */
export interface CryoAlarmSettings {
  /** Sensor beside a nerve: alarm below this (°C); the protection band is [nerveLowC, nerveHighC] (Sag & Husain, Semin Intervent Radiol 2022). */
  nerveLowC: number;
  nerveHighC: number;
  nervePriority: Priority;
  /** The crossing must last this long (ms) before the nerve alarm is raised: one noisy sample is not a cold nerve. */
  nerveOnsetMs: number;
  /** The 0 °C isotherm does not cover the target plus margin by the end of a freeze (renal notes, articl.net: >= 5 mm beyond the tumour). */
  coveragePriority: Priority;
  /** The designated sensor has not reached this (°C) by the end of the first freeze (Young et al., J Urol 2011). */
  sensorTargetC: number;
  sensorTargetPriority: Priority;
  /** A probe in freeze whose tip is not below this (°C) within `probeWithinMs` (training value; tips settle near -140 to -150 °C, Cryobiology 2025). */
  probeTargetC: number;
  probeWithinMs: number;
  probePriority: Priority;
  /**
   * The argon supply pressure below this (MPa) for `SUPPLY_ONSET_MS`: one alarm naming the cause, in
   * place of one per probe (project default, half the simulator's 20 MPa supply: no console's
   * working pressure was found published; higher tank pressure freezes colder and faster, Sprenkle et al., J Endourol 2010).
   */
  supplyLowMPa: number;
  supplyPriority: Priority;
  /** A probe or sensor signal lost (technical). */
  lostPriority: Priority;
}

export const DEFAULT_CRYO_ALARMS: CryoAlarmSettings = {
  nerveLowC: 10,
  nerveHighC: 45,
  nervePriority: 'hi',
  nerveOnsetMs: 2000,
  coveragePriority: 'me',
  sensorTargetC: -20,
  sensorTargetPriority: 'lo',
  probeTargetC: -100,
  probeWithinMs: 120_000,
  probePriority: 'me',
  supplyLowMPa: 10,
  supplyPriority: 'me',
  lostPriority: 'me',
};

/** The supply must stay below its limit this long (ms) before it is judged low: one noisy sample is not a failing supply (project default, as the nerve's). */
export const SUPPLY_ONSET_MS = 2000;
/** A low supply ends only this far back above its limit (MPa; project default): a pressure hovering at the limit does not flap. */
export const SUPPLY_HYSTERESIS_MPA = 0.5;

/** Ids of the conditions the engine judges itself (not a limit on one channel). */
export const coverageId = 'cryo:coverage';
export const sensorTargetId = (sensorId: string) => `cryo:sensor-target:${sensorId}`;
export const probeCoolingId = (probeId: string) => `cryo:probe-cooling:${probeId}`;
/** The argon supply pressure below its limit: the common cause of every probe freezing less. */
export const supplyLowId = 'cryo:supply-low';
/** With no supply pressure to read: every probe (two or more) not cooling together, a common cause suspected. */
export const allProbesId = 'cryo:all-probes';

/**
 * The conditions to raise: one common cause in place of its consequences. While the supply is
 * low, no probe's own alarm; without a supply channel (`hasSupply` false), every probe of
 * several not cooling is one alarm. A probe failing alone keeps its own.
 */
export function folded(active: ReadonlySet<string>, probeIds: readonly string[], hasSupply: boolean): string[] {
  const cooling = new Set(probeIds.map(probeCoolingId));
  const all = probeIds.length > 1 && [...cooling].every((id) => active.has(id));
  const cause = active.has(supplyLowId) || (!hasSupply && all);
  const kept = [...active].filter((id) => !(cause && cooling.has(id)));
  return cause && !active.has(supplyLowId) ? [...kept, allProbesId] : kept;
}

/** A sensor point as people name it, in every language the sensor has a label in: the sensor's label, numbered when it has several points ("Nerve TC 2", "TC nerf 2"). */
export const pointLabel = (sensor: ThermoSensor, i: number): Labelled => (sensor.points.length > 1 ? relabel(sensor, (l) => `${l} ${i + 1}`) : nameOf(sensor));

/**
 * The limit rules of a procedure: each point of a sensor beside a nerve below
 * the band (high, latching: the operator must see it happened), and a lost
 * signal on every probe and sensor channel (technical).
 */
export function cryoRules(p: CryoProcedure, s: CryoAlarmSettings = DEFAULT_CRYO_ALARMS): AlarmRule[] {
  const rules: AlarmRule[] = [];
  for (const sensor of p.sensors)
    if (sensor.nearNerve)
      sensor.points.forEach((pt, i) =>
        rules.push({
          id: `cryo:nerve:${pt.channel}`,
          channel: pt.channel,
          condition: { kind: 'below', limit: s.nerveLowC },
          priority: s.nervePriority,
          kind: 'phy',
          onsetDelayMs: s.nerveOnsetMs,
          hysteresis: 1,
          latching: true,
          message: naming(pointLabel(sensor, i), { en: (l) => `${l} below ${s.nerveLowC} °C: nerve at risk`, fr: (l) => `${l} sous ${s.nerveLowC} °C : nerf menacé` }),
        }),
      );
  const lost = (channel: string, name: Labelled): AlarmRule => ({
    id: `cryo:lost:${channel}`,
    channel,
    condition: { kind: 'stale' },
    priority: s.lostPriority,
    kind: 'tec',
    onsetDelayMs: 0,
    hysteresis: 0,
    latching: false,
    message: naming(name, { en: (l) => `${l}: signal lost`, fr: (l) => `${l} : signal perdu` }),
  });
  for (const probe of p.probes) rules.push(lost(probe.channel, probe));
  if (p.supply) rules.push(lost(p.supply.channel, p.supply));
  for (const sensor of p.sensors) sensor.points.forEach((pt, i) => rules.push(lost(pt.channel, pointLabel(sensor, i))));
  return rules;
}

/** A pressure in MPa as each language writes it, one decimal. */
const mpa = (v: number) => ({ en: v.toFixed(1), fr: v.toFixed(1).replace('.', ',') });

/** A condition the engine judges itself, as it raises it: its text, priority, kind, and the value it came on with against its limit. */
export interface DerivedAlarm {
  message: { en: string; fr: string };
  priority: Priority;
  kind: Extract<AlarmKind, 'phy' | 'tec'>;
  reading?: AlarmReading;
}

/** A tip or sensor temperature against its limit, at the precision the panel shows. */
const celsius = (value: number, limit: number): AlarmReading => ({ value, limit, crossing: 'above', unit: 'Cel', decimals: 1 });

/**
 * Message, priority and reading of a condition the engine judges itself (`CryoWatch` ids, and
 * `allProbesId`); undefined for an unknown id. `onset`: the value a watched condition came on
 * with (`CryoWatch.onsetValue`). Coverage judged on the estimate's shape has no single value:
 * no reading; every probe not cooling reads as the coldest tip of them, still above the target.
 */
export function derivedAlarm(id: string, p: CryoProcedure, s: CryoAlarmSettings = DEFAULT_CRYO_ALARMS, onset: (id: string) => number = () => NaN): DerivedAlarm | undefined {
  const n = p.probes.length;
  // A device fault (technical), named by its cause, and what it does to the probes.
  if (id === supplyLowId && p.supply) {
    const value = onset(id);
    const v = mpa(value);
    const limit = mpa(s.supplyLowMPa);
    return { priority: s.supplyPriority, kind: 'tec', reading: { value, limit: s.supplyLowMPa, crossing: 'below', unit: 'MPa', decimals: 1 }, message: naming(p.supply, {
      en: (l) => `${l} pressure low: ${v.en} MPa (limit ${limit.en} MPa); ${n === 1 ? 'the probe' : `all ${n} probes`} freezing less`,
      fr: (l) => `${l} : pression basse, ${v.fr} MPa (limite ${limit.fr} MPa) ; ${n === 1 ? 'la sonde gèle' : `les ${n} sondes gèlent`} moins`,
    }) };
  }
  if (id === allProbesId) {
    const tips = p.probes.map((x) => onset(probeCoolingId(x.id))).filter((v) => !Number.isNaN(v));
    return {
      priority: s.supplyPriority, kind: 'tec', reading: celsius(tips.length ? Math.min(...tips) : NaN, s.probeTargetC),
      message: { en: `All ${n} probes: tips not below ${s.probeTargetC} °C; gas supply suspected`, fr: `Les ${n} sondes : pointes pas sous ${s.probeTargetC} °C ; alimentation en gaz suspectée` },
    };
  }
  // Coverage and the sensor target are about the tissue (physiological); a probe that does not cool is the device's (technical).
  if (id === coverageId) {
    const measured = onset(id);
    return {
      priority: s.coveragePriority, kind: 'phy', message: { en: '0 °C isotherm does not cover the target plus margin', fr: 'L’isotherme 0 °C ne couvre pas la cible et sa marge' },
      // To a tenth, so a diameter just short never reads as the target itself (33.9 mm against 34.0 mm).
      ...(!Number.isNaN(measured) && { reading: { value: measured, limit: largestTargetMm(p), crossing: 'below', unit: 'mm', decimals: 1 } }),
    };
  }
  const sensor = p.sensors.find((x) => sensorTargetId(x.id) === id);
  if (sensor) return { priority: s.sensorTargetPriority, kind: 'phy', reading: celsius(onset(id), s.sensorTargetC), message: naming(sensor, { en: (l) => `${l}: ${s.sensorTargetC} °C not reached in freeze 1`, fr: (l) => `${l} : ${s.sensorTargetC} °C non atteint en congélation 1` }) };
  const probe = p.probes.find((x) => probeCoolingId(x.id) === id);
  if (probe) return { priority: s.probePriority, kind: 'tec', reading: celsius(onset(id), s.probeTargetC), message: naming(probe, { en: (l) => `${l}: tip not below ${s.probeTargetC} °C`, fr: (l) => `${l} : pointe pas sous ${s.probeTargetC} °C` }) };
  return undefined;
}
