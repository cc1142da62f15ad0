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

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).to.throw(RangeError);
    expect(() => new RingBuffer(2.5)).to.throw(RangeError);
  });
});
