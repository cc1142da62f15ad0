import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { conversion, unitSymbol } from '../../src/models/units.js';

const convert = (from: string, to: string) => {
  const c = conversion(from, to);
  if (!c.ok) throw new Error(c.reason);
  return c.convert;
};

describe('unit conversion', () => {
  it('converts exact temperature units to Cel', () => {
    expect(convert('[degF]', 'Cel')(212)).to.be.closeTo(100, 1e-9);
    expect(convert('degF', 'Cel')(-40)).to.be.closeTo(-40, 1e-9);
    expect(convert('K', 'Cel')(273.15)).to.be.closeTo(0, 1e-9);
    expect(convert('°C', 'Cel')(-12.5)).to.equal(-12.5);
  });

  it('converts volume, pressure and dose by their definitions', () => {
    expect(convert('L', 'mL')(0.0025)).to.be.closeTo(2.5, 1e-12);
    expect(convert('mm[Hg]', 'kPa')(760)).to.be.closeTo(101.325, 1e-3);
    expect(convert('mGy', 'Gy')(3000)).to.be.closeTo(3, 1e-12);
  });

  it('rejects unknown and mismatched units with a reason', () => {
    const unknown = conversion('furlong', 'mm');
    expect(unknown.ok).to.equal(false);
    expect(!unknown.ok && unknown.reason).to.contain('furlong');
    const mismatch = conversion('mL', 'Cel');
    expect(mismatch.ok).to.equal(false);
    expect(!mismatch.ok && mismatch.reason).to.contain('volume');
  });

  it('round-trips every convertible pair (property)', () => {
    const pairs: [string, string][] = [['[degF]', 'Cel'], ['K', '[degF]'], ['L', 'mL'], ['mm[Hg]', 'kPa'], ['mGy', 'Gy'], ['mL/s', 'mL/min']];
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.double({ min: -1e6, max: 1e6, noNaN: true }), ([a, b], v) => {
        const back = convert(b, a)(convert(a, b)(v));
        return Math.abs(back - v) <= 1e-9 * Math.max(1, Math.abs(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('shows UCUM codes as people write them, compound units included', () => {
    expect(unitSymbol('Cel')).to.equal('°C');
    expect(unitSymbol('Cel/min')).to.equal('°C/min');
    expect(unitSymbol('mm[Hg]')).to.equal('mmHg');
    expect(unitSymbol('mL/min')).to.equal('mL/min');
  });
});
