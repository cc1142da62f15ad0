// The cement channels' default intervals suit an ordinary feed: volume and pressure sent at
// 2 Hz stay valid throughout (declared at 20 ms and 5 ms, they went stale and valid again
// every half second).
import { expect } from '@esm-bundle/chai';
import { VirtualTimeScheduler } from 'rxjs';
import { TelemetryRoom } from '../../src/streams/room/room.js';
import { cementChannels } from '../../src/models/cement/plan.js';
import { TWO_LEVELS } from '../kit/cement-plan.js';

describe('cementChannels defaults', () => {
  it('keep a 2 Hz volume and pressure feed valid, on data time and on arrival', () => {
    const clock = new VirtualTimeScheduler(undefined, 60_000);
    const room = new TelemetryRoom({ scheduler: clock });
    room.setChannels(cementChannels(TWO_LEVELS));
    const measured = ['vol-T12', 'vol-L1', 'pressure'];
    const changes: string[] = [];
    room.quality.subscribe((q) => measured.includes(q.channel) && changes.push(`${q.channel} ${q.quality} at ${clock.now()}`));
    const last = 20_000;
    for (let at = 0; at <= last; at += 500)
      clock.schedule(() => {
        for (const [channel, v] of [['vol-T12', at / 10_000], ['vol-L1', 0], ['pressure', 400 + at / 100]] as const)
          room.push({ channel, t: Float64Array.of(1000 + at), v: Float32Array.of(v) });
      }, at);
    clock.flush();
    expect(changes.filter((c) => Number(c.split(' at ')[1]) <= last)).to.deep.equal([]);
    expect(room.qualityOf('pressure').lastT).to.equal(1000 + last);
    room.close();
  });
});
