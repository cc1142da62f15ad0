import type { SampleBatch } from '../../models/channel.js';
import { MAX_CHANNEL_LENGTH } from '../../models/wire-envelope.js';
import type { FrameError, FrameErrorReason } from '../../models/wire-frame.js';

// A samples bundle (`ir.ROOM.samples`, docs/nats.md): every channel's new samples of one
// publishing turn in one binary message, little-endian, each entry 8-byte aligned so that a
// reader takes the times and values as views of the message, without copying them.
//
//   u32 magic 'IRB1', u32 entries, then per entry:
//   u32 seq, u32 n, u16 name bytes, u8 timing (0 listed, 1 regular), u8 0, name (UTF-8) padded with 0 to 8,
//   times: listed n x f64, or regular t0 f64 and step f64 (time i is t0 + i * step, exactly),
//   values: n x f32, padded with 0 to 8.

/** One channel's samples in a bundle, numbered per channel (`seq`) by the sender. */
export interface BundleEntry extends SampleBatch {
  seq: number;
}

/**
 * A decoded entry: values are a view of the message; times too when listed. Regular times
 * (evenly spaced, as a device samples) travel as `t0` and `step` and are written out by
 * `writeTimes` into an array the reader owns, so a replay fills one array per channel.
 */
export interface DecodedEntry {
  channel: string;
  seq: number;
  v: Float32Array;
  /** The times, when listed. */
  t?: Float64Array;
  t0: number;
  step: number;
}

export type BundleResult = { ok: true; entries: DecodedEntry[] } | { ok: false; error: FrameError };

const MAGIC = 0x31425249; // 'IRB1' read as a little-endian u32
const ENTRY_HEAD = 12;
const LISTED = 0;
const REGULAR = 1;
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
// Arithmetic, not `& ~7`: a count read from a hostile message can take a length past 2^31, where bitwise wraps.
const pad8 = (n: number) => Math.ceil(n / 8) * 8;
const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Evenly spaced times as (t0, step) when `t0 + i * step` gives back every time exactly; undefined otherwise. */
function regular(t: Float64Array): { t0: number; step: number } | undefined {
  const t0 = t[0];
  const step = t.length > 1 ? t[1] - t0 : 0;
  for (let i = 0; i < t.length; i++) if (t0 + i * step !== t[i]) return undefined;
  return { t0, step };
}

/** Bytes an entry takes, and what it needs to be written. */
function plan(e: BundleEntry) {
  const name = encoder.encode(e.channel);
  const n = e.t.length;
  const times = regular(e.t);
  const at = pad8(ENTRY_HEAD + name.length);
  const valuesAt = at + (times ? 16 : 8 * n);
  return { e, name, n, times, at, valuesAt, size: pad8(valuesAt + 4 * n) };
}

/** Bytes a bundle of these entries takes (to cut bundles below the broker's message limit). */
export const entryBytes = (e: BundleEntry): number => pad8(ENTRY_HEAD + 4 * e.channel.length) + 16 + 12 * e.t.length;

/**
 * Writes a bundle. The entries are validated samples (finite times, as the room keeps them);
 * an entry's channel name is sent as it is and must be at most 128 code points.
 */
export function encodeSamplesBundle(entries: readonly BundleEntry[]): Uint8Array {
  const plans = entries.map(plan);
  const buf = new ArrayBuffer(8 + plans.reduce((s, p) => s + p.size, 0));
  const dv = new DataView(buf);
  const bytes = new Uint8Array(buf);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, plans.length, true);
  let o = 8;
  for (const { e, name, n, times, at, valuesAt } of plans) {
    dv.setUint32(o, e.seq, true);
    dv.setUint32(o + 4, n, true);
    dv.setUint16(o + 8, name.length, true);
    dv.setUint8(o + 10, times ? REGULAR : LISTED);
    bytes.set(name, o + ENTRY_HEAD);
    if (times) dv.setFloat64(o + at, times.t0, true), dv.setFloat64(o + at + 8, times.step, true);
    else if (LITTLE_ENDIAN) new Float64Array(buf, o + at, n).set(e.t);
    else for (let i = 0; i < n; i++) dv.setFloat64(o + at + 8 * i, e.t[i], true);
    if (LITTLE_ENDIAN) new Float32Array(buf, o + valuesAt, n).set(e.v);
    else for (let i = 0; i < n; i++) dv.setFloat32(o + valuesAt + 4 * i, e.v[i], true);
    o += pad8(valuesAt + 4 * n);
  }
  return bytes;
}

