// A page's room in a Web Worker (`ir-monitor/worker`): the engines and the one alarm
// manager there, the page's panels drawing what it posts. A real Worker running src/worker.ts.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { Subject } from 'rxjs';
import '../../src/components/telemetry.js';
import '../../src/components/thermal-map.js';
import '../../src/components/cement-gauge.js';
import '../../src/components/iceball-curve.js';
import type { IrTelemetry } from '../../src/components/telemetry/telemetry.js';
import type { ChannelDescriptor, GridFrame } from '../../src/models/channel.js';
import type { AlarmRule } from '../../src/models/alarm-rules.js';
import { cementChannels } from '../../src/models/cement/plan.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { RemoteEngine } from '../../src/streams/engines/remote-engine.js';
import { encodeWireLine } from '../../src/models/wire.js';
import type { ThermalState } from '../../src/streams/thermal/thermal-engine.js';
import type { AlarmChange } from '../../src/streams/alarm-manager.js';
import { CryoSimulation, RENAL } from '../../src/sim.js';
import { probeCoolingId } from '../../src/models/cryo/cryo-alarms.js';
import { T0 as CRYO_T0, play } from '../components/iceball-helpers.js';
import { TWO_LEVELS } from '../kit/cement-plan.js';
import { dataEpoch } from '../kit/clock.js';
import { fixture, waitUntil } from '../kit/fixture.js';
import { scriptUrl } from '../kit/script-url.js';

const workers: Worker[] = [];
const roomWorker = () => {
  const w = new Worker(scriptUrl(new URL('../../src/worker.ts', import.meta.url)), { type: 'module' });
  workers.push(w);
  return w;
};
afterEach(() => workers.splice(0).forEach((w) => w.terminate()));

const T0 = dataEpoch(60_000);
const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] };
const cold: AlarmRule = { id: 'cold', channel: 'probe', condition: { kind: 'below', limit: -40 }, priority: 'hi', kind: 'phy', onsetDelayMs: 0, hysteresis: 1, latching: true, message: { en: 'Probe below -40 °C', fr: 'Sonde sous -40 °C' } };
const batch = (from: number, v: number[]): RoomInput => ({ channel: 'probe', t: Float64Array.from(v, (_, i) => T0 + (from + i) * 100), v: Float32Array.from(v) });

async function telemetry(setup: (t: IrTelemetry) => void) {
  const source = new Subject<RoomInput>();
  const errors: string[] = [];
  const technical: { reason?: string; detail?: string; channel?: string | null }[] = [];
  const tele = await fixture('ir-telemetry', (t) => {
    t.worker = roomWorker();
    t.source = source;
    t.addEventListener('ir-config-error', (e) => errors.push(e.detail.message));
    t.addEventListener('ir-technical', (e) => technical.push(e.detail as (typeof technical)[number]));
    setup(t);
  });
  return { tele, source, errors, technical };
}

