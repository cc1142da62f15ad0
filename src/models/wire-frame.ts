import type { Grid, Waveform } from './channel.js';
import { MAX_CHANNEL_LENGTH } from './wire-envelope.js';

// Binary frames for waveforms and grids, little-endian; layout in docs/wire-format.md.

export type BinaryFrame = ({ kind: 'waveform' } & Waveform & { seq: number }) | ({ kind: 'grid' } & Grid & { seq: number });
export type FrameErrorReason = 'bad-magic' | 'truncated' | 'unknown-kind' | 'bad-field';
export interface FrameError {
  reason: FrameErrorReason;
  /** Names the field at fault. */
  detail: string;
  /** The channel, once its name has been read. */
  channel?: string;
  /** The frame's data time (a waveform's t0, a grid's t), once its header has been read. */
  t?: number;
}
/**
 * A decoded frame. `nonFinite` counts NaN and infinite values in `data`: they stay in place
 * (a waveform's timing and a grid's geometry depend on every index) and are invalid samples.
 */
export type FrameResult = { ok: true; value: BinaryFrame; nonFinite: number } | { ok: false; error: FrameError };

/** 'IRM2' frames: the name is padded so that the data starts 4-byte aligned. 'IRM1' is still read. */
const MAGIC2 = 0x324d5249; // 'IRM2' read as a little-endian u32
const MAGIC1 = 0x314d5249; // 'IRM1'
const KIND = { waveform: 1, grid: 2 } as const;
/** Bytes after the name: waveform t0, rate, count; grid t, width, height, spacing x2, origin x2, count. */
const FIELDS = { waveform: 8 + 8 + 4, grid: 8 + 4 + 4 + 32 + 4 } as const;
const U32_MAX = 0xffffffff;
const HEAD2 = 12;
const HEAD1 = 11;

// Float32Array views use the platform's byte order; the frame is little-endian.
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const pad4 = (n: number) => (n + 3) & ~3;
const isU32 = (x: number) => Number.isInteger(x) && x >= 0 && x <= U32_MAX;

/**
 * Why a frame cannot travel, or '' when it can. The encoder refuses what the decoder would
 * refuse, so every frame written decodes to itself.
 */
export function frameProblem(f: BinaryFrame): string {
  const name = f.channel;
  if (typeof name !== 'string' || name.length === 0) return 'channel: empty';
  if ([...name].length > MAX_CHANNEL_LENGTH) return `channel: more than ${MAX_CHANNEL_LENGTH} code points`;
  if (LONE_SURROGATE.test(name)) return 'channel: lone surrogate, not encodable in UTF-8';
  if (!isU32(f.seq)) return 'seq';
  if (f.kind === 'waveform') {
    if (!Number.isFinite(f.t0)) return 't0';
    if (!(Number.isFinite(f.sampleRateHz) && f.sampleRateHz > 0)) return 'sampleRateHz';
    return f.data.length > U32_MAX ? 'count' : '';
  }
  if (!Number.isFinite(f.t)) return 't';
  if (!(isU32(f.width) && f.width > 0)) return 'width';
  if (!(isU32(f.height) && f.height > 0)) return 'height';
  if (f.width * f.height !== f.data.length) return `count: ${f.data.length} values for ${f.width} x ${f.height}`;
  if (!f.spacingMm.every((s) => Number.isFinite(s) && s > 0)) return 'spacingMm';
  if (!f.originMm.every(Number.isFinite)) return 'originMm';
  return '';
}

/**
 * Writes an 'IRM2' frame. Throws a RangeError for a frame that cannot be represented
 * (see `frameProblem`): that is the sender's bug, not data. NaN values travel as they are.
 */
export function encodeBinaryFrame(f: BinaryFrame): ArrayBuffer {
  const problem = frameProblem(f);
  if (problem) throw new RangeError(`cannot encode frame: ${problem}`);
  const name = new TextEncoder().encode(f.channel);
  const head = pad4(HEAD2 + name.length);
  const start = head + FIELDS[f.kind];
  const buf = new ArrayBuffer(start + f.data.length * 4);
  const dv = new DataView(buf);
  dv.setUint32(0, MAGIC2, true);
  dv.setUint8(4, KIND[f.kind]);
  dv.setUint16(6, name.length, true);
  dv.setUint32(8, f.seq, true);
  new Uint8Array(buf, HEAD2, name.length).set(name);
  let o = head;
  const f64 = (x: number) => { dv.setFloat64(o, x, true); o += 8; };
  const u32 = (x: number) => { dv.setUint32(o, x, true); o += 4; };
  if (f.kind === 'waveform') {
    f64(f.t0); f64(f.sampleRateHz);
  } else {
    f64(f.t); u32(f.width); u32(f.height);
    f64(f.spacingMm[0]); f64(f.spacingMm[1]); f64(f.originMm[0]); f64(f.originMm[1]);
  }
  u32(f.data.length);
  if (LITTLE_ENDIAN) new Float32Array(buf, start, f.data.length).set(f.data);
  else for (let i = 0; i < f.data.length; i++) dv.setFloat32(start + i * 4, f.data[i], true);
  return buf;
}

