import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import {
  ENVELOPE_REQUIRED, ENVELOPE_TYPES, decodeBinaryFrame, encodeBinaryFrame, encodeWireLine, parseWireLine,
  validateEnvelope, type BinaryFrame, type WireMessage,
} from '../../src/models/wire.js';
import { SequenceTracker } from '../../src/models/sequence.js';
import { ALARM_COMMAND_TYPES, type AlarmCommand } from '../../src/models/alarm-command.js';

const samples = '{"ver":1,"type":"samples","channel":"probe","seq":12,"unit":"Cel","t":[1,2],"v":[36.5,37]}';
const event = '{"ver":1,"type":"event","channel":"probe","seq":13,"t":3,"kind":"sensor","text":"reseated"}';
const command = '{"ver":1,"type":"command","origin":"proctor","t":4,"command":{"type":"acknowledge","id":"nerve-high","occurrence":1700000000000}}';
const withCommand = (c: unknown) => JSON.stringify({ ver: 1, type: 'command', origin: 'console', t: 5, command: c });

const malformed: [string, string][] = [
  ['{"ver":1,', 'malformed-json'],
  ['', 'malformed-json'],
  ['{"ver":2,"type":"samples"}', 'unsupported-version'],
  ['{"type":"samples"}', 'unsupported-version'],
  ['{"ver":1,"type":"pulse","channel":"x","seq":1}', 'unknown-type'],
  ['[1,2]', 'bad-field'],
  ['{"ver":1,"type":"samples","channel":"probe","seq":-1,"unit":"Cel","t":[],"v":[]}', 'bad-field'],
  ['{"ver":1,"type":"samples","channel":"probe","seq":1.5,"unit":"Cel","t":[],"v":[]}', 'bad-field'],
  ['{"ver":1,"type":"samples","channel":"","seq":1,"unit":"Cel","t":[],"v":[]}', 'bad-field'],
  ['{"ver":1,"type":"samples","channel":"probe","seq":1,"t":[1],"v":[1]}', 'bad-field'],
  ['{"ver":1,"type":"samples","channel":"probe","seq":1,"unit":"Cel","t":[1,2],"v":[1]}', 'bad-field'],
  ['{"ver":1,"type":"samples","channel":"probe","seq":1,"unit":"Cel","t":["1"],"v":[1]}', 'bad-field'],
  ['{"ver":1,"type":"event","channel":"probe","seq":1,"t":1,"kind":"","text":"x"}', 'bad-field'],
  ['{"ver":1,"type":"event","channel":"probe","seq":1,"t":1,"kind":"k"}', 'bad-field'],
];

