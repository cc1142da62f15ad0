import type { InjectionPlan } from '../../models/cement/plan.js';
import type { Labelled } from '../../models/channel-label.js';
import { cryoEndMs } from '../cryo/cryo-simulation.js';
import { ILIAC, SACRAL, type CryoScenario } from '../cryo/scenarios.js';
import type { CementScript, ProcedureStep } from './cement-script.js';

/*
 * Training scenarios, simulated. Volumes are training values chosen inside the
 * ranges the literature reports, not recommendations:
 * - vertebral level: 4 mL planned (restored stiffness in thoracic and lumbar
 *   cadaver vertebrae, Belkoff et al., Spine 2001); 8 mL maximum (the largest
 *   volume Belkoff et al. found needed; no published maximum per level: an estimate);
 * - screw end: 2 mL planned, 3 mL maximum (an estimate: no published value);
 * - pelvic lesion: mean 10.3 mL per lesion (Skeletal Radiol 2019) and 8.8 mL
 *   (systematic review of extraspinal cementoplasty).
 * Injection at 3–4 mL/min (Baroud & Steffen, Eur Spine J 2005, tested at
 * 4 mL/min; 3 mL/min in bench long-distance injection).
 */

const MIN = 60_000;

/**
 * The minute a combined procedure's cryoablation step, started at `fromMin`, ends: the first
 * whole minute at or after the cryo console's `phase end` (its freeze-thaw-freeze is over), derived
 * from the scenario's protocol. The timeline marks the step done, and the cement starts, only then.
 */
const cryoStepEndMin = (scenario: CryoScenario, fromMin: number) => fromMin + Math.ceil(cryoEndMs(scenario) / MIN);

const step = (id: string, kind: ProcedureStep['kind'], en: string, fr: string, fromMin: number, toMin: number, panel: ProcedureStep['panel']): ProcedureStep => ({ id, kind, label: { en, fr }, fromMin, toMin, panel });

/**
 * Two-level vertebroplasty (T12, L1) at 3.5 mL/min: T12 filled to its plan;
 * at L1 a paravertebral venous leak seen on fluoroscopy holds the injection
 * for 45 s while the cement thickens (NICE IPG179, 2006: "the injection is
 * halted while the cement hardens and plugs the leak"), then L1 is finished
 * under rising pressure as the cement cures, into the last minute of working time.
 */
export function vertebroplastyScript(): CementScript {
  const plan: InjectionPlan = {
    channel: 'cement',
    pressureChannel: 'cement-pressure',
    sites: [
      { id: 'T12', label: 'T12', kind: 'vertebra', plannedMl: 4, maxMl: 8, channel: 'cement-T12' },
      { id: 'L1', label: 'L1', kind: 'vertebra', plannedMl: 4, maxMl: 8, channel: 'cement-L1' },
    ],
  };
  return {
    plan,
    durationMin: 12.5,
    steps: [step('cement', 'cement', 'Vertebroplasty T12–L1', 'Vertébroplastie T12–L1', 0, 12.5, 'ir-cement-gauge')],
    events: [
      { atMin: 0, kind: 'mix', text: 'cement=PMMA' },
      { atMin: 4.5, kind: 'site', text: 'site=T12' },
      { atMin: 5.7, kind: 'done', text: 'site=T12' },
      { atMin: 5.9, kind: 'site', text: 'site=L1' },
      { atMin: 6.4, kind: 'leak', text: 'site=L1; source=imaging; note=paravertebral vein' },
      { atMin: 7.15, kind: 'resume' },
      { atMin: 7.8, kind: 'done', text: 'site=L1' },
    ],
    spans: [
      { site: 'T12', fromMin: 4.5, toMin: 5.65, rateMlPerMin: 3.5 },
      { site: 'L1', fromMin: 5.9, toMin: 6.4, rateMlPerMin: 3.5 },
      { site: 'L1', fromMin: 7.15, toMin: 7.75, rateMlPerMin: 3.5 },
    ],
  };
}

/** The cement part of a screw fixation: cement at the tip, then at the entry end of one screw. */
const screwSites = (n: number, name: { tip: Labelled; entry: Labelled }) => [
  { id: `screw${n}-tip`, ...name.tip, kind: 'screw-end' as const, plannedMl: 2, maxMl: 3, channel: `cement-screw${n}-tip` },
  { id: `screw${n}-entry`, ...name.entry, kind: 'screw-end' as const, plannedMl: 2, maxMl: 3, channel: `cement-screw${n}-entry` },
];

