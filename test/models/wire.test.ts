import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import {
  ENVELOPE_REQUIRED, ENVELOPE_TYPES, MAX_CHANNEL_LENGTH, MAX_STREAM_LENGTH, WIRE_VERSIONS, encodeWireLine, parseWireLine,
  validateEnvelope, type WireMessage,
} from '../../src/models/wire.js';
import { SequenceTracker } from '../../src/models/sequence.js';
import { ALARM_COMMAND_TYPES, type AlarmCommand } from '../../src/models/alarm-command.js';
import { MAX_PAUSE_MS } from '../../src/models/alarm-system.js';

const samples = '{"ver":1,"type":"samples","channel":"probe","seq":12,"unit":"Cel","t":[1,2],"v":[36.5,37]}';
const event = '{"ver":1,"type":"event","channel":"probe","seq":13,"t":3,"kind":"sensor","text":"reseated"}';
const hello = '{"ver":2,"type":"hello","stream":"gw-7f3a"}';
const command = '{"ver":1,"type":"command","origin":"proctor","t":4,"command":{"type":"acknowledge","id":"nerve-high","occurrence":4000}}';
const withCommand = (c: unknown) => JSON.stringify({ ver: 1, type: 'command', origin: 'console', t: 5, command: c });

const malformed: [string, string][] = [
  ['{"ver":1,', 'malformed-json'],
  ['', 'malformed-json'],
  ['{"ver":3,"type":"samples"}', 'unsupported-version'],
  ['{"type":"samples"}', 'unsupported-version'],
  ['{"ver":1,"type":"pulse","channel":"x","seq":1}', 'unknown-type'],
  ['[1,2]', 'bad-field'],
  ['{"ver":1,"type":"samples","channel":"probe","seq":-1,"unit":"Cel","t":[],"v":[]}', 'bad-field'],
  ['{"ver":1,"type":"samples","channel":"probe","seq":1.5,"unit":"Cel","t":[],"v":[]}', 'bad-field'],
  ['{"ver":1,"type":"samples","channel":"","seq":1,"unit":"Cel","t":[],"v":[]}', 'bad-field'],
  ['{"ver":1,"type":"samples","channel":"probe","seq":1,"t":[1],"v":[1]}', 'bad-field'],
  ['{"ver":1,"type":"samples","channel":"probe","seq":1,"unit":"Cel","t":[1,2],"v":[1]}', 'bad-field'],
  ['{"ver":1,"type":"event","channel":"probe","seq":1,"t":1,"kind":"","text":"x"}', 'bad-field'],
  ['{"ver":1,"type":"event","channel":"probe","seq":1,"t":1,"kind":"k"}', 'bad-field'],
  ['{"ver":1,"type":"hello","stream":"a"}', 'unknown-type'],
  ['{"ver":2,"type":"hello","stream":""}', 'bad-field'],
  ['{"ver":1,"type":"samples","channel":"probe","seq":1,"stream":"a","unit":"Cel","t":[],"v":[]}', 'bad-field'],
  [`{"ver":1,"type":"samples","channel":"${'x'.repeat(129)}","seq":1,"unit":"Cel","t":[],"v":[]}`, 'bad-field'],
  ['{"ver":1,"type":"samples","channel":"probe","seq":1,"unit":"Cel","t":1,"v":[1]}', 'bad-field'],
];

/** Bad commands: each a bad-field error whose detail names the problem. */
const badCommands: [string, RegExp][] = [
  [withCommand({ type: 'silence-forever' }), /^command: unknown command "silence-forever"/],
  [withCommand({ type: 'acknowledge' }), /^command: acknowledge needs an alarm id/],
  [withCommand({ type: 'acknowledge', id: '' }), /^command: acknowledge needs an alarm id/],
  [withCommand({ type: 'acknowledge', id: 'nerve-high' }), /^command: acknowledge needs the occurrence/],
  [withCommand({ type: 'pause-audio', ms: -1 }), /^command: pause-audio: ms must be a positive number/],
  [withCommand({ type: 'pause-alarms', ms: MAX_PAUSE_MS + 1 }), /^command: pause-alarms: 900001 ms is longer than the 900000 ms a pause may last/],
  [withCommand('acknowledge'), /^command: command is not an object/],
  ['{"ver":1,"type":"command","t":5,"command":{"type":"audio-off"}}', /^missing origin$/],
  ['{"ver":1,"type":"command","origin":"","t":5,"command":{"type":"audio-off"}}', /^origin$/],
  ['{"ver":1,"type":"command","origin":"a","t":"5","command":{"type":"audio-off"}}', /^t$/],
  ['{"ver":1,"type":"command","origin":"a","t":5}', /^missing command$/],
];

