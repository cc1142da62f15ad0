import './trusted-worker.js';
import 'ir-monitor/components/telemetry.js';
import 'ir-monitor/components/trend.js';
import 'ir-monitor/components/thermal-map.js';
import 'ir-monitor/components/alarm-banner.js';
import 'ir-monitor/components/alarm-log.js';
import { Subject, filter, merge, share } from 'rxjs';
import { consoleRules, type GridFrame } from 'ir-monitor/models';
import { SCENARIOS, THERMAL_SIM_IDS, thermalSimChannels, thermalWorkerSource } from 'ir-monitor/sim';
import type { RoomInput } from 'ir-monitor/streams';
import { lang, pageSettings, params, restartOn, speedOr } from './page-settings.js';

// `?scenario=liver-mw-vessel&speed=30&lang=fr&theme=light&res=256&rate=2`
const scenarioId = params.get('scenario') === 'liver-mw-vessel' ? 'liver-mw-vessel' : 'liver-rf';
const scenario = SCENARIOS[scenarioId];
const speed = speedOr(1);
const resolution = Math.min(256, Math.max(32, Number(params.get('res')) || 128));
const rateHz = Math.min(20, Math.max(0.2, Number(params.get('rate')) || 1));
const lethal = params.get('lethal') === 'omega' ? 'omega' : 'cem43';

const WORDS = {
  en: {
    subtitle: 'thermal ablation, simulated data', back: 'Cryoablation demo', scenario: 'Scenario', liverRf: 'Liver tumour, radiofrequency', liverMw: 'Microwave near a vessel',
    lethal: 'Lethal dose',
    stopMaps: 'Stop the maps', resumeMaps: 'Resume the maps', geometry: 'Send a map of another size',
    mapTitle: 'Temperature map (MR thermometry)', consoleTitle: 'Generator', temperatures: 'Tip and thermocouples', log: 'Alarm log',
  },
  fr: {
    subtitle: 'ablation thermique, données simulées', back: 'Démo de cryoablation', scenario: 'Scénario', liverRf: 'Tumeur hépatique, radiofréquence', liverMw: 'Micro-ondes près d’un vaisseau',
    lethal: 'Dose létale',
    stopMaps: 'Arrêter les cartes', resumeMaps: 'Reprendre les cartes', geometry: 'Envoyer une carte d’une autre taille',
    mapTitle: 'Carte de température (thermométrie IRM)', consoleTitle: 'Générateur', temperatures: 'Pointe et thermocouples', log: 'Journal des alarmes',
  },
}[lang];
pageSettings(document.querySelector('#settings')!, speed, [1, 10, 30, 60], WORDS);
document.querySelector('#scenario-title')!.textContent = scenarioId === 'liver-rf' ? WORDS.liverRf : WORDS.liverMw;

// The simulator runs in one Web Worker, the room (validation, dose, alarms) in another: the page draws.
const worker = thermalWorkerSource(() => new Worker(new URL('../src/streams/thermal/thermal-worker.ts', import.meta.url), { type: 'module' }), {
  scenario: scenarioId,
  speed,
  resolution,
  rateHz,
  t0: Date.now(),
});

// Trainer faults: maps that stop (MR sequence halted), one map of another geometry.
let mapsStopped = false;
const injected = new Subject<RoomInput>();
const source = merge(
  worker.pipe(filter((x) => !(mapsStopped && 'kind' in x && x.kind === 'grid'))),
  injected,
).pipe(share());
let lastMap: GridFrame | undefined;
const isMap = (x: RoomInput): x is GridFrame => 'kind' in x && x.kind === 'grid';
source.subscribe((x) => {
  if (isMap(x)) lastMap = x;
});

const room = document.querySelector('ir-telemetry')!;
room.worker = new Worker(new URL('../src/worker.ts', import.meta.url), { type: 'module' });
// Named in English and French (`labels`): the panels read the page's language.
room.channels = thermalSimChannels(scenario, rateHz);
room.rules = consoleRules({ tip: THERMAL_SIM_IDS.tip }, scenario.modality);
room.source = source;

const thermal = document.querySelector('ir-thermal-map')!;
thermal.tumour = scenario.tumour;
thermal.marginMm = scenario.marginMm;
thermal.structures = scenario.structures;
thermal.thermocouples = scenario.thermocouples.map((tc) => ({ channel: tc.id, label: tc.label, positionMm: tc.positionMm }));
thermal.lethalDose = lethal;
// An RF generator's roll-offs are judged by the thermal engine; a microwave antenna has none.
thermal.impedance = scenario.modality === 'rf' ? THERMAL_SIM_IDS.impedance : undefined;
thermal.generator = [THERMAL_SIM_IDS.power, THERMAL_SIM_IDS.tip, THERMAL_SIM_IDS.elapsed, ...scenario.thermocouples.map((tc) => tc.id)];

document.querySelector<HTMLSelectElement>('#scenario')!.value = scenarioId;
restartOn(['scenario']);
// The lethal-dose criterion changes in place: the dose already accumulated is kept.
const lethalSelect = document.querySelector<HTMLSelectElement>('#lethal')!;
lethalSelect.value = lethal;
lethalSelect.addEventListener('change', () => (thermal.lethalDose = lethalSelect.value === 'omega' ? 'omega' : 'cem43'));
const stop = document.querySelector<HTMLButtonElement>('#stop-maps')!;
stop.addEventListener('click', () => {
  mapsStopped = !mapsStopped;
  stop.setAttribute('aria-pressed', String(mapsStopped));
  stop.textContent = mapsStopped ? WORDS.resumeMaps : WORDS.stopMaps;
});
document.querySelector('#geometry')!.addEventListener('click', () => {
  if (!lastMap) return;
  const half = Math.floor(lastMap.width / 2);
  injected.next({ ...lastMap, t: lastMap.t + 1, width: half, height: half, data: lastMap.data.slice(0, half * half) });
});
