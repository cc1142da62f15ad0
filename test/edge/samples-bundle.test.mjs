// The samples bundle (ir.ROOM.samples, docs/nats.md): every channel's samples of one turn in
// one message, read back exactly, as views of the message, and a bad message refused by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { encodeSamplesBundle, decodeSamplesBundle, entryBatch } = await import('../../dist/streams/nats/samples-bundle.js');

const regular = { channel: 'load.00', seq: 7, t: Float64Array.from({ length: 20 }, (_, i) => 1_700_000_000_000 + i), v: Float32Array.from({ length: 20 }, (_, i) => Math.sin(i)) };
// Not evenly spaced: the times travel listed.
const listed = { channel: 'cement.pressure·T12', seq: 0, t: Float64Array.of(1_700_000_000_000.5, 1_700_000_000_003.25, 1_700_000_000_010), v: Float32Array.of(1.5, NaN, -2) };
// Evenly spaced in name only: 0.1 ms steps that t0 + i * step does not give back exactly.
const tenths = { channel: 'ep.voltage', seq: 4_000_000_000, t: Float64Array.from({ length: 50 }, (_, i) => 1_700_000_000_000 + i / 10), v: new Float32Array(50).fill(3) };

const batches = (bytes) => {
  const r = decodeSamplesBundle(bytes);
  assert.ok(r.ok, JSON.stringify(r.error));
  return r.entries.map((e) => ({ seq: e.seq, ...entryBatch(e) }));
};

test('a bundle reads back every channel, seq, time and value exactly', () => {
  const got = batches(encodeSamplesBundle([regular, listed, tenths]));
  assert.deepEqual(got.map((b) => [b.channel, b.seq]), [['load.00', 7], ['cement.pressure·T12', 0], ['ep.voltage', 4_000_000_000]]);
  for (const [b, want] of got.map((b, i) => [b, [regular, listed, tenths][i]])) {
    assert.deepEqual([...b.t], [...want.t], `${want.channel} times`);
    assert.deepEqual([...b.v], [...want.v], `${want.channel} values`);
  }
});

test('evenly spaced times take 16 bytes, not 8 a sample; values are views of the message, not copies', () => {
  const one = encodeSamplesBundle([regular]);
  // Header 8; entry head 12 and name 7 padded to 24; t0 and step 16; 20 values 80.
  assert.equal(one.byteLength, 8 + 24 + 16 + 80);
  const r = decodeSamplesBundle(one);
  assert.equal(r.entries[0].v.buffer, one.buffer);
  assert.equal(r.entries[0].t, undefined, 'regular times are written out by the reader');
});

test('a message at any offset of a receive buffer (a Node Buffer) is read', () => {
  const body = encodeSamplesBundle([listed, regular]);
  const slab = Buffer.alloc(body.byteLength + 3);
  slab.set(body, 3);
  const got = batches(slab.subarray(3));
  assert.deepEqual([...got[0].t], [...listed.t]);
  assert.deepEqual([...got[1].v], [...regular.v]);
});

test('a damaged or foreign message is refused naming what is wrong, never thrown', () => {
  const good = encodeSamplesBundle([regular]);
  const damaged = (at, byte) => {
    const b = good.slice();
    b[at] = byte;
    return b;
  };
  const cases = [
    [new TextEncoder().encode('{"ver":2,"type":"samples"}'), 'bad-magic'],
    [new Uint8Array(3), 'bad-magic'],
    [good.subarray(0, good.byteLength - 8), 'truncated'],
    [Uint8Array.of(...good, 0, 0, 0, 0, 0, 0, 0, 0), 'bad-field'],
    [damaged(8 + 10, 9), 'unknown-kind'],
    [damaged(8 + 11, 1), 'bad-field'],
    [damaged(8 + 12, 0xff), 'bad-field'],
    [damaged(8 + 4, 0xff), 'truncated'],
  ];
  for (const [bytes, reason] of cases) {
    const r = decodeSamplesBundle(bytes);
    assert.equal(r.ok, false);
    assert.equal(r.error.reason, reason, r.error.detail);
    assert.match(r.error.detail, /^samples bundle: /);
  }
});

test('a sample count whose byte length passes 2^31 is refused as truncated, never thrown (found by fuzzing)', () => {
  const bytes = encodeSamplesBundle([listed]);
  // The first entry's count (u32 at byte 12) set to 0x20000003: listed times alone would take 2^32 bytes.
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(12, 0x20000003, true);
  const r = decodeSamplesBundle(bytes);
  assert.equal(r.ok, false);
  assert.equal(r.error.reason, 'truncated');
});