describe('wire NDJSON', () => {
  it('parses samples and events', () => {
    const s = parseWireLine(samples);
    expect(s.ok).to.equal(true);
    if (s.ok && s.value.type === 'samples') {
      expect(s.value.seq).to.equal(12);
      expect(Array.from(s.value.t)).to.deep.equal([1, 2]);
      expect(s.value.v).to.be.instanceOf(Float32Array);
      expect(s.value.v[0]).to.equal(36.5);
    } else expect.fail('not samples');
    const e = parseWireLine(event);
    expect(e.ok && e.value).to.deep.equal({ type: 'event', channel: 'probe', seq: 13, t: 3, kind: 'sensor', text: 'reseated' });
  });

  it('parses commands, keeping only the fields of the command', () => {
    expect(parseWireLine(command)).to.deep.equal({
      ok: true, value: { type: 'command', origin: 'proctor', t: 4, command: { type: 'acknowledge', id: 'nerve-high', occurrence: 4000 } },
    });
    const extra = parseWireLine(withCommand({ type: 'pause-audio', ms: 120000, id: 'x' }));
    expect(extra.ok && extra.value).to.deep.equal({ type: 'command', origin: 'console', t: 5, command: { type: 'pause-audio', ms: 120000 } });
  });

  it('reports each bad command as a bad-field naming the problem', () => {
    for (const [line, detail] of badCommands) {
      const r = parseWireLine(line);
      expect(r.ok, line).to.equal(false);
      if (!r.ok) {
        expect(r.error.reason, line).to.equal('bad-field');
        expect(r.error.detail, line).to.match(detail);
      }
    }
  });

  it('types each malformed kind and never throws', () => {
    for (const [line, reason] of malformed) {
      const r = parseWireLine(line);
      expect(r.ok, line).to.equal(false);
      if (!r.ok) expect(r.error.reason, line).to.equal(reason);
    }
  });

  it('fuzz: never throws on any text, JSON, or mutated valid line (3 x 2000 runs)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => { parseWireLine(s); }), { numRuns: 2000 });
    fc.assert(fc.property(fc.jsonValue(), (j) => { parseWireLine(JSON.stringify(j)); }), { numRuns: 2000 });
    // Valid lines with a field replaced by any JSON value: typed result, and a valid channel is named.
    const field = fc.constantFrom('ver', 'type', 'channel', 'seq', 'unit', 't', 'v', 'stream', 'kind', 'text');
    fc.assert(fc.property(fc.constantFrom(samples, event), field, fc.jsonValue(), (line, k, x) => {
      const o = { ...JSON.parse(line), [k]: x };
      const r = parseWireLine(JSON.stringify(o));
      if (!r.ok && k !== 'channel' && (o.type === 'samples' || o.type === 'event') && r.error.reason === 'bad-field') expect(r.error.channel).to.equal('probe');
    }), { numRuns: 2000 });
  });

  it('refuses only the bad values in t and v, keeping the valid neighbours', () => {
    const r = parseWireLine('{"ver":1,"type":"samples","channel":"probe","seq":1,"unit":"Cel","t":[1,2,null,4,5],"v":[1,null,3,"4",true]}');
    expect(r.ok).to.equal(true);
    if (!r.ok || r.value.type !== 'samples') return expect.fail('not samples');
    expect(Array.from(r.value.t)).to.deep.equal([1, 2, NaN, 4, 5]);
    expect(Array.from(r.value.v)).to.deep.equal([1, NaN, 3, NaN, NaN]);
  });

  it('names the channel in an error once it is known', () => {
    const r = parseWireLine('{"ver":1,"type":"samples","channel":"probe","seq":1,"unit":"Cel","t":[1],"v":[1,2]}');
    expect(!r.ok && r.error).to.deep.equal({ reason: 'bad-field', detail: 't and v lengths differ', channel: 'probe' });
    const long = parseWireLine(`{"ver":1,"type":"samples","channel":"${'x'.repeat(1e6)}","seq":1,"unit":"Cel","t":[1],"v":[1]}`);
    expect(!long.ok && long.error.channel).to.equal(undefined);
    expect(!long.ok && long.error.detail.length).to.be.below(100);
  });

  it('ignores a byte-order mark and a CR before the newline', () => {
    for (const line of [`\uFEFF${samples}`, `${samples}\r`]) expect(parseWireLine(line).ok, JSON.stringify(line)).to.equal(true);
  });

  it('reads version 2: hello, and stream on samples and events', () => {
    expect(parseWireLine(hello)).to.deep.equal({ ok: true, value: { type: 'hello', stream: 'gw-7f3a' } });
    const s = parseWireLine(samples.replace('"ver":1', '"ver":2').replace('"seq":12', '"seq":12,"stream":"gw-7f3a"'));
    expect(s.ok && s.value.type === 'samples' && s.value.stream).to.equal('gw-7f3a');
    expect(JSON.parse(encodeWireLine({ type: 'samples', channel: 'p', seq: 0, unit: 'Cel', t: new Float64Array(), v: new Float32Array() })).ver).to.equal(1);
  });

  it('round-trips encodeWireLine (property)', () => {
    const pause = (type: 'pause-audio' | 'pause-alarms') =>
      // Any pause a command may ask for: positive, at most the 15 min a pause may last.
      fc.record({ type: fc.constant(type), ms: fc.double({ min: 1e-3, max: MAX_PAUSE_MS, noNaN: true }) }, { requiredKeys: ['type'] });
    const alarmCommand: fc.Arbitrary<AlarmCommand> = fc.oneof(
      fc.record({ type: fc.constant('acknowledge' as const), id: fc.string({ minLength: 1 }), occurrence: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)) }),
      pause('pause-audio'),
      pause('pause-alarms'),
      fc.constantFrom('audio-off' as const, 'resume-audio' as const, 'resume-alarms' as const).map((type) => ({ type })),
    );
    const id = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: 'grapheme' }).filter((s) => [...s].length <= max);
    const seq = fc.nat({ max: 0xffffffff });
    const stream = { stream: id(MAX_STREAM_LENGTH) };
    const msg = fc.oneof(
      fc.record({
        type: fc.constant('samples' as const), channel: id(MAX_CHANNEL_LENGTH), seq, ...stream,
        unit: fc.constantFrom('Cel', 'mL', 'V'),
        n: fc.nat({ max: 20 }),
      }, { requiredKeys: ['type', 'channel', 'seq', 'unit', 'n'] }).map(({ n, ...r }) => ({ ...r, t: Float64Array.from({ length: n }, (_, i) => 1e12 + i), v: Float32Array.from({ length: n }, (_, i) => i / 4) })),
      fc.record({ type: fc.constant('event' as const), channel: id(MAX_CHANNEL_LENGTH), seq, ...stream, t: fc.integer(), kind: fc.string({ minLength: 1 }), text: fc.string() },
        { requiredKeys: ['type', 'channel', 'seq', 't', 'kind', 'text'] }),
      fc.record({ type: fc.constant('hello' as const), ...stream }),
      fc.record({ type: fc.constant('command' as const), origin: fc.string({ minLength: 1 }), t: fc.integer(), command: alarmCommand }),
    );
    fc.assert(fc.property(msg, (m: WireMessage) => {
      const r = parseWireLine(encodeWireLine(m));
      expect(r.ok && r.value).to.deep.equal(m);
    }), { numRuns: 1000 });
  });
});

