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

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).to.throw(RangeError);
    expect(() => new RingBuffer(2.5)).to.throw(RangeError);
  });
});
