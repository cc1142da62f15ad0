// ir-dose-gauge and ir-activity-gauge updating at 10 Hz beside the busiest other panel, an
// ir-trend of 16 channels at 1 kHz (noise, spikes, gaps), all in one ir-telemetry fed
// through its public source: one animation frame's worth of data per frame, made before
// timing; each timed frame ends with flushFrames(), the Lit updates it caused and a pixel
// read back from every canvas of the three panels (the raster counts).
import '../src/components/trend.js';
import '../src/components/dose-gauge.js';
import '../src/components/activity-gauge.js';
import { doseChannels, y90Channels } from '../src/models/dose/channels.js';
import { longEmbolisation, resinStasis } from '../src/streams/dose/scenarios.js';
import type { RoomInput } from '../src/streams/room/room.js';
import { environment } from './kit/environment.js';
import { feed, frameBatches, telemetryPage } from './kit/feed.js';
import { canvasesOf, timePanel } from './kit/frame-timer.js';
import { Signals } from './kit/signals.js';
import { describe, figures, frameStats, median, round } from './kit/stats.js';
import { dataEpoch } from '../test/kit/clock.js';

const FRAME_MS = 1000 / 60;
const GAUGE_HZ = 10;
const T0 = dataEpoch();
const trendSignals = new Signals({ channels: 16, rateHz: 1000, t0: T0 });
const embolisation = longEmbolisation(T0);
const y90 = resinStasis(T0);

const trend = document.createElement('ir-trend');
trend.channel = trendSignals.descriptors().map((c) => c.id).join(' ');
trend.window = 60;
const dose = document.createElement('ir-dose-gauge');
const activity = document.createElement('ir-activity-gauge');
activity.plan = y90.plan!;
const page = await telemetryPage(document.querySelector('#stage')!, [...trendSignals.descriptors(), ...doseChannels(), ...y90Channels()], [dose, activity, trend]);

/** The gauges' samples at 10 Hz: the scripts' values (a second apart) held between their seconds, so each gauge updates at 10 Hz. */
function gaugeBatches(fromMs: number, toMs: number): RoomInput[] {
  const out: RoomInput[] = [];
  for (let ms = Math.ceil(fromMs / (1000 / GAUGE_HZ)) * (1000 / GAUGE_HZ); ms < toMs; ms += 1000 / GAUGE_HZ) {
    const second = Math.floor(ms / 1000) * 1000;
    for (const s of [embolisation, y90])
      for (const x of s.between(second, second + 1)) if ('v' in x) out.push({ channel: x.channel, t: Float64Array.of(T0 + ms), v: x.v.map((v) => v + ((ms - second) / 1000) * 1e-3) });
  }
  return out;
}

// A minute of trend data and of both procedures' first 12 minutes (the injection under way), then frames.
const START_MS = 12 * 60_000;
feed(page.source, trendSignals, 0, 60_000);
for (const x of gaugeBatches(0, START_MS)) page.source.next(x);
const RUN = { warmUp: 30, frames: 600 };
const perFrame = Math.round(FRAME_MS);
const trendFrames = frameBatches(trendSignals, 60_000, RUN.warmUp + RUN.frames, perFrame);
const gaugeFrames = Array.from({ length: RUN.warmUp + RUN.frames }, (_, f) => gaugeBatches(START_MS + f * FRAME_MS, START_MS + (f + 1) * FRAME_MS));
const times = await timePanel(RUN, page.telemetry, (f) => {
  for (const b of trendFrames[f]) page.source.next(b);
  for (const b of gaugeFrames[f]) page.source.next(b);
});
console.log(describe('two dose gauges at 10 Hz beside ir-trend 16 ch at 1 kHz', times.ms));
const canvases = canvasesOf(page.telemetry).length;
// The same frames again with the gauges gone: what the trend costs alone, so the gauges' share shows.
dose.remove();
activity.remove();
const next = RUN.warmUp + RUN.frames;
const trendAloneFrames = frameBatches(trendSignals, 60_000 + next * perFrame, RUN.warmUp + RUN.frames, perFrame);
const alone = await timePanel(RUN, page.telemetry, (f) => {
  for (const b of trendAloneFrames[f]) page.source.next(b);
});
console.log(describe('ir-trend 16 ch at 1 kHz alone', alone.ms));
window.benchResult = {
  ...(await environment()),
  rasterIncluded: true,
  canvases,
  timedFrames: times.ms.length,
  ...figures('', frameStats(times.ms), '_doseGauges_beside_trend16'),
  ...figures('', frameStats(alone.ms), '_trend16_alone'),
  gaugesShareMedianMs: round(median(times.ms) - median(alone.ms)),
  readBackMedianMs: round(median(times.readBackMs)),
};