describe('wire schema agrees with validateEnvelope', () => {
  type Def = { required: string[]; properties: Record<string, { const?: unknown }> };
  let defs: Record<string, Def & { const?: unknown }>;
  before(async () => {
    defs = (await (await fetch('/docs/wire-format.schema.json')).json()).$defs;
  });

  it('lists the same types and required fields the parser enforces', () => {
    for (const type of ENVELOPE_TYPES) {
      expect(defs[type].required, type).to.have.members([...ENVELOPE_REQUIRED[type]]);
      expect(defs[type].properties.type.const).to.equal(type);
    }
    expect((defs.ver as unknown as { enum: number[] }).enum).to.deep.equal([...WIRE_VERSIONS]);
    expect((defs.channel as unknown as { maxLength: number }).maxLength).to.equal(MAX_CHANNEL_LENGTH);
    expect((defs.stream as unknown as { maxLength: number }).maxLength).to.equal(MAX_STREAM_LENGTH);
  });

  it('lists the command types parseAlarmCommand accepts, no more', () => {
    const variants = (defs.alarmCommand as unknown as { oneOf: { properties: { type: { const?: string; enum?: string[] } } }[] }).oneOf;
    const types = variants.flatMap((v) => v.properties.type.enum ?? [v.properties.type.const]);
    expect(types).to.have.members([...ALARM_COMMAND_TYPES]);
  });

  it('rejects each message missing one required field, accepts the whole', () => {
    for (const line of [samples, event, command, hello]) {
      const full = JSON.parse(line);
      expect(validateEnvelope(full).ok).to.equal(true);
      for (const k of defs[full.type].required) {
        const { [k]: _drop, ...rest } = full;
        expect(validateEnvelope(rest).ok, `${full.type} without ${k}`).to.equal(false);
      }
    }
  });

  it('accepts simulated-style batches encoded by encodeWireLine', () => {
    const seqs = new SequenceTracker();
    for (let k = 0; k < 5; k++) {
      const t = Float64Array.from({ length: 10 }, (_, i) => 1.7e12 + (k * 10 + i) * 10);
      const v = Float32Array.from(t, (x) => 37 + Math.sin(x / 1000));
      const r = parseWireLine(encodeWireLine({ type: 'samples', channel: 'probe', seq: k, unit: 'Cel', t, v }));
      expect(r.ok).to.equal(true);
      const o = JSON.parse(encodeWireLine({ type: 'samples', channel: 'probe', seq: k, unit: 'Cel', t, v }));
      expect(Object.keys(o)).to.have.members(defs.samples.required);
      expect(r.ok && r.value.type).to.equal('samples');
      if (r.ok && r.value.type === 'samples') expect(seqs.check(r.value.channel, r.value.seq).kind).to.equal('ok');
    }
  });
});
