import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { DEFAULT_CEMENT, settingAt, settingTimes } from '../../src/models/cement/setting.js';
import { InjectionLedger, VOLUME_TOLERANCE_ML } from '../../src/models/cement/ledger.js';
import { checkPlan, cementChannels, plungerTravelMm, plungerVolumeMl } from '../../src/models/cement/plan.js';
import { cementRules, leakMessage } from '../../src/models/cement/rules.js';
import { eventText, parseEventText } from '../../src/models/cement/event-text.js';
import { checkRules } from '../../src/models/alarm-rules.js';
import { TWO_LEVELS } from '../kit/cement-plan.js';
import { dataEpoch } from '../kit/clock.js';

const T0 = dataEpoch();
const MIN = 60_000;

const plan = TWO_LEVELS;
const ev = (t: number, kind: string, text = '') => ({ type: 'event' as const, channel: 'cement', t, kind, text });

describe('cement setting model', () => {
  it('gives the phase times at 22 °C: liquid 5.1 min, paste 3.4 min, handling 8.5 min', () => {
    const times = settingTimes();
    expect(times.pasteMs / MIN).to.be.closeTo(5.1, 1e-9);
    expect(times.hardeningMs / MIN).to.be.closeTo(8.5, 1e-9);
    expect(times.setMs / MIN).to.be.closeTo(12, 1e-9);
    expect(settingAt(times, T0, T0 + 5 * MIN).phase).to.equal('liquid');
    expect(settingAt(times, T0, T0 + 5.2 * MIN).phase).to.equal('paste');
    expect(settingAt(times, T0, T0 + 8.4 * MIN).workingLeftMs).to.be.closeTo(0.1 * MIN, 1e-6);
    expect(settingAt(times, T0, T0 + 9 * MIN).phase).to.equal('hardening');
    expect(settingAt(times, T0, T0 + 12 * MIN)).to.include({ phase: 'set', workingLeftMs: 0 });
    expect(settingAt(times, NaN, T0).phase).to.equal('unmixed');
  });

  it('sets more slowly in a cooler room, per cement, and the phases always follow one another (property)', () => {
    expect(settingTimes(DEFAULT_CEMENT, 18).hardeningMs).to.be.greaterThan(settingTimes(DEFAULT_CEMENT, 22).hardeningMs);
    expect(settingTimes({ ...DEFAULT_CEMENT, pasteMin: 6 }).hardeningMs / MIN).to.be.closeTo(11.1, 1e-9);
    const order = ['liquid', 'paste', 'hardening', 'set'];
    fc.assert(
      fc.property(fc.double({ min: 10, max: 40, noNaN: true }), fc.double({ min: 0, max: 30 * MIN, noNaN: true }), fc.double({ min: 0, max: 30 * MIN, noNaN: true }), (temp, a, b) => {
        const times = settingTimes(DEFAULT_CEMENT, temp);
        const [early, late] = [Math.min(a, b), Math.max(a, b)];
        const s1 = settingAt(times, T0, T0 + early);
        const s2 = settingAt(times, T0, T0 + late);
        expect(order.indexOf(s2.phase)).to.be.at.least(order.indexOf(s1.phase));
        expect(s2.workingLeftMs).to.be.at.most(s1.workingLeftMs);
      }),
    );
  });
});

describe('cement setting model against published points it was not fitted to', () => {
  // perC was fitted to one figure: the handling time of pre-cooled cement (15.2 min at 4 °C,
  // 8.5 min at 22 °C; Lai et al., BMC Musculoskelet Disord 2012;13:198).

  it('splits the pre-cooled handling time into liquid and paste as measured: 9.4 ± 1.1 and 5.8 ± 0.5 min, within one standard deviation (Lai 2012)', () => {
    const times = settingTimes(DEFAULT_CEMENT, 4);
    expect(times.pasteMs / MIN).to.be.closeTo(9.4, 1.1);
    expect((times.hardeningMs - times.pasteMs) / MIN).to.be.closeTo(5.8, 0.5);
  });

  it('shortens the set of warmer cement as measured at another temperature: 534 s at 20 °C, 381 s at 28 °C, a ratio of 1.40, within 10 % (Koh 2015)', () => {
    // SmartSet HV components stored at 20 or 28 °C, mixed after 15 min in a 20 °C room
    // (Koh et al., J Orthop Surg Res 2015;10:178). Another cement, so the ratio is
    // compared, not the times. 10 %: the scatter of the fitted study's own handling time
    // (8.5 ± 0.8 min). The model gives 1.29, 8 % low; the same study's 24 °C point (414 s,
    // a ratio of 1.29 against the model's 1.14) lies outside: warm cement sets sooner
    // than the model says. Nor does it hold for cement kept in an ice bath (Lai 2012:
    // handling 112.5 min; the model at 0 °C gives 17 min).
    const ratio = settingTimes(DEFAULT_CEMENT, 20).setMs / settingTimes(DEFAULT_CEMENT, 28).setMs;
    expect(ratio).to.be.closeTo(534 / 381, 0.1 * (534 / 381));
  });
});

