import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { coverageMarginMm, equivalentDiameterMm, footprints, isothermRadiusMm, type FreezingProbe } from '../../src/models/cryo/iceball-estimate.js';
import { ellipsePoints } from '../../src/models/cryo/plane-geometry.js';

// Littrup et al., JVIR 2009: 2.4 mm probes, 2 cm apart, 15 min; assumed in a line, a triangle and a square.
const LAYOUTS: [number, number][][] = [
  [[0, 0]],
  [[0, 0], [20, 0]],
  [[0, 0], [20, 0], [10, 17.32]],
  [[0, 0], [20, 0], [20, 20], [0, 20]],
];
const LETHAL_MM = [12, 33, 41, 49];
const LETHAL_AREA_FRACTION = [0.13, 0.46, 0.51, 0.56];
const at = (layout: [number, number][], freezeMin: number): FreezingProbe[] => layout.map(([xMm, yMm]) => ({ xMm, yMm, freezeMin }));

describe('iceball estimate against the published points', () => {
  LAYOUTS.forEach((layout, i) => {
    const n = layout.length;
    it(`${n} probe(s), 15 min: lethal (-30 °C) ice ${LETHAL_MM[i]} mm within 0.5 mm, ${LETHAL_AREA_FRACTION[i] * 100} % of the ice area within 1.5 points (Littrup 2009)`, () => {
      const lethal = equivalentDiameterMm(footprints(at(layout, 15), -30));
      const edge = equivalentDiameterMm(footprints(at(layout, 15), 0));
      expect(lethal).to.be.closeTo(LETHAL_MM[i], 0.5);
      expect((lethal / edge) ** 2).to.be.closeTo(LETHAL_AREA_FRACTION[i], 0.015);
    });
  });

  it('-40 °C lies 10 mm inside the 0 °C edge within 1 mm for 2-4 probes, and within 4.5 mm for one (gel study, PMC4850244)', () => {
    for (const n of [2, 3, 4]) expect(isothermRadiusMm(0, n, 15) - isothermRadiusMm(-40, n, 15), `${n} probes`).to.be.closeTo(10, 1);
    expect(isothermRadiusMm(0, 1, 15) - isothermRadiusMm(-40, 1, 15)).to.be.closeTo(10, 4.5);
  });

  it('early growth, read as the -20 °C isotherm reaching the target (Visica2, PMC7798152, which reports lesion sizes, not isotherms: the reading the fallback fit was built on): 10 mm at 4 min within 0.5 mm, 20 mm at 12 min within 2 mm', () => {
    expect(2 * isothermRadiusMm(-20, 1, 4)).to.be.closeTo(10, 0.5);
    expect(2 * isothermRadiusMm(-20, 1, 12)).to.be.closeTo(20, 2);
  });

  it('-20 °C reaches 1 cm from one probe at 19 min 10 s within 0.5 min, and not within 10 min (Young 2011)', () => {
    let t = 0;
    while (isothermRadiusMm(-20, 1, t) < 10) t += 0.01;
    expect(t).to.be.closeTo(19 + 10 / 60, 0.5);
    expect(isothermRadiusMm(-20, 1, 10)).to.be.below(10);
  });
});

describe('iceball estimate properties', () => {
  it('grows with freeze time and with probes; colder isotherms lie inside warmer ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.double({ min: 0.1, max: 40, noNaN: true }), fc.double({ min: 0.01, max: 5, noNaN: true }), (n, t, dt) => {
        const r = (temp: number, minutes = t) => isothermRadiusMm(temp, n, minutes);
        return r(0, t + dt) > r(0) && r(0) > r(-20) && r(-20) > r(-40) && r(-40) > 0 && isothermRadiusMm(0, n + 1, t) > r(0);
      }),
    );
  });

  it('far-apart probes freeze apart; a cluster covers what its hull and radius reach', () => {
    const apart = footprints([{ xMm: 0, yMm: 0, freezeMin: 10 }, { xMm: 80, yMm: 0, freezeMin: 10 }], 0);
    expect(apart).to.have.length(2);
    const prints = footprints(at(LAYOUTS[3], 15), 0);
    const r = prints[0].radiusMm;
    // The square's hull is 0..20; a circle around its centre of radius r + 10 mm just touches the edge.
    expect(coverageMarginMm(prints, ellipsePoints(10, 10, 10 + r - 0.5, 10 + r - 0.5))).to.be.above(0);
    expect(coverageMarginMm(prints, ellipsePoints(10, 10, 10 + r + 1, 10 + r + 1))).to.be.closeTo(-1, 0.01);
  });
});
