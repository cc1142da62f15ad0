import { expect } from '@esm-bundle/chai';
import { RingBuffer } from '../../src/streams/ring-buffer.js';

describe('RingBuffer', () => {
  it('keeps the newest samples in order once full', () => {
    const r = new RingBuffer(3);
    for (let i = 1; i <= 5; i++) r.push(i * 10, i);
    expect(r.length).to.equal(3);
    expect([0, 1, 2].map((i) => r.t[r.index(i)])).to.deep.equal([30, 40, 50]);
    expect(r.last()).to.deep.equal({ t: 50, v: 5 });
  });

  it('appends a batch as sample by sample would, across the wrap and longer than the ring', () => {
    for (const [capacity, held, batch] of [[5, 3, 4], [5, 0, 5], [5, 2, 12], [7, 6, 1], [3, 3, 0]]) {
      const one = new RingBuffer(capacity);
      const all = new RingBuffer(capacity);
      for (let i = 0; i < held; i++) one.push(i, -i), all.push(i, -i);
      const t = Float64Array.from({ length: batch }, (_, i) => 100 + i);
      const v = Float32Array.from({ length: batch }, (_, i) => i / 2);
      for (let i = 0; i < batch; i++) one.push(t[i], v[i]);
      all.pushAll(t, v);
      const read = (r: RingBuffer) => Array.from({ length: r.length }, (_, i) => [r.t[r.index(i)], r.v[r.index(i)]]);
      expect(read(all), `capacity ${capacity}, ${held} held, ${batch} pushed`).to.deep.equal(read(one));
      all.push(1000, 1);
      one.push(1000, 1);
      expect(read(all)).to.deep.equal(read(one));
    }
  });

  it('takes its memory as samples come, and keeps every one across its growth and its wrap', () => {
    // A 10-minute window at 1 kHz: nothing of that size before the data.
    const r = new RingBuffer(600_001);
    expect(r.t.length).to.be.at.most(1024);
    const capacity = 5000;
    const ring = new RingBuffer(capacity);
    let next = 0;
    const expected = () => Array.from({ length: Math.min(next, capacity) }, (_, i) => next - Math.min(next, capacity) + i);
    const read = () => Array.from({ length: ring.length }, (_, i) => ring.t[ring.index(i)]);
    // Batches of odd sizes and single samples, through each doubling, to full and round again.
    for (const n of [1, 700, 1, 1500, 333, 2000, 1, 999, 4999, 1, 7]) {
      if (n === 1) ring.push(next, next / 2), next++;
      else {
        const t = Float64Array.from({ length: n }, (_, i) => next + i);
        ring.pushAll(t, Float32Array.from(t, (x) => x / 2));
        next += n;
      }
      expect(read(), `after ${next} samples`).to.deep.equal(expected());
      expect(ring.v[ring.index(ring.length - 1)]).to.equal((next - 1) / 2);
      expect(ring.t.length).to.be.at.most(capacity);
    }
    expect(ring.t.length).to.equal(capacity);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).to.throw(RangeError);
    expect(() => new RingBuffer(2.5)).to.throw(RangeError);
  });
});
