import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { MAX_CHANNEL_LENGTH, decodeBinaryFrame, encodeBinaryFrame, frameProblem, type BinaryFrame } from '../../src/models/wire.js';

const wave: BinaryFrame = { kind: 'waveform', channel: 'ire-1', seq: 7, t0: 1.7e12, sampleRateHz: 1e6, data: Float32Array.of(0, 1.5, -3000) };
const grid: BinaryFrame = {
  kind: 'grid', channel: 'thermométrie', seq: 4_000_000_000, t: 1.7e12 + 5, width: 3, height: 2,
  spacingMm: [1.5, 1.5], originMm: [-10, 20], data: Float32Array.of(37, 38, 39, 40, 41, 42),
};

/** An 'IRM1' frame as version 1 wrote it: no padding, seq before the name length. */
function encodeV1(f: BinaryFrame): ArrayBuffer {
  const name = new TextEncoder().encode(f.channel);
  const fields = f.kind === 'waveform' ? 20 : 52;
  const buf = new ArrayBuffer(11 + name.length + fields + f.data.length * 4);
  const dv = new DataView(buf);
  [0x49, 0x52, 0x4d, 0x31].forEach((b, i) => dv.setUint8(i, b));
  dv.setUint8(4, f.kind === 'waveform' ? 1 : 2);
  dv.setUint32(5, f.seq, true);
  dv.setUint16(9, name.length, true);
  new Uint8Array(buf, 11).set(name);
  let o = 11 + name.length;
  const put = (x: number, k: 'f64' | 'u32') => { k === 'f64' ? dv.setFloat64(o, x, true) : dv.setUint32(o, x, true); o += k === 'f64' ? 8 : 4; };
  if (f.kind === 'waveform') { put(f.t0, 'f64'); put(f.sampleRateHz, 'f64'); } else {
    put(f.t, 'f64'); put(f.width, 'u32'); put(f.height, 'u32');
    for (const x of [...f.spacingMm, ...f.originMm]) put(x, 'f64');
  }
  put(f.data.length, 'u32');
  for (const x of f.data) { dv.setFloat32(o, x, true); o += 4; }
  return buf;
}

// Every frame shape, degenerate ones included: 0 and 1 samples, 1 x 1, 1 x n and n x 1 grids,
// one-character and longest names, seq at both ends, NaN, infinities, -0 and subnormals.
const name = fc.oneof(
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: MAX_CHANNEL_LENGTH }).filter((s) => [...s].length <= MAX_CHANNEL_LENGTH),
  fc.constant('é'.repeat(MAX_CHANNEL_LENGTH)),
  fc.constant('😀'.repeat(MAX_CHANNEL_LENGTH)),
);
const seq = fc.oneof(fc.constantFrom(0, 0xffffffff), fc.nat({ max: 0xffffffff }));
const value = fc.oneof(fc.float(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e-45));
const time = fc.double({ noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true });
const waveform: fc.Arbitrary<BinaryFrame> = fc.record({
  kind: fc.constant('waveform' as const), channel: name, seq, t0: time, sampleRateHz: positive,
  data: fc.array(value, { maxLength: 40 }).map((a) => Float32Array.from(a)),
});
const gridFrame: fc.Arbitrary<BinaryFrame> = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 })).chain(([w, h]) =>
  fc.record({
    kind: fc.constant('grid' as const), channel: name, seq, t: time, width: fc.constant(w), height: fc.constant(h),
    spacingMm: fc.tuple(positive, positive), originMm: fc.tuple(time, time),
    data: fc.array(value, { minLength: w * h, maxLength: w * h }).map((a) => Float32Array.from(a)),
  }));
const frame = fc.oneof(waveform, gridFrame);
const nonFinite = (d: Float32Array) => d.filter((x) => !Number.isFinite(x)).length;

