import type { ThermalAccumulator } from './accumulator.js';

/** Which accumulated quantity decides that tissue is dead. */
export type LethalCriterion = { kind: 'cem43'; minutes: number } | { kind: 'omega'; omega: number };

/** How much of a target region has reached the lethal dose. */
export interface Coverage {
  /** Covered pixels over the pixels that count (NaN when none count). */
  fraction: number;
  covered: number;
  /** Target pixels that count: known, whether covered or not. */
  counted: number;
  /** Target pixels masked now and not yet lethal: unknown, left out, never taken as cold. */
  masked: number;
}

/** The accumulated quantity a criterion reads, and its threshold. */
export function lethalField(acc: ThermalAccumulator, c: LethalCriterion): { field: Float64Array; level: number } {
  return c.kind === 'cem43' ? { field: acc.cem43, level: c.minutes } : { field: acc.omega, level: c.omega };
}

/** The indices of the pixels a mask holds: regions are read as index lists, O(region) not O(grid). */
export function pixelsOf(mask: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  const out = new Int32Array(n);
  for (let i = 0, k = 0; i < mask.length; i++) if (mask[i]) out[k++] = i;
  return out;
}

/**
 * Coverage of a target region's pixels (tumour plus margin) by the lethal dose. A pixel
 * that has reached the dose stays covered even if masked later (dose never
 * decreases); a masked pixel below the dose is unknown and left out.
 */
export function coverage(acc: ThermalAccumulator, target: Int32Array, criterion: LethalCriterion): Coverage {
  const { field, level } = lethalField(acc, criterion);
  let covered = 0;
  let counted = 0;
  let masked = 0;
  for (let k = 0; k < target.length; k++) {
    const i = target[k];
    if (field[i] >= level) {
      covered++;
      counted++;
    } else if (Number.isNaN(acc.temperatureAt(i))) masked++;
    else counted++;
  }
  return { fraction: counted ? covered / counted : NaN, covered, counted, masked };
}

/** The hottest and most dosed pixel of a structure; NaN where nothing is known. */
export interface StructureState {
  /** Highest temperature now (°C) over the structure's unmasked pixels. */
  maxC: number;
  /** Highest CEM43 (minutes) over the structure. */
  maxCem43: number;
  /** Highest Ω over the structure. */
  maxOmega: number;
  /** Pixels of the structure masked now. */
  masked: number;
}

export function structureState(acc: ThermalAccumulator, pixels: Int32Array): StructureState {
  let maxC = -Infinity;
  let maxCem43 = -Infinity;
  let maxOmega = -Infinity;
  let masked = 0;
  let any = false;
  for (let k = 0; k < pixels.length; k++) {
    const i = pixels[k];
    any = true;
    const c = acc.temperatureAt(i);
    if (Number.isNaN(c)) masked++;
    else if (c > maxC) maxC = c;
    if (acc.cem43[i] > maxCem43) maxCem43 = acc.cem43[i];
    if (acc.omega[i] > maxOmega) maxOmega = acc.omega[i];
  }
  const known = (x: number) => (Number.isFinite(x) ? x : NaN);
  return { maxC: known(maxC), maxCem43: any ? maxCem43 : NaN, maxOmega: any ? maxOmega : NaN, masked };
}
