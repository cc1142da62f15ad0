import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import type { Grid } from '../../src/models/channel.js';
import { LETHAL_BY_CEM43, LETHAL_BY_OMEGA, LIVER_ARRHENIUS, ThermalAccumulator, arrheniusRate, cem43Rate, damageRate, secondsToOmega1 } from '../../src/models/thermal/index.js';
import { runToEnd } from '../../src/models/steps.js';
import { dataEpoch } from '../kit/clock.js';

const T0 = dataEpoch();
const geometry = { width: 2, height: 1, spacingMm: [1, 1] as const, originMm: [0, 0] as const };
const map = (t: number, c: number, other = 37): Grid => ({ channel: 'map', t, ...geometry, data: Float32Array.of(c, other) });

/** Feeds a ramp sampled every `stepS` seconds (values exact in float32) and returns the accumulator. */
function ramp(from: number, ratePerS: number, seconds: number, stepS: number): ThermalAccumulator {
  const acc = new ThermalAccumulator(geometry);
  for (let s = 0; s <= seconds + 1e-9; s += stepS) acc.add(map(T0 + s * 1000, from + ratePerS * s));
  return acc;
}

/** Closed form: CEM43 minutes of a linear ramp from `a` to `b` °C (both at or above 43) over `seconds`. */
const cem43Ramp = (a: number, b: number, seconds: number) => (seconds / 60) * (2 ** (b - 43) - 2 ** (a - 43)) / ((b - a) * Math.LN2);

/** The rate at each interval's mean temperature, as the accumulator did before. */
function meanTemperatureDose(from: number, ratePerS: number, seconds: number, stepS: number): number {
  let sum = 0;
  for (let s = 0; s < seconds - 1e-9; s += stepS) sum += (cem43Rate(from + ratePerS * (s + stepS / 2)) / 60) * stepS;
  return sum;
}

/** ∫ damageRate over a linear ramp by composite Simpson with many panels: the reference for Arrhenius. */
function omegaRamp(a: number, b: number, seconds: number, n = 20000): number {
  const h = seconds / n;
  let sum = 0;
  for (let k = 0; k <= n; k++) sum += (k === 0 || k === n ? 1 : k % 2 ? 4 : 2) * damageRate(a + ((b - a) * k) / n, LIVER_ARRHENIUS);
  return (sum * h) / 3;
}

describe('thermal dose integrated exactly along a ramp between maps', () => {
  for (const stepS of [1, 2]) {
    it(`at 1 °C/s with a map every ${stepS} s equals the closed-form integral (the mean temperature is ${stepS === 1 ? 2 : 7.6} % low)`, () => {
      const acc = ramp(43, 1, 16, stepS);
      const exact = cem43Ramp(43, 59, 16);
      expect(acc.cem43[0]).to.be.closeTo(exact, exact * 1e-6);
      const old = meanTemperatureDose(43, 1, 16, stepS);
      expect(1 - old / exact).to.be.closeTo(stepS === 1 ? 0.0200 : 0.0762, 0.001);
    });
  }

  it('across the 43 °C breakpoint and the 37 °C floor equals the piecewise closed form', () => {
    // 35 → 47 °C in one 12 s interval: 2 s below the floor, 6 s at R = 0.25, 4 s at R = 0.5.
    const acc = new ThermalAccumulator(geometry);
    acc.add(map(T0, 35));
    acc.add(map(T0 + 12_000, 47));
    const below = ((6 / 60) * (1 - 4 ** -6)) / (6 * Math.log(4));
    const exact = below + cem43Ramp(43, 47, 4);
    expect(acc.cem43[0]).to.be.closeTo(exact, exact * 1e-6);
  });

  it('gives the same dose for a falling ramp as for the rising one', () => {
    const up = new ThermalAccumulator(geometry);
    up.add(map(T0, 45));
    up.add(map(T0 + 5000, 60));
    const down = new ThermalAccumulator(geometry);
    down.add(map(T0, 60));
    down.add(map(T0 + 5000, 45));
    expect(down.cem43[0]).to.be.closeTo(up.cem43[0], up.cem43[0] * 1e-9);
    expect(down.omega[0]).to.be.closeTo(up.omega[0], up.omega[0] * 1e-9);
  });

  for (const [a, b, seconds] of [[40, 70, 30], [55, 56, 2], [60, 90, 4], [37, 45, 600]]) {
    it(`integrates Arrhenius damage along ${a} → ${b} °C in ${seconds} s to within 1e-6 of quadrature`, () => {
      const acc = new ThermalAccumulator(geometry);
      acc.add(map(T0, a));
      acc.add(map(T0 + seconds * 1000, b));
      const want = omegaRamp(a, b, seconds);
      expect(acc.omega[0]).to.be.closeTo(want, want * 1e-6);
    });
  }

  it('integrates a ramp ending above the tabulated range (150 °C) by quadrature', () => {
    const acc = new ThermalAccumulator(geometry);
    acc.add(map(T0, 140));
    acc.add(map(T0 + 1000, 160));
    const exact = cem43Ramp(140, 160, 1);
    expect(acc.cem43[0]).to.be.closeTo(exact, exact * 1e-6);
  });
});

