import { expect } from '@esm-bundle/chai';
import { VirtualTimeScheduler, toArray, lastValueFrom } from 'rxjs';
import type { GridFrame, SampleBatch, TelemetryEvent } from '../../src/models/channel.js';
import { ThermalAccumulator, coverage, pixelsOf, rasterise } from '../../src/models/thermal/index.js';
import { LIVER_MW_VESSEL, THERMAL_SIM_IDS, ThermalSimulation, thermalSimChannels, thermalSimulatedSource, thermalWorkerSource } from '../../src/sim.js';
import { dataEpoch } from '../kit/clock.js';
import { scriptUrl } from '../kit/script-url.js';

const T0 = dataEpoch();
type Sent = GridFrame | SampleBatch | TelemetryEvent;
const isGrid = (x: Sent): x is GridFrame => !('type' in x) && 'kind' in x;
const isBatch = (x: Sent): x is SampleBatch => !('type' in x) && !('kind' in x);

describe('thermal simulation', () => {
  it('produces the lethal zones its documentation states at 12 min: liver RF 25 mm by 240 CEM43 and 30 mm by Ω = 1, each within 2 mm', function () {
    // 12 min of simulated ablation: seconds of computing, more on a loaded machine.
    this.timeout(120_000);
    const sim = new ThermalSimulation({ t0: T0, consoleHz: 1, rateHz: 1, resolution: 128 });
    let acc: ThermalAccumulator | undefined;
    sim.advanceTo(12 * 60, (x) => {
      if (!isGrid(x)) return;
      acc ??= new ThermalAccumulator(x);
      acc.add(x);
    });
    const across = (field: Float64Array, level: number) => {
      let n = 0;
      for (const v of field) if (v >= level) n++;
      return 2 * Math.sqrt((n * acc!.geometry.spacingMm[0] ** 2) / Math.PI);
    };
    expect(across(acc!.cem43, 240)).to.be.closeTo(25, 2);
    expect(across(acc!.omega, 1)).to.be.closeTo(30, 2);
  });

  it('sends maps at the configured rate and resolution, in order, of one geometry, with console telemetry', () => {
    const sim = new ThermalSimulation({ rateHz: 4, resolution: 256, t0: T0 });
    const out: Sent[] = [];
    sim.advanceTo(2, (x) => out.push(x));
    const maps = out.filter(isGrid);
    expect(maps.map((m) => m.t - T0)).to.deep.equal([0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000]);
    expect(maps.every((m) => m.width === 256 && m.height === 256 && m.data.length === 256 * 256 && m.spacingMm[0] === 80 / 256)).to.equal(true);
    const channels = new Set(out.filter(isBatch).map((b) => b.channel));
    expect([...channels]).to.include.members([THERMAL_SIM_IDS.power, THERMAL_SIM_IDS.impedance, THERMAL_SIM_IDS.tip, THERMAL_SIM_IDS.elapsed, 'tc1', 'tc2']);
    expect(maps[0].data.some(Number.isNaN), 'fat is masked').to.equal(true);
  });

  it('reports the generator phase: ablate at the start, end once at the end of the ablation', () => {
    const sim = new ThermalSimulation({ t0: T0, consoleHz: 1, rateHz: 0.1 });
    const phases: TelemetryEvent[] = [];
    const collect = (x: Sent) => 'type' in x && phases.push(x);
    sim.advanceTo(60, collect);
    sim.advanceTo(12 * 60, collect);
    sim.advanceTo(13 * 60, collect);
    expect(phases.map((e) => [e.channel, e.kind, e.text, e.t - T0])).to.deep.equal([
      [THERMAL_SIM_IDS.power, 'phase', 'ablate', 0],
      [THERMAL_SIM_IDS.power, 'phase', 'end', 12 * 60_000],
    ]);
  });

  it('rolls off: impedance jumps past 180 Ohm and the generator stops, then resumes (liver RF)', () => {
    const sim = new ThermalSimulation({ t0: T0, consoleHz: 1, rateHz: 0.1 });
    const power: number[] = [];
    const impedance: number[] = [];
    const tip: number[] = [];
    sim.advanceTo(12 * 60, (x) => {
      if (!isBatch(x)) return;
      if (x.channel === THERMAL_SIM_IDS.power) power.push(x.v[0]);
      if (x.channel === THERMAL_SIM_IDS.impedance) impedance.push(x.v[0]);
      if (x.channel === THERMAL_SIM_IDS.tip) tip.push(x.v[0]);
    });
    const rollOff = impedance.findIndex((z) => z > 180);
    expect(rollOff).to.be.greaterThan(60);
    expect(power[rollOff + 2]).to.equal(0);
    expect(power.slice(rollOff + 2).some((p) => p > 50), 'power comes back').to.equal(true);
    expect(Math.max(...tip)).to.be.within(85, 105);
  });

  it('leaves the margin on the vessel side untreated until the antenna moves, then covers it (microwave near a vessel)', () => {
    const sim = new ThermalSimulation({ scenario: 'liver-mw-vessel', t0: T0, consoleHz: 1 });
    const acc = new ThermalAccumulator(sim.sim.geometry);
    const sc = LIVER_MW_VESSEL;
    const mask = rasterise(sc.tumour, sim.sim.geometry, sc.marginMm);
    const target = pixelsOf(mask);
    sim.advanceTo(6 * 60 - 1, (x) => isGrid(x) && acc.add(x));
    const before = coverage(acc, target, { kind: 'cem43', minutes: 240 });
    // Where the untreated target pixels are: on the vessel's side (x beyond the tumour centre).
    const g = sim.sim.geometry;
    let vesselSide = 0;
    let other = 0;
    for (let i = 0; i < mask.length; i++)
      if (mask[i] && acc.cem43[i] < 240) (g.originMm[0] + (i % g.width) * g.spacingMm[0] > 38 ? vesselSide++ : other++);
    expect(before.fraction).to.be.below(0.95);
    expect(vesselSide).to.be.greaterThan(2 * other);
    sim.advanceTo(12 * 60, (x) => isGrid(x) && acc.add(x));
    expect(coverage(acc, target, { kind: 'cem43', minutes: 240 }).fraction).to.be.at.least(0.99);
  });

  it('declares every channel it sends', () => {
    const sim = new ThermalSimulation({ scenario: 'liver-mw-vessel', t0: T0 });
    const ids = new Set(thermalSimChannels(LIVER_MW_VESSEL).map((c) => c.id));
    sim.advanceTo(1, (x) => expect(ids.has(x.channel), x.channel).to.equal(true));
  });

  it('plays on a scheduler, faster with speed, and completes (virtual time)', async () => {
    const clock = new VirtualTimeScheduler(undefined, 13 * 60_000);
    const items = lastValueFrom(thermalSimulatedSource({ t0: T0, speed: 60, resolution: 32, consoleHz: 1 }, clock).pipe(toArray()));
    clock.flush();
    const maps = (await items).filter((x): x is GridFrame => 'kind' in x && x.kind === 'grid');
    expect(maps).to.have.length(12 * 60 + 1);
    expect(maps[maps.length - 1].t - T0).to.equal(12 * 60_000);
  });

  it('runs in a Web Worker and sends the same maps, as binary frames', async () => {
    const options = { t0: T0, speed: 60, resolution: 64, seed: 7 };
    const worker = thermalWorkerSource(() => new Worker(scriptUrl(new URL('../../src/streams/thermal/thermal-worker.ts', import.meta.url)), { type: 'module' }), options);
    const first = await new Promise<GridFrame>((resolve, reject) => {
      const sub = worker.subscribe({
        next: (x) => {
          if ('kind' in x && x.kind === 'grid' && x.t > T0) {
            resolve(x as GridFrame);
            sub.unsubscribe();
          }
        },
        error: reject,
      });
    });
    const local = new ThermalSimulation(options);
    const maps: GridFrame[] = [];
    local.advanceTo((first.t - T0) / 1000, (x) => isGrid(x) && maps.push(x));
    const same = maps[maps.length - 1];
    expect(first.t).to.equal(same.t);
    expect([...first.data].map(String)).to.deep.equal([...same.data].map(String));
  });
});
