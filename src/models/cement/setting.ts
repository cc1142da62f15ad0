/**
 * The setting of a PMMA bone cement, from mixing to set: liquid, paste (the
 * working window for injection), hardening, set. Pure; durations in minutes.
 */

/** The phases a cement goes through after mixing (before mixing: `unmixed`). */
export type CementPhase = 'unmixed' | 'liquid' | 'paste' | 'hardening' | 'set';

/** A cement's phase durations at a reference temperature, and how they change with temperature. */
export interface CementSpec {
  name: string;
  /** Minutes from mixing to the end of the liquid phase, at `referenceC`. */
  liquidMin: number;
  /** Minutes of paste (working) phase after the liquid phase, at `referenceC`. */
  pasteMin: number;
  /** Minutes from the end of the paste phase to set, at `referenceC`. */
  hardeningMin: number;
  /** Temperature the durations were measured at (°C). */
  referenceC: number;
  /**
   * Each duration is multiplied by exp(-perC * (T - referenceC)): warmer sets
   * faster. Per °C.
   */
  perC: number;
}

/**
 * A PMMA vertebroplasty cement at 22 °C: liquid time 5.1 min and paste time
 * 3.4 min (handling time 8.5 min), measured at room temperature
 * (BMC Musculoskelet Disord 2012;13:198). The hardening duration (3.5 min, set
 * at 12 min) is an estimate: that study gives no set time; a medium-viscosity
 * cement hardened about 11 min after immersion at 37 °C (Hindawi 2011, 571728).
 * `perC` is a project default, with no published steady-temperature source: it
 * was derived as if that study's pre-cooled group had been cement held at 4 °C
 * (ln(15.2/8.5)/18 = 0.032 per °C), but that group's powder, liquid and tools
 * were stored at 4 °C overnight and then mixed (a lower starting temperature
 * only); its ice-bath group, held near 0 °C after mixing, gave 112.5 min.
 */
export const DEFAULT_CEMENT: CementSpec = { name: 'PMMA', liquidMin: 5.1, pasteMin: 3.4, hardeningMin: 3.5, referenceC: 22, perC: 0.032 };

/** Phase boundaries, in ms after mixing. */
export interface SettingTimes {
  /** End of the liquid phase, start of the paste (working) phase. */
  pasteMs: number;
  /** End of the paste phase: the end of the working time. */
  hardeningMs: number;
  /** Set. */
  setMs: number;
}

/** The phase boundaries of `spec` at `temperatureC` (the room's, by default the reference). */
export function settingTimes(spec: CementSpec = DEFAULT_CEMENT, temperatureC = spec.referenceC): SettingTimes {
  const factor = Math.exp(-spec.perC * (temperatureC - spec.referenceC));
  const ms = (min: number) => min * 60_000 * factor;
  const pasteMs = ms(spec.liquidMin);
  const hardeningMs = pasteMs + ms(spec.pasteMin);
  return { pasteMs, hardeningMs, setMs: hardeningMs + ms(spec.hardeningMin) };
}

/** Where a cement mixed at `mixT` is at time `t`, and the working time left (ms, 0 once over). */
export interface SettingState {
  phase: CementPhase;
  /** ms since mixing (NaN when unmixed). */
  elapsedMs: number;
  /** Working (injection) time left: until the end of the paste phase; the whole of it before mixing. */
  workingLeftMs: number;
  /** ms until the next phase begins (NaN once set or before mixing). */
  phaseLeftMs: number;
}

export function settingAt(times: SettingTimes, mixT: number, t: number): SettingState {
  if (!Number.isFinite(mixT)) return { phase: 'unmixed', elapsedMs: NaN, workingLeftMs: times.hardeningMs, phaseLeftMs: NaN };
  const e = Math.max(0, t - mixT);
  const workingLeftMs = Math.max(0, times.hardeningMs - e);
  if (e < times.pasteMs) return { phase: 'liquid', elapsedMs: e, workingLeftMs, phaseLeftMs: times.pasteMs - e };
  if (e < times.hardeningMs) return { phase: 'paste', elapsedMs: e, workingLeftMs, phaseLeftMs: times.hardeningMs - e };
  if (e < times.setMs) return { phase: 'hardening', elapsedMs: e, workingLeftMs, phaseLeftMs: times.setMs - e };
  return { phase: 'set', elapsedMs: e, workingLeftMs, phaseLeftMs: NaN };
}
