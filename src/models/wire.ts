import { parseAlarmCommand, type AlarmCommand } from './alarm-command.js';
import type { Grid, SampleBatch, Waveform } from './channel.js';

/**
 * Wire format version 1. The brief's `"v":1` would collide with the `v` values column
 * (JSON keeps the last duplicate key), so the version travels as `ver`.
 */
export const WIRE_VERSION = 1;

export interface WireSamples extends SampleBatch {
  type: 'samples';
  seq: number;
  unit: string;
}
export interface WireEvent {
  type: 'event';
  channel: string;
  seq: number;
  t: number;
  kind: string;
  text: string;
}
/**
 * An operator's command from one viewer, for the others (IEC distributed alarm system).
 * Not a channel's data, so no `channel` or `seq`; `origin` lets a viewer skip its own echo.
 */
export interface WireCommand {
  type: 'command';
  origin: string;
  t: number;
  command: AlarmCommand;
}
export type WireMessage = WireSamples | WireEvent | WireCommand;

export type WireErrorReason = 'malformed-json' | 'unknown-type' | 'bad-field' | 'unsupported-version';
export interface WireError {
  reason: WireErrorReason;
  detail: string;
}
export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

const fail = (reason: WireErrorReason, detail: string): { ok: false; error: WireError } => ({
  ok: false,
  error: { reason, detail },
});

/** Fields each envelope type requires; docs/wire-format.schema.json must agree (tested). */
export const ENVELOPE_REQUIRED = {
  samples: ['ver', 'type', 'channel', 'seq', 'unit', 't', 'v'],
  event: ['ver', 'type', 'channel', 'seq', 't', 'kind', 'text'],
  command: ['ver', 'type', 'origin', 't', 'command'],
} as const;
export const ENVELOPE_TYPES = Object.keys(ENVELOPE_REQUIRED) as (keyof typeof ENVELOPE_REQUIRED)[];

const isSeq = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 0xffffffff;
const isNumArray = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => typeof n === 'number');
const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isType = (x: unknown): x is keyof typeof ENVELOPE_REQUIRED => ENVELOPE_TYPES.includes(x as keyof typeof ENVELOPE_REQUIRED);

/** Checks an already-parsed value against the envelope; never throws. */
export function validateEnvelope(o: unknown): WireResult<WireMessage> {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return fail('bad-field', 'not an object');
  const r = o as Record<string, unknown>;
  if (r.ver !== WIRE_VERSION) return fail('unsupported-version', `ver ${JSON.stringify(r.ver)}`);
  if (!isType(r.type)) return fail('unknown-type', `type ${JSON.stringify(r.type)}`);
  for (const k of ENVELOPE_REQUIRED[r.type]) if (!(k in r)) return fail('bad-field', `missing ${k}`);
  if (r.type === 'command') {
    if (!isText(r.origin)) return fail('bad-field', 'origin');
    if (!isTime(r.t)) return fail('bad-field', 't');
    const c = parseAlarmCommand(r.command);
    if (!c.ok) return fail('bad-field', `command: ${c.detail}`);
    return { ok: true, value: { type: 'command', origin: r.origin, t: r.t, command: c.value } };
  }
  if (!isText(r.channel)) return fail('bad-field', 'channel');
  if (!isSeq(r.seq)) return fail('bad-field', 'seq');
  if (r.type === 'samples') {
    if (!isText(r.unit)) return fail('bad-field', 'unit');
    if (!isNumArray(r.t) || !isNumArray(r.v)) return fail('bad-field', 't/v not number arrays');
    if (r.t.length !== r.v.length) return fail('bad-field', 't and v lengths differ');
    const value: WireSamples = {
      type: 'samples', channel: r.channel, seq: r.seq, unit: r.unit,
      t: Float64Array.from(r.t), v: Float32Array.from(r.v),
    };
    return { ok: true, value };
  }
  if (!isTime(r.t)) return fail('bad-field', 't');
  if (!isText(r.kind)) return fail('bad-field', 'kind');
  if (typeof r.text !== 'string') return fail('bad-field', 'text');
  return { ok: true, value: { type: 'event', channel: r.channel, seq: r.seq, t: r.t, kind: r.kind, text: r.text } };
}