/**
 * Iliac-wing metastasis, consolidation after cryoablation: one screw across the
 * tumour with cement injected at each end. The cryoablation (`ILIAC`) is a step on the
 * timeline, shown by the cryo panel (`ir-iceball-curve`, built elsewhere); the
 * cement step follows its end.
 */
export function iliacConsolidationScript(): CementScript {
  const plan: InjectionPlan = {
    channel: 'cement',
    pressureChannel: 'cement-pressure',
    sites: screwSites(1, { tip: { label: 'Screw tip', labels: { fr: 'Pointe de vis' } }, entry: { label: 'Screw entry', labels: { fr: 'Entrée de vis' } } }),
  };
  const cement = cryoStepEndMin(ILIAC, 0);
  return {
    plan,
    durationMin: cement + 12,
    steps: [
      step('cryo', 'cryoablation', 'Cryoablation, 4 needles', 'Cryoablation, 4 aiguilles', 0, cement, 'ir-iceball-curve'),
      step('cement', 'cement', 'Screw with cement at each end', 'Vis cimentée aux deux extrémités', cement, cement + 12, 'ir-cement-gauge'),
    ],
    events: [
      { atMin: cement, kind: 'mix', text: 'cement=PMMA' },
      { atMin: cement + 5, kind: 'site', text: 'site=screw1-tip' },
      { atMin: cement + 5.65, kind: 'done', text: 'site=screw1-tip' },
      { atMin: cement + 6, kind: 'site', text: 'site=screw1-entry' },
      { atMin: cement + 6.65, kind: 'done', text: 'site=screw1-entry' },
    ],
    spans: [
      { site: 'screw1-tip', fromMin: cement + 5, toMin: cement + 5.6, rateMlPerMin: 3.4 },
      { site: 'screw1-entry', fromMin: cement + 6, toMin: cement + 6.6, rateMlPerMin: 3.3 },
    ],
  };
}

/**
 * Lytic sacral-ala metastasis touching S1, as one combined procedure:
 * embolisation (microparticles, with the patient's radiation dose) and bone biopsy as steps, one
 * cryoablation needle kept away from the nerve root (`SACRAL`, the cryo panel), then, once it ends, two
 * screws mounted on cement injected through an 8-gauge trocar (this panel),
 * one cement batch per screw.
 */
export function sacralCombinedScript(): CementScript {
  const plan: InjectionPlan = {
    channel: 'cement',
    pressureChannel: 'cement-pressure',
    sites: [
      { id: 'screw1', label: 'Screw 1 (ala)', labels: { fr: 'Vis 1 (aileron)' }, kind: 'lesion', plannedMl: 5, maxMl: 8, channel: 'cement-screw1' },
      { id: 'screw2', label: 'Screw 2', labels: { fr: 'Vis 2' }, kind: 'lesion', plannedMl: 4, maxMl: 6, channel: 'cement-screw2' },
    ],
  };
  const cement = cryoStepEndMin(SACRAL, 18);
  return {
    plan,
    durationMin: cement + 22,
    steps: [
      step('embolisation', 'embolisation', 'Embolisation, microparticles', 'Embolisation, microparticules', 0, 12, 'ir-dose-gauge'),
      step('biopsy', 'biopsy', 'Bone biopsy', 'Biopsie osseuse', 12, 18, null),
      step('cryo', 'cryoablation', 'Cryoablation, 1 needle away from S1', 'Cryoablation, 1 aiguille à distance de S1', 18, cement, 'ir-iceball-curve'),
      step('cement', 'cement', 'Two screws on cement (8 G trocar)', 'Deux vis sur ciment (trocart 8 G)', cement, cement + 22, 'ir-cement-gauge'),
    ],
    events: [
      { atMin: cement, kind: 'mix', text: 'cement=PMMA' },
      { atMin: cement + 5, kind: 'site', text: 'site=screw1' },
      { atMin: cement + 6.5, kind: 'done', text: 'site=screw1' },
      { atMin: cement + 10, kind: 'mix', text: 'cement=PMMA' },
      { atMin: cement + 15, kind: 'site', text: 'site=screw2' },
      { atMin: cement + 16.25, kind: 'done', text: 'site=screw2' },
    ],
    spans: [
      { site: 'screw1', fromMin: cement + 5, toMin: cement + 6.45, rateMlPerMin: 3.5 },
      { site: 'screw2', fromMin: cement + 15, toMin: cement + 16.2, rateMlPerMin: 3.4 },
    ],
  };
}

/** The scenarios by name, for the demo. */
export const CEMENT_SCENARIOS = { vertebroplasty: vertebroplastyScript, iliac: iliacConsolidationScript, sacral: sacralCombinedScript } as const;
