import { expect } from '@esm-bundle/chai';
import { ChannelStore } from '../../src/streams/room/channel-store.js';
import type { ChannelDescriptor } from '../../src/models/channel.js';

const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] };
/** `n` samples from `t0`, `stepMs` apart with up to `jitterMs` either way. */
const batch = (t0: number, n: number, stepMs: number, jitterMs = 0) => ({
  channel: 'probe',
  t: Float64Array.from({ length: n }, (_, i) => t0 + i * stepMs + (i % 2 ? jitterMs : -jitterMs)),
  v: new Float32Array(n),
});

describe('ChannelStore', () => {
  it('says once per burst that samples inside its window were pushed out, never for a feed jittering at its rate', () => {
    const store = new ChannelStore(probe, 60_000);
    const bursts: number[] = [];
    let t = 0;
    const feed = (seconds: number, stepMs: number, jitterMs = 0) => {
      for (let s = 0; s < seconds; s++, t += 1000) if (store.push(batch(t, Math.round(1000 / stepMs), stepMs, jitterMs))) bursts.push(t);
    };
    feed(180, 100, 30);
    expect(bursts, 'nominal rate with jitter').to.deep.equal([]);
    feed(40, 10);
    expect(bursts, 'a 10x burst: one report').to.have.length(1);
    feed(120, 100);
    feed(20, 10);
    expect(bursts, 'a second burst after the window was held again').to.have.length(2);
    expect(store.length).to.equal(601);
  });
});
