// One simulated temperature map arriving per animation frame into ir-thermal-map, through its
// public API (.source): validation, colour mapping, CEM43 and Arrhenius accumulation, two
// isotherms and the lethal-dose contour, drawn, with one pixel read back from the canvas inside
// the timed frame so the raster counts. Then our three contours alone, and d3-contour computing
// the same three contours on the same grid (the peer), in the same run.
import { Subject } from 'rxjs';
// @ts-expect-error d3-contour ships no types and only this benchmark uses it; its one call is typed below.
import { contours as untypedContours } from 'd3-contour';
import '../src/components/thermal-map.js';
import type { GridFrame } from '../src/models/channel.js';
import { ContourBuffer, ThermalAccumulator } from '../src/models/thermal/index.js';
import { LIVER_RF, ThermalSimulation } from '../src/streams/thermal/index.js';
import type { RoomInput } from '../src/streams/room/room.js';
import { environment } from './kit/environment.js';
import { timePanel } from './kit/frame-timer.js';
import { describe, median, p95, round } from './kit/stats.js';
import { dataEpoch } from '../test/kit/clock.js';

/** The part of d3-contour's API used here. */
interface D3Contours {
  size(s: [number, number]): D3Contours;
  thresholds(t: number[]): D3Contours;
  (values: ArrayLike<number>): unknown[];
}
const d3Contours = untypedContours as unknown as () => D3Contours;
const stage = document.querySelector<HTMLElement>('#stage')!;
const T0 = dataEpoch();

/** Maps of the liver RF scenario from 3 to 6 min in (MR noise, fat masked): isotherms and a dose front present. */
function maps(resolution: number, count: number): GridFrame[] {
  const sim = new ThermalSimulation({ resolution, t0: T0, consoleHz: 1, rateHz: 1, seed: 3 });
  const out: GridFrame[] = [];
  sim.advanceTo(180, () => {});
  sim.advanceTo(180 + count, (x) => 'kind' in x && out.push(x));
  return out.slice(-count);
}

async function panelFrames(resolution: number, frames: number): Promise<number[]> {
  const source = new Subject<RoomInput>();
  const el = document.createElement('ir-thermal-map');
  el.style.width = '900px';
  el.channels = [{ id: 'thermal-map', label: 'Map', unit: 'Cel', intervalMs: 1000, range: [-20, 200] }];
  el.tumour = LIVER_RF.tumour;
  el.structures = LIVER_RF.structures;
  el.source = source;
  stage.append(el);
  await el.updateComplete;
  const pool = maps(resolution, 60);
  let t = T0;
  const times = await timePanel({ warmUp: 20, frames }, el, (f) => source.next({ ...pool[f % pool.length], t: (t += 1000) }));
  const ms = times.ms;
  el.remove();
  console.log(describe(`ir-thermal-map ${resolution}`, ms));
  return ms;
}

/** Dose after the scenario's first minutes, for the dose contour. */
function doseField(resolution: number): { temperature: Float32Array; dose: Float64Array } {
  const pool = maps(resolution, 60);
  const acc = new ThermalAccumulator(pool[0]);
  pool.forEach((m, k) => acc.add({ ...m, t: T0 + k * 1000 }));
  return { temperature: pool[pool.length - 1].data, dose: acc.cem43 };
}

function timeRepeated(runs: number, f: () => void): number[] {
  const ms: number[] = [];
  for (let r = 0; r < runs + 5; r++) {
    const start = performance.now();
    f();
    if (r >= 5) ms.push(performance.now() - start);
  }
  return ms;
}

const p256 = await panelFrames(256, 300);
const p128 = await panelFrames(128, 300);
const { temperature, dose } = doseField(256);
const buffers = [new ContourBuffer(), new ContourBuffer(), new ContourBuffer()];
let segments = 0;
const ours = timeRepeated(100, () => {
  buffers[0].trace(temperature, 256, 256, 50);
  buffers[1].trace(temperature, 256, 256, 60);
  buffers[2].trace(dose, 256, 256, 240);
  segments = buffers[0].count + buffers[1].count + buffers[2].count;
});
// d3-contour wants plain numbers: the copies are made once, outside the timing.
const tArray = Array.from(temperature);
const dArray = Array.from(dose);
const iso = d3Contours().size([256, 256]).thresholds([50, 60]);
const lethal = d3Contours().size([256, 256]).thresholds([240]);
let rings = 0;
const d3 = timeRepeated(30, () => {
  rings = iso(tArray).length + lethal(dArray).length;
});
console.log(`contours 256: ours ${round(median(ours))} ms (${segments} segments), d3-contour ${round(median(d3))} ms (${rings} multipolygons)`);

window.benchResult = {
  ...(await environment()),
  rasterIncluded: true,
  p95FrameMs_256: round(p95(p256)),
  medianFrameMs_256: round(median(p256)),
  p95FrameMs_128: round(p95(p128)),
  medianFrameMs_128: round(median(p128)),
  contourMs_256: round(median(ours)),
  d3ContourMs_256: round(median(d3)),
  contourSpeedupVsD3_256: round(median(d3) / median(ours), 1),
};
