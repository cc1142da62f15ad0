import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import '../../src/components/thermal-map.js';
import '../../src/components/telemetry.js';
import type { IrThermalMap } from '../../src/components/thermal-map/thermal-map.js';
import type { ChannelDescriptor, GridFrame } from '../../src/models/channel.js';
import { pixelsOf } from '../../src/models/thermal/coverage.js';
import { rasterise } from '../../src/models/thermal/shapes.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { LIVER_RF, THERMAL_SIM_IDS, ThermalSimulation, thermalSimChannels, type ThermalEngine } from '../../src/streams/thermal/index.js';
import { drawn, fixture } from '../kit/fixture.js';
import { dataEpoch } from '../kit/clock.js';

const T0 = dataEpoch();
// At 64 x 64 the duct's hottest pixel reaches 44 °C: a 43 °C limit makes its temperature alarm fire after half-way (about 400 s).
const limits = { structureC: 43, structureWarnCem43: 60, structureLethalCem43: 240 };
const half = LIVER_RF.durationS / 2;
const isGrid = (x: RoomInput): x is GridFrame => 'kind' in x && x.kind === 'grid';
/** The scenario's channels without the structure channels: the engine declares those. */
const channels = thermalSimChannels(LIVER_RF).filter((d) => !d.id.startsWith(`${THERMAL_SIM_IDS.map}.`));

function panel(parent: HTMLElement) {
  return fixture(
    'ir-thermal-map',
    (el) => {
      el.style.width = '400px';
      el.channel = THERMAL_SIM_IDS.map;
      el.tumour = LIVER_RF.tumour;
      el.marginMm = LIVER_RF.marginMm;
      el.structures = LIVER_RF.structures;
      el.limits = limits;
    },
    parent,
  );
}

async function telemetry() {
  const source = new Subject<RoomInput>();
  const t = await fixture('ir-telemetry', (t) => {
    t.procedures = 'thermal';
    t.channels = channels;
    t.source = source;
  });
  const onsets = new Map<string, number>();
  t.room.manager.changes.subscribe((c) => c.state.presence !== 'off' && !onsets.has(c.rule.id) && onsets.set(c.rule.id, c.t - T0));
  return { t, source, onsets, engine: () => t.room.engine<ThermalEngine>('thermal')! };
}

describe('the thermal engine behind ir-thermal-map', function () {
  // A 12-minute simulation stepped in full on a shared machine: mocha's limit, not a timed assertion.
  this.timeout(120_000);

  it('goes on with every panel removed half-way: alarms on time, derived channels published; a panel attached again shows what one that stayed shows', async () => {
    const kept = await telemetry();
    const removed = await telemetry();
    const stays = await panel(kept.t);
    let gone: IrThermalMap | undefined = await panel(removed.t);
    const sim = new ThermalSimulation({ scenario: 'liver-rf', t0: T0, resolution: 64, seed: 3 });
    let mask: Int32Array | undefined;
    let hot: number | undefined;
    let since = NaN;
    const step = (x: RoomInput) => {
      if (isGrid(x)) {
        mask ??= pixelsOf(rasterise(LIVER_RF.structures[0].shape, x));
        // Above the limit (1 °C below once above) for the 2 s onset delay.
        const hottest = Math.max(...Array.from(mask, (i) => x.data[i]));
        since = hottest > limits.structureC - (Number.isNaN(since) ? 0 : 1) ? (Number.isNaN(since) ? x.t : since) : NaN;
        if (hot === undefined && x.t - since >= 2000) hot = x.t - T0;
      }
      kept.source.next(x);
      removed.source.next(x);
    };
    sim.advanceTo(half, step);
    gone.remove();
    gone = undefined;
    sim.advanceTo(LIVER_RF.durationS, step);
    expect(hot, 'the duct passes the limit after half-way').to.be.greaterThan(half * 1000);
    const ductMax = `${THERMAL_SIM_IDS.map}.duct.max`;
    expect(removed.onsets.get(`${ductMax}:hot`), 'alarm with no panel on screen').to.equal(hot);
    expect(kept.onsets.get(`${ductMax}:hot`)).to.equal(hot);
    const last = T0 + LIVER_RF.durationS * 1000;
    expect(removed.t.room.store(ductMax)!.lastT, 'derived channel still published').to.equal(last);
    expect(removed.t.room.store(`${THERMAL_SIM_IDS.map}.duct.cem43`)!.lastT).to.equal(last);

    const again = await panel(removed.t);
    await drawn(again);
    await drawn(stays);
    expect(again.coverage).to.deep.equal(stays.coverage);
    expect(again.coverage!.fraction).to.be.greaterThan(0.5);
    expect(again.structureStates).to.deep.equal(stays.structureStates);
    const centre = [40, 40] as const;
    expect(again.valuesAt(centre)).to.deep.equal(stays.valuesAt(centre));
    expect(again.alarm, 'the structure alarm frames the panel').to.equal('me');
    expect(stays.alarm).to.equal('me');
    expect(JSON.stringify(removed.engine()), 'the two rooms agree exactly').to.equal(JSON.stringify(kept.engine()));
    kept.t.remove();
    removed.t.remove();
  });

  it('re-measures when isotherms and the lethal criterion change in one update', async () => {
    const make = async (lethal: 'cem43' | 'omega') => {
      const source = new Subject<RoomInput>();
      const map: ChannelDescriptor = { id: 'map', label: 'Map', unit: 'Cel', intervalMs: 1000, range: [-20, 200] };
      const el = await fixture('ir-thermal-map', (el) => {
        el.channels = [map];
        el.source = source;
        el.lethalDose = lethal;
        el.tumour = { kind: 'circle', centreMm: [24, 24], radiusMm: 20 };
        el.marginMm = 0;
      });
      // 90 s at 50 °C: 192 CEM43 (2^7 min a minute), short of 240; Ω past 1 (liver reaches it in about a minute at 50 °C).
      const data = new Float32Array(48 * 48).fill(50);
      for (const s of [0, 90]) source.next({ kind: 'grid', channel: 'map', t: T0 + s * 1000, width: 48, height: 48, spacingMm: [1, 1], originMm: [0, 0], data });
      await drawn(el);
      return el;
    };
    const el = await make('cem43');
    const before = el.coverage!.covered;
    el.isotherms = [55];
    el.lethalDose = 'omega';
    await drawn(el);
    const omega = await make('omega');
    expect(el.coverage).to.deep.equal(omega.coverage);
    expect(el.coverage!.covered).to.not.equal(before);
    el.remove();
    omega.remove();
  });
});
