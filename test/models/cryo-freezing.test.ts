import { expect } from '@esm-bundle/chai';
import { FreezingModel, TISSUE_ESTIMATE, gelPhantom, type FreezingTissue } from '../../src/models/cryo/freezing-model.js';
import { neumannPositionMm } from '../kit/stefan.js';
import { CryoTracker } from '../../src/models/cryo/cryo-tracker.js';
import { DEFAULT_PROTOCOL, type CryoProcedure } from '../../src/models/cryo/procedure.js';

type At = [number, number];
const FIELD = { x: [-60, 60] as const, y: [-60, 60] as const };
/** Tips of argon probes settle near −140 °C (Cryobiology 2025, PMID 40472720: −140 to −150 °C). */
const TIP_C = -140;
const R_17G = 0.74;
const R_2_4MM = 1.2;

function model(tissue: FreezingTissue, probes: readonly At[], radiusMm: number, extra: { vessels?: { points: { xMm: number; yMm: number }[]; radiusMm: number }[] } = {}) {
  return new FreezingModel({ field: FIELD, spacingMm: 1, probes: probes.map(([xMm, yMm]) => ({ xMm, yMm, radiusMm })), tissue, ...extra });
}
function frozen(tissue: FreezingTissue, probes: readonly At[], radiusMm: number, seconds: number, tipC = TIP_C) {
  const m = model(tissue, probes, radiusMm);
  probes.forEach((_, i) => m.setProbe(i, tipC));
  m.advance(seconds);
  return m;
}
/** Distance from (x, y) along +y to where the temperature first rises above `c`, mm. */
function reach(m: FreezingModel, x: number, y: number, c: number): number {
  let d = 0;
  while (m.at(x, y + d) <= c && d < 59) d += 0.05;
  return d;
}

describe('freezing model: one-dimensional Stefan problem against the Neumann solution', function () {
  // Minutes of simulated freezing per test: seconds of computing, more on a loaded machine.
  this.timeout(120_000);
  const stefan = { kFrozen: 2, kUnfrozen: 0.5, cFrozen: 1.8e6, cUnfrozen: 3.6e6, latent: 3e8, meltC: -0.25, wallC: -100, initialC: 37 };
  for (const h of [0.5, 1]) {
    it(`puts the front and the −20, −40, −80 and +10 °C isotherms within 0.5 mm after 10 min (grid ${h} mm)`, () => {
      const tissue: FreezingTissue = { name: 'stefan', kUnfrozen: 0.5, kFrozen: 2, cUnfrozen: 3.6e6, cFrozen: 1.8e6, latent: 3e8, solidusC: -0.5, liquidusC: 0, perfusion: 0, bloodC: 37 };
      // A wall: a probe so large its edge is straight across the strip; insulated sides make the problem one-dimensional.
      const m = new FreezingModel({ field: { x: [-h, 80], y: [0, 3 * h] }, spacingMm: h, probes: [{ xMm: -1e5, yMm: 1.5 * h, radiusMm: 1e5 }], tissue, edge: 'insulated' });
      m.setProbe(0, -100);
      m.advance(600);
      const wall = m.cellX(0);
      for (const c of [-0.25, -20, -40, -80, 10]) {
        let x = wall;
        while (m.at(x, 1.5 * h) < c) x += 0.01;
        expect(x - wall, `${c} °C`).to.be.closeTo(neumannPositionMm(stefan, c, 600), 0.5);
      }
    });
  }
});

