import { expect } from '@esm-bundle/chai';
import { DOSE_CHANNEL_IDS, Y90_CHANNEL_IDS, doseChannels, y90Channels } from '../../src/models/dose/channels.js';
import { decayed } from '../../src/models/dose/y90.js';
import { DoseEngine, RadioembolisationEngine, longEmbolisation, resinStasis } from '../../src/streams/dose/index.js';
import { TelemetryRoom } from '../../src/streams/room/room.js';
import { dataEpoch } from '../kit/clock.js';

const MIN = 60_000;
const T0 = dataEpoch(2 * 3_600_000);

/** Plays a script into a room a second at a time, up to `toMs`. */
function play(room: TelemetryRoom, s: { between(a: number, b: number): unknown[] }, fromMs: number, toMs: number) {
  for (let a = fromMs; a < toMs; a += 1000) for (const x of s.between(a, Math.min(toMs, a + 1000))) room.push(x as never);
}

describe('DoseEngine on the long embolisation', () => {
  it('crosses 3, 4 and 5 Gy at the data times the script gives by hand (43:00, 56:00, 69:30), peak skin dose at 73:30', () => {
    const room = new TelemetryRoom();
    room.setChannels(doseChannels());
    const engine = room.engine('dose', (r) => new DoseEngine(r))!;
    const script = longEmbolisation(T0);
    play(room, script, 0, script.durationMs + 1000);
    const at = (ms: number) => T0 + ms;
    expect(engine.current.crossings.map((c) => [c.gy, c.t - T0, c.substantial, c.quantity])).to.deep.equal([
      [3, 43 * MIN, false, 'kar'],
      [4, 56 * MIN, false, 'kar'],
      [5, 69.5 * MIN, true, 'kar'],
      // 0.58 x Ka,r reaches 3 Gy when Ka,r reaches 5.1724 Gy: 5.04 Gy at 70:00, 5.16 Gy after its 3 min of fluoroscopy, 5.28 Gy with the run at 73:30.
      [3, 73.5 * MIN, true, 'psd'],
    ]);
    expect(at(0)).to.equal(T0);
    expect(room.eventsOf(DOSE_CHANNEL_IDS.kar)!.items.map((e) => `${e.text}@${(e.t - T0) / 1000}`)).to.deep.equal(['3 Gy@2580', '4 Gy@3360', '5 Gy substantial@4170']);
    const present = room.manager.present.value.map((a) => `${a.rule.priority} ${a.rule.message.en}`);
    expect(present, 'one step notification at a time, the substantial levels stay').to.have.members([
      'me Reference air kerma 5 Gy: substantial radiation dose level, plan patient follow-up',
      'me Peak skin dose 3 Gy: substantial radiation dose level, plan patient follow-up',
    ]);
    // 5.4 Gy at 75:00; the last minute holds one 0.12 Gy run (74:30): 120 mGy/min, 6 Gy 5 min away at that rate.
    expect(engine.current.karGy).to.be.closeTo(5.4, 1e-6);
    expect(engine.current.rateGyPerMin).to.be.closeTo(0.12, 1e-6);
    expect(room.store(DOSE_CHANNEL_IDS.rate)!.lastV, 'the derived rate channel (mGy/min)').to.be.closeTo(120, 1e-3);
    expect(engine.current.nextGy).to.equal(6);
    expect(engine.current.toNextMs).to.be.closeTo(5 * MIN, 10);
    room.close();
  });

  it('takes mGy and µGy·m² as exact conversions and refuses a dose it cannot convert, by name', () => {
    const room = new TelemetryRoom();
    room.setChannels([
      { id: 'kar', label: 'Ka,r', unit: 'mGy', intervalMs: 1000, range: [0, 50_000] },
      { id: 'kap', label: 'KAP', unit: 'uGy.m2', intervalMs: 1000, range: [0, 1e7] },
    ]);
    const engine = room.engine('dose', (r) => new DoseEngine(r))!;
    room.push({ channel: 'kar', t: Float64Array.of(T0), v: Float32Array.of(3000) });
    room.push({ channel: 'kap', t: Float64Array.of(T0), v: Float32Array.of(25_000) });
    expect(engine.current.karGy).to.equal(3);
    expect(engine.current.kapGyCm2).to.equal(250);
    expect(engine.current.crossings.map((c) => c.gy)).to.deep.equal([3]);
    room.close();
  });

  it('runs on when no panel is there, and a second room fed the same agrees exactly', () => {
    const rooms = [new TelemetryRoom(), new TelemetryRoom()];
    const script = longEmbolisation(T0);
    for (const room of rooms) {
      room.setChannels(doseChannels());
      room.engine('dose', (r) => new DoseEngine(r));
      play(room, script, 0, 60 * MIN);
    }
    expect(JSON.stringify(rooms[1].engine('dose'))).to.equal(JSON.stringify(rooms[0].engine('dose')));
    rooms.forEach((r) => r.close());
  });
});

