import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { acknowledge, initialCondition, stepCondition, stepExternal, stepFault, type ConditionState } from '../../src/models/alarm-condition.js';
import { checkRules, type AlarmRule } from '../../src/models/alarm-rules.js';

const RUNS = 2000;
// Juxtaneural temperature below 10 Cel is a high-priority alarm (Sag & Husain, Semin Intervent Radiol 2022).
const nerve = (over: Partial<AlarmRule> = {}): AlarmRule => ({
  id: 'nerve-cold',
  channel: 'nerve',
  condition: { kind: 'below', limit: 10 },
  priority: 'hi',
  kind: 'phy',
  onsetDelayMs: 2000,
  hysteresis: 1,
  latching: true,
  message: { en: 'Nerve below 10 °C', fr: 'Nerf sous 10 °C' },
  ...over,
});

const run = (rule: AlarmRule, samples: readonly (readonly [number, number])[]) => {
  const states: ConditionState[] = [];
  let s = initialCondition();
  for (const [t, v] of samples) states.push((s = stepCondition(rule, s, t, v)));
  return states;
};

/** Increasing times with random steps, and values from `value`. */
const series = (value: fc.Arbitrary<number>) =>
  fc.array(fc.tuple(fc.integer({ min: 1, max: 1500 }), value), { minLength: 1, maxLength: 80 }).map((xs) => {
    let t = 0;
    return xs.map(([dt, v]) => [(t += dt), v] as const);
  });