describe('freezing model against published isotherms it was not fitted to', function () {
  // Minutes of simulated freezing per test: seconds of computing, more on a loaded machine.
  this.timeout(120_000);
  // Littrup et al., JVIR 2009 (PMC2762356): agar at 39 °C, 2.4 mm probes 2 cm apart, 15 min; lethal (< −30 °C) ice.
  const LITTRUP: { probes: At[]; lethalMm: number; areaFraction: number; toleranceMm: number }[] = [
    { probes: [[0, 0]], lethalMm: 12, areaFraction: 0.13, toleranceMm: 6 },
    { probes: [[-10, 0], [10, 0]], lethalMm: 33, areaFraction: 0.46, toleranceMm: 2.5 },
    { probes: [[-10, -5.77], [10, -5.77], [0, 11.55]], lethalMm: 41, areaFraction: 0.51, toleranceMm: 2.5 },
    { probes: [[-10, -10], [10, -10], [10, 10], [-10, 10]], lethalMm: 49, areaFraction: 0.56, toleranceMm: 2.5 },
  ];
  for (const { probes, lethalMm, areaFraction, toleranceMm } of LITTRUP) {
    const n = probes.length;
    it(`${n} probe(s): lethal ice ${lethalMm} mm within ${toleranceMm} mm${n > 1 ? ', its share of the ice area within 6 points' : ' (over: the planar model takes the probe as infinitely long)'} (Littrup et al. 2009)`, () => {
      const m = frozen(gelPhantom(39), probes, R_2_4MM, 900);
      const lethal = m.equivalentDiameterMm(-30);
      expect(lethal).to.be.closeTo(lethalMm, toleranceMm);
      if (n > 1) expect((lethal / m.equivalentDiameterMm(0)) ** 2).to.be.closeTo(areaFraction, 0.06);
      else expect(lethal).to.be.above(lethalMm);
    });
  }

  it('−40 °C about 1 cm from the needles and 0 °C a further ≈ 1 cm out (17 G, gel at body temperature, 10 min): gap 10 ± 2.5 mm, −40 °C reach 10 ± 4 mm (PMC4850244, Urology 2016)', () => {
    for (const probes of [[[0, 0]], [[-7.5, 0], [7.5, 0]]] as At[][]) {
      const m = frozen(gelPhantom(37), probes, R_17G, 600);
      const [x, y] = probes[0];
      const core = reach(m, x, y, -40);
      expect(reach(m, x, y, 0) - core, `${probes.length} needle(s)`).to.be.closeTo(10, 2.5);
      expect(core, `${probes.length} needle(s)`).to.be.closeTo(10, 4);
    }
  });

  it('the −40 °C core is continuous between two needles 1.5 and 2 cm apart, and breaks at 2.5 cm (PMC4850244: optimum 1.5–2 cm)', () => {
    for (const spacing of [15, 20]) expect(frozen(gelPhantom(37), [[-spacing / 2, 0], [spacing / 2, 0]], R_17G, 600).at(0, 0), `${spacing} mm`).to.be.at.most(-40);
    expect(frozen(gelPhantom(37), [[-12.5, 0], [12.5, 0]], R_17G, 600).at(0, 0)).to.be.above(-40);
  });

  it('perfused tissue: −20 °C reaches 1 cm from one 17 G probe within the published 9–46 min (Young et al. 2011, mean 19 min 10 s; model 13–14 min)', () => {
    const m = model(TISSUE_ESTIMATE, [[0, 0]], R_17G);
    m.setProbe(0, TIP_C);
    let seconds = 0;
    while (m.at(10, 0) > -20 && seconds < 3600) {
      m.advance(10);
      seconds += 10;
    }
    expect(seconds / 60).to.be.within(9, 46);
    expect(seconds / 60).to.be.within(12, 16);
  });
});

