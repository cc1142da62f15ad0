/**
 * UCUM unit handling: a value is converted only where the conversion is exact
 * (an affine map by definition), and rejected otherwise. Never guess.
 */

/** Units this library understands, as UCUM codes (as in HL7 FHIR and IEEE 11073). */
export type Ucum = string;

interface Affine {
  /** The dimension the unit measures; only units of one dimension convert. */
  dim: string;
  /** value_in_base = value * scale + offset */
  scale: number;
  offset: number;
}

const UNITS: Record<string, Affine> = {
  Cel: { dim: 'temperature', scale: 1, offset: 0 },
  K: { dim: 'temperature', scale: 1, offset: -273.15 },
  '[degF]': { dim: 'temperature', scale: 5 / 9, offset: -32 * (5 / 9) },
  mL: { dim: 'volume', scale: 1, offset: 0 },
  L: { dim: 'volume', scale: 1000, offset: 0 },
  'mL/min': { dim: 'flow', scale: 1, offset: 0 },
  'mL/s': { dim: 'flow', scale: 60, offset: 0 },
  'L/min': { dim: 'flow', scale: 1000, offset: 0 },
  kPa: { dim: 'pressure', scale: 1, offset: 0 },
  MPa: { dim: 'pressure', scale: 1000, offset: 0 },
  Pa: { dim: 'pressure', scale: 0.001, offset: 0 },
  // 1 mm[Hg] = 133.322 Pa by UCUM's definition (13.5951 g/cm3 * 9.80665 m/s2 * 1 mm).
  'mm[Hg]': { dim: 'pressure', scale: 0.133322387415, offset: 0 },
  Gy: { dim: 'dose', scale: 1, offset: 0 },
  mGy: { dim: 'dose', scale: 0.001, offset: 0 },
  'Gy.cm2': { dim: 'dose-area', scale: 1, offset: 0 },
  'mGy.cm2': { dim: 'dose-area', scale: 0.001, offset: 0 },
  // 1 µGy·m² = 1e-6 Gy × 1e4 cm² = 0.01 Gy·cm² (the unit many angiography systems report KAP in).
  'uGy.m2': { dim: 'dose-area', scale: 0.01, offset: 0 },
  'cGy.cm2': { dim: 'dose-area', scale: 0.01, offset: 0 },
  GBq: { dim: 'activity', scale: 1, offset: 0 },
  MBq: { dim: 'activity', scale: 0.001, offset: 0 },
  // The curie is defined as exactly 3.7e10 Bq: 1 mCi = 0.037 GBq.
  mCi: { dim: 'activity', scale: 0.037, offset: 0 },
  Ci: { dim: 'activity', scale: 37, offset: 0 },
  V: { dim: 'voltage', scale: 1, offset: 0 },
  kV: { dim: 'voltage', scale: 1000, offset: 0 },
  'V/cm': { dim: 'field', scale: 1, offset: 0 },
  A: { dim: 'current', scale: 1, offset: 0 },
  mA: { dim: 'current', scale: 0.001, offset: 0 },
  Ohm: { dim: 'resistance', scale: 1, offset: 0 },
  W: { dim: 'power', scale: 1, offset: 0 },
  mm: { dim: 'length', scale: 1, offset: 0 },
  cm: { dim: 'length', scale: 10, offset: 0 },
  s: { dim: 'time', scale: 1, offset: 0 },
  min: { dim: 'time', scale: 60, offset: 0 },
  h: { dim: 'time', scale: 3600, offset: 0 },
  'Gy/min': { dim: 'dose-rate', scale: 1, offset: 0 },
  'mGy/min': { dim: 'dose-rate', scale: 0.001, offset: 0 },
  '%': { dim: 'fraction', scale: 1, offset: 0 },
  '/min': { dim: 'rate', scale: 1, offset: 0 },
};

/** Common non-UCUM spellings that devices send, mapped to their UCUM code. */
const ALIASES: Record<string, Ucum> = {
  '°C': 'Cel',
  degC: 'Cel',
  '°F': '[degF]',
  degF: '[degF]',
  mmHg: 'mm[Hg]',
  ohm: 'Ohm',
  'Ω': 'Ohm',
  ml: 'mL',
  'ml/min': 'mL/min',
};

export const canonicalUnit = (unit: string): Ucum => ALIASES[unit] ?? unit;

export const isKnownUnit = (unit: string): boolean => canonicalUnit(unit) in UNITS;

/** A converter from one unit to another, or a reason why none exists. */
export type Conversion = { ok: true; convert: (v: number) => number } | { ok: false; reason: string };

const identity = (v: number) => v;

export function conversion(from: string, to: string): Conversion {
  const a = UNITS[canonicalUnit(from)];
  const b = UNITS[canonicalUnit(to)];
  if (!a) return { ok: false, reason: `unknown unit '${from}'` };
  if (!b) return { ok: false, reason: `unknown unit '${to}'` };
  if (a.dim !== b.dim) return { ok: false, reason: `cannot convert ${a.dim} '${from}' to ${b.dim} '${to}'` };
  if (a === b) return { ok: true, convert: identity };
  const scale = a.scale / b.scale;
  const offset = (a.offset - b.offset) / b.scale;
  return { ok: true, convert: (v) => v * scale + offset };
}

const SYMBOLS: Record<string, string> = { Cel: '°C', 'mm[Hg]': 'mmHg', '[degF]': '°F', Ohm: 'Ω', 'Gy.cm2': 'Gy·cm²', 'mGy.cm2': 'mGy·cm²', 'cGy.cm2': 'cGy·cm²', 'uGy.m2': 'µGy·m²' };

/**
 * How a person reads a UCUM code: `Cel` as °C, `Cel/min` as °C/min, `uGy.m2` as µGy·m²; files keep
 * the code. A count's annotation (`{pulse}`) and unity (`1`) mean "no unit" in UCUM: nothing is shown.
 */
export function unitSymbol(ucum: Ucum): string {
  const bare = ucum.replace(/\{[^}]*\}/g, '');
  return bare === '' || bare === '1' ? '' : bare.split('/').map((u) => SYMBOLS[u] ?? u).join('/');
}

/**
 * The smallest span an axis shows for a unit, where a smaller change means nothing at a glance:
 * 5 °C for a temperature (a thermocouple's noise is tenths), 200 kPa for an injection pressure
 * (it reaches 1000-2000 kPa), 1 mL of cement, 0.5 mV of ECG. 0 for a unit not listed: autoscale.
 */
const MIN_SPAN: Record<Ucum, number> = { Cel: 5, K: 5, '[degF]': 9, kPa: 200, 'mm[Hg]': 20, mL: 1, 'mL/min': 1, mV: 0.5, V: 100, A: 5, Ohm: 20, W: 20, mm: 5, Gy: 0.5, GBq: 0.1, '%': 10 };

/** A channel's smallest visible span: its own `minSpan`, else its unit's. */
export const minSpanOf = (c: { unit: Ucum; minSpan?: number }): number => c.minSpan ?? MIN_SPAN[canonicalUnit(c.unit)] ?? 0;

/** [low, high] widened about its middle to at least `span`, for an axis. */
export function atLeastSpan(low: number, high: number, span: number): [number, number] {
  if (!(high - low < span)) return [low, high];
  const mid = (low + high) / 2;
  return [mid - span / 2, mid + span / 2];
}
