import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { VirtualTimeScheduler } from 'rxjs';
import { AlarmManager, TECHNICAL_HOLD_MS, type AlarmChange } from '../../src/streams/alarm-manager.js';
import { parseAlarmCommand } from '../../src/models/alarm-command.js';
import type { AlarmAction, AlarmCommandRefused } from '../../src/models/alarm-record.js';
import type { AlarmRule } from '../../src/models/alarm-rules.js';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import { dataEpoch } from '../kit/clock.js';

const RUNS = 1000;
const channels: ChannelDescriptor[] = ['nerve', 'skin'].map((id) => ({ id, label: id, unit: 'Cel', intervalMs: 100, range: [-50, 60] }));
const rule = (id: string, channel: string, priority: AlarmRule['priority'], latching = true): AlarmRule => ({
  id, channel, priority, latching, kind: 'phy', condition: { kind: 'below', limit: 10 }, onsetDelayMs: 0, hysteresis: 0.5,
  message: { en: `${id} low`, fr: `${id} bas` },
});
const batch = (channel: string, t: number, v: number): SampleBatch => ({ channel, t: Float64Array.of(t), v: Float32Array.of(v) });
const LOST = { en: 'Connection to the gateway lost', fr: 'Connexion à la passerelle perdue' };

/** A manager on a virtual wall clock that starts at `wall`. */
function onClock(wall = 0, rules: AlarmRule[] = [], viewer = 'desk') {
  const clock = new VirtualTimeScheduler();
  if (wall) advance(clock, wall);
  return { clock, m: new AlarmManager(rules, channels, { scheduler: clock, viewer }) };
}
/** Runs the wall clock `ms` on, and only what falls due by then. */
function advance(clock: VirtualTimeScheduler, ms: number) {
  const to = clock.now() + ms;
  clock.maxFrames = to;
  clock.schedule(() => undefined, ms);
  clock.flush();
  expect(clock.now()).to.equal(to);
}
const collect = <T>(subject: { subscribe(f: (x: T) => void): unknown }) => {
  const xs: T[] = [];
  subject.subscribe((x) => xs.push(x));
  return xs;
};
const presentKeys = (m: AlarmManager) => m.present.value.map((a) => `${a.rule.id}:${a.state.presence}`);

