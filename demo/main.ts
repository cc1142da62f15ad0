import '../src/components/telemetry.js';
import '../src/components/trend.js';
import { share } from 'rxjs';
import { simulatedSource } from '../src/streams/simulated.js';

// Probe tip during a freeze: falls towards about -140 Cel (needle tips stabilise
// near -140 to -150 Cel, DOMAIN.md 1.2, Cryobiology 2025).
const start = Date.now();
const probe = (t: number) => -140 + 177 * Math.exp(-(t - start) / 20000) + Math.sin(t / 700);

const room = document.querySelector('ir-telemetry')!;
// A thermosensor near a nerve drifts down towards the 10 Cel protection limit
// (keep juxtaneural temperature between 10 and 45 Cel, Sag & Husain 2022, DOMAIN.md 1.5).
const nerve = (t: number) => 37 - 25 * (1 - Math.exp(-(t - start) / 60000)) + 0.3 * Math.sin(t / 2000);
const source = simulatedSource(
  [
    { channel: 'probe', f: probe },
    { channel: 'nerve', f: nerve },
  ],
  { t0: start },
).pipe(share());
room.channels = [
  { id: 'probe', label: 'Probe tip', unit: 'Cel', intervalMs: 10, range: [-200, 150] },
  { id: 'nerve', label: 'Nerve sensor', unit: 'Cel', intervalMs: 10, range: [-200, 150] },
];
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
