import type { PairMm, Shape } from '../../models/thermal/shapes.js';
import type { ThermalStructure } from '../../models/thermal/alarms.js';

/** An applicator position from a data time on (seconds from the start). */
export interface TipMove {
  atS: number;
  tipMm: PairMm;
}

/** A simulated ablation: the anatomy in mm (field of view 0–fovMm), the applicator and its generator. */
export interface AblationScenario {
  id: 'liver-rf' | 'liver-mw-vessel';
  modality: 'rf' | 'mw';
  fovMm: number;
  durationS: number;
  tumour: Shape;
  marginMm: number;
  structures: ThermalStructure[];
  /** Structures that carry blood: perfusion raised to `vesselPerfusion` there (a heat sink). */
  perfused: string[];
  vesselPerfusion: number;
  /** Where MR thermometry fails (fat): NaN pixels. */
  fat: Shape[];
  thermocouples: { id: string; label: string; positionMm: PairMm }[];
  tip: TipMove[];
  /** Generator power set point (W) at `s` seconds from the start. */
  powerW: (s: number) => number;
}

/**
 * Liver tumour, radiofrequency: a 15 mm tumour (30 mm with its 5 mm margin... the
 * ablation must reach 25 mm across at least), a bile duct 22 mm from the tip.
 * Power stepped from 40 W by 10 W a minute to 90 W: a training estimate in the
 * manner of stepped RF protocols (the RF 3000 rules were not found), run until
 * roll-off.
 */
export const LIVER_RF: AblationScenario = {
  id: 'liver-rf',
  modality: 'rf',
  fovMm: 80,
  durationS: 12 * 60,
  tumour: { kind: 'ellipse', centreMm: [40, 40], radiiMm: [8, 6.5], angleDeg: 20 },
  marginMm: 5,
  structures: [{ id: 'duct', label: 'Bile duct', labels: { fr: 'Voie biliaire' }, shape: { kind: 'ellipse', centreMm: [57, 46], radiiMm: [2, 9], angleDeg: -10 } }],
  perfused: [],
  vesselPerfusion: 0,
  fat: [{ kind: 'ellipse', centreMm: [12, 70], radiiMm: [9, 5] }],
  thermocouples: [
    { id: 'tc1', label: 'TC1', positionMm: [55, 40] },
    { id: 'tc2', label: 'TC2', positionMm: [40, 22] },
  ],
  tip: [{ atS: 0, tipMm: [40, 40] }],
  powerW: (s) => Math.min(90, 40 + 10 * Math.floor(s / 60)),
};

/**
 * Microwave near a vessel: a portal-vein branch 14 mm from the tip carries heat
 * away (perfusion raised to 0.5 1/s there: an estimate of a large vessel's
 * convective sink), so the margin on its side stays under the lethal dose until
 * the antenna is moved 5 mm towards it at 6 min. 60 W, as in antenna studies
 * run at 50–100 W (PMC3721053).
 */
export const LIVER_MW_VESSEL: AblationScenario = {
  id: 'liver-mw-vessel',
  modality: 'mw',
  fovMm: 80,
  durationS: 12 * 60,
  tumour: { kind: 'circle', centreMm: [38, 40], radiusMm: 8 },
  marginMm: 5,
  structures: [{ id: 'vessel', label: 'Portal vein', labels: { fr: 'Veine porte' }, shape: { kind: 'polygon', pointsMm: [[53, 8], [57, 8], [57, 72], [53, 72]] } }],
  perfused: ['vessel'],
  vesselPerfusion: 0.5,
  fat: [{ kind: 'ellipse', centreMm: [14, 12], radiiMm: [8, 5] }],
  thermocouples: [
    { id: 'tc1', label: 'TC1', positionMm: [51, 40] },
    { id: 'tc2', label: 'TC2', positionMm: [24, 40] },
  ],
  tip: [
    { atS: 0, tipMm: [36, 40] },
    { atS: 6 * 60, tipMm: [42, 40] },
  ],
  powerW: () => 60,
};

export const SCENARIOS = { 'liver-rf': LIVER_RF, 'liver-mw-vessel': LIVER_MW_VESSEL } as const;
