import 'ir-monitor/components/telemetry.js';
import 'ir-monitor/components/pulse-trace.js';
import 'ir-monitor/components/alarm-banner.js';
import 'ir-monitor/components/alarm-log.js';
import { Subject, map, merge, share } from 'rxjs';
import { encodeBinaryFrame, pulseChannels, waveformChannel } from 'ir-monitor/models';
import { hepaticEct, ire, procedureSource, wireEncoder, wireInput, type WireChunk } from 'ir-monitor/sim';
import { lang, pageSettings, params, restartOn, speedOr } from './page-settings.js';

// `?scenario=ect|ect-5khz|ire&speed=10&lang=fr&theme=light`. The simulated generator's output is
// encoded as a gateway sends it (NDJSON lines, binary waveform frames) and decoded again, so
// the page plays the wire format end to end.
const scenarioId = ['ect', 'ect-5khz', 'ire'].find((s) => s === params.get('scenario')) ?? 'ect';
const speed = speedOr((scenarioId === 'ire' ? 30 : 1));

const WORDS = {
  en: {
    subtitle: 'electroporation, simulated data', scenarioLabel: 'Scenario',
    ect: 'Hepatic ECT (7 needles, ECG-synchronised)', ect5: 'Hepatic ECT (7 needles, 5 kHz)', ire: 'IRE (4 probes, 6 pairs)',
    titles: { ect: 'Hepatic electrochemotherapy, seven needles, ECG-synchronised', 'ect-5khz': 'Hepatic electrochemotherapy, seven needles, 5 kHz', ire: 'Irreversible electroporation, four probes' },
    corrupt: 'Send a corrupt frame', connection: 'connection', refused: 'refused', pulses: 'Pulses', log: 'Alarm log',
    states: { connecting: 'connecting', live: 'live', stale: 'stale', reconnecting: 'reconnecting', closed: 'closed' },
  },
  fr: {
    subtitle: 'électroporation, données simulées', scenarioLabel: 'Scénario',
    ect: 'ECT hépatique (7 aiguilles, synchronisée ECG)', ect5: 'ECT hépatique (7 aiguilles, 5 kHz)', ire: 'IRE (4 électrodes, 6 paires)',
    titles: { ect: 'Électrochimiothérapie hépatique, sept aiguilles, synchronisée sur l’ECG', 'ect-5khz': 'Électrochimiothérapie hépatique, sept aiguilles, 5 kHz', ire: 'Électroporation irréversible, quatre électrodes' },
    corrupt: 'Envoyer une trame corrompue', connection: 'connexion', refused: 'refusés', pulses: 'Impulsions', log: 'Journal des alarmes',
    states: { connecting: 'en cours', live: 'en direct', stale: 'sans données', reconnecting: 'reconnexion', closed: 'fermée' },
  },
}[lang];
pageSettings(document.querySelector('#settings')!, speed, [1, 5, 10, 30, 60], WORDS);
document.querySelector('[data-text="title"]')!.textContent = WORDS.titles[scenarioId as keyof typeof WORDS.titles];

const scenario = scenarioId === 'ire' ? ire(Date.now()) : hepaticEct(Date.now(), scenarioId === 'ect-5khz' ? '5kHz' : 'ecg');
const channels = pulseChannels(scenario.layout);
const unitOf = new Map(channels.map((c) => [c.id, c.unit]));

// The gateway: the generator's output on the wire, plus the trainer's corrupt frames.
const encode = wireEncoder((id) => unitOf.get(id) ?? '');
const faults = new Subject<WireChunk>();
const wire = merge(procedureSource(scenario, { speed }).pipe(map(encode)), faults);
const refusedOut = document.querySelector<HTMLOutputElement>('#refused')!;
let refusals = 0;
const source = wireInput(wire, (r) => {
  refusedOut.value = `${++refusals} (${r.detail})`;
}).pipe(share());

const room = document.querySelector('ir-telemetry')!;
room.channels = channels;
room.source = source;

const panel = document.querySelector('ir-pulse-trace')!;
panel.layout = scenario.layout;
panel.protocol = scenario.protocol;
panel.addEventListener('ir-pulse-refused', (e) => (refusedOut.value = `${++refusals} (${e.detail.detail})`));

// A frame whose length disagrees with its header: refused whole and named; nothing else lost.
document.querySelector('#corrupt')!.addEventListener('click', () => {
  const pair = scenario.layout.pairs[0].id;
  const good = encodeBinaryFrame({ kind: 'waveform', channel: waveformChannel('V', pair), seq: 0, t0: Date.now(), sampleRateHz: 1e6, data: new Float32Array(100) });
  faults.next(good.slice(0, good.byteLength - 40));
});

const state = document.querySelector('#state')!;
room.addEventListener('ir-connection-state', () => (state.textContent = WORDS.states[room.state]));

document.querySelector<HTMLSelectElement>('#scenario')!.value = scenarioId;
restartOn(['scenario']);
// A refused rule or configuration names itself in the console, for whoever set the page up.
for (const el of [room, panel]) el.addEventListener('ir-config-error', (e) => console.error(e.detail.message));
