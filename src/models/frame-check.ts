import type { Grid, Waveform } from './channel.js';

/** Why a waveform or grid was refused whole. */
export type FrameReason = 'bad-frame' | 'time-backwards' | 'geometry-changed';

/** `nonFinite`: values kept but invalid (counted as such); a grid's masked NaN pixels are not among them. */
export type FrameVerdict = { ok: true; nonFinite: number } | { ok: false; reason: FrameReason; detail: string };

const countNonFinite = (data: Float32Array): number => {
  let n = 0;
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) n++;
  return n;
};

/** Infinite pixels: a broken sender. NaN is not counted: in a grid it marks a masked pixel. */
const countInfinite = (data: Float32Array): number => {
  let n = 0;
  // One comparison a pixel, counted without a branch: this runs over every pixel of every map.
  for (let i = 0; i < data.length; i++) n += +(Math.abs(data[i]) === Infinity);
  return n;
};

/**
 * A waveform is kept when its header makes sense and it starts after the
 * previous one of its channel; non-finite samples are counted (they are drawn
 * as gaps), never a reason to lose the rest of the pulse.
 */
export function checkWaveform(w: Waveform, previousT0: number): FrameVerdict {
  if (!Number.isFinite(w.t0)) return { ok: false, reason: 'bad-frame', detail: `t0 ${w.t0}` };
  if (!(w.sampleRateHz > 0 && Number.isFinite(w.sampleRateHz))) return { ok: false, reason: 'bad-frame', detail: `sample rate ${w.sampleRateHz} Hz` };
  if (!(w.t0 > previousT0)) return { ok: false, reason: 'time-backwards', detail: `t0 ${w.t0} after ${previousT0}` };
  return { ok: true, nonFinite: countNonFinite(w.data) };
}

/**
 * A grid is kept when its geometry is consistent, equal to the channel's first
 * (a map that changes size or spacing mid-procedure cannot be accumulated into
 * the same dose), and it is newer than the previous one. NaN pixels are masked
 * pixels (MR thermometry fails in fat): normal data, shown as masked, never
 * counted as invalid; an infinite pixel is invalid and counted.
 */
export function checkGrid(g: Grid, previous: Grid | undefined): FrameVerdict {
  const verdict = checkGridFrame(g, previous);
  return verdict.ok ? { ok: true, nonFinite: countInfinite(g.data) } : verdict;
}

/** `checkGrid` without the pixels: for a reader whose own pass over them finds the infinite ones. */
export function checkGridFrame(g: Grid, previous: Grid | undefined): { ok: true } | Extract<FrameVerdict, { ok: false }> {
  const finite = [g.t, ...g.spacingMm, ...g.originMm].every(Number.isFinite);
  if (!finite || !(g.spacingMm[0] > 0 && g.spacingMm[1] > 0)) return { ok: false, reason: 'bad-frame', detail: 'time, spacing and origin must be finite, spacing positive' };
  if (!(Number.isInteger(g.width) && Number.isInteger(g.height) && g.width > 0 && g.height > 0) || g.data.length !== g.width * g.height)
    return { ok: false, reason: 'bad-frame', detail: `${g.width} x ${g.height} grid with ${g.data.length} values` };
  if (previous) {
    if (!sameGeometry(g, previous)) return { ok: false, reason: 'geometry-changed', detail: `${g.width} x ${g.height} at ${g.spacingMm.join(' x ')} mm, was ${previous.width} x ${previous.height} at ${previous.spacingMm.join(' x ')} mm` };
    if (!(g.t > previous.t)) return { ok: false, reason: 'time-backwards', detail: `t ${g.t} after ${previous.t}` };
  }
  return { ok: true };
}

export const sameGeometry = (a: Grid, b: Grid): boolean =>
  a.width === b.width && a.height === b.height && a.spacingMm[0] === b.spacingMm[0] && a.spacingMm[1] === b.spacingMm[1] && a.originMm[0] === b.originMm[0] && a.originMm[1] === b.originMm[1];