/** Parses one NDJSON line; never throws. */
export function parseWireLine(line: string): WireResult<WireMessage> {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch (e) {
    return fail('malformed-json', e instanceof Error ? e.message : String(e));
  }
  return validateEnvelope(o);
}

/** The inverse of parseWireLine, one line without the trailing newline. */
export function encodeWireLine(m: WireMessage): string {
  switch (m.type) {
    case 'samples':
      return JSON.stringify({ ver: WIRE_VERSION, type: 'samples', channel: m.channel, seq: m.seq, unit: m.unit, t: Array.from(m.t), v: Array.from(m.v) });
    case 'event':
      return JSON.stringify({ ver: WIRE_VERSION, type: 'event', channel: m.channel, seq: m.seq, t: m.t, kind: m.kind, text: m.text });
    case 'command':
      return JSON.stringify({ ver: WIRE_VERSION, type: 'command', origin: m.origin, t: m.t, command: m.command });
  }
}

// ---- Binary frame: little-endian, see docs/wire-format.md ----

export type BinaryFrame = ({ kind: 'waveform' } & Waveform & { seq: number }) | ({ kind: 'grid' } & Grid & { seq: number });
export type FrameErrorReason = 'bad-magic' | 'truncated' | 'unknown-kind';

const MAGIC = [0x49, 0x52, 0x4d, 0x31]; // 'IRM1'
const KIND = { waveform: 1, grid: 2 } as const;

export function encodeBinaryFrame(f: BinaryFrame): ArrayBuffer {
  const name = new TextEncoder().encode(f.channel);
  const fields = f.kind === 'waveform' ? 8 + 8 + 4 : 8 + 4 + 4 + 32 + 4;
  const head = 4 + 1 + 4 + 2 + name.length;
  const buf = new ArrayBuffer(head + fields + f.data.length * 4);
  const dv = new DataView(buf);
  MAGIC.forEach((b, i) => dv.setUint8(i, b));
  dv.setUint8(4, KIND[f.kind]);
  dv.setUint32(5, f.seq, true);
  dv.setUint16(9, name.length, true);
  new Uint8Array(buf, 11, name.length).set(name);
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
  // DataView rather than a Float32Array view: the data offset is not 4-byte aligned.
  for (let i = 0; i < f.data.length; i++, o += 4) dv.setFloat32(o, f.data[i], true);
  return buf;
}

export function decodeBinaryFrame(buf: ArrayBuffer): { ok: true; value: BinaryFrame } | { ok: false; error: { reason: FrameErrorReason; detail: string } } {
  const bad = (reason: FrameErrorReason, detail: string) => ({ ok: false as const, error: { reason, detail } });
  const dv = new DataView(buf);
  if (buf.byteLength < 4 || MAGIC.some((b, i) => dv.getUint8(i) !== b)) return bad('bad-magic', 'expected IRM1');
  if (buf.byteLength < 11) return bad('truncated', 'header');
  const kind = dv.getUint8(4);
  if (kind !== KIND.waveform && kind !== KIND.grid) return bad('unknown-kind', `kind ${kind}`);
  const seq = dv.getUint32(5, true);
  const nameLen = dv.getUint16(9, true);
  let o = 11 + nameLen;
  const fields = kind === KIND.waveform ? 20 : 56;
  if (buf.byteLength < o + fields) return bad('truncated', 'fields');
  const channel = new TextDecoder().decode(new Uint8Array(buf, 11, nameLen));
  const f64 = () => { const x = dv.getFloat64(o, true); o += 8; return x; };
  const u32 = () => { const x = dv.getUint32(o, true); o += 4; return x; };
  const head = kind === KIND.waveform
    ? { kind: 'waveform' as const, t0: f64(), sampleRateHz: f64() }
    : { kind: 'grid' as const, t: f64(), width: u32(), height: u32(), spacingMm: [f64(), f64()] as const, originMm: [f64(), f64()] as const };
  const n = u32();
  if (buf.byteLength < o + n * 4) return bad('truncated', `data: ${n} floats announced`);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++, o += 4) data[i] = dv.getFloat32(o, true);
  return { ok: true, value: { ...head, channel, seq, data } as BinaryFrame };
}
