import 'ir-monitor/components/telemetry.js';
import 'ir-monitor/components/cement-gauge.js';
import 'ir-monitor/components/alarm-banner.js';
import 'ir-monitor/components/alarm-log.js';
import 'ir-monitor/components/iceball-curve.js';
import 'ir-monitor/components/dose-gauge.js';
import { share } from 'rxjs';
import { cementChannels, doseChannels } from 'ir-monitor/models';
import { CEMENT_SCENARIOS, CryoSimulation, ILIAC, SACRAL, cementSimulation, cryoSource, longEmbolisation, playScript } from 'ir-monitor/sim';
import type { RoomInput } from 'ir-monitor/streams';
import { lang, pageSettings, params, restartOn, speedOr } from './page-settings.js';

// `?scenario=vertebroplasty|iliac|sacral&speed=10&lang=fr&theme=light`; with
// `&nats=ws://127.0.0.1:9222&procedure=room-1` the page watches that procedure room as an
// edge publishes it (`npm run edge -- --scenario vertebroplasty`, docs/nats.md) instead.
const speed = speedOr(10);
const name = (Object.keys(CEMENT_SCENARIOS) as (keyof typeof CEMENT_SCENARIOS)[]).find((k) => k === params.get('scenario')) ?? 'vertebroplasty';
// Optionally start later in the script (minutes): `?from=40` skips to the sacral case's screws.
const fromMin = Math.max(0, Number(params.get('from')) || 0);

const WORDS = {
  en: { subtitle: 'cementoplasty, simulated data', watching: 'cementoplasty, watching', scenario: 'Scenario', vertebroplasty: 'Two-level vertebroplasty', iliac: 'Iliac wing: screw with cement at each end', sacral: 'Sacral ala: combined procedure', leak: 'Report a leak', glitch: 'Send a falling volume', dose: 'Radiation dose (embolisation)', cryo: 'Cryoablation', cement: 'Cement injection', log: 'Alarm log' },
  fr: { subtitle: 'cimentoplastie, données simulées', watching: 'cimentoplastie, suivi de', scenario: 'Scénario', vertebroplasty: 'Vertébroplastie sur deux niveaux', iliac: 'Aile iliaque : vis cimentée aux deux extrémités', sacral: 'Aileron sacré : procédure combinée', leak: 'Signaler une fuite', glitch: 'Envoyer un volume en baisse', dose: 'Dose de rayonnement (embolisation)', cryo: 'Cryoablation', cement: 'Injection de ciment', log: 'Journal des alarmes' },
}[lang];
pageSettings(document.querySelector('#settings')!, speed, [1, 10, 30, 60], WORDS);

const script = CEMENT_SCENARIOS[name]();
const plan = script.plan;
const t0 = Date.now() - fromMin * 60_000;

// Trainer faults: a leak reported now, a volume reading that falls.
let leakNow = false;
let glitch = false;
// The data time reached: playback starts at `from`, so a step already under way there starts its panel there too.
let lastT = t0 + fromMin * 60_000;
const tamper = (x: RoomInput): RoomInput | undefined => {
  if ('t' in x && typeof x.t !== 'number' && x.t.length) lastT = x.t[x.t.length - 1];
  if (glitch && 'v' in x && x.channel === plan.sites[0].channel) {
    glitch = false;
    return { ...x, v: x.v.map(() => 0.2) };
  }
  return x;
};
const sim = cementSimulation(script, { t0, fromMin, speed, tamper }).pipe(share());
const room = document.querySelector('ir-telemetry')!;
const gauge = document.querySelector('ir-cement-gauge')!;
gauge.plan = plan;
const nats = params.get('nats');
const watching = !!nats && !!params.get('procedure');
if (watching) {
  // The edge sends the channels and decides the alarms; this page only watches: no
  // simulator, so none of its controls (the scenario stays: it names the sites drawn).
  document.querySelector('[data-text="subtitle"]')!.textContent = `${WORDS.watching} ${params.get('procedure')}`;
  for (const el of [document.querySelector('#speed')!.closest('label')!, document.querySelector('#leak')!, document.querySelector('#glitch')!]) (el as HTMLElement).hidden = true;
  // The NATS client (optional peers of the library), loaded only on this path.
  void Promise.all([import('@nats-io/nats-core'), import('@nats-io/jetstream')]).then(([core, jetstream]) => {
    room.natsClient = { core, jetstream };
    room.setAttribute('nats', nats!);
    room.setAttribute('procedure', params.get('procedure')!);
  });
  document.querySelector<HTMLElement>('#step-cement')!.hidden = false;
} else {
  room.channels = cementChannels(plan);
  room.source = sim;
}
document.querySelector('#leak')!.addEventListener('click', () => (leakNow = true));
document.querySelector('#glitch')!.addEventListener('click', () => (glitch = true));
if (!watching) sim.subscribe(() => {
  if (!leakNow) return;
  leakNow = false;
  room.room.push({ type: 'event', channel: plan.channel, t: lastT, kind: 'leak', text: `site=${gauge.record?.activeSite ?? plan.sites[0].id}; source=operator` });
});

