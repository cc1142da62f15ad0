import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { LineFramer } from '../../src/models/line-framer.js';

const collect = () => {
  const lines: string[] = [];
  const tooLong: number[] = [];
  return { lines, tooLong, sink: { line: (l: string) => lines.push(l), tooLong: (n: number) => tooLong.push(n) } };
};

/** Cuts `s` at the given fractions of its length. */
const cut = <T extends { length: number; slice(a: number, b?: number): T }>(s: T, at: number[]): T[] => {
  const idx = [...new Set(at.map((f) => Math.floor(f * s.length)))].sort((a, b) => a - b);
  return [...idx, s.length].map((end, i) => s.slice(i ? idx[i - 1] : 0, end));
};

describe('LineFramer', () => {
  it('carries a partial line over to the next chunk', () => {
    const f = new LineFramer();
    const c = collect();
    f.push('{"a":1}\n{"b"', c.sink);
    expect(c.lines).to.deep.equal(['{"a":1}']);
    expect(f.pending).to.equal('{"b"');
    f.push(':2}\n', c.sink);
    expect(c.lines).to.deep.equal(['{"a":1}', '{"b":2}']);
    f.end(c.sink);
    expect(c.lines.length).to.equal(2);
  });

  it('decodes UTF-8 split inside a character, and drops a leading byte-order mark', () => {
    const bytes = new TextEncoder().encode('\uFEFFthermométrie\n°C');
    const f = new LineFramer();
    const c = collect();
    for (const b of bytes) f.push(Uint8Array.of(b), c.sink);
    f.end(c.sink);
    expect(c.lines).to.deep.equal(['thermométrie', '°C']);
  });

  it('drops a line longer than the limit, reports its length, and goes on', () => {
    const f = new LineFramer(10);
    const c = collect();
    f.push('short\n' + 'x'.repeat(8), c.sink);
    f.push('x'.repeat(8), c.sink);
    expect(f.pending).to.equal('');
    f.push('xx\nnext\n', c.sink);
    expect(c.lines).to.deep.equal(['short', 'next']);
    expect(c.tooLong).to.deep.equal([18]);
  });

  it('gives the same lines however text or bytes are chunked (property, 2 x 1000 runs)', () => {
    const text = fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.replace(/[\n\uFEFF]/g, '')), { maxLength: 10 }).map((ls) => ls.join('\n'));
    const at = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });
    fc.assert(fc.property(text, at, (s, cuts) => {
      const c = collect();
      const f = new LineFramer();
      for (const chunk of cut(s, cuts)) f.push(chunk, c.sink);
      f.end(c.sink);
      expect(c.lines).to.deep.equal(s === '' ? [] : s.split('\n').filter((l, i, a) => i < a.length - 1 || l !== ''));
    }), { numRuns: 1000 });
    fc.assert(fc.property(text, at, (s, cuts) => {
      const c = collect();
      const f = new LineFramer();
      for (const chunk of cut(new TextEncoder().encode(s), cuts)) f.push(chunk, c.sink);
      f.end(c.sink);
      expect(c.lines.join('\n')).to.equal(s.replace(/\n$/, ''));
    }), { numRuns: 1000 });
  });
});
