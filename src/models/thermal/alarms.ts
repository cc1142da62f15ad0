import type { AlarmRule, Priority } from '../alarm-rules.js';
import type { ChannelDescriptor } from '../channel.js';
import { naming, relabel, type Labels } from '../channel-label.js';
import type { Shape } from './shapes.js';

/** A structure to protect from heat (a vessel, a bile duct, a nerve, the skin), drawn in millimetres. */
export interface ThermalStructure {
  id: string;
  label: string;
  /** Its name in other languages, by primary language subtag (`{ fr: 'Voie biliaire' }`). */
  labels?: Labels;
  shape: Shape;
}

/**
 * A structure's hottest pixel and highest dose are published as two scalar
 * channels derived from the map, so the ordinary alarm rules (above a limit,
 * stale, invalid) apply to them, and ir-trend can plot them.
 */
export const structureChannelIds = (map: string, s: Pick<ThermalStructure, 'id'>) => ({ maxC: `${map}.${s.id}.max`, cem43: `${map}.${s.id}.cem43` });

/** Descriptors of the derived channels of each structure, for the room (or `.channels`) to declare. */
export function structureChannels(map: string, structures: readonly ThermalStructure[], intervalMs = 1000): ChannelDescriptor[] {
  return structures.flatMap((s) => {
    const id = structureChannelIds(map, s);
    return [
      { id: id.maxC, ...relabel(s, (l) => `${l} max`), unit: 'Cel', intervalMs, range: [-50, 200], decimals: 1 },
      { id: id.cem43, ...relabel(s, (l) => `${l} CEM43`), unit: 'min', intervalMs, range: [0, 1e300], decimals: 1 },
    ];
  });
}

const rule = (id: string, channel: string, limit: number, priority: Priority, hysteresis: number, latching: boolean, message: AlarmRule['message'], onsetDelayMs = 0): AlarmRule => ({
  id, channel, condition: { kind: 'above', limit }, priority, kind: 'phy', onsetDelayMs, hysteresis, latching, message,
});

/**
 * A structure's temperature alarm ends 1 °C below its limit and needs 2 s above
 * it (two maps at 1 Hz, the second one of slower maps): MR thermometry is precise
 * to about 1 °C (Rieke & Butts Pauly 2008), so a temperature hovering at the limit
 * must not raise it again and again.
 */
export const STRUCTURE_HYSTERESIS_C = 1;
export const STRUCTURE_ONSET_MS = 2000;

/**
 * A dose alarm ends only 10 % below its level. A dose only accumulates, so it ends only when
 * the dose is estimated again lower (a map re-registered, a structure redrawn); a re-estimate
 * within 10 % is the same finding, not a new one (our choice). No onset delay: the first map
 * at the level is the finding, and a delay would only make it late.
 */
export const DOSE_HYSTERESIS_FRACTION = 0.1;

/** Thresholds of the default thermal alarms; each is configurable. */
export interface ThermalLimits {
  /** Protected structure temperature (°C), medium: keep juxtaneural tissue at or below 45 °C (Sag & Husain 2022). */
  structureC: number;
  /** Protected structure dose (CEM43 min), medium: early warning at 60 (project default; no published source). */
  structureWarnCem43: number;
  /** Protected structure dose (CEM43 min), high: 240, the usual ablation convention (project default; see `LETHAL_CEM43`). */
  structureLethalCem43: number;
}

export const THERMAL_LIMITS: ThermalLimits = { structureC: 45, structureWarnCem43: 60, structureLethalCem43: 240 };

/**
 * The default alarms of each protected structure: temperature at 45 °C
 * (medium, with the hysteresis and onset delay above), dose at 60 CEM43 (medium) and 240 CEM43 (high, latching: tissue
 * that received it stays damaged), with the dose hysteresis above. Dose never decreases, so the dose alarms
 * last until acknowledged in any case.
 */
export function structureRules(map: string, structures: readonly ThermalStructure[], limits: ThermalLimits = THERMAL_LIMITS): AlarmRule[] {
  return structures.flatMap((s) => {
    const id = structureChannelIds(map, s);
    return [
      rule(`${id.maxC}:hot`, id.maxC, limits.structureC, 'me', STRUCTURE_HYSTERESIS_C, false, naming(s, { en: (l) => `${l} at ${limits.structureC} °C or more`, fr: (l) => `${l} : ${limits.structureC} °C ou plus` }), STRUCTURE_ONSET_MS),
      rule(`${id.cem43}:warn`, id.cem43, limits.structureWarnCem43, 'me', limits.structureWarnCem43 * DOSE_HYSTERESIS_FRACTION, false, naming(s, { en: (l) => `${l}: thermal dose ${limits.structureWarnCem43} CEM43`, fr: (l) => `${l} : dose thermique ${limits.structureWarnCem43} CEM43` })),
      rule(`${id.cem43}:lethal`, id.cem43, limits.structureLethalCem43, 'hi', limits.structureLethalCem43 * DOSE_HYSTERESIS_FRACTION, true, naming(s, { en: (l) => `${l}: lethal thermal dose ${limits.structureLethalCem43} CEM43`, fr: (l) => `${l} : dose thermique létale ${limits.structureLethalCem43} CEM43` })),
    ];
  });
}

/**
 * The tip must stay at the limit 2 s (two readings of a 1 Hz console) before the alarm is
 * raised: one noisy thermocouple reading is not boiling tissue (our choice, as for the structures).
 */
export const TIP_ONSET_MS = 2000;

/** The generator console's channels, by id. */
export interface ConsoleChannels {
  tip: string;
}

/**
 * Default alarm of an RF console: tip temperature at or above 100 °C (medium:
 * vaporisation, charring and impedance roll-off risk; Goldberg et al. 2000, AJR
 * 174:323; Haemmerich & Brace 2013). Roll-offs themselves are judged by the
 * thermal engine (`RollOffWatch`: not recovering, or repeated), not by a rate
 * rule that fired on every normal power cycle. A microwave antenna heats by its
 * field, not by current through tissue: no vaporisation-driven cut-off, so
 * `'mw'` gets none. The alarm ends 2 °C below the limit and needs the tip there for
 * `TIP_ONSET_MS`, so a thermocouple reading hovering at 100 °C raises it once.
 */
export function consoleRules(c: ConsoleChannels, modality: 'rf' | 'mw' = 'rf', tipC = 100): AlarmRule[] {
  if (modality === 'mw') return [];
  return [rule(`${c.tip}:boiling`, c.tip, tipC - 0.05, 'me', 2, false, { en: `Tip at ${tipC} °C: vaporisation and roll-off risk`, fr: `Pointe à ${tipC} °C : risque de vaporisation et de roll-off` }, TIP_ONSET_MS)];
}
