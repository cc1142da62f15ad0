// Evaluates 100 rules (limits, bands and rates, plus the default stale and invalid
// technical rules of each channel) over 16 channels at 1 kHz, one 16.7 ms frame of
// samples at a time. Realistic signals from the bench kit (slow waves, sensor noise,
// spikes, gaps), made before timing; each frame timed alone (5 µs timer, cross-origin
// isolated). A model, no canvas: nothing is drawn, so nothing is read back.
import { AlarmManager } from '../src/streams/alarm-manager.js';
import type { AlarmRule } from '../src/models/alarm-rules.js';
import { environment } from './kit/environment.js';
import { frameBatches } from './kit/feed.js';
import { timeSteps } from './kit/frame-timer.js';
import { Signals } from './kit/signals.js';
import { figures, frameStats, round } from './kit/stats.js';
import { dataEpoch } from '../test/kit/clock.js';

const CHANNELS = 16;
const RULES = 100;
const PER_FRAME = 17;
/** 10 s of data to warm up (onset delays, rate windows), then a minute timed. */
const RUN = { warmUp: 600, frames: 3600 };

const signals = new Signals({ channels: CHANNELS, rateHz: 1000, t0: dataEpoch() });
const channels = signals.descriptors();
// Limits where each channel's signal goes (centre 37 + 3c, swing 10 + c, see signals.ts):
// the slow wave crosses them every few tens of seconds, noise and spikes more often.
const centre = (c: number) => 37 + 3 * c;
const swing = (c: number) => 10 + c;
const rules: AlarmRule[] = Array.from({ length: RULES }, (_, r) => {
  const c = r % CHANNELS;
  const condition: AlarmRule['condition'][] = [
    { kind: 'above', limit: centre(c) + (0.6 + 0.05 * (r % 7)) * swing(c) },
    { kind: 'below', limit: centre(c) - (0.6 + 0.05 * (r % 5)) * swing(c) },
    { kind: 'outside', low: centre(c) - 0.8 * swing(c), high: centre(c) + 0.8 * swing(c) },
    // The wave alone changes by up to about 19 swings a minute: steep stretches with noise, and spikes, exceed 30.
    { kind: 'rate', perMin: (r % 2 ? 1 : -1) * 30 * swing(c), windowMs: 1000 },
  ];
  const rate = r % 4 === 3;
  return {
    id: `r${r}`,
    channel: `c${c}`,
    condition: condition[r % 4],
    priority: (['hi', 'me', 'lo'] as const)[r % 3],
    kind: 'phy',
    onsetDelayMs: 50 * (r % 4),
    // Four noise standard deviations (0.05 swing each), as a rule set against chatter would have.
    hysteresis: rate ? 0.5 : 0.2 * swing(c),
    latching: r % 2 === 0,
    message: { en: `rule ${r}`, fr: `règle ${r}` },
  };
});
const manager = new AlarmManager(rules, channels);
let changes = 0;
manager.changes.subscribe(() => changes++);
const frames = frameBatches(signals, 0, RUN.warmUp + RUN.frames, PER_FRAME);
const ms = await timeSteps(RUN, (f) => frames[f].forEach((b) => manager.ingest(b)));
const stats = frameStats(ms);
console.log(`alarms: ${changes} presence changes; median ${round(stats.median, 4)} ms, p95 ${round(stats.p95, 4)} ms per frame over ${RUN.frames} frames`);
if (!changes) throw new Error('alarm bench: no alarm rose or ended, so the rules were not exercised');
window.benchResult = {
  ...(await environment()),
  signals: 'slow waves, 5% noise, spikes, gaps; seeded',
  timedFrames: RUN.frames,
  presenceChanges: changes,
  ...figures('', stats, '_100rules_16ch_1kHz'),
};