describe('AlarmManager: alarms outlive panels and reconfiguration (issue 9.2)', () => {
  it('keeps a removed rule\'s latched or active alarm until it is acknowledged, logs the removal, and raises nothing new', () => {
    const { m } = onClock();
    const actions = collect<AlarmAction>(m.actions);
    const remove = m.addRules([rule('nerve-low', 'nerve', 'hi'), rule('skin-low', 'skin', 'me')]);
    m.ingest(batch('nerve', 1000, 5));
    m.ingest(batch('nerve', 1100, 12));
    m.ingest(batch('skin', 1200, 5));
    remove();
    expect(presentKeys(m)).to.deep.equal(['nerve-low:latch', 'skin-low:on']);
    expect(m.present.value.every((a) => a.retired)).to.equal(true);
    expect(actions.filter((a) => a.action === 'rule-removed').map((a) => `${a.target}: ${a.detail}`)).to.include.members([
      'nerve-low skin-low: "nerve-low low" (latch) kept until acknowledged; "skin-low low" (on) kept until acknowledged',
    ]);
    m.ingest(batch('nerve', 2000, 5));
    expect(presentKeys(m), 'a removed rule never raises a new occurrence').to.deep.equal(['nerve-low:latch', 'skin-low:on']);
    m.command({ type: 'acknowledge', id: 'nerve-low', occurrence: 1000 });
    m.command({ type: 'acknowledge', id: 'skin-low', occurrence: 1200 });
    expect(m.present.value, 'acknowledged, a removed rule\'s alarm goes').to.deep.equal([]);
  });

  it('ends a no-data alarm at its onset, not before, when the sample that clears it is older (another channel ran ahead)', () => {
    const T0 = dataEpoch();
    const { m } = onClock();
    m.addRules([rule('nerve-low', 'nerve', 'hi'), rule('skin-low', 'skin', 'me')]);
    const changes = collect<AlarmChange>(m.changes);
    m.ingest(batch('nerve', T0 + 2000, 20));
    // A channel that never sent goes stale at no data time of its own: the room's latest, the nerve's.
    m.fault('skin', NaN, 'stale');
    m.ingest(batch('skin', T0 + 1000, 20));
    const skin = changes.filter((c) => c.rule.id === 'skin:stale').map((c) => [c.state.presence, c.t - T0]);
    expect(skin).to.deep.equal([['on', 2000], ['off', 2000]]);
  });

  it('a panel attached again takes its alarm over', () => {
    const { m } = onClock();
    const remove = m.addRules([rule('nerve-low', 'nerve', 'hi')]);
    m.ingest(batch('nerve', 1000, 5));
    remove();
    m.addRules([rule('nerve-low', 'nerve', 'hi')]);
    expect(m.present.value.map((a) => `${a.rule.id}@${a.state.occurrence}:${a.state.presence}:${a.retired ?? false}`)).to.deep.equal(['nerve-low@1000:on:false']);
  });

  it('changes channels in place, keeping every alarm; a channel that leaves under a rule raises its stale alarm', () => {
    const { m } = onClock();
    m.addRules([rule('nerve-low', 'nerve', 'hi'), rule('skin-low', 'skin', 'me')]);
    m.ingest(batch('nerve', 1000, 5));
    m.ingest(batch('nerve', 1100, 12));
    m.setChannels([...channels, { id: 'probe', label: 'probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] }]);
    expect(presentKeys(m)).to.deep.equal(['nerve-low:latch']);
    m.setChannels([channels[0]]);
    expect(presentKeys(m)).to.deep.equal(['nerve-low:latch', 'skin:stale:on']);
    expect(() => m.addRules([rule('probe-low', 'probe', 'lo')])).to.throw("unknown channel 'probe'");
  });

  it('a channel whose step ended goes quiet without a lost-signal alarm; invalid data still raises; started again, its silence does', () => {
    const { m } = onClock();
    m.addRules([rule('nerve-low', 'nerve', 'hi'), rule('skin-low', 'skin', 'me')]);
    m.ingest(batch('nerve', 1000, 20));
    m.setEnded(['nerve'], true);
    m.fault('nerve', 2000, 'stale');
    expect(presentKeys(m)).to.deep.equal([]);
    m.fault('skin', 2000, 'stale');
    expect(presentKeys(m), 'a channel not ended').to.deep.equal(['skin:stale:on']);
    m.fault('nerve', 2100, 'invalid');
    expect(presentKeys(m)).to.include('nerve:invalid:on');
    m.setEnded(['nerve'], false);
    m.fault('nerve', 3000, 'stale');
    expect(presentKeys(m)).to.include('nerve:stale:on');
  });

  it('logs a change of channels with their labels, not their ids', () => {
    const { m } = onClock();
    const actions = collect(m.actions);
    m.setChannels([...channels, { id: 'sensor.2.1', label: 'Margin TC', unit: 'Cel', intervalMs: 100, range: [-200, 150] }]);
    expect(actions.at(-1)?.detail).to.equal('added Margin TC');
  });

  it('no latched alarm disappears unacknowledged across panel removal and reconfiguration (property)', () => {
    type Op =
      | { op: 'sample'; channel: string; v: number }
      | { op: 'panel'; on: boolean }
      | { op: 'channels'; keep: boolean[] }
      | { op: 'ack'; which: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 5, arbitrary: fc.record({ op: fc.constant('sample' as const), channel: fc.constantFrom('nerve', 'skin'), v: fc.double({ min: 0, max: 20, noNaN: true }) }) },
      fc.record({ op: fc.constant('panel' as const), on: fc.boolean() }),
      fc.record({ op: fc.constant('channels' as const), keep: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }) }),
      fc.record({ op: fc.constant('ack' as const), which: fc.nat(5) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const { m } = onClock();
        const rules = [rule('nerve-low', 'nerve', 'hi'), rule('skin-low', 'skin', 'me')];
        let remove: (() => void) | undefined = m.addRules(rules);
        let t = 0;
        for (const o of ops) {
          const latched = (a: { rule: AlarmRule; state: { presence: string; occurrence: number } }) => a.rule.latching && (a.state.presence === 'on' || a.state.presence === 'latch');
          const before = m.present.value.filter(latched).map((a) => a.rule.id);
          let acked: string | undefined;
          if (o.op === 'sample') m.ingest(batch(o.channel, (t += 100), o.v));
          else if (o.op === 'panel') {
            // Refused while a channel is away: the panel stays without its rules.
            if (o.on && !remove) remove = channels.every((c) => m.descriptor(c.id)) ? m.addRules(rules) : undefined;
            if (!o.on && remove) remove(), (remove = undefined);
          } else if (o.op === 'channels') m.setChannels(channels.filter((_, i) => o.keep[i]));
          else {
            const a = m.present.value[o.which];
            if (a) (acked = a.rule.id), m.command({ type: 'acknowledge', id: a.rule.id, occurrence: a.state.occurrence });
          }
          const after = m.present.value.filter(latched).map((a) => a.rule.id);
          for (const id of before) if (id !== acked) expect(after, `${id} after ${JSON.stringify(o)}`).to.include(id);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('AlarmManager: acknowledgements name their occurrence (issue 9.6)', () => {
  it('an acknowledgement of an occurrence since ended is refused, and never reaches the new one', () => {
    const { m } = onClock();
    const refused = collect<AlarmCommandRefused>(m.refused);
    m.addRules([rule('nerve-low', 'nerve', 'hi', false)]);
    m.ingest(batch('nerve', 1000, 5));
    m.ingest(batch('nerve', 2000, 12));
    m.ingest(batch('nerve', 3000, 5));
    expect(m.command({ type: 'acknowledge', id: 'nerve-low', occurrence: 1000 })).to.equal(false);
    expect(presentKeys(m)).to.deep.equal(['nerve-low:on']);
    expect(refused.map((r) => `${r.reason}: ${r.detail}`)).to.deep.equal(['not-present: no present, unacknowledged occurrence nerve-low@1000']);
  });

  it('no acknowledgement, local or from a viewer that lags behind, reaches an occurrence other than the one it names (property)', () => {
    const step = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constant('sample' as const), fc.constantFrom('nerve', 'skin'), fc.double({ min: 0, max: 20, noNaN: true })) },
      fc.tuple(fc.constant('stale' as const), fc.constantFrom('nerve', 'skin'), fc.constant(0)),
      fc.tuple(fc.constant('ack' as const), fc.nat(3), fc.nat(10)),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), fc.nat(6), (steps, lag) => {
        const rules = [rule('nerve-low', 'nerve', 'hi', false), rule('skin-low', 'skin', 'me', true)];
        const desk = onClock(0, rules, 'desk').m;
        const proctor = onClock(0, rules, 'proctor').m;
        // The desk's commands reach the proctor `lag` steps late, as over a slow link.
        const inFlight: { due: number; c: unknown }[] = [];
        let i = 0;
        desk.issued.subscribe((c) => inFlight.push({ due: i + lag, c }));
        const seen = new Map<string, number[]>();
        for (const m of [desk, proctor])
          m.changes.subscribe((c: AlarmChange) => {
            if (c.previous === 'off') seen.set(c.rule.id, [...(seen.get(c.rule.id) ?? []), c.state.occurrence]);
          });
        const landed: AlarmChange[] = [];
        const check = (m: AlarmManager, c: unknown) => {
          const named = parseAlarmCommand(c);
          const sub = m.changes.subscribe((x) => landed.push(x));
          const before = new Map(m.present.value.map((a) => [a.rule.id, a.state.presence]));
          landed.length = 0;
          m.command(c, m === proctor ? { origin: 'desk' } : false);
          sub.unsubscribe();
          for (const x of landed) {
            expect(named.ok && named.value.type === 'acknowledge').to.equal(true);
            if (!named.ok || named.value.type !== 'acknowledge') return;
            expect(`${x.rule.id}@${x.state.occurrence}`).to.equal(`${named.value.id}@${named.value.occurrence}`);
            expect(before.get(x.rule.id)).to.be.oneOf(['on', 'latch']);
          }
        };
        let t = 0;
        for (const [kind, a, b] of steps) {
          i++;
          for (const f of inFlight.filter((f) => f.due <= i)) check(proctor, f.c);
          inFlight.splice(0, inFlight.length, ...inFlight.filter((f) => f.due > i));
          if (kind === 'sample') for (const m of [desk, proctor]) m.ingest(batch(a, (t += 100), b));
          else if (kind === 'stale') for (const m of [desk, proctor]) m.fault(a, t, 'stale');
          else {
            // Name an occurrence seen at some time (current, ended, or one the desk never had), or a made-up one.
            const ids = ['nerve-low', 'skin-low', 'nerve:stale', 'skin:stale'];
            const id = ids[a];
            const known = seen.get(id) ?? [];
            const occurrence = known.length ? known[b % known.length] : b * 100;
            check(desk, { type: 'acknowledge', id, occurrence });
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('AlarmManager: commands validated on every path (issue 9.7)', () => {
  it('refuses a malformed command with a typed error, never throws, never acts', () => {
    const { m } = onClock(5_000, [rule('nerve-low', 'nerve', 'hi')]);
    const refused = collect<AlarmCommandRefused>(m.refused);
    const issued = collect(m.issued);
    m.ingest(batch('nerve', 1000, 5));
    const system = m.system.value;
    for (const bad of [null, undefined, 'acknowledge', { type: 'silence-forever' }, { type: 'acknowledge' }, { type: 'acknowledge', id: 'nerve-low' }, { type: 'pause-audio', ms: NaN }, { type: 'pause-alarms', ms: -5 }, { type: 'pause-audio', ms: Infinity }])
      expect(m.command(bad), JSON.stringify(bad)).to.equal(false);
    expect(refused.map((r) => r.reason)).to.deep.equal(Array(9).fill('invalid'));
    expect(refused[0]).to.be.instanceOf(Error);
    expect(refused[6].detail).to.equal('pause-audio: ms must be a positive number');
    expect(m.system.value).to.equal(system);
    expect(presentKeys(m)).to.deep.equal(['nerve-low:on']);
    expect(issued).to.deep.equal([]);
  });

  it('any command value either is carried out or is refused, never both, never neither (property)', () => {
    const plausible = fc.oneof(
      fc.record({ type: fc.constantFrom('acknowledge', 'pause-audio', 'audio-off', 'resume-audio', 'pause-alarms', 'resume-alarms', 'other'), id: fc.constantFrom('nerve-low', 'skin-low', '', 'x'), occurrence: fc.oneof(fc.constantFrom(1000, 1100), fc.double()), ms: fc.oneof(fc.double(), fc.integer()) }, { requiredKeys: ['type'] }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.array(plausible, { maxLength: 20 }), (commands) => {
        const { m } = onClock(5_000, [rule('nerve-low', 'nerve', 'hi'), rule('skin-low', 'skin', 'me')]);
        m.ingest(batch('nerve', 1000, 5));
        m.ingest(batch('skin', 1100, 5));
        const refused = collect<AlarmCommandRefused>(m.refused);
        const issued = collect(m.issued);
        for (const c of commands) {
          const [r, i] = [refused.length, issued.length];
          const state = [m.system.value, m.present.value];
          const done = m.command(c);
          const wasRefused = refused.length > r;
          expect(done !== wasRefused, 'exactly one of carried out and refused').to.equal(true);
          expect(issued.length > i).to.equal(done);
          if (wasRefused) expect([m.system.value, m.present.value], 'a refusal changes nothing').to.deep.equal(state);
          if (parseAlarmCommand(c).ok === false) expect(wasRefused).to.equal(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('AlarmManager: the connection and other external technical conditions (issues 9.3, 9.4, 9.5)', () => {
  it('one outage is one occurrence through reconnect attempts; its acknowledgement holds; it ends once up for the hold time', () => {
    const { clock, m } = onClock(1_000);
    const changes = collect<AlarmChange>(m.changes);
    m.setTechnical('connection', true, LOST);
    const occurrence = m.present.value[0].state.occurrence;
    expect(m.command({ type: 'acknowledge', id: 'connection', occurrence })).to.equal(true);
    for (let k = 0; k < 3; k++) {
      advance(clock, 1_000);
      m.setTechnical('connection', false, LOST);
      advance(clock, 500);
      m.setTechnical('connection', true, LOST);
    }
    expect(presentKeys(m), 'three attempts in 5 s: one occurrence, still acknowledged').to.deep.equal(['connection:ack']);
    expect(changes.map((c) => c.state.presence)).to.deep.equal(['on', 'ack']);
    m.setTechnical('connection', false, LOST);
    advance(clock, TECHNICAL_HOLD_MS - 1);
    expect(presentKeys(m)).to.deep.equal(['connection:ack']);
    advance(clock, 1);
    expect(m.present.value, 'up for the hold time: the outage is over').to.deep.equal([]);
    m.setTechnical('connection', true, LOST);
    expect(presentKeys(m), 'a later outage is a new occurrence').to.deep.equal(['connection:on']);
  });

  it('acknowledging before any data stamps the wall clock, a valid time', () => {
    const now = dataEpoch(0);
    const { m } = onClock(now);
    const changes = collect<AlarmChange>(m.changes);
    const actions = collect<AlarmAction>(m.actions);
    m.setTechnical('connection', true, LOST);
    m.command({ type: 'acknowledge', id: 'connection', occurrence: now });
    expect(changes.map((c) => [c.t, c.wall, c.by])).to.deep.equal([[now, now, undefined], [now, now, 'desk']]);
    expect(actions.at(-1)).to.deep.include({ action: 'acknowledge', who: 'desk', wall: now, target: `connection@${now}` });
    expect(actions.at(-1)!.t, 'no data time yet').to.be.NaN;
  });

  it('an engine condition carries the value it was raised on and its limit; a later occurrence is told as its owner tells it then', () => {
    const { clock, m } = onClock(1_000);
    const changes = collect<AlarmChange>(m.changes);
    const low = (mpa: number, limit = 10) => ({ en: `Argon supply pressure low: ${mpa} MPa (limit ${limit} MPa)`, fr: `Argon : ${mpa} MPa (limite ${limit} MPa)` });
    const reading = (value: number, limit = 10) => ({ value, limit, crossing: 'below', unit: 'MPa', decimals: 1 }) as const;
    m.setTechnical('cryo:supply-low', true, low(7.2), 'me', 0, 'tec', false, reading(7.2));
    m.setTechnical('cryo:supply-low', true, low(5), 'me', 0, 'tec', false, reading(5));
    m.setTechnical('cryo:supply-low', false, low(5), 'me', 0, 'tec', false, reading(5));
    advance(clock, 1);
    // The limit set lower between the two (a new configuration), the pressure lower too.
    m.setTechnical('cryo:supply-low', true, low(4, 8), 'me', 0, 'tec', false, reading(4, 8));
    expect(changes.map((c) => [c.state.presence, c.state.valueAtOnset, c.rule.condition, c.rule.message.en])).to.deep.equal([
      ['on', 7.2, { kind: 'external', against: { limit: 10, crossing: 'below', unit: 'MPa', decimals: 1 } }, low(7.2).en],
      ['off', 7.2, { kind: 'external', against: { limit: 10, crossing: 'below', unit: 'MPa', decimals: 1 } }, low(7.2).en],
      ['on', 4, { kind: 'external', against: { limit: 8, crossing: 'below', unit: 'MPa', decimals: 1 } }, low(4, 8).en],
    ]);
  });

  it('adds rules after a connection loss: an external condition is never judged as a rule', () => {
    const { m } = onClock(1_000);
    m.setTechnical('connection', true, LOST);
    expect(() => m.addRules([rule('nerve-low', 'nerve', 'hi')])).to.not.throw();
    expect(() => m.addRules([rule('connection', 'skin', 'hi')])).to.throw("alarm rule 'connection': duplicate id");
  });
});

describe('AlarmManager: operator actions logged with who and when (issue 9.9)', () => {
  it('records pauses, resumptions, audio off, rules added and removed, and remote commands with their origin', () => {
    const { clock, m } = onClock(1_000);
    const actions = collect<AlarmAction>(m.actions);
    const remove = m.addRules([rule('nerve-low', 'nerve', 'hi')]);
    m.ingest(batch('nerve', 50_000, 12));
    m.command({ type: 'pause-audio', ms: 60_000 });
    m.command({ type: 'resume-audio' });
    m.command({ type: 'audio-off' });
    m.command({ type: 'pause-alarms', ms: 30_000 }, { origin: 'proctor', wall: 900 });
    advance(clock, 30_000);
    m.command({ type: 'resume-alarms' });
    remove();
    expect(actions.map((a) => [a.action, a.who, a.wall, a.t, a.target ?? a.detail])).to.deep.equal([
      ['rules-added', 'desk', 1_000, NaN, 'nerve-low'],
      ['pause-audio', 'desk', 1_000, 50_000, '60000 ms'],
      ['resume-audio', 'desk', 1_000, 50_000, undefined],
      ['audio-off', 'desk', 1_000, 50_000, undefined],
      ['pause-alarms', 'proctor', 900, 50_000, '30000 ms'],
      ['resume-alarms', 'system', 31_000, 50_000, 'pause over'],
      ['resume-alarms', 'desk', 31_000, 50_000, undefined],
      ['rule-removed', 'desk', 31_000, 50_000, 'nerve-low'],
    ]);
  });
});

describe('acknowledgeTop: a console key acknowledges the alarm shown on top', () => {
  it('acknowledges the most urgent unacknowledged occurrence, by name, then the next, then nothing', () => {
    const { m } = onClock(dataEpoch(0));
    m.setTechnical('low-one', true, { en: 'Low', fr: 'Bas' }, 'lo');
    m.setTechnical('high-one', true, { en: 'High', fr: 'Haut' }, 'hi');
    expect(m.acknowledgeTop()).to.equal(true);
    expect(m.present.value.map((a) => `${a.rule.id}:${a.state.presence}`)).to.deep.equal(['high-one:ack', 'low-one:on']);
    expect(m.acknowledgeTop()).to.equal(true);
    expect(m.acknowledgeTop(), 'nothing left unacknowledged').to.equal(false);
    expect(m.present.value.every((a) => a.state.presence === 'ack')).to.equal(true);
  });
});