describe('freezing model: thaw, second freeze, vessels', function () {
  // Minutes of simulated freezing per test: seconds of computing, more on a loaded machine.
  this.timeout(120_000);
  const sizes = (m: FreezingModel) => [0, -20, -40].map((c) => m.equivalentDiameterMm(c));

  it('a 10-5-10 double freeze ends within 5 % of a single freeze of the same 20 min (Open Biomed Eng J 2016: no significant difference); the passive thaw keeps the ice edge', () => {
    const m = frozen(gelPhantom(37), [[0, 0]], R_17G, 600);
    const first = sizes(m);
    m.setProbe(0, NaN);
    m.advance(300);
    const thawed = sizes(m);
    expect(thawed[0]).to.be.within(0.85 * first[0], first[0]);
    expect(thawed[2]).to.be.below(first[2]);
    m.setProbe(0, TIP_C);
    m.advance(600);
    const single = sizes(frozen(gelPhantom(37), [[0, 0]], R_17G, 1200));
    sizes(m).forEach((d, k) => expect(d, `isotherm ${[0, -20, -40][k]} °C`).to.be.closeTo(single[k], 0.05 * single[k]));
  });

  it('an active thaw (tip at +25 °C) melts from the probe out: the cores go first, the edge shrinks every minute until the ice is gone', () => {
    const m = frozen(TISSUE_ESTIMATE, [[0, 0]], R_17G, 600);
    m.setProbe(0, 25);
    m.advance(60);
    expect(m.equivalentDiameterMm(-40)).to.equal(0);
    let edge = m.equivalentDiameterMm(0);
    expect(edge).to.be.above(20);
    for (let k = 0; k < 10 && edge > 0; k++) {
      m.advance(60);
      const next = m.equivalentDiameterMm(0);
      expect(next).to.be.below(edge);
      edge = next;
    }
    expect(edge).to.equal(0);
  });

  it('follows the measured tips: a probe that stays warm makes no ice; the second freeze of a double protocol grows past the first', () => {
    const m = model(TISSUE_ESTIMATE, [[-10, 0], [10, 0]], R_17G);
    m.setProbe(0, TIP_C);
    m.setProbe(1, 30);
    m.advance(600);
    expect(m.at(10, 0)).to.be.above(0);
    expect(m.at(-10, 5)).to.be.below(-40);
  });

  it('a warm vessel 8 mm from a probe holds the ice back on its side', () => {
    const m = model(TISSUE_ESTIMATE, [[0, 0]], R_17G, { vessels: [{ points: [{ xMm: 8, yMm: -40 }, { xMm: 8, yMm: 40 }], radiusMm: 2 }] });
    m.setProbe(0, TIP_C);
    m.advance(600);
    let towards = 0;
    while (m.at(towards, 0) <= 0) towards += 0.05;
    let away = 0;
    while (m.at(-away, 0) <= 0) away += 0.05;
    expect(towards).to.be.below(6);
    expect(away - towards).to.be.above(4);
  });

  it('unknown tip temperatures (NaN, Infinity) leave the probe free rather than fixing it at a bad value', () => {
    const m = model(TISSUE_ESTIMATE, [[0, 0]], R_17G);
    m.setProbe(0, Infinity);
    m.advance(60);
    expect(m.at(0, 0)).to.equal(37);
    m.setProbe(0, NaN);
    m.advance(60);
    expect(m.equivalentDiameterMm(0)).to.equal(0);
  });
});

describe('CryoTracker with the freezing model', function () {
  // Minutes of simulated freezing per test: seconds of computing, more on a loaded machine.
  this.timeout(120_000);
  const procedure: CryoProcedure = {
    probes: [{ id: 'p1', label: 'P1', channel: 'probe.1', xMm: 0, yMm: 0 }],
    sensors: [],
    tumours: [{ xMm: 0, yMm: 0, semiMajorMm: 6, semiMinorMm: 5 }],
    structures: [],
    protocol: DEFAULT_PROTOCOL,
    field: { x: [-40, 40], y: [-40, 40] },
  };
  const T0 = 1_000_000;
  function freeze(minutes: number, tips: boolean): CryoTracker {
    const tr = new CryoTracker(procedure);
    tr.event({ channel: 'probe.1', t: T0, kind: 'phase', text: 'freeze' });
    tr.event({ channel: 'probe.1', t: T0, kind: 'probe-state', text: 'freeze 100' });
    for (let s = 0; s <= minutes * 60; s++) {
      if (tips) tr.sample('probe.1', T0 + s * 1000, TIP_C);
      else tr.advance(T0 + s * 1000);
    }
    return tr;
  }

  it('estimates from the model while tip temperatures arrive, and falls back to the labelled fit without them', () => {
    const driven = freeze(10, true);
    expect(driven.estimateSource).to.equal('model');
    expect(driven.estimate.source.every((s) => s === 'model')).to.equal(true);
    const d = driven.estimate.diameter[0][driven.estimate.t.length - 1];
    expect(d).to.be.closeTo(frozen(TISSUE_ESTIMATE, [[0, 0]], R_17G, 600).equivalentDiameterMm(0), 1.5);
    const blind = freeze(10, false);
    expect(blind.estimateSource).to.equal('fit');
    expect(blind.estimate.diameter[0][blind.estimate.t.length - 1]).to.be.above(0);
  });

  it('measures the clearance from the estimated 0 °C edge to a structure along the edge of the ice, negative once inside', () => {
    const tr = freeze(10, true);
    const r = tr.estimate.diameter[0][tr.estimate.t.length - 1] / 2;
    const line = (x: number) => [-20, -10, 0, 10, 20].map((y) => [x, y] as [number, number]);
    expect(tr.clearanceMm(tr.now, line(25))).to.be.closeTo(25 - r, 1);
    expect(tr.clearanceMm(tr.now, line(r - 4))).to.be.closeTo(-4, 1);
    expect(tr.contoursMm(0).length).to.be.above(40);
  });
});
