import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { Subject, VirtualTimeScheduler } from 'rxjs';
import { AlarmManager, alarmChanges, type AlarmChange, type AlarmInput } from '../../src/streams/alarm-manager.js';
import type { AlarmCommand } from '../../src/models/alarm-command.js';
import type { AlarmRule } from '../../src/models/alarm-rules.js';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import type { TechnicalEvent } from '../../src/models/events.js';

const channels: ChannelDescriptor[] = ['nerve', 'skin'].map((id) => ({ id, label: id, unit: 'Cel', intervalMs: 100, range: [-50, 60] }));
const rule = (id: string, channel: string, priority: AlarmRule['priority'], latching = true): AlarmRule => ({
  id, channel, priority, latching, kind: 'phy', condition: { kind: 'below', limit: 10 }, onsetDelayMs: 0, hysteresis: 0.5,
  message: { en: `${id} low`, fr: `${id} bas` },
});
const batch = (channel: string, t: number, v: number): SampleBatch => ({ channel, t: Float64Array.of(t), v: Float32Array.of(v) });

describe('AlarmManager', () => {
  it('refuses a rule on an unknown channel at configuration time', () => {
    expect(() => new AlarmManager([rule('x', 'ecg', 'hi')], channels)).to.throw("alarm rule 'x': unknown channel 'ecg'");
  });

  it('takes acknowledgement and pause from outside, through a command stream', () => {
    const data = new Subject<AlarmInput>();
    const commands = new Subject<AlarmCommand>();
    const m = new AlarmManager([rule('nerve-low', 'nerve', 'hi')], channels);
    const sub = m.connect(data, commands);
    data.next(batch('nerve', 1000, 8));
    expect(m.present.value.map((a) => a.state.presence)).to.deep.equal(['on']);
    commands.next({ type: 'pause-audio', ms: 60_000 });
    expect(m.system.value.audio.mode).to.equal('paused');
    data.next(batch('nerve', 31_000, 8));
    expect(m.pauseRemainingMs().audio).to.equal(30_000);
    commands.next({ type: 'acknowledge', id: 'nerve-low', occurrence: 1000 });
    expect(m.present.value[0].state.presence).to.equal('ack');
    data.next(batch('nerve', 32_000, 12));
    expect(m.present.value).to.deep.equal([]);
    sub.unsubscribe();
  });

  it('raises the technical alarm on invalid or stale data and keeps a limit alarm through it', () => {
    const m = new AlarmManager([rule('nerve-low', 'nerve', 'hi')], channels);
    const present = () => m.present.value.map((a) => `${a.rule.id}:${a.state.presence}`);
    m.ingest(batch('nerve', 1000, 8));
    m.input({ type: 'technical', channel: 'nerve', reason: 'not-finite', count: 1, t: 1100 } satisfies TechnicalEvent);
    expect(present()).to.deep.equal(['nerve-low:on', 'nerve:invalid:on']);
    m.input({ type: 'quality', channel: 'nerve', quality: 'stale', t: 1400 });
    expect(present()).to.deep.equal(['nerve-low:on', 'nerve:invalid:on', 'nerve:stale:on']);
    expect(m.present.value.find((a) => a.rule.id === 'nerve:stale')!.rule.message.fr).to.equal('nerve : pas de données');
    m.ingest(batch('nerve', 3000, 12));
    expect(present(), 'valid data ends both technical alarms; the limit alarm latches').to.deep.equal(['nerve-low:latch']);
    const nan = new AlarmManager([rule('skin-low', 'skin', 'lo')], channels);
    nan.ingest(batch('skin', 1000, NaN));
    expect(nan.present.value.map((a) => a.rule.id), 'a NaN that slipped through is invalid data').to.deep.equal(['skin:invalid']);
  });

  it('adds and removes a panel\'s rules, with their channel\'s technical rules', () => {
    const m = new AlarmManager([], channels);
    const remove = m.addRules([rule('skin-low', 'skin', 'me', false)]);
    expect(() => m.addRules([rule('skin-low', 'skin', 'me')])).to.throw("'skin-low': duplicate id");
    expect(m.rulesOf('skin').map((r) => r.id)).to.deep.equal(['skin-low', 'skin:stale', 'skin:invalid']);
    m.ingest(batch('skin', 1000, 12));
    remove();
    expect(m.rulesOf('skin')).to.deep.equal([]);
    m.ingest(batch('skin', 2000, 5));
    expect(m.present.value, 'a removed rule raises nothing new').to.deep.equal([]);
  });

  it('emits a change only when a presence or an occurrence changes, not while an onset delay runs', () => {
    const m = new AlarmManager([{ ...rule('nerve-low', 'nerve', 'hi'), onsetDelayMs: 1000 }], channels);
    const seen: string[] = [];
    m.changes.subscribe((c) => seen.push(`${c.t}:${c.previous}->${c.state.presence}`));
    for (const [t, v] of [[0, 12], [100, 8], [500, 8], [900, 12], [1000, 8], [2000, 8]]) m.ingest(batch('nerve', t, v));
    expect(seen).to.deep.equal(['2000:off->on']);
  });

  it('pauses alarm signals, and a higher priority ends the pause', () => {
    const m = new AlarmManager([rule('nerve-low', 'nerve', 'hi'), rule('skin-low', 'skin', 'me')], channels);
    m.ingest(batch('skin', 1000, 5));
    m.command({ type: 'pause-alarms', ms: 60_000 });
    m.ingest(batch('skin', 30_000, 5));
    expect(m.system.value.alarms.mode).to.equal('paused');
    expect(m.pauseRemainingMs().alarms).to.equal(31_000);
    m.ingest(batch('nerve', 30_100, 5));
    expect(m.system.value.alarms.mode, 'a high priority ends a pause taken on a medium').to.equal('on');
    m.command({ type: 'audio-off' });
    m.ingest(batch('nerve', 1e9, 5));
    expect(m.system.value.audio.mode).to.equal('off');
  });

  it('issues its own commands for other viewers and not those it received from them', () => {
    const m = new AlarmManager([rule('nerve-low', 'nerve', 'hi')], channels);
    const issued: AlarmCommand[] = [];
    m.issued.subscribe((c) => issued.push(c));
    const remote = new Subject<AlarmCommand>();
    m.connect(new Subject<AlarmInput>(), remote);
    m.command({ type: 'pause-audio' });
    remote.next({ type: 'resume-audio' });
    expect(issued).to.deep.equal([{ type: 'pause-audio' }]);
    expect(m.system.value.audio.mode).to.equal('on');
  });

  it('alarmChanges: an operator from validated data to presence changes', () => {
    const m = new AlarmManager([rule('nerve-low', 'nerve', 'hi', false)], channels);
    const data = new Subject<AlarmInput>();
    const seen: AlarmChange[] = [];
    const sub = data.pipe(alarmChanges(m)).subscribe((c) => seen.push(c));
    data.next(batch('nerve', 1000, 8));
    data.next(batch('nerve', 2000, 12));
    sub.unsubscribe();
    data.next(batch('nerve', 3000, 8));
    expect(seen.map((c) => `${c.t}:${c.state.presence}`)).to.deep.equal(['1000:on', '2000:off']);
  });

  it('acknowledging one alarm never silences another (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('nerve', 'skin'), fc.double({ min: 0, max: 20, noNaN: true }), fc.boolean()), { maxLength: 60 }), (steps) => {
        const m = new AlarmManager([rule('nerve-low', 'nerve', 'hi'), rule('skin-low', 'skin', 'me')], channels);
        let t = 0;
        for (const [channel, v, ackNerve] of steps) {
          m.ingest(batch(channel, (t += 100), v));
          const skinBefore = m.present.value.find((a) => a.rule.id === 'skin-low')?.state.presence;
          const nerve = m.present.value.find((a) => a.rule.id === 'nerve-low');
          if (ackNerve && nerve) m.command({ type: 'acknowledge', id: 'nerve-low', occurrence: nerve.state.occurrence });
          expect(m.present.value.find((a) => a.rule.id === 'skin-low')?.state.presence).to.equal(skinBefore);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('ends a pause on the wall clock when data stops, and counts down on any channel\'s data time', () => {
    const clock = new VirtualTimeScheduler();
    const m = new AlarmManager([rule('nerve-low', 'nerve', 'hi')], [...channels, { id: 'probe', label: 'probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] }], { scheduler: clock });
    m.ingest(batch('nerve', 1000, 8));
    m.command({ type: 'pause-audio', ms: 120_000 });
    m.ingest(batch('probe', 31_000, -100));
    expect(m.pauseRemainingMs().audio, 'a channel without rules moves data time on').to.equal(90_000);
    expect(m.system.value.audio.mode).to.equal('paused');
    clock.flush();
    expect(clock.now()).to.equal(120_000);
    expect(m.system.value.audio.mode, 'no more data, yet the pause ended').to.equal('on');
  });

  it('a sensor stale before any data is stamped on the wall clock, and a replay\'s older data still ends it', () => {
    const clock = new VirtualTimeScheduler();
    clock.schedule(() => undefined, 5_000);
    clock.flush();
    const m = new AlarmManager([rule('nerve-low', 'nerve', 'hi')], channels, { scheduler: clock });
    m.input({ type: 'quality', channel: 'nerve', quality: 'stale', t: NaN });
    expect(m.present.value.map((a) => `${a.rule.id}@${a.state.onset}`)).to.deep.equal(['nerve:stale@5000']);
    m.ingest(batch('nerve', 1000, 20));
    expect(m.present.value).to.deep.equal([]);
  });
});