describe('Arrhenius damage without a cliff', () => {
  it('is continuous across 43 °C: 10 min at 42.99 and at 43.00 °C differ by under 1 %', () => {
    const at = (c: number) => {
      const acc = new ThermalAccumulator(geometry);
      acc.add(map(T0, c));
      acc.add(map(T0 + 600_000, c));
      return acc.omega[0];
    };
    expect(at(43)).to.be.greaterThan(0.9);
    expect(at(42.99) / at(43)).to.be.within(0.99, 1);
  });

  it('rises from 0 at body temperature, continuously', () => {
    expect(damageRate(37, LIVER_ARRHENIUS)).to.equal(0);
    expect(damageRate(36, LIVER_ARRHENIUS)).to.equal(0);
    expect(damageRate(37.001, LIVER_ARRHENIUS)).to.be.below(1e-6);
    expect(damageRate(55, LIVER_ARRHENIUS) / arrheniusRate(55, LIVER_ARRHENIUS)).to.be.within(0.99, 1);
    expect(secondsToOmega1(43, LIVER_ARRHENIUS) / 60).to.be.closeTo(10.0, 0.1);
  });
});

describe('non-finite pixels', () => {
  it('are refused, counted, and never enter the dose or the peak', () => {
    const acc = new ThermalAccumulator(geometry);
    acc.add(map(T0, 60, 60));
    const dose = acc.cem43[1];
    expect(acc.add(map(T0 + 1000, 60, Infinity))).to.deep.equal({ ok: true, masked: 0, refused: 1 });
    expect(acc.add(map(T0 + 2000, 60, -Infinity))).to.deep.equal({ ok: true, masked: 0, refused: 1 });
    expect(acc.add(map(T0 + 3000, 60, NaN))).to.deep.equal({ ok: true, masked: 1, refused: 0 });
    expect(acc.cem43[1]).to.equal(dose);
    expect(acc.omega[1]).to.be.finite;
    expect(acc.peak[1]).to.equal(60);
    expect(acc.cem43[0]).to.be.finite;
  });
});

describe('a map added in bands', () => {
  it('gives the dose, damage, peak, verdict and latest map of the map added at once (property)', () => {
    const pixel = fc.oneof({ weight: 12, arbitrary: fc.float({ min: 30, max: 160, noNaN: true }) }, fc.constantFrom(NaN, Infinity));
    const maps = fc.record({ w: fc.integer({ min: 1, max: 9 }), h: fc.integer({ min: 1, max: 9 }), band: fc.integer({ min: 1, max: 90 }) }).chain(({ w, h, band }) =>
      fc.array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.array(pixel, { minLength: w * h, maxLength: w * h })), { minLength: 1, maxLength: 6 }).map((list) => ({ w, h, band, list })),
    );
    fc.assert(
      fc.property(maps, ({ w, h, band, list }) => {
        const g = { width: w, height: h, spacingMm: [1, 1] as const, originMm: [0, 0] as const };
        const whole = new ThermalAccumulator(g);
        const banded = new ThermalAccumulator(g);
        let t = T0;
        for (const [dt, data] of list) {
          const m: Grid = { channel: 'map', t: (t += dt), ...g, data: Float32Array.from(data) };
          expect(runToEnd(banded.adding(m, band))).to.deep.equal(whole.add(m));
        }
        expect(banded.cem43).to.deep.equal(whole.cem43);
        expect(banded.omega).to.deep.equal(whole.omega);
        expect(banded.peak).to.deep.equal(whole.peak);
        expect([banded.latest?.t, banded.latestPeakC]).to.deep.equal([whole.latest?.t, whole.latestPeakC]);
      }),
      { numRuns: 300 },
    );
  });

  it('takes one step per band, the map in only after the last', () => {
    const acc = new ThermalAccumulator({ width: 4, height: 4, spacingMm: [1, 1], originMm: [0, 0] });
    const steps = acc.adding({ channel: 'map', t: T0, width: 4, height: 4, spacingMm: [1, 1], originMm: [0, 0], data: new Float32Array(16).fill(50) }, 5);
    const results = [steps.next(), steps.next(), steps.next()];
    expect(results.map((r) => r.done)).to.deep.equal([false, false, false]);
    expect(acc.latest).to.equal(undefined);
    expect(steps.next()).to.deep.equal({ done: true, value: { ok: true, masked: 0, refused: 0 } });
    expect(acc.latest?.t).to.equal(T0);
  });
});

describe('the lethal criterion', () => {
  it('names its level and its source', () => {
    expect(LETHAL_BY_CEM43).to.include({ kind: 'cem43', level: 240 });
    expect(LETHAL_BY_OMEGA).to.include({ kind: 'omega', level: 1 });
    expect(LETHAL_BY_CEM43.source).to.match(/Dewey|Yarmolenko/);
  });
});
