// ir-thermal-map on a page as a hospital builds it: ir-telemetry declaring every channel
// the liver RF simulation sends (the map, console readings, thermocouples) and the
// structure channels the panel's default alarm rules need, so the rules are accepted and
// the derived channels published (both checked: a refused rule or refused data fails
// the run). Each timed frame takes one second of the simulation (a map, 10 console
// readings), made before timing: validation, colour mapping, CEM43 and Arrhenius
// accumulation, two isotherms and the lethal-dose contour, the derived channels, drawn,
// with one pixel read back from the canvas inside the timed frame so the raster counts.
// Then the three contours alone against the same marching squares as d3-contour's
// without its stitching (unjoined segments both: like for like), and d3-contour itself,
// which also joins, orients and nests rings (a reference, not a speed-up), in one run.
// @ts-expect-error d3-contour ships no types and only this benchmark uses it; its one call is typed below.
import { contours as untypedContours } from 'd3-contour';
import '../src/components/thermal-map.js';
import type { IrThermalMap } from '../src/components/thermal-map/thermal-map.js';
import type { RoomInput } from '../src/streams/room/room.js';
import { ContourBuffer, ThermalAccumulator, structureChannelIds } from '../src/models/thermal/index.js';
import type { GridFrame } from '../src/models/channel.js';
import { LIVER_RF, THERMAL_SIM_IDS, ThermalSimulation, thermalSimChannels } from '../src/streams/thermal/index.js';
import { environment } from './kit/environment.js';
import { telemetryPage } from './kit/feed.js';
import { timePanel, timeSteps } from './kit/frame-timer.js';
import { describe, figures, frameStats, round, speedups } from './kit/stats.js';
import { MarchingSquares } from './peers/marching-squares.js';
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
/** From 3 min into the scenario: isotherms and a dose front present. */
const FROM_S = 180;
const RUN = { warmUp: 20, frames: 300 };

/** What the simulation sends in each second from FROM_S on (MR noise, fat masked), one array a frame. */
function seconds(resolution: number, count: number): RoomInput[][] {
  const sim = new ThermalSimulation({ resolution, t0: T0, consoleHz: 10, rateHz: 1, seed: 3 });
  sim.advanceTo(FROM_S, () => {});
  return Array.from({ length: count }, (_, f) => {
    const items: RoomInput[] = [];
    sim.advanceTo(FROM_S + f + 1, (x) => items.push(x));
    return items;
  });
}

/** Everything a page would be told of that is not normal: refused rules and refused data. */
const refusals: string[] = [];
stage.addEventListener('ir-config-error', (e) => refusals.push(`config error: ${e.detail.message}`));
stage.addEventListener('ir-technical', ({ detail: d }) => d.type === 'technical' && refusals.push(`refused on ${d.channel}: ${d.reason}`));

async function panelFrames(resolution: number): Promise<number[]> {
  const el = document.createElement('ir-thermal-map') as IrThermalMap;
  el.style.width = '900px';
  el.channel = THERMAL_SIM_IDS.map;
  el.tumour = LIVER_RF.tumour;
  el.structures = LIVER_RF.structures;
  el.thermocouples = LIVER_RF.thermocouples.map((tc) => ({ channel: tc.id, label: tc.label, positionMm: tc.positionMm }));
  const page = await telemetryPage(stage, thermalSimChannels(LIVER_RF, 1, 10), [el]);
  const frames = seconds(resolution, RUN.warmUp + RUN.frames);
  const times = await timePanel(RUN, el, (f) => {
    for (const x of frames[f]) page.source.next(x);
  });
  // The derived channels were published: the page's room holds their samples.
  const derived = LIVER_RF.structures.flatMap((s) => Object.values(structureChannelIds(THERMAL_SIM_IDS.map, s)));
  const missing = derived.filter((id) => !page.telemetry.room.store(id)?.length);
  page.remove();
  if (refusals.length || missing.length) throw new Error(`thermal bench: less than a user's frame was done (${[...refusals.slice(0, 5), ...missing.map((id) => `nothing published on ${id}`)].join('; ')})`);
  console.log(describe(`ir-thermal-map ${resolution}`, times.ms));
  return times.ms;
}

/** Temperature and dose after the scenario's first minutes, for the contours alone. */
function fields(resolution: number): { temperature: Float32Array; dose: Float64Array } {
  const maps = seconds(resolution, 60).flatMap((items) => items.filter((x): x is GridFrame => 'kind' in x && x.kind === 'grid'));
  const acc = new ThermalAccumulator(maps[0]);
  maps.forEach((m) => acc.add(m));
  return { temperature: maps[maps.length - 1].data, dose: acc.cem43 };
}

/** Three contours (isotherms 50 and 60 °C, lethal dose 240 CEM43) by a tracer with ours' interface. */
function traceThree(tracers: (ContourBuffer | MarchingSquares)[], temperature: Float32Array, dose: Float64Array): number {
  tracers[0].trace(temperature, 256, 256, 50);
  tracers[1].trace(temperature, 256, 256, 60);
  tracers[2].trace(dose, 256, 256, 240);
  return tracers.reduce((n, t) => n + t.count, 0);
}

const p256 = frameStats(await panelFrames(256));
const p128 = frameStats(await panelFrames(128));
const { temperature, dose } = fields(256);
const CONTOUR_RUN = { warmUp: 5, frames: 100 };
const ours = [new ContourBuffer(), new ContourBuffer(), new ContourBuffer()];
const peer = [new MarchingSquares(), new MarchingSquares(), new MarchingSquares()];
let ourSegments = 0;
let peerSegments = 0;
const oursMs = await timeSteps(CONTOUR_RUN, () => void (ourSegments = traceThree(ours, temperature, dose)));
const peerMs = await timeSteps(CONTOUR_RUN, () => void (peerSegments = traceThree(peer, temperature, dose)));
// d3-contour wants plain numbers: the copies are made once, outside the timing.
const tArray = Array.from(temperature);
const dArray = Array.from(dose);
const iso = d3Contours().size([256, 256]).thresholds([50, 60]);
const lethal = d3Contours().size([256, 256]).thresholds([240]);
let multipolygons = 0;
const d3Ms = await timeSteps({ warmUp: 5, frames: 30 }, () => void (multipolygons = iso(tArray).length + lethal(dArray).length));
const [o, p, d] = [frameStats(oursMs), frameStats(peerMs), frameStats(d3Ms)];
console.log(`contours 256, unjoined segments: ours median ${round(o.median)} ms, p95 ${round(o.p95)} ms (${ourSegments}); d3's marching squares median ${round(p.median)} ms, p95 ${round(p.p95)} ms (${peerSegments})`);
console.log(`d3-contour, joined rings (reference): median ${round(d.median)} ms, p95 ${round(d.p95)} ms (${multipolygons} multipolygons)`);

window.benchResult = {
  ...(await environment()),
  rasterIncluded: true,
  channelsDeclared: thermalSimChannels(LIVER_RF, 1, 10).length,
  timedFrames: RUN.frames,
  ...figures('', p256, '_256'),
  ...figures('', p128, '_128'),
  contourComparison: "ours against d3-contour's marching squares without stitching: unjoined segments both",
  ...figures('contour', o, '_256'),
  contourSegments_256: ourSegments,
  ...figures('marchingSquaresD3', p, '_256'),
  marchingSquaresD3Segments_256: peerSegments,
  ...speedups('MarchingSquaresD3', o, p, '_256'),
  ...figures('d3ContourJoinedRings', d, '_256'),
};