describe('wire binary frame', () => {
  it('round-trips waveforms and grids', () => {
    for (const f of [wave, grid]) {
      const r = decodeBinaryFrame(encodeBinaryFrame(f));
      expect(r.ok && r.value).to.deep.equal(f);
    }
  });

  it('round-trips every frame shape, degenerate ones included (property, 3000 runs)', () => {
    fc.assert(fc.property(frame, (f) => {
      const r = decodeBinaryFrame(encodeBinaryFrame(f));
      expect(r.ok, JSON.stringify(!r.ok && r.error)).to.equal(true);
      if (r.ok) {
        expect(r.value).to.deep.equal(f);
        expect(r.nonFinite).to.equal(nonFinite(f.data));
      }
    }), { numRuns: 3000 });
  });

  it('still reads version 1 frames (property, 1000 runs)', () => {
    fc.assert(fc.property(frame, (f) => {
      const r = decodeBinaryFrame(encodeV1(f));
      expect(r.ok && r.value).to.deep.equal(f);
    }), { numRuns: 1000 });
  });

  it('decodes the data without copying when aligned, and copies when not', () => {
    const buf = encodeBinaryFrame(grid);
    const r = decodeBinaryFrame(buf);
    expect(r.ok && r.value.data.buffer).to.equal(buf);
    // Inside a larger buffer at an odd offset (a Node Buffer slice, say): a correct copy.
    const big = new Uint8Array(buf.byteLength + 1);
    big.set(new Uint8Array(buf), 1);
    const c = decodeBinaryFrame(big.subarray(1));
    expect(c.ok && c.value.data.buffer).to.not.equal(big.buffer);
    expect(c.ok && c.value).to.deep.equal(grid);
  });

  it('counts non-finite values as invalid samples', () => {
    const r = decodeBinaryFrame(encodeBinaryFrame({ ...wave, data: Float32Array.of(1, NaN, Infinity, 2, -Infinity) }));
    expect(r.ok && r.nonFinite).to.equal(3);
  });

  it('refuses to encode what it could not decode', () => {
    const bad: [Partial<BinaryFrame>, RegExp][] = [
      [{ channel: '' }, /channel/], [{ channel: 'x'.repeat(MAX_CHANNEL_LENGTH + 1) }, /channel/], [{ channel: '\uD800' }, /surrogate/],
      [{ seq: -1 }, /seq/], [{ seq: 2 ** 32 }, /seq/], [{ seq: 1.5 }, /seq/],
      [{ t0: NaN }, /t0/], [{ sampleRateHz: 0 }, /sampleRateHz/], [{ sampleRateHz: Infinity }, /sampleRateHz/],
    ];
    for (const [patch, why] of bad) expect(() => encodeBinaryFrame({ ...wave, ...patch } as BinaryFrame), JSON.stringify(patch)).to.throw(RangeError, why);
    const badGrid: [Partial<BinaryFrame>, RegExp][] = [
      [{ width: 0, data: new Float32Array() }, /width/], [{ height: 2.5 }, /height/], [{ width: 2 }, /count/],
      [{ spacingMm: [0, 1] }, /spacingMm/], [{ originMm: [NaN, 0] }, /originMm/], [{ t: Infinity }, /: t$/],
    ];
    for (const [patch, why] of badGrid) expect(() => encodeBinaryFrame({ ...grid, ...patch } as BinaryFrame), JSON.stringify(patch)).to.throw(RangeError, why);
  });

  it('checks every field of a received frame against the others', () => {
    // Each corruption is written over a valid frame at the field's offset.
    const at = (f: BinaryFrame, edit: (dv: DataView, nameEnd: number) => void) => {
      const buf = encodeBinaryFrame(f);
      const dv = new DataView(buf);
      edit(dv, (12 + dv.getUint16(6, true) + 3) & ~3);
      return decodeBinaryFrame(buf);
    };
    const w = (edit: (dv: DataView, o: number) => void) => at(wave, edit);
    const g = (edit: (dv: DataView, o: number) => void) => at(grid, edit);
    const cases: [string, ReturnType<typeof decodeBinaryFrame>, RegExp][] = [
      ['reserved', w((dv) => dv.setUint8(5, 1)), /reserved/],
      ['name length 0', w((dv) => dv.setUint16(6, 0, true)), /channel/],
      ['name not UTF-8', w((dv) => dv.setUint8(12, 0xff)), /UTF-8/],
      ['padding', w((dv) => dv.setUint8(17, 1)), /padding/],
      ['t0 NaN', w((dv, o) => dv.setFloat64(o, NaN, true)), /t0/],
      ['rate 0', w((dv, o) => dv.setFloat64(o + 8, 0, true)), /sampleRateHz/],
      ['rate negative', w((dv, o) => dv.setFloat64(o + 8, -1, true)), /sampleRateHz/],
      ['count short', w((dv, o) => dv.setUint32(o + 16, 2, true)), /count/],
      ['t infinite', g((dv, o) => dv.setFloat64(o, Infinity, true)), /^t$/],
      ['width 0', g((dv, o) => dv.setUint32(o + 8, 0, true)), /width/],
      ['geometry against count', g((dv, o) => dv.setUint32(o + 12, 3, true)), /count/],
      ['spacing', g((dv, o) => dv.setFloat64(o + 16, -1, true)), /spacingMm/],
      ['origin', g((dv, o) => dv.setFloat64(o + 40, NaN, true)), /originMm/],
    ];
    for (const [what, r, why] of cases) {
      expect(r.ok, what).to.equal(false);
      if (!r.ok) {
        expect(r.error.detail, what).to.match(why);
        if (!/name|UTF-8|reserved/.test(what)) expect(r.error.channel, what).to.be.a('string');
      }
    }
    const long = w((dv) => dv.setUint32(20 + 16, 1e6, true));
    expect(!long.ok && long.error.reason).to.equal('truncated');
    const trailing = new Uint8Array(encodeBinaryFrame(wave).byteLength + 4);
    trailing.set(new Uint8Array(encodeBinaryFrame(wave)));
    const t = decodeBinaryFrame(trailing);
    expect(!t.ok && t.error).to.include({ reason: 'bad-field', channel: 'ire-1' });
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

  it('fuzz: never throws, and anything it accepts is a valid frame (3 x 3000 runs)', () => {
    const check = (bytes: Uint8Array) => {
      const r = decodeBinaryFrame(bytes);
      if (r.ok) expect(frameProblem(r.value)).to.equal('');
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), check), { numRuns: 3000 });
    // Valid frames with bytes overwritten, and cut or extended.
    fc.assert(fc.property(frame, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), (f, edits) => {
      const b = new Uint8Array(encodeBinaryFrame(f));
      for (const [i, x] of edits) b[i % b.length] = x;
      check(b);
    }), { numRuns: 3000 });
    fc.assert(fc.property(frame, fc.integer({ min: -64, max: 64 }), (f, d) => {
      const b = new Uint8Array(encodeBinaryFrame(f));
      const c = new Uint8Array(Math.max(0, b.length + d));
      c.set(b.subarray(0, c.length));
      const r = decodeBinaryFrame(c);
      expect(r.ok).to.equal(d === 0);
    }), { numRuns: 3000 });
  });
});