// The procedure's timeline: each step, and its panel shown as the step begins.
const timeline = document.querySelector('#timeline')!;
const items = script.steps.map((s) => {
  const li = document.createElement('li');
  li.textContent = `${s.label[lang]} (${s.fromMin}–${s.toMin} min)`;
  timeline.append(li);
  return li;
});
const sections: Record<string, HTMLElement | null> = {
  'ir-dose-gauge': document.querySelector('#step-dose'),
  'ir-iceball-curve': document.querySelector('#step-cryo'),
  'ir-cement-gauge': document.querySelector('#step-cement'),
};
const showSteps = () => {
  const m = (lastT - t0) / 60_000;
  script.steps.forEach((s, i) => {
    items[i].dataset.state = m >= s.toMin ? 'done' : m >= s.fromMin ? 'current' : 'next';
    const section = s.panel ? sections[s.panel] : null;
    if (!section || m < s.fromMin || !section.hidden) return;
    section.hidden = false;
    // The cryo step plays its own simulation in the page's room: not while watching an edge.
    if (s.panel === 'ir-iceball-curve' && !watching) section.append(cryoPanel(s.fromMin, m));
    if (s.panel === 'ir-dose-gauge' && !watching) section.append(dosePanel(s.fromMin, s.toMin, m));
  });
};
/**
 * The cryoablation step's panel, playing the case's freeze from the step's
 * start (the iliac wing's four needles, or the sacral needle kept from S1) in
 * the page's room: its channels join the cement ones, so its alarms reach the
 * banner and the log like every other.
 */
function cryoPanel(stepMin: number, nowMin: number): HTMLElement {
  const scenario = name === 'iliac' ? ILIAC : SACRAL;
  const cryo = new CryoSimulation(scenario, t0 + stepMin * 60_000);
  room.channels = [...room.channels, ...cryo.channels()];
  const panel = document.createElement('ir-iceball-curve');
  panel.procedure = scenario.procedure;
  panel.setAttribute('theme', document.documentElement.dataset.theme ?? 'dark');
  cryoSource(cryo, { speed, fromMs: (nowMin - stepMin) * 60_000 }).subscribe((x) => room.room.push(x));
  return panel;
}

/**
 * The embolisation step's dose gauge: the angiography system's dose report from the step's
 * start to its end (the first minutes of a long embolisation) in the page's room.
 */
function dosePanel(stepMin: number, endMin: number, nowMin: number): HTMLElement {
  const dose = longEmbolisation(t0 + stepMin * 60_000);
  const durationMs = (endMin - stepMin) * 60_000;
  room.channels = [...room.channels, ...doseChannels(undefined, undefined, lang)];
  const panel = document.createElement('ir-dose-gauge');
  panel.setAttribute('theme', document.documentElement.dataset.theme ?? 'dark');
  const step = { durationMs, between: (a: number, b: number) => dose.between(a, Math.min(b, durationMs)) };
  playScript(step, { speed, fromMs: Math.max(0, (nowMin - stepMin) * 60_000) }).subscribe((x) => room.room.push(x));
  return panel;
}

showSteps();
setInterval(() => {
  // Watching an edge, the procedure's clock is its data's.
  if (watching) lastT = room.room.store(plan.pressureChannel)?.lastT || lastT;
  showSteps();
}, 250);

document.querySelector<HTMLSelectElement>('#scenario')!.value = name;
restartOn(['scenario']);