describe('a room in a Worker', () => {
  it('decides the alarms there on the rules given here; the page shows them and its acknowledgement is carried out there', async () => {
    const { tele, source } = await telemetry((t) => {
      t.channels = [probe];
      t.rules = [cold];
    });
    source.next(batch(0, [10, 0, -20]));
    await waitUntil(() => (tele.room.store('probe')?.length ?? 0) === 3, 'the samples validated there, then here');
    expect(tele.manager.present.value).to.deep.equal([]);
    source.next(batch(3, [-45, -50]));
    await waitUntil(() => tele.manager.present.value[0]?.state.presence === 'on', "the Worker's alarm shown here");
    const [alarm] = tele.manager.present.value;
    expect(alarm.rule.id).to.equal('cold');
    expect(alarm.rule.message.en).to.equal('Probe below -40 °C');
    const acted: string[] = [];
    tele.manager.actions.subscribe((a) => acted.push(`${a.action} by ${a.who}`));
    tele.manager.command({ type: 'acknowledge', id: 'cold', occurrence: alarm.state.occurrence });
    await waitUntil(() => tele.manager.present.value[0]?.state.presence === 'ack', 'acknowledged there, shown here');
    expect(acted).to.include(`acknowledge by ${tele.viewer}`);
    tele.remove();
  });

  it('moved in the page (a framework re-parenting it), follows the same Worker with the same rules: one alarm, acknowledged there, nothing refused', async () => {
    const { tele, source, errors } = await telemetry((t) => {
      t.channels = [probe];
      t.rules = [cold];
    });
    source.next(batch(0, [10]));
    await waitUntil(() => (tele.room.store('probe')?.length ?? 0) === 1, 'followed before the move');
    const parent = document.createElement('section');
    document.body.append(parent);
    parent.append(tele);
    source.next(batch(1, [-45]));
    await waitUntil(() => tele.manager.present.value[0]?.state.presence === 'on', "the Worker's alarm shown after the move");
    expect(tele.room.store('probe')?.length, 'every sample once').to.equal(2);
    expect(tele.manager.present.value.map((a) => a.rule.id)).to.deep.equal(['cold']);
    const [alarm] = tele.manager.present.value;
    tele.manager.command({ type: 'acknowledge', id: 'cold', occurrence: alarm.state.occurrence });
    await waitUntil(() => tele.manager.present.value[0]?.state.presence === 'ack', 'acknowledged there after the move');
    tele.rules = [];
    await waitUntil(() => tele.manager.present.value.every((a) => a.retired), 'the rule removed there after the move');
    expect(errors).to.deep.equal([]);
    parent.remove();
  });

  it('removed from the page and added back later, shows what its Worker holds, every sample once', async () => {
    const { tele, source } = await telemetry((t) => {
      t.channels = [probe];
      t.rules = [cold];
    });
    source.next(batch(0, [10, 11]));
    await waitUntil(() => (tele.room.store('probe')?.length ?? 0) === 2, 'followed before it was removed');
    const parent = tele.parentElement!;
    tele.remove();
    // Past the microtask in which a removal lets go.
    await Promise.resolve();
    parent.append(tele);
    source.next(batch(2, [-45]));
    await waitUntil(() => tele.manager.present.value[0]?.state.presence === 'on', "the Worker's alarm shown once back");
    await waitUntil(() => tele.room.store('probe')?.lastV === -45, 'the sample given while back');
    const values: number[] = [];
    tele.room.store('probe')!.forEach((_, v) => values.push(v));
    expect(values).to.deep.equal([10, 11, -45]);
    tele.remove();
  });

  it('names a rule it refuses and a procedure it does not know, and the page stays up', async () => {
    const { tele, source, errors } = await telemetry((t) => {
      t.channels = [probe];
      t.procedures = 'no-such-procedure';
      t.rules = [{ ...cold, id: 'elsewhere', channel: 'absent' }];
    });
    await waitUntil(() => errors.length === 2, () => `both refused (${errors.join(' | ')})`);
    expect(errors.find((m) => m.includes("'no-such-procedure'"))).to.contain("no procedure 'no-such-procedure' in the room's Worker");
    expect(errors.find((m) => m.includes('elsewhere'))).to.contain('absent');
    source.next(batch(0, [1, 2]));
    await waitUntil(() => (tele.room.store('probe')?.length ?? 0) === 2, 'data still followed');
    tele.remove();
  });

  it('accumulates large maps there: the panel here draws the coverage the Worker measured, reduced as the Worker said', async function () {
    this.timeout(60_000);
    const SIZE = 2048;
    const map: ChannelDescriptor = { id: 'map', label: 'MR thermometry', unit: 'Cel', intervalMs: 200, range: [-20, 200] };
    const { tele, source, technical } = await telemetry((t) => {
      t.procedures = 'thermal';
      t.channels = [map];
    });
    const el = await fixture(
      'ir-thermal-map',
      (el) => {
        el.style.width = '300px';
        el.channel = 'map';
        el.tumour = { kind: 'circle', centreMm: [51.2, 51.2], radiusMm: 10 };
        el.marginMm = 0;
      },
      tele,
    );
    const engine = tele.room.engine<RemoteEngine<unknown, ThermalState>>('thermal')!;
    expect(engine, 'the engine here is a copy of the one there').to.be.instanceOf(RemoteEngine);
    const r2 = (15 / 0.05) ** 2;
    for (let k = 0; k < 3; k++) {
      const data = new Float32Array(SIZE * SIZE);
      for (let i = 0; i < data.length; i++) data[i] = 37 + (((i % SIZE) - SIZE / 2) ** 2 + (Math.floor(i / SIZE) - SIZE / 2) ** 2 < r2 ? 40 : 0) + ((i * 7919) % 13) * 0.01;
      const f: GridFrame = { kind: 'grid', channel: 'map', t: Date.now() + k, width: SIZE, height: SIZE, spacingMm: [0.05, 0.05], originMm: [0, 0], data };
      source.next(f);
    }
    await waitUntil(() => engine.current?.maps === 3, () => `3 maps accumulated there (${engine.current?.maps})`, 50_000);
    expect(engine.current!.reducedBy).to.equal(2);
    expect(engine.current!.geometry?.width).to.equal(1024);
    expect(technical.filter((d) => d.reason === 'reduced').map((d) => d.detail)).to.deep.equal([`${SIZE} x ${SIZE} map accumulated as 1024 x 1024 (2 x 2 block means)`]);
    await waitUntil(() => (el.coverage?.fraction ?? 0) > 0, 'the coverage drawn here');
    expect(el.coverage!.fraction).to.equal(engine.current!.coverage!.fraction);
    tele.remove();
  });

  it("carries an engine's outputs: the cement gauge here tells a falling volume the Worker found", async () => {
    const { tele, source } = await telemetry((t) => {
      t.channels = cementChannels(TWO_LEVELS);
    });
    const gauge = await fixture('ir-cement-gauge', (el) => (el.plan = TWO_LEVELS), tele);
    const found: string[] = [];
    gauge.addEventListener('ir-cement-technical', (e) => found.push(`${e.detail.channel} ${e.detail.reason}`));
    source.next({ type: 'event', channel: 'cement', t: T0, kind: 'mix', text: '' });
    source.next({ channel: 'vol-T12', t: Float64Array.of(T0 + 1000), v: Float32Array.of(3) });
    source.next({ channel: 'vol-T12', t: Float64Array.of(T0 + 1020), v: Float32Array.of(0.5) });
    await waitUntil(() => found.length > 0, 'the finding told here');
    expect(found).to.deep.equal(['vol-T12 volume-decreased']);
    await waitUntil(() => gauge.record?.totalMl === 3, 'the record there, the last valid total');
    tele.remove();
  });

  it('freezes as the page would: the same alarms at the same data times, the same ice ball drawn', async () => {
    const MIN = 60_000;
    const sim = new CryoSimulation(RENAL, CRYO_T0, { probeNotCooling: { probe: 'p1', from: 0 } });
    const source = new Subject<RoomInput>();
    const rooms = await Promise.all(
      [true, false].map((inWorker) =>
        fixture('ir-telemetry', (t) => {
          if (inWorker) t.worker = roomWorker();
          t.channels = sim.channels();
          t.procedures = 'cryo';
          t.source = source;
        }),
      ),
    );
    const panels = await Promise.all(rooms.map((t) => fixture('ir-iceball-curve', (el) => ((el.style.cssText = 'position: fixed; inset: 0 auto auto 0; width: 900px'), (el.procedure = RENAL.procedure)), t)));
    const onsets = rooms.map(() => new Map<string, number>());
    rooms.forEach((t, k) => t.manager.changes.subscribe((c: AlarmChange) => c.state.presence === 'on' && !onsets[k].has(c.rule.id) && onsets[k].set(c.rule.id, c.t)));
    play(sim, (x) => source.next(x), 0, sim.freezeStartMs + 4 * MIN);
    const [inWorker, onPage] = onsets;
    await waitUntil(() => inWorker.has(probeCoolingId('p1')), 'the probe not cooling, decided in the Worker');
    await waitUntil(() => panels[0].status?.now === panels[1].status?.now, 'both panels at the last second played', 20_000);
    expect(inWorker.get(probeCoolingId('p1'))).to.equal(CRYO_T0 + sim.freezeStartMs + 2 * MIN);
    expect([...inWorker]).to.deep.equal([...onPage]);
    panels.forEach((el) => el.requestUpdate());
    await Promise.all(panels.map((el) => el.updateComplete));
    expect(JSON.stringify(panels[0].status)).to.equal(JSON.stringify(panels[1].status));
    expect(panels[0].status!.isotherms[0].estimatedMm, 'an ice ball drawn').to.be.above(5);
    rooms.forEach((t) => t.remove());
  });

  it('a panel that started its engine before the Worker was given (a page setting it after its panels upgrade) follows the Worker\'s engine', async () => {
    const map: ChannelDescriptor = { id: 'map', label: 'MR thermometry', unit: 'Cel', intervalMs: 1000, range: [-20, 200] };
    const source = new Subject<RoomInput>();
    // As a page's module sets its properties: the elements upgraded and attached first, in the same task.
    const tele = document.createElement('ir-telemetry');
    const el = document.createElement('ir-thermal-map');
    el.channel = 'map';
    el.tumour = { kind: 'circle', centreMm: [16, 16], radiusMm: 5 };
    tele.append(el);
    document.body.append(tele);
    const early = tele.room.engine('thermal');
    tele.worker = roomWorker();
    tele.channels = [map];
    tele.source = source;
    await tele.updateComplete;
    const data = new Float32Array(64 * 64).fill(80);
    // Two maps a second apart: the dose of the second second at 80 °C is lethal.
    const t = Date.now();
    for (const dt of [0, 1000]) source.next({ kind: 'grid', channel: 'map', t: t + dt, width: 64, height: 64, spacingMm: [0.5, 0.5], originMm: [0, 0], data });
    await waitUntil(() => (el.coverage?.fraction ?? 0) > 0, 'the coverage drawn');
    const engine = tele.room.engine('thermal');
    expect(engine, "the panel's engine now the Worker's copy").to.be.instanceOf(RemoteEngine);
    expect(early === undefined || early !== engine, 'no engine kept here').to.equal(true);
    expect(tele.manager.present.value.filter((a) => a.rule.id.includes('stale'))).to.deep.equal([]);
    tele.remove();
  });

  it('says so when its Worker does not start, and shows the room closed', async () => {
    const errors: string[] = [];
    const tele = await fixture('ir-telemetry', (t) => {
      // A module that is not there (a wrong URL, a policy refusing it).
      t.worker = new Worker(scriptUrl(new URL('../../src/no-such-worker.js', import.meta.url)), { type: 'module' });
      t.channels = [probe];
      t.addEventListener('ir-config-error', (e) => errors.push(e.detail.message));
    });
    await waitUntil(() => errors.length > 0, 'the failure said');
    expect(errors).to.deep.equal(["the room's Worker did not start: its module did not load (its URL, or the page's Content-Security-Policy)"]);
    await waitUntil(() => tele.state === 'closed', 'the room shown closed');
    tele.remove();
  });

  describe('on a gateway, connected from the Worker', () => {
    const samples = (seq: number, from: number, v: number[]) => encodeWireLine({ type: 'samples', channel: 'probe', seq, unit: 'Cel', t: Float64Array.from(v, (_, i) => T0 + (from + i) * 100), v: Float32Array.from(v) });
    afterEach(() => Promise.all([executeServerCommand('ws-close-all'), executeServerCommand('sse-close-all')]));

    it("over a WebSocket: the alarm decided there, the page's acknowledgement sent on to the gateway as this viewer's", async () => {
      const port = await executeServerCommand<number, unknown>('ws-port');
      const tele = await fixture('ir-telemetry', (t) => {
        t.worker = roomWorker();
        t.viewer = 'console-7';
        t.channels = [probe];
        t.rules = [cold];
        t.src = `ws://127.0.0.1:${port}`;
      });
      await waitUntil(async () => (await executeServerCommand<number, unknown>('ws-clients')) === 1, "the Worker's socket open");
      await executeServerCommand('ws-received');
      await executeServerCommand('ws-send', { lines: [samples(0, 0, [10, -45, -50])] });
      await waitUntil(() => tele.manager.present.value[0]?.state.presence === 'on', 'the alarm shown');
      expect(tele.state).to.equal('live');
      const { occurrence } = tele.manager.present.value[0].state;
      tele.manager.command({ type: 'acknowledge', id: 'cold', occurrence });
      let sent: { type?: string; origin?: string; command?: { type?: string; id?: string } }[] = [];
      await waitUntil(async () => {
        sent = [...sent, ...(await executeServerCommand<string[], unknown>('ws-received')).map((l) => JSON.parse(l))];
        return sent.some((m) => m.type === 'command');
      }, 'the acknowledgement at the gateway');
      expect(sent.filter((m) => m.type === 'command').map((m) => [m.origin, m.command?.type, m.command?.id])).to.deep.equal([['console-7', 'acknowledge', 'cold']]);
      await waitUntil(() => tele.manager.present.value[0]?.state.presence === 'ack', 'acknowledged here too');
      tele.remove();
    });

    it('over Server-Sent Events: samples taken, a bad line and a repeat reported on the page', async () => {
      const technical: string[] = [];
      const tele = await fixture('ir-telemetry', (t) => {
        t.worker = roomWorker();
        t.channels = [probe];
        t.src = `${location.origin}/sse`;
        t.addEventListener('ir-technical', (e) => technical.push('reason' in e.detail ? String(e.detail.reason) : e.detail.type));
      });
      await waitUntil(async () => (await executeServerCommand<number, unknown>('sse-clients')) > 0, "the Worker's event source open");
      await executeServerCommand('sse-send', { lines: [samples(0, 0, [10, 11]), samples(1, 2, [12]), 'not json', samples(1, 2, [12])] });
      await waitUntil(() => tele.room.store('probe')?.length === 3, 'three samples');
      await waitUntil(() => technical.includes('malformed-json') && technical.includes('duplicate'), () => `the bad line and the repeated seq reported (${technical.join(', ')})`);
      tele.remove();
    });
  });
});