/** Bad commands: each a bad-field error whose detail names the problem. */
const badCommands: [string, RegExp][] = [
  [withCommand({ type: 'silence-forever' }), /^command: unknown command "silence-forever"/],
  [withCommand({ type: 'acknowledge' }), /^command: acknowledge needs an alarm id/],
  [withCommand({ type: 'acknowledge', id: '' }), /^command: acknowledge needs an alarm id/],
  [withCommand({ type: 'acknowledge', id: 'nerve-high' }), /^command: acknowledge needs the occurrence/],
  [withCommand({ type: 'pause-audio', ms: -1 }), /^command: pause-audio: ms must be a positive number/],
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
      ok: true, value: { type: 'command', origin: 'proctor', t: 4, command: { type: 'acknowledge', id: 'nerve-high', occurrence: 1700000000000 } },
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
    fc.assert(fc.property(fc.string(), (s) => { parseWireLine(s); }));
    fc.assert(fc.property(fc.jsonValue(), (j) => { parseWireLine(JSON.stringify(j)); }));
  });

  it('round-trips encodeWireLine (property)', () => {
    const pause = (type: 'pause-audio' | 'pause-alarms') =>
      fc.record({ type: fc.constant(type), ms: fc.double({ min: 1e-3, max: 1e9, noNaN: true }) }, { requiredKeys: ['type'] });
    const alarmCommand: fc.Arbitrary<AlarmCommand> = fc.oneof(
      fc.record({ type: fc.constant('acknowledge' as const), id: fc.string({ minLength: 1 }), occurrence: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)) }),
      pause('pause-audio'),
      pause('pause-alarms'),
      fc.constantFrom('audio-off' as const, 'resume-audio' as const, 'resume-alarms' as const).map((type) => ({ type })),
    );
    const msg = fc.oneof(
      fc.record({
        type: fc.constant('samples' as const), channel: fc.string({ minLength: 1 }), seq: fc.nat(),
        unit: fc.constantFrom('Cel', 'mL', 'V'),
        n: fc.nat({ max: 20 }),
      }).map(({ n, ...r }) => ({ ...r, t: Float64Array.from({ length: n }, (_, i) => 1e12 + i), v: Float32Array.from({ length: n }, (_, i) => i / 4) })),
      fc.record({ type: fc.constant('event' as const), channel: fc.string({ minLength: 1 }), seq: fc.nat(), t: fc.integer(), kind: fc.string({ minLength: 1 }), text: fc.string() }),
      fc.record({ type: fc.constant('command' as const), origin: fc.string({ minLength: 1 }), t: fc.integer(), command: alarmCommand }),
    );
    fc.assert(fc.property(msg, (m: WireMessage) => {
      const r = parseWireLine(encodeWireLine(m));
      expect(r.ok && r.value).to.deep.equal(m);
    }));
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
    expect(defs.ver.const).to.equal(1);
  });

  it('lists the command types parseAlarmCommand accepts, no more', () => {
    const variants = (defs.alarmCommand as unknown as { oneOf: { properties: { type: { const?: string; enum?: string[] } } }[] }).oneOf;
    const types = variants.flatMap((v) => v.properties.type.enum ?? [v.properties.type.const]);
    expect(types).to.have.members([...ALARM_COMMAND_TYPES]);
  });

  it('rejects each message missing one required field, accepts the whole', () => {
    for (const line of [samples, event, command]) {
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

describe('wire binary frame', () => {
  const wave: BinaryFrame = { kind: 'waveform', channel: 'ire-1', seq: 7, t0: 1.7e12, sampleRateHz: 1e6, data: Float32Array.of(0, 1.5, -3000) };
  const grid: BinaryFrame = {
    kind: 'grid', channel: 'thermométrie', seq: 4_000_000_000, t: 1.7e12 + 5, width: 3, height: 2,
    spacingMm: [1.5, 1.5], originMm: [-10, 20], data: Float32Array.of(37, 38, 39, 40, 41, 42),
  };

  it('round-trips waveforms and grids', () => {
    for (const f of [wave, grid]) {
      const r = decodeBinaryFrame(encodeBinaryFrame(f));
      expect(r.ok && r.value).to.deep.equal(f);
    }
  });

  it('reports truncated frames, bad magic and unknown kind', () => {
    for (const f of [wave, grid]) {
      const buf = encodeBinaryFrame(f);
      for (let n = 4; n < buf.byteLength; n++) {
        const r = decodeBinaryFrame(buf.slice(0, n));
        expect(r.ok, `${f.kind} cut at ${n}`).to.equal(false);
        if (!r.ok) expect(r.error.reason).to.equal('truncated');
      }
    }
    const bad = new Uint8Array(encodeBinaryFrame(wave));
    expect(decodeBinaryFrame(new ArrayBuffer(0))).to.deep.include({ ok: false });
    bad[0] = 0x58;
    const r = decodeBinaryFrame(bad.buffer);
    expect(!r.ok && r.error.reason).to.equal('bad-magic');
    bad[0] = 0x49;
    bad[4] = 9;
    const k = decodeBinaryFrame(bad.buffer);
    expect(!k.ok && k.error.reason).to.equal('unknown-kind');
  });
});

describe('SequenceTracker', () => {
  it('detects gaps and duplicates per channel', () => {
    const s = new SequenceTracker();
    expect(s.check('a', 5)).to.deep.equal({ kind: 'ok' });
    expect(s.check('a', 6)).to.deep.equal({ kind: 'ok' });
    expect(s.check('b', 0)).to.deep.equal({ kind: 'ok' });
    expect(s.check('a', 6)).to.deep.equal({ kind: 'duplicate' });
    expect(s.check('a', 3)).to.deep.equal({ kind: 'duplicate' });
    expect(s.check('a', 10)).to.deep.equal({ kind: 'gap', missing: 3 });
    expect(s.check('b', 1)).to.deep.equal({ kind: 'ok' });
  });
});
