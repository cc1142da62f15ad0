import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { Subject } from 'rxjs';
import { AlarmManager, type AlarmCommand } from '../../src/streams/alarm-manager.js';
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
    const data = new Subject<SampleBatch | TechnicalEvent>();
    const commands = new Subject<AlarmCommand>();
    const m = new AlarmManager([rule('nerve-low', 'nerve', 'hi')], channels);
    const sub = m.connect(data, commands);
    data.next(batch('nerve', 1000, 8));
    expect(m.present.value.map((a) => a.state.presence)).to.deep.equal(['on']);
    commands.next({ type: 'pause-audio', ms: 60_000 });
    expect(m.audio.value.mode).to.equal('paused');
    data.next(batch('nerve', 31_000, 8));
    expect(m.pauseRemainingMs()).to.equal(30_000);
    commands.next({ type: 'acknowledge', id: 'nerve-low' });
    expect(m.present.value[0].state.presence).to.equal('ack');
    data.next(batch('nerve', 32_000, 12));
    expect(m.present.value).to.deep.equal([]);
    sub.unsubscribe();
  });

  it('raises the technical side on invalid data and keeps a limit alarm through it', () => {
    const noData: AlarmRule = { ...rule('nerve-data', 'nerve', 'me', false), kind: 'tec', condition: { kind: 'no-valid-data' } };
    const m = new AlarmManager([rule('nerve-low', 'nerve', 'hi'), noData], channels);
    m.ingest(batch('nerve', 1000, 8));
    m.noValidData({ type: 'technical', channel: 'nerve', reason: 'not-finite', count: 1, t: 1100 });
    expect(m.present.value.map((a) => `${a.rule.id}:${a.state.presence}`)).to.deep.equal(['nerve-low:on', 'nerve-data:on']);
  });

  it('acknowledging one alarm never silences another (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('nerve', 'skin'), fc.double({ min: 0, max: 20, noNaN: true }), fc.boolean()), { maxLength: 60 }), (steps) => {
        const m = new AlarmManager([rule('nerve-low', 'nerve', 'hi'), rule('skin-low', 'skin', 'me')], channels);
        let t = 0;
        for (const [channel, v, ackNerve] of steps) {
          m.ingest(batch(channel, (t += 100), v));
          const skinBefore = m.present.value.find((a) => a.rule.id === 'skin-low')?.state.presence;
          if (ackNerve) m.command({ type: 'acknowledge', id: 'nerve-low' });
          expect(m.present.value.find((a) => a.rule.id === 'skin-low')?.state.presence).to.equal(skinBefore);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