describe('RadioembolisationEngine on the resin case with stasis', () => {
  it('decays the vial to the treatment, flags the stall after 60 s without progress, and the deviation once the residual is measured', () => {
    const room = new TelemetryRoom();
    room.setChannels(y90Channels());
    const engine = room.engine('y90', (r) => new RadioembolisationEngine(r))!;
    const script = resinStasis(T0);
    engine.configure(script.plan!);
    const ids = () => room.manager.present.value.map((a) => a.rule.id).sort();
    expect(ids(), 'LSF 8 %, planned lung dose 49.67 x 1.6 x 0.08 = 6.4 Gy: nothing to say').to.deep.equal([]);
    play(room, script, 0, 24.5 * MIN);
    expect(engine.current!.phase).to.equal('injecting');
    expect(engine.current!.balance.availableGBq, 'the vial holds the prescription at 10 min').to.be.closeTo(1.6 * decayed(1, T0 + 10 * MIN, T0 + 24.5 * MIN), 1e-3);
    play(room, script, 24.5 * MIN, 26 * MIN);
    expect(engine.current!.phase).to.equal('stalled');
    expect(ids()).to.deep.equal(['y90:stalled']);
    play(room, script, 26 * MIN, script.durationMs + 1000);
    const b = engine.current!.balance;
    expect(engine.current!.phase).to.equal('done');
    // 24 % of the vial's activity left behind: delivered is 76 % of what the vial held at the measurement.
    expect(b.deliveredGBq / b.availableGBq).to.be.closeTo(0.76, 1e-4);
    expect(b.deviation).to.be.closeTo(0.76 * decayed(1, T0 + 10 * MIN, b.at) - 1, 1e-4);
    expect(ids(), 'the stall ended with the injection; the deviation is high').to.deep.equal(['y90:deviation']);
    expect(room.manager.present.value[0].rule.message.en).to.match(/^Delivered activity 1\.2\d GBq, -2\d% from the 1\.60 GBq prescribed$/);
    expect(room.store(Y90_CHANNEL_IDS.deviation)!.lastV).to.be.closeTo(b.deviation * 100, 1e-3);
    room.close();
  });

  it('judges the lung shunt and the planned lung dose before the injection starts', () => {
    const room = new TelemetryRoom();
    room.setChannels(y90Channels());
    const engine = room.engine('y90', (r) => new RadioembolisationEngine(r))!;
    engine.configure({ product: 'glass', prescribedGBq: 3, vialGBq: 3, calibratedAt: T0, lsf: 0.24 });
    const present = room.manager.present.value.map((a) => a.rule.message.en).sort();
    // 49.67 Gy·kg/GBq x 3 GBq x 0.24 / 1 kg = 35.8 Gy.
    expect(present).to.deep.equal(['Lung shunt fraction 24%, above 20%: treatment contraindicated', 'Planned lung dose 35.8 Gy, above 30 Gy (Injected)']);
    room.close();
  });
});
