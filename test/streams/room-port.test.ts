// A console split across windows: one window's room shared over a MessagePort or a
// BroadcastChannel, another following it; one alarm decision, commands carried back.
import { expect } from '@esm-bundle/chai';
import { TelemetryRoom } from '../../src/streams/room/room.js';
import { followPort, shareRoom } from '../../src/streams/room-port.js';
import type { ChannelDescriptor } from '../../src/models/channel.js';
import type { AlarmRule } from '../../src/models/alarm-rules.js';
import { dataEpoch } from '../kit/clock.js';
import { waitUntil } from '../kit/fixture.js';

const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] };
const cold: AlarmRule = { id: 'cold', channel: 'probe', condition: { kind: 'below', limit: -40 }, priority: 'hi', kind: 'phy', onsetDelayMs: 0, hysteresis: 1, latching: true, message: { en: 'Probe below -40 °C', fr: 'Sonde sous -40 °C' } };
const t0 = dataEpoch(60_000);
const batch = (from: number, v: number[]) => ({ channel: 'probe', t: Float64Array.from(v, (_, i) => t0 + (from + i) * 100), v: Float32Array.from(v) });
const values = (room: TelemetryRoom) => {
  const out: number[] = [];
  room.store('probe')?.forEach((_, v) => out.push(v));
  return out;
};

for (const kind of ['MessagePort', 'BroadcastChannel'] as const) {
  describe(`a room shared over a ${kind}`, () => {
    it('a window opened late gets what the room holds, then follows; its acknowledgement is decided by the sharing room and shown in both', async () => {
      const channel = new MessageChannel();
      const name = `ir-room-${Math.random()}`;
      const [a, b] = kind === 'MessagePort' ? [channel.port1, channel.port2] : [new BroadcastChannel(name), new BroadcastChannel(name)];
      const main = new TelemetryRoom({ viewer: 'console' });
      main.setChannels([probe]);
      main.setRules([cold]);
      main.push(batch(0, [10, 0, -20]));
      const shared = shareRoom(main, a, 'console');
      const other = new TelemetryRoom({ viewer: 'second-screen' });
      const follow = followPort(other, b, 'second-screen');
      try {
        await waitUntil(() => values(other).length === 3, 'what the room held before');
        main.push(batch(3, [-45, -50]));
        await waitUntil(() => values(other).length === 5, 'what came after');
        expect(values(other)).to.deep.equal(values(main));
        await waitUntil(() => other.manager.present.value[0]?.state.presence === 'on', 'the sharing room\'s alarm');
        const { occurrence } = other.manager.present.value[0].state;
        const refused: string[] = [];
        other.manager.refused.subscribe((r) => refused.push(r.reason));
        other.manager.command({ type: 'acknowledge', id: 'cold', occurrence: occurrence + 1 });
        await waitUntil(() => refused.length === 1, 'a wrong occurrence refused by the sharing room, told here');
        expect(refused).to.deep.equal(['not-present']);
        const acted: string[] = [];
        other.manager.actions.subscribe((x) => acted.push(`${x.action} by ${x.who}`));
        other.manager.command({ type: 'acknowledge', id: 'cold', occurrence });
        await waitUntil(() => other.manager.present.value[0]?.state.presence === 'ack', 'the acknowledgement back here');
        expect(main.manager.present.value[0].state.presence).to.equal('ack');
        expect(acted).to.include('acknowledge by second-screen');
      } finally {
        follow.unsubscribe();
        shared.unsubscribe();
        main.close();
        other.close();
        if (a instanceof BroadcastChannel) a.close(), (b as BroadcastChannel).close();
        else channel.port1.close();
      }
    });
  });
}
