import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import '../../src/components/iceball-curve.js';
import '../../src/components/telemetry.js';
import type { AlarmChange } from '../../src/streams/alarm-manager.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { CryoEngine } from '../../src/streams/cryo/index.js';
import { CryoSimulation, RENAL, RENAL_NERVE_COLD_MS } from '../../src/sim.js';
import { coverageId, probeCoolingId, sensorTargetId } from '../../src/models/cryo/cryo-alarms.js';
import { drawn, fixture, waitUntil } from '../kit/fixture.js';
import { T0, play } from './iceball-helpers.js';

const MIN = 60_000;
const onAt = (changes: AlarmChange[], id: string) => changes.find((c) => c.rule.id === id && c.state.presence === 'on')?.t;

describe('ir-iceball-curve as a view of the cryo engine', () => {
  it('every panel removed half-way: the procedure goes on, each alarm on time; a panel attached again shows what one that stayed shows', async () => {
    const faults = { probeNotCooling: { probe: 'p1', from: 0 } };
    const sim = new CryoSimulation(RENAL, T0, faults);
    const source = new Subject<RoomInput>();
    const room = (procedures: string) =>
      fixture('ir-telemetry', (t) => {
        t.channels = sim.channels();
        t.procedures = procedures;
        t.source = source;
      });
    const [left, stayed] = [await room('cryo'), await room('')];
    const place = (telemetry: HTMLElement) =>
      fixture('ir-iceball-curve', (el) => {
        // Both on screen, one over the other (a panel off-screen does not draw).
        el.style.cssText = 'position: fixed; inset: 0 auto auto 0; width: 900px';
        el.procedure = RENAL.procedure;
      }, telemetry);
    const removed = await place(left);
    const kept = await place(stayed);
    const changes: AlarmChange[] = [];
    left.manager.changes.subscribe((c) => changes.push(c));
    play(sim, (x) => source.next(x), 0, MIN);
    removed.remove();
    expect(left.querySelector('ir-iceball-curve'), 'no panel left in the first room').to.equal(null);
    play(sim, (x) => source.next(x), MIN, sim.freezeStartMs + 10 * MIN + 5000);
    const freeze = T0 + sim.freezeStartMs;
    // 2 min of freeze without reaching -100 °C; the nerve sensor below 10 °C at 202.7 s plus 2 s of onset; the end of
    // freeze 1 (judged on the thaw event, stamped with the manager's latest sample, up to a second before).
    expect(onAt(changes, probeCoolingId('p1'))).to.equal(freeze + 2 * MIN);
    expect(onAt(changes, 'cryo:nerve:sensor.1.1')! - freeze).to.be.closeTo(RENAL_NERVE_COLD_MS + 2000, 1500);
    expect(onAt(changes, sensorTargetId('s2'))! - freeze).to.be.within(10 * MIN - 1000, 10 * MIN);
    // P1 warm: the CT measures the ice short of the target, judged at the end of the freeze too.
    expect(onAt(changes, coverageId)! - freeze).to.be.within(10 * MIN - 1000, 10 * MIN);
    const engine = left.room.engine<CryoEngine>('cryo')!;
    const state = engine.current;
    const again = await place(left);
    expect(engine.current, 'the same procedure again: the engine goes on, nothing replayed').to.equal(state);
    await waitUntil(() => again.status?.now === kept.status?.now, 'the panel attached again reads the engine');
    again.requestUpdate();
    kept.requestUpdate();
    await drawn(again);
    await drawn(kept);
    expect(JSON.stringify(again.status)).to.equal(JSON.stringify(kept.status));
    expect(again.status!.isotherms[0].estimatedMm, 'an ice ball drawn, not an empty state').to.be.above(10);
    expect(JSON.stringify(again.engine)).to.equal(JSON.stringify(kept.engine));
    const text = (el: Element) => el.shadowRoot!.querySelector('[part="summary"]')!.textContent;
    expect(text(again)).to.equal(text(kept));
    left.remove();
    stayed.remove();
  });

  it('a panel attached late, with no procedure of its own, shows the engine\'s, replaying nothing', async () => {
    const sim = new CryoSimulation(RENAL, T0);
    const source = new Subject<RoomInput>();
    const telemetry = await fixture('ir-telemetry', (t) => {
      t.channels = sim.channels();
      t.procedures = 'cryo';
      t.source = source;
    });
    // The procedure configured by code: the panel placed later needs none of its own.
    const engine = telemetry.room.engine<CryoEngine>('cryo')!;
    engine.configure({ procedure: RENAL.procedure });
    play(sim, (x) => source.next(x), 0, 20 * MIN);
    const before = engine.current;
    const el = await fixture('ir-iceball-curve', (el) => (el.style.width = '900px'), telemetry);
    await drawn(el);
    expect(el.engine).to.equal(engine);
    // The old panel rebuilt its tracker from a sorted copy of every stored sample; the engine's state is read as it is.
    expect(engine.current, 'nothing replayed, no new snapshot').to.equal(before);
    expect(el.status!.phase.kind).to.equal('freeze');
    expect(el.shadowRoot!.querySelector('.phase')!.textContent).to.equal('Freeze 2');
    telemetry.remove();
  });
});
