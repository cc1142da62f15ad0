import { DEFAULT_PROTOCOL, type CryoProcedure, type CryoProbe, type GasSupply } from '../../models/cryo/procedure.js';

/**
 * The training procedures, from the cases our users describe (French
 * interventional-oncology sources): geometry in mm in one imaging plane.
 * Positions and sizes are plausible training values, not a patient's.
 */
export interface CryoScenario {
  id: 'iliac' | 'vertebral' | 'renal' | 'sacral';
  title: { en: string; fr: string };
  procedure: CryoProcedure;
  /** A scripted sensor (the renal nerve sensor): its temperature at `ms` after the start of freeze 1. */
  script?: { channel: string; value(ms: number): number };
}

const probe = (n: number, xMm: number, yMm: number): CryoProbe => ({ id: `p${n}`, label: `P${n}`, channel: `probe.${n}`, xMm, yMm });

/** The simulated console's argon supply: its pressure, in MPa, on the channel that also carries the phases. */
export const ARGON_SUPPLY: GasSupply = { channel: 'console.gas', label: 'Argon supply', labels: { fr: 'Alimentation argon' } };

/** The sensors' names: a thermocouple (TC) beside the nerve, at the margin. */
const NERVE_TC = { label: 'Nerve TC', labels: { fr: 'TC nerf' } };
const MARGIN_TC = { label: 'Margin TC', labels: { fr: 'TC marge' } };

/** Rotates points about the origin by `deg`. */
const turned = (deg: number, pts: [number, number][]) => {
  const r = (deg * Math.PI) / 180;
  return pts.map(([x, y]) => [x * Math.cos(r) - y * Math.sin(r), x * Math.sin(r) + y * Math.cos(r)] as [number, number]);
};

/**
 * Large painful iliac-wing metastasis (lung cancer, 74 years): four needles
 * around a pseudo-ellipsoidal tumour, the lumbosacral trunk medial to it with
 * a three-point thermosensor beside it, a designated sensor at the margin.
 */
export const ILIAC: CryoScenario = {
  id: 'iliac',
  title: { en: 'Iliac-wing metastasis, four needles', fr: 'Métastase de l’aile iliaque, quatre aiguilles' },
  procedure: {
    probes: turned(20, [[-10, -7], [10, -7], [10, 7], [-10, 7]]).map(([x, y], i) => probe(i + 1, Math.round(x * 10) / 10, Math.round(y * 10) / 10)),
    sensors: [
      { id: 's1', ...NERVE_TC, nearNerve: true, points: [-8, 0, 8].map((dy, i) => ({ channel: `sensor.1.${i + 1}`, xMm: 40, yMm: 4 + dy })) },
      { id: 's2', ...MARGIN_TC, designated: true, points: [{ channel: 'sensor.2.1', xMm: -3, yMm: 15 }] },
    ],
    tumours: [{ xMm: 0, yMm: 0, semiMajorMm: 20, semiMinorMm: 13, angleDeg: 20 }],
    structures: [
      { kind: 'nerve', label: 'Lumbosacral trunk', points: [{ xMm: 46, yMm: -50 }, { xMm: 44, yMm: 0 }, { xMm: 47, yMm: 50 }] },
      { kind: 'skin', label: 'Skin', points: [{ xMm: -60, yMm: -46 }, { xMm: 60, yMm: -42 }] },
    ],
    supply: ARGON_SUPPLY,
    protocol: DEFAULT_PROTOCOL,
    field: { x: [-60, 60], y: [-50, 50] },
  },
};

/** Two small vertebral metastases, stable under immunotherapy: one needle per lesion; the spinal canal behind them. */
export const VERTEBRAL: CryoScenario = {
  id: 'vertebral',
  title: { en: 'Two vertebral metastases, one needle each', fr: 'Deux métastases vertébrales, une aiguille chacune' },
  procedure: {
    probes: [probe(1, 0, -32), probe(2, 0, 32)],
    sensors: [
      { id: 's1', label: 'Canal TC', labels: { fr: 'TC canal' }, nearNerve: true, points: [{ channel: 'sensor.1.1', xMm: 24, yMm: -32 }, { channel: 'sensor.1.2', xMm: 24, yMm: 32 }] },
    ],
    tumours: [
      { xMm: 0, yMm: -32, semiMajorMm: 8, semiMinorMm: 7, angleDeg: 90 },
      { xMm: 0, yMm: 32, semiMajorMm: 7, semiMinorMm: 6 },
    ],
    structures: [
      { kind: 'nerve', label: 'Spinal canal', points: [{ xMm: 30, yMm: -70 }, { xMm: 30, yMm: 70 }] },
      { kind: 'skin', label: 'Skin', points: [{ xMm: 68, yMm: -70 }, { xMm: 68, yMm: 70 }] },
    ],
    supply: ARGON_SUPPLY,
    protocol: DEFAULT_PROTOCOL,
    field: { x: [-45, 70], y: [-70, 70] },
  },
};

