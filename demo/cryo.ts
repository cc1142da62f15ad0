import 'ir-monitor/components/telemetry.js';
import 'ir-monitor/components/iceball-curve.js';
import 'ir-monitor/components/alarm-banner.js';
import 'ir-monitor/components/alarm-log.js';
import { share } from 'rxjs';
import { CRYO_SCENARIOS, CryoSimulation, cryoSource, type CryoFaults } from 'ir-monitor/sim';
import { lang, pageSettings, params, restartOn, speedOr } from './page-settings.js';

// `?scenario=renal&speed=30&lang=fr&theme=light`: each scenario plays a 10-8-10 double freeze on data time.
const speed = speedOr(10);
const scenario = CRYO_SCENARIOS.find((s) => s.id === params.get('scenario')) ?? CRYO_SCENARIOS[0];
/** Start at this data time (ms since the start), for screenshots of a late moment. */
const skip = Math.max(0, Number(params.get('at')) || 0);

const WORDS = {
  en: {
    subtitle: 'cryoablation training, simulated data', scenario: 'Scenario',
    faults: 'Faults', sensorFault: 'Disconnect a sensor', probeFault: 'Probe not cooling', gasFault: 'Gas pressure drop', shrinkFault: 'Send a shrinking ice ball', colderFault: 'Sensor colder than tip', log: 'Alarm log',
    iliac: CRYO_SCENARIOS[0].title.en, vertebral: CRYO_SCENARIOS[1].title.en, renal: CRYO_SCENARIOS[2].title.en,
  },
  fr: {
    subtitle: 'formation à la cryoablation, données simulées', scenario: 'Scénario',
    faults: 'Pannes', sensorFault: 'Débrancher un capteur', probeFault: 'Sonde qui ne refroidit pas', gasFault: 'Chute de pression du gaz', shrinkFault: 'Envoyer un glaçon qui diminue', colderFault: 'Capteur plus froid que la pointe', log: 'Journal des alarmes',
    iliac: CRYO_SCENARIOS[0].title.fr, vertebral: CRYO_SCENARIOS[1].title.fr, renal: CRYO_SCENARIOS[2].title.fr,
  },
}[lang];

pageSettings(document.querySelector('#settings')!, speed, [1, 10, 30, 60], WORDS);

// The scenario's sensors are named in English and French (`labels`): the panels read the page's language.
const procedure = scenario.procedure;
const faults: CryoFaults = {};
const sim = new CryoSimulation({ ...scenario, procedure }, Date.now() - skip, faults);
const source = cryoSource(sim, { speed, fromMs: skip }).pipe(share());

const room = document.querySelector('ir-telemetry')!;
room.channels = sim.channels();
const iceball = document.querySelector('ir-iceball-curve')!;
iceball.procedure = procedure;
room.source = source;

// Faults start at the data time reached now (ms since the start) and toggle off on a second press.
let dataMs = skip;
source.subscribe((x) => {
  const t = 'type' in x && x.type === 'event' ? x.t : (x as { t: Float64Array }).t.at(-1)!;
  dataMs = Math.max(dataMs, t - sim.t0);
});
const toggle = (id: string, set: (on: boolean) => void) => {
  const button = document.querySelector<HTMLButtonElement>(`#${id}`)!;
  button.addEventListener('click', () => {
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(on));
    set(on);
  });
};
const sensor = procedure.sensors[0].points[0].channel;
const probe = procedure.probes[0].id;
toggle('sensor', (on) => (faults.sensorDisconnected = on ? { channel: sensor, from: dataMs } : faults.sensorDisconnected && { ...faults.sensorDisconnected, to: dataMs }));
toggle('probe', (on) => (faults.probeNotCooling = on ? { probe, from: dataMs } : faults.probeNotCooling && { ...faults.probeNotCooling, to: dataMs }));
toggle('gas', (on) => (faults.gasPressureDrop = on ? { from: dataMs } : faults.gasPressureDrop && { ...faults.gasPressureDrop, to: dataMs }));
document.querySelector('#shrink')!.addEventListener('click', () => (faults.iceShrink = { from: dataMs }));
document.querySelector('#colder')!.addEventListener('click', () => (faults.sensorColderThanTip = { channel: procedure.sensors[procedure.sensors.length - 1].points[0].channel, from: dataMs, to: dataMs + 5000 }));

document.querySelector<HTMLSelectElement>('#scenario')!.value = scenario.id;
restartOn(['scenario']);
