// The freezing model's speed and accuracy. Speed: four probes 2 cm apart (a square) at -140 °C
// in perfused tissue, on the iliac plan's 120 x 100 mm field, 10 min of freeze, timed against
// the wall clock: the real-time factor. Accuracy: the one-dimensional Stefan problem against
// its Neumann solution, the largest error of the front and the -20, -40, -80 and +10 °C
// isotherms after 10 min. Both at the tracker's 1 mm grid and at 0.5 mm.
import { FreezingModel, TISSUE_ESTIMATE, type FreezingTissue } from '../src/models/cryo/freezing-model.js';
import { neumannPositionMm } from '../test/kit/stefan.js';
import { environment } from './kit/environment.js';
import { round } from './kit/stats.js';

const FREEZE_S = 600;
const SQUARE = [[-10, -10], [10, -10], [10, 10], [-10, 10]];

function realtimeFactor(spacingMm: number): number {
  const m = new FreezingModel({ field: { x: [-60, 60], y: [-50, 50] }, spacingMm, probes: SQUARE.map(([xMm, yMm]) => ({ xMm, yMm, radiusMm: 0.74 })), tissue: TISSUE_ESTIMATE });
  SQUARE.forEach((_, i) => m.setProbe(i, -140));
  const start = performance.now();
  // Stepped as the tracker steps it: every 5 s of data, with the sizes read each step.
  for (let s = 0; s < FREEZE_S; s += 5) {
    m.advance(5);
    for (const iso of [0, -20, -40]) m.equivalentDiameterMm(iso);
  }
  return (FREEZE_S * 1000) / (performance.now() - start);
}

function isothermErrorMm(h: number): number {
  const tissue: FreezingTissue = { name: 'stefan', kUnfrozen: 0.5, kFrozen: 2, cUnfrozen: 3.6e6, cFrozen: 1.8e6, latent: 3e8, solidusC: -0.5, liquidusC: 0, perfusion: 0, bloodC: 37 };
  const stefan = { kFrozen: 2, kUnfrozen: 0.5, cFrozen: 1.8e6, cUnfrozen: 3.6e6, latent: 3e8, meltC: -0.25, wallC: -100, initialC: 37 };
  const m = new FreezingModel({ field: { x: [-h, 80], y: [0, 3 * h] }, spacingMm: h, probes: [{ xMm: -1e5, yMm: 1.5 * h, radiusMm: 1e5 }], tissue, edge: 'insulated' });
  m.setProbe(0, -100);
  m.advance(FREEZE_S);
  const wall = m.cellX(0);
  let worst = 0;
  for (const c of [-0.25, -20, -40, -80, 10]) {
    let x = wall;
    while (m.at(x, 1.5 * h) < c) x += 0.005;
    worst = Math.max(worst, Math.abs(x - wall - neumannPositionMm(stefan, c, FREEZE_S)));
  }
  return worst;
}

realtimeFactor(1); // warm-up: the JIT compiles the step before it is timed
const factor1 = realtimeFactor(1);
const factor05 = realtimeFactor(0.5);
window.benchResult = {
  ...(await environment()),
  gridMm: 1,
  cryoSolverRealtimeFactor_4probes: round(factor1),
  cryoIsothermErrorMm: round(isothermErrorMm(1)),
  cryoSolverRealtimeFactor_4probes_05mm: round(factor05),
  cryoIsothermErrorMm_05mm: round(isothermErrorMm(0.5)),
};
