// Evaluates 100 rules (limits, bands and rates, plus the default stale and invalid
// technical rules of each channel) over 16 channels at 1 kHz, one 16.7 ms frame at a time.
import { AlarmManager } from '../src/streams/alarm-manager.js';
import type { AlarmRule } from '../src/models/alarm-rules.js';
import type { ChannelDescriptor, SampleBatch } from '../src/models/channel.js';
import { environment } from './kit/environment.js';
import { median, p95, round } from './kit/stats.js';

const CHANNELS = 16;
const RULES = 100;
const PER_FRAME = 17;
const FRAMES = 20_000;

const channels: ChannelDescriptor[] = Array.from({ length: CHANNELS }, (_, c) => ({ id: `c${c}`, label: `c${c}`, unit: 'Cel', intervalMs: 1, range: [-1e3, 1e3] }));
const rules: AlarmRule[] = Array.from({ length: RULES }, (_, r) => ({
  id: `r${r}`,
  channel: `c${r % CHANNELS}`,
  condition: [
    { kind: 'above', limit: 15 + (r % 7) },
    { kind: 'below', limit: -15 - (r % 5) },
    { kind: 'outside', low: -18, high: 18 },
    // The sine below changes by up to ~1700 units/min: a limit it crosses both ways.
    { kind: 'rate', perMin: r % 2 ? 1000 : -1000, windowMs: 1000 },
  ][r % 4] as AlarmRule['condition'],
  priority: (['hi', 'me', 'lo'] as const)[r % 3],
  kind: 'phy',
  onsetDelayMs: 50 * (r % 4),
  hysteresis: 0.5,
  latching: r % 2 === 0,
  message: { en: `rule ${r}`, fr: `règle ${r}` },
}));
const manager = new AlarmManager(rules, channels);
let changes = 0;
manager.changes.subscribe(() => changes++);
// Values swing across the limits every few seconds, so conditions really raise and end.
const batches: SampleBatch[] = channels.map((c) => ({ channel: c.id, t: new Float64Array(PER_FRAME), v: new Float32Array(PER_FRAME) }));
// performance.now() is coarsened to 0.1 ms here: time blocks of frames, report per frame.
const BLOCK = 100;
const ms: number[] = [];
let start = performance.now();
for (let f = 0; f < FRAMES; f++) {
  for (let c = 0; c < CHANNELS; c++)
    for (let k = 0; k < PER_FRAME; k++) {
      const i = f * PER_FRAME + k;
      batches[c].t[k] = i;
      batches[c].v[k] = 20 * Math.sin(i / (700 + 53 * c));
    }
  for (const b of batches) manager.ingest(b);
  if ((f + 1) % BLOCK === 0) {
    ms.push((performance.now() - start) / BLOCK);
    start = performance.now();
  }
}
console.log(`alarms: ${changes} presence changes`);
console.log(`alarms: median ${round(median(ms), 4)} ms, p95 ${round(p95(ms), 4)} ms per frame (blocks of ${BLOCK}) over ${FRAMES} frames`);
window.benchResult = {
  ...(await environment()),
  msPerFrame_100rules_16ch_1kHz: round(median(ms), 4),
  p95BlockMsPerFrame_100rules_16ch_1kHz: round(p95(ms), 4),
};
