// The soak: the busiest demo page's procedure (thermal ablation: 128 x 128 maps and ten
// console channels from its simulator in a Web Worker, the map with its dose engine, two
// trends, the banner and the log, as demo/thermal.html mounts them) played at 60x for a
// given data time, back to back plays when it outlasts one (12 min). Heap measured after
// full collections (DevTools protocol) at the end of the warm-up and at the end, both
// while data flows; the longest frame is a figure, never asserted.
import { defer, repeat, share, takeWhile } from 'rxjs';
import '../../src/components/telemetry.js';
import '../../src/components/trend.js';
import '../../src/components/thermal-map.js';
import '../../src/components/alarm-banner.js';
import '../../src/components/alarm-log.js';
import { consoleRules } from '../../src/models/thermal/alarms.js';
import { SCENARIOS } from '../../src/streams/thermal/scenarios.js';
import { THERMAL_SIM_IDS, thermalSimChannels } from '../../src/streams/thermal/thermal-source.js';
import { thermalWorkerSource } from '../../src/streams/thermal/worker-source.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { liveBytes } from '../kit/memory.js';
import { waitUntil } from '../kit/fixture.js';
import { scriptUrl } from '../kit/script-url.js';

const SPEED = 60;
const MIN = 60_000;

export interface SoakFigures {
  scenario: string;
  dataMinutes: number;
  warmUpMinutes: number;
  speed: number;
  heapAfterWarmUpMB: number;
  heapAtEndMB: number;
  heapGrowthMB: number;
  /** Longest interval between two animation frames after the warm-up (ms). */
  longestFrameMs: number;
  /** Longest animation frame the browser reports after the warm-up (ms, Long Animation Frames API), when it has it. */
  longestAnimationFrameMs?: number;
  frames: number;
  /** Temperature maps the page took in (1 a second of data). */
  maps: number;
  wallSeconds: number;
}

const mb = (bytes: number) => Number((bytes / 2 ** 20).toFixed(2));

/**
 * What the page holds after several full collections: V8 drops the bytecode of functions
 * not run lately only after a few, so a single one at the warm-up still counts start-up
 * code that a later one would not, and hides as much growth.
 */
async function settledBytes(): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < 4; i++) bytes = await liveBytes();
  return bytes;
}
/** Data time of anything a source sends. */
const timeOf = (x: RoomInput): number => ('t0' in x ? x.t0 : typeof x.t === 'number' ? x.t : x.t[x.t.length - 1]);

/** Plays `minutes` of data at 60x with every panel of the thermal page mounted; heap after `warmUpMinutes` and at the end. */
export async function soak(minutes: number, warmUpMinutes: number): Promise<SoakFigures> {
  const id = 'liver-rf';
  const scenario = SCENARIOS[id];
  const playMs = scenario.durationS * 1000;
  const start = Date.now();
  let next = start;
  let dataT = start;
  const end = start + minutes * MIN;
  // One play after another, a second apart in data time; the page's Worker, as the demo makes it.
  const source = defer(() => {
    const t0 = next;
    next += playMs + 1000;
    const makeWorker = () => new Worker(scriptUrl(new URL('../../src/streams/thermal/thermal-worker.ts', import.meta.url)), { type: 'module' });
    return thermalWorkerSource(makeWorker, { scenario: id, speed: SPEED, resolution: 128, rateHz: 1, t0 });
  }).pipe(
    repeat(),
    takeWhile((x) => (dataT = Math.max(dataT, timeOf(x))) < end, true),
    share(),
  );

  const room = document.createElement('ir-telemetry');
  room.channels = thermalSimChannels(scenario, 1, 10);
  room.rules = consoleRules({ tip: THERMAL_SIM_IDS.tip }, scenario.modality);
  const map = document.createElement('ir-thermal-map');
  map.setAttribute('channel', THERMAL_SIM_IDS.map);
  Object.assign(map, {
    tumour: scenario.tumour,
    marginMm: scenario.marginMm,
    structures: scenario.structures,
    thermocouples: scenario.thermocouples.map((tc) => ({ channel: tc.id, label: tc.label, positionMm: tc.positionMm })),
    impedance: THERMAL_SIM_IDS.impedance,
    generator: [THERMAL_SIM_IDS.power, THERMAL_SIM_IDS.tip, THERMAL_SIM_IDS.elapsed, ...scenario.thermocouples.map((tc) => tc.id)],
  });
  const trend = (channels: string[]) => {
    const el = document.createElement('ir-trend');
    el.window = 240;
    el.setAttribute('channel', channels.join(' '));
    return el;
  };
  const generator = trend([THERMAL_SIM_IDS.power, THERMAL_SIM_IDS.impedance, THERMAL_SIM_IDS.elapsed]);
  const temperatures = trend([THERMAL_SIM_IDS.tip, ...scenario.thermocouples.map((tc) => tc.id)]);
  for (const el of [map, generator, temperatures]) el.style.cssText = 'display: block; width: 560px; height: 300px';
  room.append(document.createElement('ir-alarm-banner'), map, generator, temperatures, document.createElement('ir-alarm-log'));
  room.source = source;
  document.body.append(room);

  const frames = frameWatch();
  const t0 = performance.now();
  let finished = false;
  let maps = 0;
  const sub = source.subscribe({ next: (x) => 'width' in x && maps++, complete: () => (finished = true) });
  try {
    const budget = (m: number) => (m / SPEED) * 60_000 * 20;
    await waitUntil(() => dataT >= start + warmUpMinutes * MIN, `warm-up: ${warmUpMinutes} min of data`, budget(warmUpMinutes));
    const warm = await settledBytes();
    frames.start();
    await waitUntil(() => finished || dataT >= end, `${minutes} min of data`, budget(minutes));
    // Frames first: the forced collections below are no frame of the page's.
    const f = frames.stop();
    const last = await settledBytes();
    return {
      scenario: id,
      dataMinutes: minutes,
      warmUpMinutes,
      speed: SPEED,
      heapAfterWarmUpMB: mb(warm),
      heapAtEndMB: mb(last),
      heapGrowthMB: mb(last - warm),
      ...f,
      maps,
      wallSeconds: Math.round((performance.now() - t0) / 1000),
    };
  } finally {
    sub.unsubscribe();
    room.remove();
  }
}

/** Intervals between animation frames, and the Long Animation Frames the browser reports, between start() and stop(). */
function frameWatch() {
  let longest = 0;
  let count = 0;
  let handle = 0;
  let loaf = 0;
  let observer: PerformanceObserver | undefined;
  return {
    start() {
      let last = performance.now();
      const tick = (now: number) => {
        longest = Math.max(longest, now - last);
        last = now;
        count++;
        handle = requestAnimationFrame(tick);
      };
      handle = requestAnimationFrame(tick);
      if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
        observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) loaf = Math.max(loaf, e.duration);
        });
        observer.observe({ type: 'long-animation-frame' });
      }
    },
    stop(): Pick<SoakFigures, 'longestFrameMs' | 'longestAnimationFrameMs' | 'frames'> {
      cancelAnimationFrame(handle);
      observer?.disconnect();
      return { longestFrameMs: Math.round(longest), frames: count, ...(observer ? { longestAnimationFrameMs: Math.round(loaf) } : {}) };
    },
  };
}
