import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { acknowledge, initialCondition, stepCondition, type ConditionState } from '../../src/models/alarm-condition.js';
import { checkRules, type AlarmRule } from '../../src/models/alarm-rules.js';

const RUNS = 2000;
// Juxtaneural temperature below 10 Cel is a high-priority alarm (Sag & Husain 2022, DOMAIN.md 7.2).
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
        s = acknowledge(s);
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
    const noData = nerve({ id: 'nerve-no-data', kind: 'tec', condition: { kind: 'no-valid-data' }, onsetDelayMs: 0 });
    expect(stepCondition(noData, initialCondition(), 100, NaN).presence).to.equal('on');
  });

  it('refuses a misconfigured rule, naming it', () => {
    expect(() => checkRules([nerve({ channel: 'ecg' })], ['nerve'])).to.throw("alarm rule 'nerve-cold': unknown channel 'ecg'");
    expect(() => checkRules([nerve({ condition: { kind: 'outside', low: 5, high: 2 } })], ['nerve'])).to.throw('inverted band');
    expect(() => checkRules([nerve({ onsetDelayMs: -1 })], ['nerve'])).to.throw('onset delay');
    expect(() => checkRules([nerve()], ['nerve'])).to.not.throw();
  });
});
