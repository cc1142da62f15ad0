// Every decoder of the data path fuzzed (fast-check) in Node with hostile input among valid
// input: JSON lines and binary frames as a gateway's reader takes them, a recorded NDJSON
// replay, the NATS samples bundle. None throws, every refusal is typed, and every valid
// sample among the hostile input comes out, checked by checksum.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { VirtualTimeScheduler, VirtualAction } from 'rxjs';
import { encodeBinaryFrame, encodeWireLine, parseWireLine as parseLine } from '../../dist/models/wire.js';
import { wireReader } from '../../dist/streams/websocket-source.js';
import { ndjsonReplay } from '../../dist/streams/ndjson-replay.js';
import { decodeSamplesBundle, encodeSamplesBundle, entryBatch } from '../../dist/streams/nats/samples-bundle.js';

/** Runs of each property. */
const RUNS = 1000;

const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;
const WIRE_REASONS = new Set(['malformed-json', 'unknown-type', 'bad-field', 'unsupported-version', 'line-too-long']);
const FRAME_REASONS = new Set(['bad-magic', 'truncated', 'unknown-kind', 'bad-field']);

/** The sum of a batch's times and values, the same whichever decoder read it. */
const checksum = (batches) => batches.reduce((s, b) => s + b.t.reduce((a, x) => a + x, 0) + b.v.reduce((a, x) => a + x, 0), 0);
const valuesOf = fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 20 });

/** Garbage a line may be: any text, any JSON, a valid line with one field replaced by anything. */
const badLine = (valid) =>
  fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.jsonValue().map((j) => JSON.stringify(j)),
    fc.tuple(fc.constantFrom('ver', 'type', 'channel', 'seq', 't', 'v', 'unit', 'kind', 'text'), fc.jsonValue()).map(([k, x]) => JSON.stringify({ ...JSON.parse(valid), [k]: x })),
  ).map((s) => s.replace(/\n/g, ' '));

test(`JSON lines through a gateway's reader: never throws, each refusal typed, every valid line's samples kept (${RUNS} runs)`, () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(valuesOf, fc.boolean()), { maxLength: 20 }), fc.array(badLine(encodeWireLine({ type: 'samples', channel: 'other', seq: 0, unit: 'Cel', t: [T0], v: [1] })), { maxLength: 20 }), (lines, bad) => {
      const items = [];
      const reader = wireReader((x) => items.push(x));
      const sent = [];
      let t = T0;
      lines.forEach(([v], seq) => {
        const batch = { channel: 'probe', t: Float64Array.from(v, () => (t += 1)), v: Float32Array.from(v) };
        sent.push(batch);
        reader.line(parseLine(encodeWireLine({ type: 'samples', channel: 'probe', seq, unit: 'Cel', t: Array.from(batch.t), v: Array.from(batch.v) })));
        // Hostile lines between the valid ones, on another channel or none.
        if (bad[seq] !== undefined) reader.line(parseLine(bad[seq]));
      });
      const kept = items.filter((x) => x.type === 'message' && x.message.type === 'samples' && x.message.channel === 'probe').map((x) => x.message);
      assert.equal(kept.length, sent.length);
      assert.equal(checksum(kept), checksum(sent));
      for (const x of items) if (x.type === 'parse-error') assert.ok(WIRE_REASONS.has(x.reason), x.reason);
    }),
    { numRuns: RUNS },
  );
});

