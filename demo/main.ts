import 'ir-monitor/components/telemetry.js';
import 'ir-monitor/components/trend.js';
import 'ir-monitor/components/alarm-banner.js';
import 'ir-monitor/components/alarm-log.js';
import { filter, map, share } from 'rxjs';
import type { AlarmRule, ChannelDescriptor } from 'ir-monitor/models';
import { simulatedSource } from 'ir-monitor/sim';
import { lang, pageSettings, speedOr } from './page-settings.js';

// Played at 1x to 60x: `?speed=30` rehearses the freeze in two minutes; `?lang=fr` in French.
const speed = speedOr(1);
const start = Date.now();

const WORDS = {
  en: {
    subtitle: 'training demo, simulated data',
    cryoPage: 'Cryoablation: iceball, phases, nerve protection (three scenarios)', cementPage: 'Cementoplasty: vertebroplasty, screws on cement, the sacral combined procedure', thermalPage: 'Thermal ablation: liver RF, microwave near a vessel', pulsesPage: 'Electroporation: hepatic ECT, IRE', dosePage: 'Radiation dose and Y-90 radioembolisation: a long embolisation, a resin injection with stasis', scenario: 'Renal cryoablation, freeze 1',
    disconnect: 'Disconnect nerve sensor', reconnect: 'Reconnect nerve sensor', garble: 'Send an invalid value', pauseAlarms: 'Pause alarms 2 min',
    states: { connecting: 'connecting', live: 'live', stale: 'stale', reconnecting: 'reconnecting', closed: 'closed' },
    probe: 'Probe tip', connection: 'connection', temperatures: 'Probe and thermosensors', log: 'Alarm log', freeze: 'Freeze 1', nerve: 'Nerve sensor',
  },
  fr: {
    subtitle: 'démo de formation, données simulées',
    cryoPage: 'Cryoablation : glaçon, phases, protection nerveuse (trois scénarios)', cementPage: 'Cimentoplastie : vertébroplastie, vis cimentées, la procédure sacrée combinée', thermalPage: 'Ablation thermique : radiofréquence hépatique, micro-ondes près d’un vaisseau', pulsesPage: 'Électroporation : électrochimiothérapie hépatique, IRE', dosePage: 'Dose de rayonnement et radioembolisation Y-90 : une embolisation longue, une injection de résine avec stase', scenario: 'Cryoablation rénale, congélation 1',
    disconnect: 'Débrancher le capteur nerveux', reconnect: 'Rebrancher le capteur nerveux', garble: 'Envoyer une valeur invalide', pauseAlarms: 'Alarmes en pause 2 min',
    states: { connecting: 'en cours', live: 'en direct', stale: 'sans données', reconnecting: 'reconnexion', closed: 'fermée' },
    probe: 'Pointe de la sonde', connection: 'connexion', temperatures: 'Sonde et thermocapteurs', log: 'Journal des alarmes', freeze: 'Congélation 1', nerve: 'Capteur nerveux',
  },
}[lang];
pageSettings(document.querySelector('#settings')!, speed, [1, 10, 30, 60], WORDS);

// Probe tip during a freeze: falls towards about -140 Cel (needle tips stabilise
// near -140 to -150 Cel in phantoms: Cryobiology 2025, PMID 40472720).
const probe = (t: number) => -140 + 177 * Math.exp(-(t - start) / 20000) + Math.sin(t / 700);
// A thermosensor near a nerve drifts down towards the 10 Cel protection limit
// (keep juxtaneural temperature between 10 and 45 Cel: Sag & Husain, Semin Intervent Radiol 2022).
// It cools fastest at first, then crosses 10 Cel about 45 s in: watch, acknowledge, pause.
const nerve = (t: number) => 37 - 32 * (1 - Math.exp(-(t - start) / 25000)) + 0.3 * Math.sin(t / 2000);

const channels: ChannelDescriptor[] = [
  { id: 'probe', label: WORDS.probe, unit: 'Cel', intervalMs: 10 * speed, range: [-200, 150] },
  { id: 'nerve', label: WORDS.nerve, unit: 'Cel', intervalMs: 10 * speed, range: [-200, 150] },
];

const rules: AlarmRule[] = [
  {
    // Juxtaneural temperature below 10 Cel: high priority, latching (Sag & Husain, Semin Intervent Radiol 2022).
    id: 'nerve-cold',
    channel: 'nerve',
    condition: { kind: 'below', limit: 10 },
    priority: 'hi',
    kind: 'phy',
    onsetDelayMs: 2000,
    hysteresis: 1,
    latching: true,
    message: { en: 'Nerve sensor below 10 °C: consider warm hydrodissection', fr: 'Capteur nerveux sous 10 °C : envisager une hydrodissection chaude' },
  },
  {
    // An early warning for training, not a published threshold: the sensor cools
    // faster than 10 Cel per minute over 30 s. Medium, not latching.
    id: 'nerve-cooling',
    channel: 'nerve',
    condition: { kind: 'rate', perMin: -10, windowMs: 30_000 },
    priority: 'me',
    kind: 'phy',
    onsetDelayMs: 0,
    hysteresis: 2,
    latching: false,
    message: { en: 'Nerve sensor cooling faster than 10 °C/min', fr: 'Capteur nerveux : refroidissement de plus de 10 °C/min' },
  },
];

// Trainer faults: a sensor that falls silent, a value that is not a number.
let dropped = false;
let garble = false;
const source = simulatedSource(
  [
    { channel: 'probe', f: probe },
    { channel: 'nerve', f: nerve },
  ],
  { t0: start, speed },
).pipe(
  filter((b) => !(dropped && b.channel === 'nerve')),
  map((b) => {
    if (!garble || b.channel !== 'nerve') return b;
    garble = false;
    const v = b.v.slice();
    v[0] = NaN;
    return { ...b, v };
  }),
  share(),
);

const room = document.querySelector('ir-telemetry')!;
room.channels = channels;
room.rules = rules;
// Data time runs `speed` times faster than the wall clock: the simulator's clock is the one
// data times are checked against (a sample far from it is refused as clock skew).
room.clock = { clock: () => start + (Date.now() - start) * speed };
room.source = source;

// The story (the probe's fall to its plateau, the nerve sensor crossing 10 Cel and settling)
// takes about two minutes of data. A window of one minute scrolled it away within seconds at
// 10x and more; this one holds the whole story, and at high speeds the last 20 s of the
// trainer's own time, so the story stays on the chart for at least 20 s at every speed.
const STORY_S = 150;
const WATCH_S = 20;
const trend = document.querySelector('ir-trend')!;
trend.window = Math.max(STORY_S, WATCH_S * speed);
trend.markers = [{ t: start, label: WORDS.freeze }];

const out = document.querySelector<HTMLOutputElement>('#probe')!;
const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
source.subscribe((b) => {
  if (b.channel === 'probe') out.value = fmt.format(b.v[b.v.length - 1]);
});
const state = document.querySelector('#state')!;
room.addEventListener('ir-connection-state', () => (state.textContent = WORDS.states[room.state]));

const drop = document.querySelector<HTMLButtonElement>('#drop')!;
drop.addEventListener('click', () => {
  dropped = !dropped;
  drop.setAttribute('aria-pressed', String(dropped));
  drop.textContent = dropped ? WORDS.reconnect : WORDS.disconnect;
});
document.querySelector('#garble')!.addEventListener('click', () => (garble = true));
document.querySelector('#pause-alarms')!.addEventListener('click', () => room.manager.command({ type: 'pause-alarms' }));
