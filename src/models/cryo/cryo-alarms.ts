import type { AlarmKind, AlarmRule, Priority } from '../alarm-rules.js';
import { nameOf, naming, relabel, type Labelled } from '../channel-label.js';
import type { CryoProcedure, ThermoSensor } from './procedure.js';

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
  lostPriority: 'me',
};

/** Ids of the conditions the engine judges itself (not a limit on one channel). */
export const coverageId = 'cryo:coverage';
export const sensorTargetId = (sensorId: string) => `cryo:sensor-target:${sensorId}`;
export const probeCoolingId = (probeId: string) => `cryo:probe-cooling:${probeId}`;

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
  for (const sensor of p.sensors) sensor.points.forEach((pt, i) => rules.push(lost(pt.channel, pointLabel(sensor, i))));
  return rules;
}

/** Message and priority of a condition the engine judges itself (`CryoWatch` ids); undefined for an unknown id. */
export function derivedAlarm(id: string, p: CryoProcedure, s: CryoAlarmSettings = DEFAULT_CRYO_ALARMS): { message: { en: string; fr: string }; priority: Priority; kind: Extract<AlarmKind, 'phy' | 'tec'> } | undefined {
  // Coverage and the sensor target are about the tissue (physiological); a probe that does not cool is the device's (technical).
  if (id === coverageId) return { priority: s.coveragePriority, kind: 'phy', message: { en: '0 °C isotherm does not cover the target plus margin', fr: 'L’isotherme 0 °C ne couvre pas la cible et sa marge' } };
  const sensor = p.sensors.find((x) => sensorTargetId(x.id) === id);
  if (sensor) return { priority: s.sensorTargetPriority, kind: 'phy', message: naming(sensor, { en: (l) => `${l}: ${s.sensorTargetC} °C not reached in freeze 1`, fr: (l) => `${l} : ${s.sensorTargetC} °C non atteint en congélation 1` }) };
  const probe = p.probes.find((x) => probeCoolingId(x.id) === id);
  if (probe) return { priority: s.probePriority, kind: 'tec', message: naming(probe, { en: (l) => `${l}: tip not below ${s.probeTargetC} °C`, fr: (l) => `${l} : pointe pas sous ${s.probeTargetC} °C` }) };
  return undefined;
}
