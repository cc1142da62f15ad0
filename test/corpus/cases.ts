// The bad-input corpus: every kind of malformed, hostile or implausible message a gateway
// may send, for samples, waveforms, grids, events and commands, as the wire carries them
// (NDJSON text or binary frames). Each case is refused with a typed event; none may cost a
// valid sample sent around it. Generated from small tables, so each row says what it tests.
import { encodeBinaryFrame } from '../../src/models/wire-frame.js';

/** One message as the gateway sends it, and what the viewer must say of it. */
export interface Case {
  name: string;
  kind: 'samples' | 'waveform' | 'grid' | 'event' | 'command' | 'envelope';
  /** A text message (one or more NDJSON lines) or a binary frame's bytes. */
  message: string | number[];
  /** Refused as a command (the alarm manager's `refused`), not as data. */
  command?: boolean;
}

/** The channels the corpus page declares: `nerve` takes the bad samples and events, `wave` and `map` the frames. */
export const CORPUS_CHANNELS = [
  { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] as const },
  { id: 'nerve', label: 'Nerve', unit: 'Cel', intervalMs: 100, range: [-50, 60] as const },
  { id: 'wave', label: 'Wave', unit: 'V', intervalMs: 60_000, range: [-5000, 5000] as const, sampleRateHz: [1e5, 1e8] as const },
  { id: 'map', label: 'Map', unit: 'Cel', intervalMs: 1000, range: [-50, 200] as const },
];

const json = (o: unknown) => JSON.stringify(o);
const bytes = (b: ArrayBuffer) => Array.from(new Uint8Array(b));