describe('cement plan', () => {
  it('refuses an unsound plan, naming the site', () => {
    expect(checkPlan(plan)).to.deep.equal([]);
    const bad = { ...plan, sites: [{ ...plan.sites[0], maxMl: 2 }, { ...plan.sites[1], id: 'T12' }] };
    expect(checkPlan(bad)).to.deep.equal(["site 'T12': maximum 2 mL is below the planned 4 mL", "site 'T12' appears twice"]);
  });

  it('converts plunger travel to volume and back', () => {
    expect(plungerVolumeMl(10, 10)).to.be.closeTo(0.785, 1e-3);
    expect(plungerTravelMm(plungerVolumeMl(7, 12), 12)).to.be.closeTo(7, 1e-9);
  });

  it('gives default rules the alarm manager accepts, on channels cementChannels declares', () => {
    const rules = cementRules(plan);
    expect(() => checkRules(rules, cementChannels(plan).map((c) => c.id))).to.not.throw();
    // A leak is an event the engine raises per report (leakAlarmId), not a rule on the flag it publishes.
    expect(rules.filter((r) => r.channel === plan.channel)).to.deep.equal([]);
    expect(leakMessage(plan.sites[1])).to.deep.equal({ en: 'Cement leak reported at L1: injection held', fr: 'Fuite de ciment signalée à L1 : injection suspendue' });
    expect(rules.find((r) => r.id === 'pressure:medium')!.condition).to.deep.equal({ kind: 'above', limit: 1700 });
    expect(cementRules(plan, { pressureHighKPa: 3000 }).find((r) => r.id === 'pressure:high')!.condition).to.deep.equal({ kind: 'above', limit: 3000 });
  });

  it('reads and writes event texts', () => {
    expect(parseEventText('site=L1; source=imaging; note=paravertebral vein')).to.deep.equal({ site: 'L1', source: 'imaging', note: 'paravertebral vein' });
    expect(parseEventText('free note')).to.deep.equal({ note: 'free note' });
    expect(parseEventText(eventText({ site: 'L1', note: undefined }))).to.deep.equal({ site: 'L1' });
  });
});

describe('InjectionLedger', () => {
  it('keeps the highest valid volume per site, and reports a fall once, never losing volume', () => {
    const l = new InjectionLedger(plan);
    expect(l.volume('vol-T12', T0, 1.5)).to.equal(undefined);
    const f = l.volume('vol-T12', T0 + 20, 0.2);
    expect(f).to.include({ reason: 'volume-decreased', site: 'T12' });
    expect(l.volume('vol-T12', T0 + 40, 0.1)).to.equal(undefined);
    expect(l.site('T12')).to.include({ volumeMl: 1.5, invalid: true });
    l.volume('vol-T12', T0 + 60, 1.6);
    expect(l.site('T12')).to.include({ invalid: false });
    expect(l.site('T12')!.volumeMl).to.be.closeTo(1.6, 1e-9);
    expect(l.volume('vol-S1', T0, 1)).to.include({ reason: 'site-not-in-plan' });
  });

  it('totals equal the sum of per-site records for any readings, in any order (property)', () => {
    const reading = fc.tuple(fc.constantFrom('vol-T12', 'vol-L1'), fc.double({ min: 0, max: 10, noNaN: true }));
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 200 }), (rs) => {
        const l = new InjectionLedger(plan);
        const best = new Map<string, number>([['vol-T12', 0], ['vol-L1', 0]]);
        rs.forEach(([ch, v], i) => {
          l.volume(ch, T0 + i, v);
          if (v > best.get(ch)!) best.set(ch, v);
        });
        expect(l.totalMl).to.be.closeTo(best.get('vol-T12')! + best.get('vol-L1')!, 1e-9);
        for (const s of l.sites) expect(s.volumeMl).to.be.at.least(best.get(s.site.channel)! - VOLUME_TOLERANCE_ML);
      }),
    );
  });

  it('follows the setting clock, sites, pauses and leaks from events', () => {
    const l = new InjectionLedger(plan);
    l.event(ev(T0, 'mix'));
    expect(l.setting(T0 + 6 * MIN).phase).to.equal('paste');
    l.event(ev(T0 + MIN, 'site', 'site=T12'));
    expect(l.activeSite).to.equal('T12');
    l.event(ev(T0 + 2 * MIN, 'leak', 'site=T12; source=imaging; note=venous'));
    expect(l.leaks).to.deep.equal([{ t: T0 + 2 * MIN, site: 'T12', source: 'imaging', note: 'venous' }]);
    expect([l.paused, l.leakHolding]).to.deep.equal([true, true]);
    l.event(ev(T0 + 3 * MIN, 'resume'));
    expect(l.paused).to.equal(false);
    l.event(ev(T0 + 4 * MIN, 'done', 'site=T12'));
    expect(l.site('T12')!.status).to.equal('done');
    expect(l.event(ev(T0, 'site', 'site=S1'))).to.include({ reason: 'site-not-in-plan' });
    expect(l.event(ev(T0, 'done'))).to.include({ reason: 'bad-event' });
    // A leak at a site the plan does not know is still recorded.
    expect(l.event(ev(T0 + 5 * MIN, 'leak', 'site=S1'))).to.include({ reason: 'site-not-in-plan' });
    expect(l.leaks).to.have.length(2);
  });

  it('flags a volume rising once the cement is set, and keeps the volume', () => {
    const l = new InjectionLedger(plan);
    l.event(ev(T0, 'mix'));
    l.volume('vol-L1', T0 + 11 * MIN, 2);
    expect(l.volume('vol-L1', T0 + 12.5 * MIN, 2.5)).to.include({ reason: 'volume-after-set' });
    expect(l.risingWhileSet).to.equal(true);
    expect(l.site('L1')!.volumeMl).to.equal(2.5);
    l.see(T0 + 13 * MIN);
    expect(l.risingWhileSet).to.equal(false);
  });

  it('estimates flow from the volumes at 3.5 mL/min', () => {
    const l = new InjectionLedger(plan);
    for (let i = 0; i <= 250; i++) l.volume('vol-L1', T0 + i * 20, (3.5 * i * 20) / MIN);
    expect(l.flowMlPerMin()).to.be.closeTo(3.5, 0.05);
  });
});