/** NaN and infinities in `data`; `x - x` is NaN exactly for those. */
export function countNonFinite(data: Float32Array): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) if (data[i] - data[i] !== 0) n++;
  return n;
}

/**
 * Reads one frame, checking every field and each against the others (name, geometry against
 * count, rate, time, exact length). Never throws. Where the data is 4-byte aligned (every
 * 'IRM2' frame in a buffer of its own, such as a WebSocket message) `data` is a view into
 * `input`, not a copy: keep the buffer unchanged while the frame is in use.
 */
export function decodeBinaryFrame(input: ArrayBuffer | ArrayBufferView): FrameResult {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  let t: number | undefined;
  const bad = (reason: FrameErrorReason, detail: string, channel?: string): FrameResult => ({
    ok: false,
    error: { reason, detail, ...(channel === undefined ? {} : { channel }), ...(t === undefined ? {} : { t }) },
  });
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.byteLength;
  const magic = len >= 4 ? dv.getUint32(0, true) : 0;
  if (magic !== MAGIC2 && magic !== MAGIC1) return bad('bad-magic', 'expected IRM2 or IRM1');
  const v2 = magic === MAGIC2;
  if (len < (v2 ? HEAD2 : HEAD1)) return bad('truncated', 'header');
  const kindByte = dv.getUint8(4);
  const kind = kindByte === KIND.waveform ? 'waveform' : kindByte === KIND.grid ? 'grid' : undefined;
  if (!kind) return bad('unknown-kind', `kind ${kindByte}`);
  if (v2 && dv.getUint8(5) !== 0) return bad('bad-field', 'reserved byte 5 not 0');
  const nameLen = v2 ? dv.getUint16(6, true) : dv.getUint16(9, true);
  const seq = v2 ? dv.getUint32(8, true) : dv.getUint32(5, true);
  const nameAt = v2 ? HEAD2 : HEAD1;
  // UTF-8 takes at most 4 bytes a code point: a longer name is refused before it is decoded.
  if (nameLen === 0 || nameLen > 4 * MAX_CHANNEL_LENGTH) return bad('bad-field', `channel: ${nameLen} bytes`);
  let o = v2 ? pad4(nameAt + nameLen) : nameAt + nameLen;
  if (len < o + FIELDS[kind]) return bad('truncated', 'fields');
  let channel: string;
  try {
    channel = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(nameAt, nameAt + nameLen));
  } catch {
    return bad('bad-field', 'channel: not UTF-8');
  }
  for (let i = nameAt + nameLen; i < o; i++) if (bytes[i] !== 0) return bad('bad-field', 'padding not 0', channel);
  const f64 = () => { const x = dv.getFloat64(o, true); o += 8; return x; };
  const u32 = () => { const x = dv.getUint32(o, true); o += 4; return x; };
  const head = kind === 'waveform'
    ? { kind, t0: f64(), sampleRateHz: f64() }
    : { kind, t: f64(), width: u32(), height: u32(), spacingMm: [f64(), f64()] as const, originMm: [f64(), f64()] as const };
  t = head.kind === 'waveform' ? head.t0 : head.t;
  const n = u32();
  if (len < o + n * 4) return bad('truncated', `data: ${n} floats announced, ${Math.floor((len - o) / 4)} present`, channel);
  if (len > o + n * 4) return bad('bad-field', `count: ${len - o - n * 4} bytes after ${n} floats`, channel);
  const at = bytes.byteOffset + o;
  let data: Float32Array;
  if (LITTLE_ENDIAN && at % 4 === 0) data = new Float32Array(bytes.buffer, at, n);
  else {
    data = new Float32Array(n);
    for (let i = 0; i < n; i++, o += 4) data[i] = dv.getFloat32(o, true);
  }
  const frame = { ...head, channel, seq, data } as BinaryFrame;
  const problem = frameProblem(frame);
  if (problem) return bad('bad-field', problem, channel);
  return { ok: true, value: frame, nonFinite: countNonFinite(data) };
}
