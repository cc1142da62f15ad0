import { parseAlarmCommand, type AlarmCommand } from './alarm-command.js';
import type { SampleBatch } from './channel.js';
import { SlicedJson } from './sliced-json.js';
import { errorText } from './error-text.js';

/**
 * Newest NDJSON envelope version. Version 2 adds the `hello` message and the optional
 * `stream` field; version 1 lines are still accepted. The version travels as `ver` because
 * `v` is the values column (JSON keeps the last duplicate key).
 */
export const WIRE_VERSION = 2;
/** Versions this parser reads. */
export const WIRE_VERSIONS: readonly number[] = [1, 2];
/** Longest channel id, in Unicode code points; a longer one is refused before anything keeps it. */
export const MAX_CHANNEL_LENGTH = 128;
/** Longest stream id, in Unicode code points. */
export const MAX_STREAM_LENGTH = 64;

export interface WireSamples extends SampleBatch {
  type: 'samples';
  seq: number;
  unit: string;
  /** The sender's stream id (version 2); absent: the connection's `hello` stream, if any. */
  stream?: string;
}
export interface WireEvent {
  type: 'event';
  channel: string;
  seq: number;
  t: number;
  kind: string;
  text: string;
  stream?: string;
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
/**
 * First message of a connection (version 2): names the sender's stream. A new id means the
 * sender restarted and numbers every channel from scratch, so earlier `seq`s are forgotten.
 */
export interface WireHello {
  type: 'hello';
  stream: string;
}
export type WireMessage = WireSamples | WireEvent | WireCommand | WireHello;

export type WireErrorReason = 'malformed-json' | 'unknown-type' | 'bad-field' | 'unsupported-version';
export interface WireError {
  reason: WireErrorReason;
  detail: string;
  /** The channel, when the line got far enough to name a valid one. */
  channel?: string;
}
export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

const fail = (reason: WireErrorReason, detail: string, channel?: string): { ok: false; error: WireError } => ({
  ok: false,
  error: channel === undefined ? { reason, detail } : { reason, detail, channel },
});

/** Fields each envelope type requires; docs/wire-format.schema.json must agree (tested). */
export const ENVELOPE_REQUIRED = {
  samples: ['ver', 'type', 'channel', 'seq', 'unit', 't', 'v'],
  event: ['ver', 'type', 'channel', 'seq', 't', 'kind', 'text'],
  command: ['ver', 'type', 'origin', 't', 'command'],
  hello: ['ver', 'type', 'stream'],
} as const;
export const ENVELOPE_TYPES = Object.keys(ENVELOPE_REQUIRED) as (keyof typeof ENVELOPE_REQUIRED)[];
/** The version that introduced each type. */
const SINCE: Record<keyof typeof ENVELOPE_REQUIRED, number> = { samples: 1, event: 1, command: 1, hello: 2 };

const isSeq = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 0xffffffff;
const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isType = (x: unknown): x is keyof typeof ENVELOPE_REQUIRED => ENVELOPE_TYPES.includes(x as keyof typeof ENVELOPE_REQUIRED);

/** Code points of `s`, counted only when its UTF-16 length leaves a doubt. */
const fits = (s: string, max: number) => s.length <= max || (s.length <= 2 * max && [...s].length <= max);
/** Why `x` is not a usable id of at most `max` code points, or '' when it is. */
function idProblem(x: unknown, max: number): string {
  if (!isText(x)) return typeof x === 'string' ? 'empty' : 'not a string';
  return fits(x, max) ? '' : `${x.length} UTF-16 units, at most ${max} code points`;
}

/**
 * A JSON column as numbers. An item that is not a number (null, a string, a boolean)
 * becomes NaN, so the validator refuses that one sample by name and keeps its neighbours.
 */
function column<T extends Float64Array | Float32Array>(a: unknown[], out: T): T {
  for (let i = 0; i < a.length; i++) out[i] = typeof a[i] === 'number' ? (a[i] as number) : NaN;
  return out;
}

/** Checks an already-parsed value against the envelope; never throws. */
export function validateEnvelope(o: unknown): WireResult<WireMessage> {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return fail('bad-field', 'not an object');
  const r = o as Record<string, unknown>;
  if (typeof r.ver !== 'number' || !WIRE_VERSIONS.includes(r.ver)) return fail('unsupported-version', `ver ${JSON.stringify(r.ver)}`);
  if (!isType(r.type) || SINCE[r.type] > r.ver) return fail('unknown-type', `type ${JSON.stringify(r.type)} in version ${r.ver}`);
  const channelOk = r.type !== 'command' && r.type !== 'hello' && idProblem(r.channel, MAX_CHANNEL_LENGTH) === '';
  const named = channelOk ? (r.channel as string) : undefined;
  for (const k of ENVELOPE_REQUIRED[r.type]) if (!(k in r)) return fail('bad-field', `missing ${k}`, named);
  if (r.type === 'hello') {
    const p = idProblem(r.stream, MAX_STREAM_LENGTH);
    return p ? fail('bad-field', `stream: ${p}`) : { ok: true, value: { type: 'hello', stream: r.stream as string } };
  }
  if (r.type === 'command') {
    if (!isText(r.origin)) return fail('bad-field', 'origin');
    if (!isTime(r.t)) return fail('bad-field', 't');
    const c = parseAlarmCommand(r.command);
    if (!c.ok) return fail('bad-field', `command: ${c.detail}`);
    return { ok: true, value: { type: 'command', origin: r.origin, t: r.t, command: c.value } };
  }
  if (!named) return fail('bad-field', `channel: ${idProblem(r.channel, MAX_CHANNEL_LENGTH)}`);
  if (!isSeq(r.seq)) return fail('bad-field', 'seq', named);
  let stream: string | undefined;
  if ('stream' in r) {
    const p = r.ver < 2 ? 'needs version 2' : idProblem(r.stream, MAX_STREAM_LENGTH);
    if (p) return fail('bad-field', `stream: ${p}`, named);
    stream = r.stream as string;
  }
  const base = { channel: named, seq: r.seq, ...(stream === undefined ? {} : { stream }) };
  if (r.type === 'samples') {
    if (!isText(r.unit)) return fail('bad-field', 'unit', named);
    if (!Array.isArray(r.t) || !Array.isArray(r.v)) return fail('bad-field', 't/v not arrays', named);
    if (r.t.length !== r.v.length) return fail('bad-field', 't and v lengths differ', named);
    const value: WireSamples = {
      type: 'samples', ...base, unit: r.unit,
      t: column(r.t, new Float64Array(r.t.length)), v: column(r.v, new Float32Array(r.v.length)),
    };
    return { ok: true, value };
  }
  if (!isTime(r.t)) return fail('bad-field', 't', named);
  if (!isText(r.kind)) return fail('bad-field', 'kind', named);
  if (typeof r.text !== 'string') return fail('bad-field', 'text', named);
  return { ok: true, value: { type: 'event', ...base, t: r.t, kind: r.kind, text: r.text } };
}

/** A leading byte-order mark is ignored, as RFC 8259 section 8.1 allows a parser to do. */
const withoutBom = (line: string) => (line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);

/** Parses one NDJSON line; never throws. */
export function parseWireLine(line: string): WireResult<WireMessage> {
  let o: unknown;
  try {
    o = JSON.parse(withoutBom(line));
  } catch (e) {
    return fail('malformed-json', errorText(e));
  }
  return validateEnvelope(o);
}

/** Characters of a long line parsed between yields: about a millisecond of work. */
const STEP_CHARS = 1 << 16;

/**
 * `parseWireLine` a step at a time, for a reader that hands the thread back between steps:
 * a line of at most `longLine` characters is parsed at once by the native `JSON.parse`, a
 * longer one (a 50 MB batch on one line) by `SlicedJson`, yielding every `STEP_CHARS`
 * characters. The same result either way.
 */
export function* parseWireLineInSteps(line: string, longLine: number): Generator<void, WireResult<WireMessage>, void> {
  if (line.length <= longLine) return parseWireLine(line);
  const json = new SlicedJson(withoutBom(line));
  while (!json.step(STEP_CHARS)) yield;
  return json.error === undefined ? validateEnvelope(json.value) : fail('malformed-json', json.error);
}

/**
 * The inverse of parseWireLine, one line without the trailing newline. Writes version 1
 * unless the message needs version 2 (a hello, a stream id), so version 1 viewers keep reading.
 */
export function encodeWireLine(m: WireMessage): string {
  switch (m.type) {
    case 'samples':
      return JSON.stringify({ ver: m.stream === undefined ? 1 : 2, type: 'samples', channel: m.channel, seq: m.seq, ...streamOf(m), unit: m.unit, t: Array.from(m.t), v: Array.from(m.v) });
    case 'event':
      return JSON.stringify({ ver: m.stream === undefined ? 1 : 2, type: 'event', channel: m.channel, seq: m.seq, ...streamOf(m), t: m.t, kind: m.kind, text: m.text });
    case 'command':
      return JSON.stringify({ ver: 1, type: 'command', origin: m.origin, t: m.t, command: m.command });
    case 'hello':
      return JSON.stringify({ ver: 2, type: 'hello', stream: m.stream });
  }
}
const streamOf = (m: { stream?: string }) => (m.stream === undefined ? {} : { stream: m.stream });
