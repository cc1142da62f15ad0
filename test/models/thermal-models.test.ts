import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import type { Grid } from '../../src/models/channel.js';
import {
  BioheatSolver, ContourBuffer, LIVER, LIVER_ARRHENIUS, ThermalAccumulator, arrheniusRate, cem43, coverage, pixelsOf, rasterise, secondsToOmega1, structureState,
} from '../../src/models/thermal/index.js';
import { dataEpoch } from '../kit/clock.js';

const T0 = dataEpoch();
const geometry = (n: number, mm = 1) => ({ width: n, height: n, spacingMm: [mm, mm] as const, originMm: [0, 0] as const });
const uniform = (n: number, t: number, c: number, mm = 1): Grid => ({ channel: 'map', t, ...geometry(n, mm), data: new Float32Array(n * n).fill(c) });

/** Feeds `minutes` of a steady temperature as maps every `stepS` seconds. */
function steady(acc: ThermalAccumulator, c: number, minutes: number, stepS: number, from = T0): number {
  let t = from;
  acc.add(uniform(acc.geometry.width, t, c));
  for (let s = 0; s < (minutes * 60) / stepS; s++) acc.add(uniform(acc.geometry.width, (t += stepS * 1000), c));
  return t;
}

describe('thermal dose CEM43 (Sapareto & Dewey 1984)', () => {
  it('matches hand-computed values: 1 min at 44 °C is 2, 1 min at 42 °C is 0.25, 240 min at 43 °C is 240', () => {
    expect(cem43(44, 60)).to.be.closeTo(2, 1e-12);
    expect(cem43(42, 60)).to.be.closeTo(0.25, 1e-12);
    expect(cem43(43, 240 * 60)).to.be.closeTo(240, 1e-9);
    for (const [c, minutes, want] of [[44, 1, 2], [42, 1, 0.25], [43, 240, 240]]) {
      const acc = new ThermalAccumulator(geometry(2));
      steady(acc, c, minutes, 2);
      expect(acc.cem43[0], `${minutes} min at ${c} °C`).to.be.closeTo(want, want * 1e-4);
    }
  });

  it('accumulates the same dose from maps at uneven intervals', () => {
    const a = new ThermalAccumulator(geometry(2));
    steady(a, 50, 3, 1);
    const b = new ThermalAccumulator(geometry(2));
    let t = T0;
    b.add(uniform(2, t, 50));
    for (const s of [0.3, 2, 7, 0.1, 50, 120.6]) b.add(uniform(2, (t += s * 1000), 50));
    expect(b.cem43[3]).to.be.closeTo(a.cem43[3], a.cem43[3] * 1e-6);
  });
});

describe('Arrhenius damage (liver, A = 7.39e39 1/s, Ea = 2.577e5 J/mol)', () => {
  for (const c of [55, 70]) {
    it(`reaches Ω = 1 at ${c} °C when the closed form says`, () => {
      const k = (t: number) => 7.39e39 * Math.exp(-2.577e5 / (8.314462618 * (t + 273.15)));
      // Damage accrues at the rate in excess of body temperature's (37 °C).
      const seconds = 1 / (k(c) - k(37));
      expect(secondsToOmega1(c, LIVER_ARRHENIUS)).to.be.closeTo(seconds, seconds * 1e-12);
      const acc = new ThermalAccumulator(geometry(2));
      const step = seconds / 200;
      acc.add(uniform(2, T0, c));
      for (let s = 1; s <= 200; s++) acc.add(uniform(2, T0 + s * step * 1000, c));
      expect(acc.omega[0]).to.be.closeTo(1, 1e-3);
      expect(arrheniusRate(c, LIVER_ARRHENIUS)).to.be.closeTo(k(c), k(c) * 1e-12);
    });
  }
});

describe('ThermalAccumulator with bad input', () => {
  it('never lowers dose or Ω, whatever maps come, masked pixels included (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ dt: fc.integer({ min: -2000, max: 5000 }), c: fc.oneof(fc.double({ min: 20, max: 110, noNaN: true }), fc.constant(NaN)) }), { maxLength: 30 }), (steps) => {
        const acc = new ThermalAccumulator(geometry(3));
        let t = T0;
        let before = 0;
        for (const { dt, c } of steps) {
          t += dt;
          const map = uniform(3, t, 45);
          map.data[4] = c;
          acc.add(map);
          expect(acc.cem43[4]).to.be.at.least(before);
          before = acc.cem43[4];
        }
      }),
    );
  });

  it('refuses a map out of order or of another geometry, and changes nothing', () => {
    const acc = new ThermalAccumulator(geometry(2));
    steady(acc, 50, 1, 10);
    const dose = acc.cem43[0];
    expect(acc.add(uniform(2, T0, 60))).to.deep.include({ ok: false, reason: 'time-backwards' });
    expect(acc.add(uniform(3, T0 + 120_000, 60))).to.deep.include({ ok: false, reason: 'geometry-changed' });
    expect(acc.cem43[0]).to.equal(dose);
  });

  it('adds nothing to a masked pixel and counts it masked, never cold, in coverage', () => {
    const acc = new ThermalAccumulator(geometry(2));
    const map = (t: number) => ({ ...uniform(2, t, 60), data: Float32Array.of(60, 60, NaN, 37) });
    acc.add(map(T0));
    acc.add(map(T0 + 60_000));
    expect(acc.cem43[2]).to.equal(0);
    expect(coverage(acc, Int32Array.of(0, 1, 2, 3), { kind: 'cem43', minutes: 240 })).to.deep.equal({ fraction: 2 / 3, covered: 2, counted: 3, masked: 1 });
    expect(structureState(acc, Int32Array.of(1, 2, 3)).maxC).to.equal(60);
  });
});