describe('alarm condition', () => {
  it('gives as the value that crossed the furthest one past the limit, never one on the safe side within the hysteresis', () => {
    // Bile duct at 45 °C or more, 2 s onset: 45.3 °C crosses, then the noise brings 44.2 °C at the onset.
    const duct = nerve({ condition: { kind: 'above', limit: 45 }, hysteresis: 1 });
    const states = run(duct, [[0, 44.6], [1000, 45.3], [2000, 44.8], [3000, 44.2]]);
    const raised = states.find((s) => s.active)!;
    expect(raised.onset).to.equal(3000);
    expect(raised.valueAtOnset).to.equal(45.3);
    // The next crossing of an alarm that ended starts its own peak.
    const after = run(nerve({ latching: false }), [[0, 9.5], [1000, 9.8], [2000, 9.9], [3000, 12], [4000, 9.7], [6000, 9.9]]);
    expect(after.filter((s) => s.active).map((s) => s.valueAtOnset)).to.deep.equal([9.5, 9.7]);
  });

  it('a latched alarm crossed again before anyone acknowledged it stays one occurrence, with its worst value', () => {
    // A limit crossed pulse after pulse, the value back to 0 between pulses: one alarm, not one per pulse.
    const current = nerve({ condition: { kind: 'above', limit: 50 }, hysteresis: 1, onsetDelayMs: 0, latching: true });
    const states = run(current, [[0, 0], [1000, 52], [1100, 0], [2000, 55], [2100, 0], [3000, 51], [3100, 0]]);
    const raised = states.filter((s) => s.active);
    expect(new Set(raised.map((s) => s.occurrence)).size).to.equal(1);
    expect(raised.map((s) => s.onset)).to.deep.equal([1000, 1000, 1000]);
    expect(states[states.length - 1]).to.include({ presence: 'latch', valueAtOnset: 55 });
    // Acknowledged, the next crossing is a new alarm.
    const acked = acknowledge(states[states.length - 1], raised[0].occurrence);
    const again = stepCondition(current, acked, 4000, 53);
    expect(again.occurrence).to.not.equal(raised[0].occurrence);
    expect(again).to.include({ presence: 'on', valueAtOnset: 53 });
  });

  it('raises a crossing that lasts longer than its onset delay, within one sample after it (property)', () => {
    fc.assert(
      fc.property(series(fc.double({ min: 0, max: 20, noNaN: true })), (samples) => {
        const rule = nerve({ hysteresis: 0 });
        const states = run(rule, samples);
        let since = NaN;
        samples.forEach(([t, v], i) => {
          since = v < 10 ? (Number.isNaN(since) ? t : since) : NaN;
          if (!Number.isNaN(since) && t - since >= rule.onsetDelayMs) expect(states[i].active, `sample ${i}`).to.equal(true);
          if (Number.isNaN(since)) expect(states[i].active).to.equal(false);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('with hysteresis, noise around the limit raises at most once and never toggles (property)', () => {
    fc.assert(
      fc.property(series(fc.double({ min: 9.55, max: 10.45, noNaN: true })), (samples) => {
        const states = run(nerve({ onsetDelayMs: 0, latching: false }), samples);
        const toggles = states.filter((s, i) => i > 0 && s.active !== states[i - 1].active).length;
        return toggles <= 1;
      }),
      { numRuns: RUNS },
    );
  });

  it('a latching alarm never disappears unacknowledged, NaN or not (property)', () => {
    const value = fc.oneof(fc.double({ min: 0, max: 20, noNaN: true }), fc.constant(NaN));
    fc.assert(
      fc.property(series(value), (samples) => {
        const states = run(nerve(), samples);
        const first = states.findIndex((s) => s.presence !== 'off');
        return first < 0 || states.slice(first).every((s) => s.presence === 'on' || s.presence === 'latch');
      }),
      { numRuns: RUNS },
    );
  });

  it('a re-triggered alarm must be acknowledged again (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.boolean(), (delay, latching) => {
        const rule = nerve({ onsetDelayMs: delay, latching });
        let s = stepCondition(rule, initialCondition(), 0, 5);
        s = stepCondition(rule, s, delay, 5);
        expect(s.presence).to.equal('on');
        s = acknowledge(s, s.occurrence);
        expect(s.presence).to.equal('ack');
        s = stepCondition(rule, s, delay + 10, 15);
        expect(s.presence).to.equal('off');
        s = stepCondition(rule, s, delay + 20, 5);
        s = stepCondition(rule, s, 2 * delay + 20, 5);
        expect(s.presence).to.equal('on');
      }),
      { numRuns: RUNS },
    );
  });

  it('never ends on NaN: a missing value holds the alarm', () => {
    const rule = nerve({ onsetDelayMs: 0, latching: false });
    let s = stepCondition(rule, initialCondition(), 0, 5);
    s = stepCondition(rule, s, 100, NaN);
    expect(s.active).to.equal(true);
    expect(stepFault(rule, s, 200, 'invalid')).to.equal(s);
    expect(stepFault(rule, s, 300, 'stale')).to.equal(s);
  });

  it('a stale or invalid report never ends or raises a limit alarm (property)', () => {
    const input = fc.oneof(fc.double({ min: 0, max: 20, noNaN: true }), fc.constantFrom<'stale' | 'invalid'>('stale', 'invalid'));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 1500 }), input), { minLength: 1, maxLength: 80 }), fc.boolean(), (steps, latching) => {
        const rule = nerve({ latching, onsetDelayMs: 500 });
        let s = initialCondition();
        let t = 0;
        for (const [dt, x] of steps) {
          t += dt;
          const next = typeof x === 'number' ? stepCondition(rule, s, t, x) : stepFault(rule, s, t, x);
          if (typeof x !== 'number' && next !== s) return false;
          s = next;
        }
        return true;
      }),
      { numRuns: RUNS },
    );
  });

  it('raises a stale or invalid condition on its fault only, and ends it after valid data for its hysteresis (ms)', () => {
    const invalid = nerve({ id: 'nerve-invalid', kind: 'tec', condition: { kind: 'invalid' }, onsetDelayMs: 0, hysteresis: 1000, latching: false });
    expect(stepFault(invalid, initialCondition(), 100, 'stale').presence).to.equal('off');
    let s = stepFault(invalid, initialCondition(), 100, 'invalid');
    expect(s.presence).to.equal('on');
    s = stepCondition(invalid, s, 600, 20);
    expect(s.presence, 'valid for 500 ms only').to.equal('on');
    s = stepCondition(invalid, s, 1100, 20);
    expect(s.presence).to.equal('off');
    const stale = nerve({ id: 'nerve-stale', kind: 'tec', condition: { kind: 'stale' }, onsetDelayMs: 0, hysteresis: 0, latching: false });
    s = stepFault(stale, initialCondition(), 5000, 'stale');
    expect(s.presence).to.equal('on');
    expect(stepCondition(stale, s, 5100, 20).presence).to.equal('off');
  });

  it('raises a rate of change beyond its limit over the window, and only then (property)', () => {
    // A fall faster than 10 units/min over 60 s; samples every 1-3 s.
    const rule = nerve({ id: 'nerve-falling', condition: { kind: 'rate', perMin: -10, windowMs: 60_000 }, onsetDelayMs: 0, hysteresis: 0, latching: false });
    fc.assert(
      // Slopes in hundredths, spread evenly (fc.double crowds near zero).
      fc.property(fc.integer({ min: -3000, max: 3000 }).map((x) => x / 100), fc.array(fc.integer({ min: 1000, max: 3000 }), { minLength: 40, maxLength: 120 }), (slope, steps) => {
        let t = 0;
        const samples = steps.map((dt) => [(t += dt), 20 + (slope * t) / 60_000] as const);
        const states = run(rule, samples);
        // On a straight line the measured rate is the slope, so the verdict is the slope's.
        // At exactly the limit, rounding decides; that case says nothing.
        if (slope === -10) return true;
        const expected = slope < -10;
        const settled = states.filter((_, i) => samples[i][0] >= 60_000);
        return settled.every((s) => s.active === expected) && (!expected || Math.abs(states.find((s) => s.active)!.valueAtOnset - slope) < 0.01);
      }),
      { numRuns: RUNS },
    );
  });

  it('raises a sustained crossing through noise that crosses back within the hysteresis, after its onset delay (property)', () => {
    // Hysteresis applies from the first crossing: the onset delay restarts only when the value comes back past limit + h.
    fc.assert(
      fc.property(series(fc.double({ min: 5, max: 10.999, noNaN: true })), fc.integer({ min: 0, max: 10_000 }), (samples, delay) => {
        const first = samples.findIndex(([, v]) => v < 10);
        const states = run(nerve({ onsetDelayMs: delay, latching: false }), samples);
        samples.forEach(([t], i) => {
          const due = first >= 0 && i >= first && t - samples[first][0] >= delay;
          expect(states[i].active, `sample ${i}`).to.equal(due);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('raises a nerve sensor averaging 9.1 °C, noisy by ±1 °C, against 10 °C within its delay (issue 9.10)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1200, maxLength: 1200 }), (noise) => {
        // A sample every 100 ms for two minutes; the alarm must be on from 2 s after the first crossing.
        const samples = noise.map((n, i) => [i * 100, 9.1 + n] as const);
        const states = run(nerve(), samples);
        const first = samples.findIndex(([, v]) => v < 10);
        return states.every((s, i) => s.active === samples[i][0] - samples[first][0] >= 2000);
      }),
      { numRuns: 200 },
    );
  });

  it('a crossing broken by a value back past limit + hysteresis restarts the onset delay', () => {
    const rule = nerve({ onsetDelayMs: 1000, latching: false });
    const states = run(rule, [[0, 9], [500, 10.5], [900, 11], [1500, 9], [2400, 9], [2500, 9]]);
    expect(states.map((s) => s.active)).to.deep.equal([false, false, false, false, false, true]);
  });

  it('names each occurrence with a number that only grows, even for occurrences at one data time (property)', () => {
    const rule = nerve({ id: 'nerve-stale', kind: 'tec', condition: { kind: 'stale' }, onsetDelayMs: 0, hysteresis: 0, latching: false });
    const step = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom<'stale' | number>('stale', 20));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let s = initialCondition();
        let t = 0;
        const names: number[] = [];
        for (const [dt, x] of steps) {
          t += dt;
          const next = x === 'stale' ? stepFault(rule, s, t, 'stale') : stepCondition(rule, s, t, x);
          if (!Object.is(next.occurrence, s.occurrence)) names.push(next.occurrence);
          s = next;
        }
        return names.every((n, i) => i === 0 || n > names[i - 1]);
      }),
      { numRuns: RUNS },
    );
  });

  it('acknowledges only the occurrence it names', () => {
    const rule = nerve({ onsetDelayMs: 0, latching: false });
    let s = stepCondition(rule, initialCondition(), 1000, 5);
    const first = s.occurrence;
    s = stepCondition(rule, s, 2000, 15);
    s = stepCondition(rule, s, 3000, 5);
    expect(s.presence).to.equal('on');
    expect(acknowledge(s, first), 'the first occurrence, since ended, names nothing present').to.equal(s);
    expect(acknowledge(s, s.occurrence).presence).to.equal('ack');
  });

  it('an external condition is one occurrence until clear for its hold time; an acknowledgement holds through it (property)', () => {
    const rule = nerve({ id: 'connection', channel: '', kind: 'tec', condition: { kind: 'external' }, onsetDelayMs: 0, hysteresis: 10_000, latching: false });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 15_000 }), fc.boolean()), { minLength: 1, maxLength: 40 }), fc.boolean(), (reports, ack) => {
        let s = initialCondition();
        let wall = 0;
        let occurrences = 0;
        let expected = 0;
        let clearSince = NaN;
        let on = false;
        for (const [dt, present] of reports) {
          wall += dt;
          // The reference: an outage ends once clear for 10 s; a report present after that is a new one.
          if (present) {
            if (on && wall - clearSince >= 10_000) on = false;
            if (!on) expected++;
            on = true;
            clearSince = NaN;
          } else if (on) {
            if (Number.isNaN(clearSince)) clearSince = wall;
            if (wall - clearSince >= 10_000) (on = false), (clearSince = NaN);
          }
          const next = stepExternal(rule, s, wall, wall, present);
          if (!Object.is(next.occurrence, s.occurrence)) occurrences++;
          if (Object.is(next.occurrence, s.occurrence) && s.presence === 'ack') expect(next.presence, 'an acknowledgement holds within one outage').to.be.oneOf(['ack', 'off']);
          s = ack ? acknowledge(next, next.occurrence) : next;
          expect(s.active).to.equal(on);
        }
        expect(occurrences).to.equal(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('an external condition keeps the value its owner raised it on; a new occurrence its own; a latched one back the worse of the two', () => {
    // The argon supply below 10 MPa (cryo engine): crossed below.
    const supply = nerve({ id: 'cryo:supply-low', channel: '', kind: 'tec', condition: { kind: 'external', against: { limit: 10, crossing: 'below', unit: 'MPa', decimals: 1 } }, onsetDelayMs: 0, hysteresis: 0, latching: true });
    let s = stepExternal(supply, initialCondition(), 1000, 1000, true, 7.2);
    expect(s.valueAtOnset).to.equal(7.2);
    expect(stepExternal(supply, s, 2000, 2000, true, 5), 'reported again while present: the same occurrence, its value').to.equal(s);
    s = stepExternal(supply, s, 3000, 3000, false);
    expect(s.presence).to.equal('latch');
    s = stepExternal(supply, s, 4000, 4000, true, 6.1);
    expect([s.presence, s.valueAtOnset], 'back before anyone acknowledged it: the lower pressure').to.deep.equal(['on', 6.1]);
    s = stepExternal(supply, acknowledge(s, s.occurrence), 5000, 5000, false);
    s = stepExternal(supply, s, 6000, 6000, true, 9.5);
    expect([s.onset, s.valueAtOnset], 'a new occurrence: its own value').to.deep.equal([6000, 9.5]);
    expect(stepExternal(nerve({ condition: { kind: 'external' } }), initialCondition(), 1000, 1000, true).valueAtOnset, 'none given: none').to.be.NaN;
  });

  it('refuses a misconfigured rule, naming it', () => {
    expect(() => checkRules([nerve({ channel: 'ecg' })], ['nerve'])).to.throw("alarm rule 'nerve-cold': unknown channel 'ecg'");
    expect(() => checkRules([nerve({ condition: { kind: 'outside', low: 5, high: 2 } })], ['nerve'])).to.throw('inverted band');
    expect(() => checkRules([nerve({ onsetDelayMs: -1 })], ['nerve'])).to.throw('onset delay');
    expect(() => checkRules([nerve({ condition: { kind: 'rate', perMin: 5, windowMs: 0 } })], ['nerve'])).to.throw('rate window');
    expect(() => checkRules([nerve({ condition: { kind: 'rate', perMin: NaN, windowMs: 1000 } })], ['nerve'])).to.throw('rate limit');
    expect(() => checkRules([nerve({ condition: { kind: 'stale' } })], ['nerve'])).to.throw('no onset delay');
    expect(() => checkRules([nerve(), nerve()], ['nerve'])).to.throw("'nerve-cold': duplicate id");
    expect(() => checkRules([nerve()], ['nerve'], new Set(['nerve-cold'])), 'an id already in use').to.throw("'nerve-cold': duplicate id");
    expect(() => checkRules([nerve({ id: 'band', condition: { kind: 'outside', low: 10, high: 12 }, hysteresis: 1 })], ['nerve'])).to.throw("alarm rule 'band': band 10..12 is not wider than twice the hysteresis 1: the alarm could never end");
    expect(() => checkRules([nerve({ id: 'band', condition: { kind: 'outside', low: 10, high: 12.5 }, hysteresis: 1 })], ['nerve'])).to.not.throw();
    expect(() => checkRules([nerve({ id: 'fall', condition: { kind: 'rate', perMin: -2, windowMs: 1000 }, hysteresis: 2 })], ['nerve'])).to.throw("alarm rule 'fall': hysteresis 2 is not below the rate limit 2");
    expect(() => checkRules([nerve({ condition: { kind: 'external' } })], ['nerve'])).to.throw('set by its owner');
    expect(() => checkRules([nerve()], ['nerve'])).to.not.throw();
  });
});