test(`binary frames through a gateway's reader: arbitrary bytes and mutated frames never throw, each refusal typed, every valid frame kept (${RUNS} runs)`, () => {
  const frame = (seq, data, channel = 'map') => new Uint8Array(encodeBinaryFrame({ kind: 'grid', channel, seq, t: T0 + seq * 1000, width: data.length, height: 1, spacingMm: [1, 1], originMm: [0, 0], data: Float32Array.from(data) }));
  const mutated = fc.tuple(valuesOf, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 })).map(([v, edits]) => {
    // Of another channel, so a mutation that still decodes is never taken for a valid 'map' frame.
    const b = frame(0, v, 'junk-frame');
    for (const [at, x] of edits) b[at % b.length] = x;
    return b;
  });
  const junk = fc.oneof(fc.uint8Array({ maxLength: 300 }), mutated, valuesOf.chain((v) => fc.nat(frame(0, v, 'junk-frame').length - 1).map((n) => frame(0, v, 'junk-frame').subarray(0, n))));
  fc.assert(
    fc.property(fc.array(valuesOf, { maxLength: 10 }), fc.array(junk, { maxLength: 10 }), (maps, bad) => {
      const items = [];
      const reader = wireReader((x) => items.push(x));
      maps.forEach((v, i) => {
        reader.frame(frame(i + 1, v));
        if (bad[i]) reader.frame(bad[i].slice());
      });
      const kept = items.filter((x) => x.type === 'frame' && x.frame.channel === 'map').map((x) => x.frame);
      assert.deepEqual(kept.map((f) => Array.from(f.data)), maps.map((v) => Array.from(Float32Array.from(v))));
      for (const x of items) if (x.type === 'parse-error') assert.ok(FRAME_REASONS.has(x.reason), x.reason);
    }),
    { numRuns: RUNS },
  );
});

test(`an NDJSON replay: hostile lines among a recording never throw, each becomes a typed event in its place, every valid batch plays (${RUNS} runs)`, () => {
  const recorded = encodeWireLine({ type: 'samples', channel: 'other', seq: 0, unit: 'Cel', t: [T0], v: [1] });
  fc.assert(
    fc.property(fc.array(valuesOf, { maxLength: 15 }), fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue().map((j) => JSON.stringify(j))), { maxLength: 15 }), (lines, bad) => {
      let t = T0;
      const sent = lines.map((v) => ({ channel: 'probe', t: Float64Array.from(v, () => (t += 100)), v: Float32Array.from(v) }));
      const text = sent.flatMap((b, i) => [encodeWireLine({ type: 'samples', channel: 'probe', seq: i, unit: 'Cel', t: Array.from(b.t), v: Array.from(b.v) }), ...(bad[i] ? [bad[i]] : [])]).join('\n');
      const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
      const out = [];
      ndjsonReplay(`${recorded}\n${text}`, { speed: 60, scheduler }).subscribe((x) => out.push(x));
      scheduler.flush();
      const played = out.filter((x) => x.type !== 'technical' && x.channel === 'probe');
      assert.equal(checksum(played), checksum(sent));
      for (const x of out) if (x.type === 'technical') assert.ok(WIRE_REASONS.has(x.reason) || x.reason === 'clock-skew', x.reason);
    }),
    { numRuns: RUNS },
  );
});

test(`the NATS samples bundle: any bytes and any mutation never throw, a refusal is typed, what decodes is whole; valid bundles read back exactly (${RUNS} runs)`, () => {
  const entry = fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.nat(), valuesOf, fc.boolean()).map(([channel, seq, v, even]) => ({
    channel,
    seq,
    t: Float64Array.from(v, (_, i) => T0 + (even ? i * 10 : i * i + 0.5)),
    v: Float32Array.from(v),
  }));
  fc.assert(
    fc.property(fc.array(entry, { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.uint8Array({ maxLength: 200 }), (entries, edits, junk) => {
      const bytes = encodeSamplesBundle(entries);
      const r = decodeSamplesBundle(bytes);
      assert.ok(r.ok);
      assert.equal(checksum(r.entries.map(entryBatch)), checksum(entries));
      for (const input of [junk, ((b) => (edits.forEach(([at, x]) => (b[at % b.length] = x)), b))(bytes.slice())]) {
        const d = decodeSamplesBundle(input);
        if (!d.ok) assert.ok(FRAME_REASONS.has(d.error.reason), d.error.reason);
        else for (const e of d.entries) assert.equal(entryBatch(e).t.length, e.v.length);
      }
    }),
    { numRuns: RUNS },
  );
});