describe('isotherm contours (marching squares)', () => {
  it("put a radially symmetric field's isotherm at the analytic radius, within half a pixel (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 6, max: 20, noNaN: true }), fc.double({ min: 40, max: 95, noNaN: true }), fc.double({ min: 50, max: 70, noNaN: true }), fc.double({ min: 60, max: 68, noNaN: true }), (sigma, level, cx, cy) => {
        const n = 128;
        const field = new Float32Array(n * n);
        for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) field[j * n + i] = 37 + 63 * Math.exp(-((i - cx) ** 2 + (j - cy) ** 2) / (2 * sigma * sigma));
        const radius = sigma * Math.sqrt(2 * Math.log(63 / (level - 37)));
        const c = new ContourBuffer().trace(field, n, n, level);
        expect(c.count).to.be.greaterThan(4);
        for (let k = 0; k < c.count * 2; k++) {
          const r = Math.hypot(c.segments[2 * k] - cx, c.segments[2 * k + 1] - cy);
          expect(Math.abs(r - radius)).to.be.below(0.5);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('draws nothing through a masked pixel', () => {
    const field = Float32Array.of(30, 30, 30, 30, NaN, 30, 30, 30, 30);
    expect(new ContourBuffer().trace(field, 3, 3, 40).count).to.equal(0);
    field[0] = 50;
    expect(new ContourBuffer().trace(field, 3, 3, 40).count).to.equal(0);
    field[4] = 30;
    expect(new ContourBuffer().trace(field, 3, 3, 40).count).to.equal(1);
  });
});

describe('coverage of a target region', () => {
  it('of a disc of radius 10 mm by a lethal disc of radius 8 mm is 0.64', () => {
    const g = geometry(101, 0.5);
    const acc = new ThermalAccumulator(g);
    const map = (t: number) => {
      const m = uniform(101, t, 37, 0.5);
      for (let j = 0; j < 101; j++) for (let i = 0; i < 101; i++) if (Math.hypot((i - 50) * 0.5, (j - 50) * 0.5) <= 8) m.data[j * 101 + i] = 70;
      return m;
    };
    acc.add(map(T0));
    acc.add(map(T0 + 60_000));
    const target = pixelsOf(rasterise({ kind: 'circle', centreMm: [25, 25], radiusMm: 10 }, g));
    // 0.5 mm pixels against a 10 mm radius: the pixel-centre count is within 1.5 % of the areas.
    expect(coverage(acc, target, { kind: 'cem43', minutes: 240 }).fraction).to.be.closeTo(0.64, 0.015);
    expect(coverage(acc, target, { kind: 'omega', omega: 1 }).fraction).to.be.closeTo(0.64, 0.015);
    const grown = pixelsOf(rasterise({ kind: 'circle', centreMm: [25, 25], radiusMm: 5 }, g, 5));
    expect(coverage(acc, grown, { kind: 'cem43', minutes: 240 }).fraction, 'a 5 mm tumour with a 5 mm margin is the same disc').to.be.closeTo(0.64, 0.015);
  });
});

describe('Pennes bioheat solver', () => {
  it('conserves energy within 1e-9 (relative) with no source, no perfusion and insulated edges', () => {
    const s = new BioheatSolver({ width: 64, height: 64, dx: 1e-3, tissue: { ...LIVER, perfusion: 0 }, boundary: 'insulated' });
    for (let j = 20; j < 30; j++) for (let i = 25; i < 40; i++) s.t[j * 64 + i] = 90;
    const e0 = s.energy();
    s.step(600);
    expect(Math.abs(s.energy() - e0) / e0).to.be.below(1e-9);
    expect(s.t[0]).to.be.greaterThan(37.1);
  });

  it('stays stable and within bounds with a strong heat sink and a step longer than the stable one', () => {
    const s = new BioheatSolver({ width: 32, height: 32, dx: 5e-4, tissue: LIVER });
    s.perfusion.fill(1, 0, 32 * 4);
    s.source[16 * 32 + 16] = 5e7;
    s.step(30);
    const max = Math.max(...s.t);
    expect(max).to.be.greaterThan(40).and.below(500);
    expect(Math.min(...s.t)).to.be.at.least(37 - 1e-9);
  });
});
