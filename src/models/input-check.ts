/** `Float64Array`, `Float32Array`... by tag, so an array made in another realm (a frame, a Worker's transfer) passes too. */
const typed = (x: unknown, tag: 'Float64Array' | 'Float32Array'): boolean => Object.prototype.toString.call(x) === `[object ${tag}]`;
const pair = (x: unknown): boolean => Array.isArray(x) && x.length === 2 && typeof x[0] === 'number' && typeof x[1] === 'number';

/**
 * Why an item handed to a room (`room.push`, a vendor's Observable) cannot be read, or ''
 * when it has the shape of a sample batch, an event, a waveform or a grid (its values are
 * judged after). The wire's decoders only make such items; a program's own objects may be
 * anything, and one read blindly would throw inside the room's pipeline and end it, losing
 * every valid sample after it. Checked before any field is read.
 */
export function inputProblem(x: unknown): string {
  if (typeof x !== 'object' || x === null) return `${x === null ? 'null' : typeof x}, not an object`;
  const o = x as Record<string, unknown>;
  if (typeof o.channel !== 'string') return 'channel: not a string';
  if (o.type === 'event')
    return typeof o.t === 'number' && typeof o.kind === 'string' && typeof o.text === 'string' ? '' : 'event: t must be a number, kind and text strings';
  if (o.kind === 'waveform')
    return typeof o.t0 === 'number' && typeof o.sampleRateHz === 'number' && typed(o.data, 'Float32Array')
      ? ''
      : 'waveform: t0 and sampleRateHz must be numbers, data a Float32Array';
  if (o.kind === 'grid')
    return typeof o.t === 'number' && typeof o.width === 'number' && typeof o.height === 'number' && pair(o.spacingMm) && pair(o.originMm) && typed(o.data, 'Float32Array')
      ? ''
      : 'grid: t, width and height must be numbers, spacingMm and originMm pairs of numbers, data a Float32Array';
  if (!typed(o.t, 'Float64Array') || !typed(o.v, 'Float32Array') || !(o.unit === undefined || typeof o.unit === 'string'))
    return 'samples: t must be a Float64Array, v a Float32Array, unit a string';
  const [nt, nv] = [(o.t as Float64Array).length, (o.v as Float32Array).length];
  return nt === nv ? '' : `samples: ${nt} times, ${nv} values`;
}