/**
 * Reads a bundle, checking every field against the message's length; never throws. A
 * message that does not start 8-byte aligned (a client's receive buffer) is copied once,
 * so the entries can be views of it: keep it unchanged while they are in use.
 */
export function decodeSamplesBundle(input: Uint8Array): BundleResult {
  // A copy by the constructor: a Node Buffer's slice() would be a view.
  const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input);
  const bad = (reason: FrameErrorReason, detail: string, channel?: string): BundleResult => ({ ok: false, error: { reason, detail: `samples bundle: ${detail}`, ...(channel === undefined ? {} : { channel }) } });
  const len = bytes.byteLength;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, len);
  if (len < 8 || dv.getUint32(0, true) !== MAGIC) return bad('bad-magic', 'expected IRB1');
  const count = dv.getUint32(4, true);
  const entries: DecodedEntry[] = [];
  let o = 8;
  for (let k = 0; k < count; k++) {
    if (len < o + ENTRY_HEAD) return bad('truncated', `entry ${k} header`);
    const seq = dv.getUint32(o, true);
    const n = dv.getUint32(o + 4, true);
    const nameLen = dv.getUint16(o + 8, true);
    const timing = dv.getUint8(o + 10);
    if (dv.getUint8(o + 11) !== 0) return bad('bad-field', `entry ${k}: reserved byte not 0`);
    if (timing !== LISTED && timing !== REGULAR) return bad('unknown-kind', `entry ${k}: timing ${timing}`);
    // UTF-8 takes at most 4 bytes a code point: a longer name is refused before it is decoded.
    if (nameLen === 0 || nameLen > 4 * MAX_CHANNEL_LENGTH) return bad('bad-field', `entry ${k}: channel of ${nameLen} bytes`);
    const at = o + pad8(ENTRY_HEAD + nameLen);
    const valuesAt = at + (timing === REGULAR ? 16 : 8 * n);
    const end = o + pad8(valuesAt - o + 4 * n);
    if (len < end) return bad('truncated', `entry ${k}: ${n} samples announced`);
    let channel: string;
    try {
      channel = utf8.decode(bytes.subarray(o + ENTRY_HEAD, o + ENTRY_HEAD + nameLen));
    } catch {
      return bad('bad-field', `entry ${k}: channel not UTF-8`);
    }
    const v = LITTLE_ENDIAN ? new Float32Array(bytes.buffer, bytes.byteOffset + valuesAt, n) : Float32Array.from({ length: n }, (_, i) => dv.getFloat32(valuesAt + 4 * i, true));
    const entry: DecodedEntry =
      timing === REGULAR
        ? { channel, seq, v, t0: dv.getFloat64(at, true), step: dv.getFloat64(at + 8, true) }
        : { channel, seq, v, t: LITTLE_ENDIAN ? new Float64Array(bytes.buffer, bytes.byteOffset + at, n) : Float64Array.from({ length: n }, (_, i) => dv.getFloat64(at + 8 * i, true)), t0: NaN, step: NaN };
    if (timing === REGULAR && !(Number.isFinite(entry.t0) && Number.isFinite(entry.step))) return bad('bad-field', 'regular times not finite', channel);
    entries.push(entry);
    o = end;
  }
  if (o !== len) return bad('bad-field', `${len - o} bytes after ${count} entries`);
  return { ok: true, entries };
}

/** Writes an entry's times into `out` from index `at` (regular times computed as the sender checked them). */
export function writeTimes(e: DecodedEntry, out: Float64Array, at: number): void {
  if (e.t) return out.set(e.t, at);
  for (let i = 0; i < e.v.length; i++) out[at + i] = e.t0 + i * e.step;
}

/** An entry as a batch of its own: its listed times as they are, regular ones written out. */
export function entryBatch(e: DecodedEntry): SampleBatch {
  if (e.t) return { channel: e.channel, t: e.t, v: e.v };
  const t = new Float64Array(e.v.length);
  writeTimes(e, t, 0);
  return { channel: e.channel, t, v: e.v };
}
