import '../src/components/telemetry.js';
import { share } from 'rxjs';
import { simulatedSource } from '../src/streams/simulated.js';

// Probe tip during a freeze: falls towards about -140 Cel (needle tips stabilise
// near -140 to -150 Cel, DOMAIN.md 1.2, Cryobiology 2025).
const start = Date.now();
const probe = (t: number) => -140 + 177 * Math.exp(-(t - start) / 20000) + Math.sin(t / 700);

const room = document.querySelector('ir-telemetry')!;
const source = simulatedSource([{ channel: 'probe', f: probe }], { t0: start }).pipe(share());
room.source = source;
const out = document.querySelector<HTMLOutputElement>('#probe')!;
const state = document.querySelector('#state')!;
const fmt = new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
room.addEventListener('ir-connection-state', () => (state.textContent = room.state));
source.subscribe((b) => {
  if (b.channel === 'probe') out.value = fmt.format(b.v[b.v.length - 1]);
});