const MIN = 60_000;
/** Renal nerve sensor: 10 °C is crossed this long after the start of freeze 1 (3 min 22.7 s; the script below). */
export const RENAL_NERVE_COLD_MS = 202_700;
/** Warm-saline hydrodissection starts this long after the start of freeze 1. */
export const RENAL_HYDRODISSECTION_MS = 5 * MIN;

/**
 * Renal tumour, two probes, a thermosensor beside the genitofemoral nerve on
 * the psoas: it drifts below 10 °C during the first freeze until warm-saline
 * hydrodissection brings it back (Tsoumakidou et al., CVIR 2013: warm saline
 * when the nerve is threatened).
 */
export const RENAL: CryoScenario = {
  id: 'renal',
  title: { en: 'Renal tumour, two probes, nerve sensor', fr: 'Tumeur rénale, deux sondes, capteur nerveux' },
  procedure: {
    probes: [probe(1, -7.5, 0), probe(2, 7.5, 0)],
    sensors: [
      { id: 's1', ...NERVE_TC, nearNerve: true, points: [{ channel: 'sensor.1.1', xMm: 6, yMm: 28 }] },
      { id: 's2', ...MARGIN_TC, designated: true, points: [{ channel: 'sensor.2.1', xMm: 0, yMm: -16 }] },
    ],
    tumours: [{ xMm: 0, yMm: 0, semiMajorMm: 12, semiMinorMm: 10 }],
    structures: [
      { kind: 'nerve', label: 'Genitofemoral n.', points: [{ xMm: -50, yMm: 34 }, { xMm: 0, yMm: 31 }, { xMm: 50, yMm: 36 }] },
      { kind: 'skin', label: 'Skin', points: [{ xMm: -50, yMm: -48 }, { xMm: 50, yMm: -44 }] },
    ],
    supply: ARGON_SUPPLY,
    protocol: DEFAULT_PROTOCOL,
    field: { x: [-50, 50], y: [-50, 45] },
  },
  script: {
    channel: 'sensor.1.1',
    value(ms) {
      if (ms <= 0) return 36.5;
      // Cools towards 4 °C with a 2-min time constant: 10 °C at 3 min 22.7 s.
      const cold = 36.5 - 32.5 * (1 - Math.exp(-ms / (2 * MIN)));
      const saline = ms > RENAL_HYDRODISSECTION_MS ? 24 * (1 - Math.exp(-(ms - RENAL_HYDRODISSECTION_MS) / 40_000)) : 0;
      return cold + saline;
    },
  },
};

/**
 * Sacral-ala metastasis, the cryoablation step of a combined procedure (after
 * embolisation and biopsy, before screws on cement): one needle placed away
 * from the S1 nerve root, a thermosensor on the root side.
 */
export const SACRAL: CryoScenario = {
  id: 'sacral',
  title: { en: 'Sacral ala, one needle away from the S1 root', fr: 'Aileron sacré, une aiguille à distance de la racine S1' },
  procedure: {
    probes: [probe(1, -4, 0)],
    sensors: [{ id: 's1', ...NERVE_TC, nearNerve: true, points: [{ channel: 'sensor.1.1', xMm: 16, yMm: 0 }] }],
    tumours: [{ xMm: 0, yMm: 0, semiMajorMm: 9, semiMinorMm: 7 }],
    structures: [
      { kind: 'nerve', label: 'S1 root', points: [{ xMm: 22, yMm: -45 }, { xMm: 21, yMm: 0 }, { xMm: 24, yMm: 45 }] },
      { kind: 'skin', label: 'Skin', points: [{ xMm: -45, yMm: -45 }, { xMm: -45, yMm: 45 }] },
    ],
    supply: ARGON_SUPPLY,
    protocol: DEFAULT_PROTOCOL,
    field: { x: [-50, 50], y: [-45, 45] },
  },
};

/** The scenarios of the cryoablation demo; `SACRAL` plays inside the combined procedure of the cement demo. */
export const CRYO_SCENARIOS: readonly CryoScenario[] = [ILIAC, VERTEBRAL, RENAL];