/** The cases, with data times from `t0` (a valid time) and sequence numbers that never repeat a valid one. */
export function corpus(t0: number): Case[] {
  let seq = 1_000_000;
  const samples = (fields: Record<string, unknown>) => json({ ver: 2, type: 'samples', channel: 'nerve', seq: seq++, unit: 'Cel', t: [t0], v: [20], ...fields });
  const event = (fields: Record<string, unknown>) => json({ ver: 2, type: 'event', channel: 'nerve', seq: seq++, t: t0, kind: 'note', text: 'ok', ...fields });
  const command = (c: unknown) => json({ ver: 2, type: 'command', origin: 'corpus', t: t0, command: c });
  const out: Case[] = [];
  const add = (kind: Case['kind'], name: string, message: Case['message'], extra: Partial<Case> = {}) => out.push({ kind, name, message, ...extra });

  // Values: each alone, and in each position of a batch whose other values are out of range too.
  const badValues: [string, unknown][] = [
    ['NaN as a string', 'NaN'], ['a word', 'abc'], ['null', null], ['true', true], ['an object', {}], ['an array', [1]],
    ['+Infinity (1e400)', '1e400'], ['-Infinity (-1e400)', '-1e400'], ['above the range', 61], ['below the range', -51],
    ['far above the range', 1e308], ['an empty string', ''], ['script-like text', '<img src=x onerror=alert(1)>'],
  ];
  for (const [name, v] of badValues) {
    const raw = typeof v === 'string' && /^-?1e400$/.test(v) ? `__RAW__${v}` : v;
    for (const at of [0, 1, 2]) {
      const vs: unknown[] = [99, 99, 99];
      vs[at] = raw;
      const ts = [t0, t0 + 1, t0 + 2];
      add('samples', `value ${name} at ${at} of 3`, samples({ t: ts, v: vs }).replace(/"__RAW__(-?1e400)"/, '$1'));
    }
  }
  // Times.
  const badTimes: [string, unknown[]][] = [
    ['backwards', [t0 + 10, t0 + 5]], ['repeated', [t0 + 20, t0 + 20]], ['a string', ['soon']], ['null', [null]], ['negative', [-5]],
    ['beyond any date (1e17)', [1e17]], ['a day ahead', [t0 + 86_400_000 * 1.5]], ['two days behind', [t0 - 86_400_000 * 2]], ['fractional ms far ahead', [t0 + 3.6e6 + 0.5]],
  ];
  for (const [name, t] of badTimes) for (const unit of ['Cel', '[degF]', 'K']) add('samples', `time ${name} (${unit})`, samples({ t, v: t.map(() => (unit === 'Cel' ? 99 : unit === 'K' ? 400 : 300)), unit }));
  // Units: unknown, another dimension, malformed.
  for (const unit of ['mL', 'xyz', '', 'kPa', 'Cel/min', 'C', 'celsius', '°', 'K/s', 'V'])
    add('samples', `unit '${unit}'`, samples({ unit }));
  add('samples', 'unit a number', samples({ unit: 5 }));
  // Columns.
  const columns: [string, Record<string, unknown>][] = [
    ['t longer than v', { t: [t0, t0 + 1], v: [20] }], ['v longer than t', { t: [t0], v: [20, 21] }], ['v missing', { v: undefined }], ['t missing', { t: undefined }],
    ['v not an array', { v: 20 }], ['t not an array', { t: t0 }], ['v a string', { v: '20,21' }], ['t of objects', { t: [{}] }],
  ];
  for (const [name, f] of columns) add('samples', `columns: ${name}`, samples(f));
  // Envelope.
  const envelopes: [string, string][] = [
    ['version 99', samples({ ver: 99 })], ['version missing', samples({ ver: undefined })], ['version a string', samples({ ver: '2' })],
    ['type unknown', samples({ type: 'sample' })], ['type missing', samples({ type: undefined })], ['channel missing', samples({ channel: undefined })],
    ['channel empty', samples({ channel: '' })], ['channel 10 000 characters', samples({ channel: 'n'.repeat(10_000) })], ['channel unknown', samples({ channel: 'nope' })],
    ['channel a number', samples({ channel: 7 })], ['channel script-like', samples({ channel: '<script>alert(1)</script>' })], ['seq missing', samples({ seq: undefined })],
    ['seq negative', samples({ seq: -1 })], ['seq a string', samples({ seq: 'a' })], ['seq fractional', samples({ seq: 1.5 })], ['seq beyond 2^32', samples({ seq: 2 ** 40 })],
    ['stream 1000 characters', samples({ stream: 's'.repeat(1000) })], ['stream a number', samples({ stream: 4 })],
  ];
  for (const [name, m] of envelopes) add('envelope', name, m);
  // Not JSON, or JSON of the wrong shape.
  const texts: [string, string][] = [
    ['truncated object', '{"ver":2,"type":"samples"'], ['two objects glued', '}{'], ['null', 'null'], ['an array', '[]'], ['a string', '"samples"'], ['a number', '123'],
    ['true', 'true'], ['binary noise as text', '\u0000\u0001\u0002\u00ff'], ['a byte-order mark before garbage', '\ufeffgarbage'], ['deeply nested', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['control characters', '{"ver":2,\u0007"type":"samples"}'], ['__proto__ pollution', '{"ver":2,"type":"samples","__proto__":{"polluted":true},"channel":"nerve"}'],
    ['single quotes', "{'ver':2}"], ['trailing comma', '{"ver":2,}'], ['NaN literal', '{"ver":2,"type":"samples","channel":"nerve","seq":1,"unit":"Cel","t":[1],"v":[NaN]}'],
    ['comment', '// not data'], ['HTML', '<html><body>502 Bad Gateway</body></html>'], ['a CSV row', 'probe,36.6'],
  ];
  for (const [name, m] of texts) add('envelope', `text: ${name}`, m);
  // Events.
  const events: [string, Record<string, unknown>][] = [
    ['unknown channel', { channel: 'nope' }], ['kind of 65 characters', { kind: 'k'.repeat(65) }], ['text of 1 MB', { text: 'x'.repeat(1 << 20) }], ['time a string', { t: 'now' }],
    ['time beyond any date', { t: 1e17 }], ['time a day ahead', { t: t0 + 1.5 * 86_400_000 }], ['kind missing', { kind: undefined }], ['text a number', { text: 5 }],
    ['text missing', { text: undefined }], ['kind an object', { kind: {} }], ['seq missing', { seq: undefined }], ['channel missing', { channel: undefined }],
  ];
  for (const [name, f] of events) for (const channel of ['nerve', 'wave']) add('event', `${name} (on ${channel})`, event({ channel, ...f }));
  // Commands.
  const commands: [string, unknown][] = [
    ['unknown type', { type: 'silence' }], ['acknowledge without occurrence', { type: 'acknowledge', id: 'x' }], ['acknowledge of nothing present', { type: 'acknowledge', id: 'nerve-cold', occurrence: t0 }],
    ['pause of negative length', { type: 'pause-audio', ms: -5 }], ['pause of a string', { type: 'pause-audio', ms: 'long' }], ['pause of a day', { type: 'pause-audio', ms: 86_400_000 }],
    ['null', null], ['an array', []], ['acknowledge with an id of 10 kB', { type: 'acknowledge', id: 'i'.repeat(10_000), occurrence: t0 }],
    ['pause of alarms for ever', { type: 'pause-alarms', ms: 1e300 }], ['resume with a stray field only', { resume: true }], ['acknowledge with occurrence a string', { type: 'acknowledge', id: 'x', occurrence: 'now' }],
  ];
  for (const [name, c] of commands) add('command', `command: ${name}`, command(c), { command: true });
  add('command', 'command: origin missing', json({ ver: 2, type: 'command', t: t0, command: { type: 'pause-audio', ms: 1000 } }));
  // Binary frames: a good waveform and grid, then each broken one way.
  const wave = () => new Uint8Array(encodeBinaryFrame({ kind: 'waveform', channel: 'wave', seq: seq++, t0: t0 + 500, sampleRateHz: 1e6, data: new Float32Array(16).fill(100) }));
  const grid = () => new Uint8Array(encodeBinaryFrame({ kind: 'grid', channel: 'map', seq: seq++, t: t0 + 500, width: 4, height: 4, spacingMm: [1, 1], originMm: [0, 0], data: new Float32Array(16).fill(37) }));
  const frameCases: [string, Case['kind'], () => number[]][] = [];
  for (const [kind, make] of [['waveform', wave], ['grid', grid]] as const) {
    const k = kind as Case['kind'];
    frameCases.push(
      [`${kind}: bad magic`, k, () => { const b = make(); b[0] ^= 0xff; return [...b]; }],
      [`${kind}: empty`, k, () => []],
      [`${kind}: three bytes`, k, () => [...make().subarray(0, 3)]],
      [`${kind}: header only`, k, () => [...make().subarray(0, 12)]],
      [`${kind}: unknown kind byte`, k, () => { const b = make(); b[4] = 9; return [...b]; }],
      [`${kind}: reserved byte set`, k, () => { const b = make(); b[5] = 1; return [...b]; }],
      [`${kind}: name length 0`, k, () => { const b = make(); b[6] = 0; b[7] = 0; return [...b]; }],
      [`${kind}: name length huge`, k, () => { const b = make(); b[6] = 0xff; b[7] = 0xff; return [...b]; }],
      [`${kind}: name not UTF-8`, k, () => { const b = make(); b[16] = 0xff; return [...b]; }],
      [`${kind}: 8 bytes short`, k, () => [...make().subarray(0, make().length - 8)]],
      [`${kind}: 8 bytes too long`, k, () => [...make(), 0, 0, 0, 0, 0, 0, 0, 0]],
      [`${kind}: 3 bytes too long`, k, () => [...make(), 1, 2, 3]],
    );
  }
  // A good frame with one field written over (the encoder refuses to write a bad one). Layout of
  // docs/wire-format.md: 'wave' and 'map' end their names at byte 16; the fields follow.
  const patched = (make: () => Uint8Array, at: number, write: (dv: DataView) => void) => () => {
    const b = make();
    write(new DataView(b.buffer, b.byteOffset + at));
    return [...b];
  };
  const f64 = (x: number) => (dv: DataView) => dv.setFloat64(0, x, true);
  const u32 = (x: number) => (dv: DataView) => dv.setUint32(0, x, true);
  const frame = (kind: 'waveform' | 'grid', t: number, data: Float32Array, extra: Record<string, unknown> = {}) => () =>
    bytes(encodeBinaryFrame(kind === 'waveform'
      ? { kind, channel: 'wave', seq: seq++, t0: t, sampleRateHz: 1e6, data, ...extra } as never
      : { kind, channel: 'map', seq: seq++, t, width: 4, height: 4, spacingMm: [1, 1], originMm: [0, 0], data, ...extra } as never));
  // Waveform fields: t0 at 16, rate at 24, count at 32. Grid: t at 16, width 24, height 28, spacing 32 and 40, origin 48 and 56, count 64.
  frameCases.push(
    ['waveform: sample rate 0', 'waveform', patched(wave, 24, f64(0))],
    ['waveform: sample rate negative', 'waveform', patched(wave, 24, f64(-1e6))],
    ['waveform: sample rate NaN', 'waveform', patched(wave, 24, f64(NaN))],
    ['waveform: sample rate in Hz for MHz (1)', 'waveform', frame('waveform', t0 + 600, new Float32Array(4), { sampleRateHz: 1 })],
    ['waveform: sample rate 1 GHz', 'waveform', frame('waveform', t0 + 600, new Float32Array(4), { sampleRateHz: 1e9 })],
    ['waveform: t0 infinite', 'waveform', patched(wave, 16, f64(Infinity))],
    ['waveform: t0 beyond any date', 'waveform', patched(wave, 16, f64(1e17))],
    ['waveform: t0 a day ahead', 'waveform', frame('waveform', t0 + 1.5 * 86_400_000, new Float32Array(4))],
    ['waveform: count beyond the data', 'waveform', patched(wave, 32, u32(2 ** 30))],
    ['waveform: unknown channel', 'waveform', () => bytes(encodeBinaryFrame({ kind: 'waveform', channel: 'nope', seq: seq++, t0: t0 + 600, sampleRateHz: 1e6, data: new Float32Array(4) }))],
    ['waveform: NaN samples', 'waveform', frame('waveform', t0 + 700, new Float32Array(4).fill(NaN))],
    ['waveform: time backwards', 'waveform', frame('waveform', t0 - 100, new Float32Array(4))],
    ['grid: width 0', 'grid', patched(grid, 24, u32(0))],
    ['grid: width x height not the count', 'grid', patched(grid, 24, u32(5))],
    ['grid: negative spacing', 'grid', patched(grid, 32, f64(-1))],
    ['grid: NaN origin', 'grid', patched(grid, 48, f64(NaN))],
    ['grid: time infinite', 'grid', patched(grid, 16, f64(-Infinity))],
    ['grid: unknown channel', 'grid', () => bytes(encodeBinaryFrame({ kind: 'grid', channel: 'nope', seq: seq++, t: t0 + 600, width: 4, height: 4, spacingMm: [1, 1], originMm: [0, 0], data: new Float32Array(16) }))],
    ['grid: infinite pixels', 'grid', frame('grid', t0 + 800, new Float32Array(16).fill(Infinity))],
    ['grid: geometry changed', 'grid', frame('grid', t0 + 900, new Float32Array(16).fill(37), { width: 2, height: 8 })],
    ['grid: time backwards', 'grid', frame('grid', t0 - 100, new Float32Array(16).fill(37))],
  );
  for (const [name, kind, make] of frameCases) add(kind, name, make());
  return out;
}

/** A valid frame of each kind, sent first so the frame cases meet a channel with history (time, geometry). */
export function goodFrames(t0: number): number[][] {
  return [
    bytes(encodeBinaryFrame({ kind: 'waveform', channel: 'wave', seq: 1, t0, sampleRateHz: 1e6, data: new Float32Array(16).fill(100) })),
    bytes(encodeBinaryFrame({ kind: 'grid', channel: 'map', seq: 1, t: t0, width: 4, height: 4, spacingMm: [1, 1], originMm: [0, 0], data: new Float32Array(16).fill(37) })),
  ];
}
