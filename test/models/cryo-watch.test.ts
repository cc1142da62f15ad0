import { expect } from '@esm-bundle/chai';
import { CryoWatch } from '../../src/models/cryo/cryo-watch.js';
import { FreezeClock, parseProbeState } from '../../src/models/cryo/freeze-clock.js';
import { PhaseLog } from '../../src/models/cryo/phase-log.js';
import { DEFAULT_PROTOCOL } from '../../src/models/cryo/procedure.js';
import { IceShrinkCheck, colderThanTips } from '../../src/models/cryo/questionable.js';
import { coverageId, probeCoolingId, sensorTargetId, supplyLowId } from '../../src/models/cryo/cryo-alarms.js';

const MIN = 60_000;

describe('cryo watch', () => {
  it('flags a probe in freeze not below -100 °C after 2 min, and ends when it gets there', () => {
    const w = new CryoWatch();
    w.probeState('p1', 0, 'freeze');
    w.tip('p1', 119_000, -60);
    expect(w.active().has(probeCoolingId('p1'))).to.equal(false);
    w.time(120_000);
    expect(w.active().has(probeCoolingId('p1'))).to.equal(true);
    w.tip('p1', 130_000, -101);
    expect(w.active().has(probeCoolingId('p1'))).to.equal(false);
    // Warming mid-freeze (gas pressure lost): flagged 2 min after its last cold reading.
    w.tip('p1', 200_000, -40);
    expect(w.active().has(probeCoolingId('p1'))).to.equal(false);
    w.tip('p1', 250_000, -40);
    expect(w.active().has(probeCoolingId('p1'))).to.equal(true);
  });

  it('judges coverage and the designated sensor at the end of the first freeze', () => {
    const w = new CryoWatch();
    w.phaseStart(0, 'freeze', ['s1']);
    w.sensor('s1', MIN, -15);
    w.coverage(MIN, false);
    expect([...w.active()]).to.deep.equal([]);
    w.phaseStart(10 * MIN, 'thaw', ['s1']);
    expect([...w.active()]).to.have.members([coverageId, sensorTargetId('s1')]);
    w.coverage(11 * MIN, true);
    w.sensor('s1', 11 * MIN, -21);
    expect([...w.active()]).to.deep.equal([]);
  });

  it('keeps the value each condition came on with, for its alarm: never a reading back on the safe side of the limit', () => {
    const w = new CryoWatch();
    w.phaseStart(0, 'freeze', ['s1']);
    w.probeState('p1', 0, 'freeze');
    // Below 10 MPa at 1 s, 7.4 at its lowest, back to 10.2 (within the 0.5 MPa hysteresis) when judged low at 3 s.
    w.supply(1000, 9.8);
    w.supply(2000, 7.4);
    w.supply(3000, 10.2);
    expect([w.active().has(supplyLowId), w.onsetValue(supplyLowId)]).to.deep.equal([true, 7.4]);
    w.supply(4000, 6);
    expect(w.onsetValue(supplyLowId), 'while it lasts, the value it came on with').to.equal(7.4);
    w.tip('p1', 119_000, -60);
    w.tip('p1', 120_000, -62);
    expect(w.onsetValue(probeCoolingId('p1')), 'the tip when its 2 min ran out').to.equal(-62);
    w.sensor('s1', MIN, -15);
    w.sensor('s1', 2 * MIN, -17);
    w.coverage(9 * MIN, false, 41);
    w.phaseStart(10 * MIN, 'thaw', ['s1']);
    expect([w.onsetValue(sensorTargetId('s1')), w.onsetValue(coverageId)], 'the coldest the sensor got in freeze 1, the 0 °C diameter measured').to.deep.equal([-17, 41]);
    const estimated = new CryoWatch();
    estimated.phaseStart(0, 'freeze', []);
    estimated.coverage(MIN, false);
    estimated.phaseStart(10 * MIN, 'thaw', []);
    expect(estimated.onsetValue(coverageId), 'judged on the estimate’s shape: no single value').to.be.NaN;
  });
});

describe('freeze clock and phases', () => {
  it('counts freeze at its power, melts in thaw, refuses an older change', () => {
    const c = new FreezeClock();
    c.set('p', 0, 'freeze', 50);
    expect(c.minutes('p', 10 * MIN)).to.be.closeTo(5, 1e-9);
    c.set('p', 10 * MIN, 'thaw-active');
    expect(c.minutes('p', 12 * MIN)).to.be.closeTo(4, 1e-9);
    expect(c.set('p', 5 * MIN, 'off')).to.equal(false);
    expect(parseProbeState('freeze 80')).to.deep.equal({ state: 'freeze', powerPct: 80 });
    expect(parseProbeState('freeze 180')).to.equal(undefined);
  });

  it('gives elapsed and remaining time against the planned protocol', () => {
    const log = new PhaseLog(DEFAULT_PROTOCOL);
    log.add({ t: 1000, kind: 'freeze' });
    log.add({ t: 1000 + 10 * MIN, kind: 'thaw' });
    const now = log.at(1000 + 13 * MIN);
    expect(now).to.include({ kind: 'thaw', index: 1, elapsedMs: 3 * MIN, remainingMs: 5 * MIN });
    expect(log.planned().map((b) => b.end - 1000)).to.deep.equal([10 * MIN, 18 * MIN, 28 * MIN]);
  });
});

describe('questionable data', () => {
  it('an ice ball shrinking during a freeze beyond 2 mm, and a sensor colder than the tips', () => {
    const c = new IceShrinkCheck();
    expect(c.check('ice.0', 30, true)).to.equal(false);
    expect(c.check('ice.0', 28.5, true)).to.equal(false);
    expect(c.check('ice.0', 27, true)).to.equal(true);
    expect(c.check('ice.0', 20, false)).to.equal(false);
    expect(colderThanTips(-150, -140)).to.equal(true);
    expect(colderThanTips(-30, -140)).to.equal(false);
  });
});
