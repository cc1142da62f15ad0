import '../src/components/telemetry.js';
import '../src/components/trend.js';
import '../src/components/alarm-banner.js';
import '../src/components/alarm-log.js';
import { AlarmManager } from '../src/streams/alarm-manager.js';
import type { AlarmRule } from '../src/models/alarm-rules.js';
import { share } from 'rxjs';
import { simulatedSource } from '../src/streams/simulated.js';

// Probe tip during a freeze: falls towards about -140 Cel (needle tips stabilise
// near -140 to -150 Cel, DOMAIN.md 1.2, Cryobiology 2025).
const start = Date.now();
const probe = (t: number) => -140 + 177 * Math.exp(-(t - start) / 20000) + Math.sin(t / 700);

const room = document.querySelector('ir-telemetry')!;
// A thermosensor near a nerve drifts down towards the 10 Cel protection limit
// (keep juxtaneural temperature between 10 and 45 Cel, Sag & Husain 2022, DOMAIN.md 1.5).
// In this scenario it crosses that limit about 45 s in: watch, acknowledge, pause.
const nerve = (t: number) => 37 - 32 * (1 - Math.exp(-(t - start) / 25000)) + 0.3 * Math.sin(t / 2000);
const source = simulatedSource(
  [
    { channel: 'probe', f: probe },
    { channel: 'nerve', f: nerve },
  ],
  { t0: start },
).pipe(share());
const channels = [
  { id: 'probe', label: 'Probe tip', unit: 'Cel', intervalMs: 10, range: [-200, 150] as const },
  { id: 'nerve', label: 'Nerve sensor', unit: 'Cel', intervalMs: 10, range: [-200, 150] as const },
];
room.channels = channels;
room.source = source;
const out = document.querySelector<HTMLOutputElement>('#probe')!;
const state = document.querySelector('#state')!;
const fmt = new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
room.addEventListener('ir-connection-state', () => (state.textContent = room.state));
source.subscribe((b) => {
  if (b.channel === 'probe') out.value = fmt.format(b.v[b.v.length - 1]);
});

const trend = document.querySelector('ir-trend')!;
// Juxtaneural protection limit: keep above 10 Cel (Sag & Husain 2022, DOMAIN.md 1.5 and 7.2).
trend.limits = [{ channel: 'nerve', below: 10 }];
trend.markers = [{ t: start, label: 'Freeze 1' }];

// Alarms: juxtaneural temperature below 10 Cel, high priority, latching (DOMAIN.md 7.2).
const rules: AlarmRule[] = [
  {
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
];
const manager = new AlarmManager(rules, channels);
manager.connect(source);
const lang = document.documentElement.lang.startsWith('fr') ? 'fr' : 'en';
const banner = document.querySelector('ir-alarm-banner')!;
const log = document.querySelector('ir-alarm-log')!;
manager.present.subscribe((present) => {
  banner.alarms = present.map(({ rule, state }) => ({
    id: rule.id,
    priority: rule.priority,
    kind: rule.kind,
    message: rule.message[lang],
    presence: state.presence === 'off' ? 'on' : state.presence,
    onset: state.onset,
  }));
  trend.alarm = present.find((a) => a.rule.channel === 'nerve' || a.rule.channel === 'probe')?.rule.priority;
});
setInterval(() => (banner.audio = { state: manager.system.value.audio.mode, remainingMs: manager.pauseRemainingMs().audio }), 500);
banner.addEventListener('ir-alarm-acknowledge', (e) => manager.command({ type: 'acknowledge', id: e.alarmId }));
banner.addEventListener('ir-alarm-audio-pause', () => manager.command({ type: 'pause-audio' }));
manager.changes.subscribe(({ rule, state, t }) => {
  const c = rule.condition;
  log.record({
    id: rule.id,
    priority: rule.priority,
    kind: rule.kind,
    message: rule.message[lang],
    onset: state.onset,
    acknowledged: state.presence === 'ack' ? t : undefined,
    ended: state.active ? undefined : t,
    value: state.valueAtOnset,
    limit: c.kind === 'above' || c.kind === 'below' ? c.limit : undefined,
    unit: channels.find((ch) => ch.id === rule.channel)?.unit,
  });
});
