import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { firstValueFrom, from, toArray } from 'rxjs';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import { isTechnicalEvent, type TechnicalEvent, type UnitBatch } from '../../src/models/events.js';
import { OTHER_CHANNELS, validateSamples } from '../../src/streams/validate-samples.js';
import { MAX_CHANNEL_LENGTH } from '../../src/models/wire.js';

const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 1000, range: [-200, 120] };
const batch = (t: number[], v: number[], unit?: string, channel = 'probe'): UnitBatch => ({
  channel, t: Float64Array.from(t), v: Float32Array.from(v), ...(unit ? { unit } : {}),
});
const run = async (op: ReturnType<typeof validateSamples>, ...bs: UnitBatch[]) => {
  const out = await firstValueFrom(from(bs).pipe(op, toArray()));
  return {
    batches: out.filter((x): x is SampleBatch => !isTechnicalEvent(x)),
    events: out.filter(isTechnicalEvent) as TechnicalEvent[],
  };
};

describe('validateSamples', () => {
  it('passes a clean batch through without copying its arrays', async () => {
    const b = batch([1, 2, 3], [10, 20, 30]);
    const { batches, events } = await run(validateSamples([probe]), b);
    expect(events).to.deep.equal([]);
    expect(batches[0].t).to.equal(b.t);
    expect(batches[0].v).to.equal(b.v);
  });

  it('removes invalid values, reports each reason with a count and first time', async () => {
    const op = validateSamples([probe]);
    const { batches, events } = await run(op, batch([1, 2, 2, 1, 5, 6, 7, 7], [0, NaN, 1, 2, 500, 3, 4, 5]));
    expect(Array.from(batches[0].t)).to.deep.equal([1, 2, 6, 7]);
    expect(Array.from(batches[0].v)).to.deep.equal([0, 1, 3, 4]);
    const byReason = Object.fromEntries(events.map((e) => [e.reason, [e.count, e.t]]));
    expect(byReason).to.deep.equal({ 'not-finite': [1, 2], 'out-of-range': [1, 5], 'time-backwards': [1, 1], 'duplicate-time': [1, 7] });
    expect(op.counts('probe')).to.include({ accepted: 4, 'out-of-range': 1 });
  });

  it('converts an exact unit and refuses an inexact one whole', async () => {
    const op = validateSamples([probe]);
    const { batches, events } = await run(op, batch([1], [212], '[degF]'), batch([2, 3], [1, 2], 'mL'));
    expect(batches[0].v[0]).to.be.closeTo(100, 1e-4);
    expect(events).to.deep.equal([{ type: 'technical', channel: 'probe', reason: 'unit-mismatch', count: 2, t: 2 }]);
    expect(op.refused.get('probe')).to.equal(2);
  });

  it('refuses a batch of an unknown channel', async () => {
    const { batches, events } = await run(validateSamples([probe]), batch([1], [1], undefined, 'x'));
    expect(batches).to.deep.equal([]);
    expect(events[0]).to.include({ reason: 'unknown-channel', channel: 'x', count: 1 });
  });

  it('never drops a valid value and accounts for every value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.oneof(fc.float({ noDefaultInfinity: true }), fc.constant(NaN))), { maxLength: 40 }), async (pairs) => {
        const op = validateSamples([probe]);
        const { batches, events } = await run(op, batch(pairs.map((p) => p[0]), pairs.map((p) => p[1])));
        const kept = batches.reduce((s, b) => s + b.t.length, 0);
        const rejected = events.reduce((s, e) => s + e.count, 0);
        expect(kept + rejected).to.equal(pairs.length);
        expect(kept).to.equal(op.counts('probe')!.accepted);
        for (const b of batches) for (let i = 1; i < b.t.length; i++) expect(b.t[i]).to.be.greaterThan(b.t[i - 1]);
      }),
    );
  });

  it('refuses samples far from the receiving clock, and the good ones after them pass', async () => {
    let now = 1.7e12;
    const op = validateSamples([probe], { clock: { clock: () => now } });
    const future = now + 3 * 365 * 86_400_000;
    const { batches, events } = await run(op, batch([now - 2, now - 1], [1, 2]), batch([future], [3]), batch([now, now + 1], [4, 5]));
    expect(batches.flatMap((b) => Array.from(b.t))).to.deep.equal([now - 2, now - 1, now, now + 1]);
    expect(events).to.deep.equal([{ type: 'technical', channel: 'probe', reason: 'clock-skew', count: 1, t: future }]);
    now += 1000;
    expect((await run(op, batch([now], [6]))).batches.length).to.equal(1);
  });

  it('bounds what it keeps about unknown channels: key length and count', async () => {
    const op = validateSamples([probe], { maxRefusedChannels: 8 });
    const names = Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(1 << 20, 'x'));
    const { events } = await run(op, ...names.map((n) => batch([1, 2], [1, 2], undefined, n)));
    expect(events.length).to.equal(50);
    for (const e of events) expect(e.channel!.length).to.be.at.most(MAX_CHANNEL_LENGTH + 1);
    expect(events[3].channel!.startsWith('3x')).to.equal(true);
    expect(op.refused.size).to.equal(9);
    expect([...op.refused.keys()].every((k) => k.length <= MAX_CHANNEL_LENGTH + 1)).to.equal(true);
    expect(op.refused.get(OTHER_CHANNELS)).to.equal(2 * 42);
    expect([...op.refused.values()].reduce((a, b) => a + b)).to.equal(100);
  });
});
