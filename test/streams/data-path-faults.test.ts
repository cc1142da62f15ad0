// Issue 10 data-path faults, end to end through a real WebSocket server on loopback:
// websocketSource -> validateSamples against the receiving clock, as a live room runs them.
// Each test checks that the valid samples sent are the valid samples received (count and
// checksum) and that each bad input is a typed technical event naming its channel.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { filter, map, share, type Subscription } from 'rxjs';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import { isTechnicalEvent, type TechnicalEvent } from '../../src/models/events.js';
import { MAX_CHANNEL_LENGTH, encodeBinaryFrame, encodeWireLine, type BinaryFrame, type WireSamples } from '../../src/models/wire.js';
import { OTHER_CHANNELS, validateSamples, type ValidateSamples } from '../../src/streams/validate-samples.js';
import { websocketSource, type WsItem } from '../../src/streams/websocket-source.js';
import { waitUntil } from '../kit/fixture.js';
import { seen, untilClients } from './ws-helpers.js';

const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] };
const nerve: ChannelDescriptor = { id: 'nerve', label: 'Nerve', unit: 'Cel', intervalMs: 100, range: [-50, 60] };

type Sent = { t: number; v: number };
/** Count and checksum of samples; values are exact in float32, so sums compare exactly. */
const digest = (xs: Sent[]) => ({ n: xs.length, sum: xs.reduce((s, x) => s + (x.t % 1e6) * 7 + x.v, 0) });
const received = (bs: SampleBatch[], channel = 'probe') =>
  digest(bs.filter((b) => b.channel === channel).flatMap((b) => Array.from(b.t, (t, i) => ({ t, v: b.v[i] }))));

const send = (messages: (string | number[] | { template: string; fill: number })[]) => executeServerCommand('ws-send-messages', messages);
const lives = (items: WsItem[]) => items.filter((i) => i.type === 'state' && i.state === 'live').length;

describe('data path faults over a real WebSocket (issue 10)', () => {
  let url: string;
  let sub: Subscription | undefined;
  let items: WsItem[];
  let batches: SampleBatch[];
  let events: TechnicalEvent[];
  let op: ValidateSamples;
  let now: number;
  /** Good samples, a batch per message, in data-time order from `now`. */
  let sent: Sent[];
  const good = (channel: string, seq: number, k = 2, extra: Partial<WireSamples> = {}) => {
    const t = Array.from({ length: k }, () => (now += 100));
    const v = t.map((_, i) => 36 + ((seq * 7 + i) % 16) / 4);
    if (channel === 'probe') sent.push(...t.map((x, i) => ({ t: x, v: v[i] })));
    return encodeWireLine({ type: 'samples', channel, seq, unit: 'Cel', t: Float64Array.from(t), v: Float32Array.from(v), ...extra });
  };
  const technical = (reason: string) => events.filter((e) => e.reason === reason);
  const wsOf = (type: WsItem['type']) => items.filter((i) => i.type === type);
  const reconnect = async () => {
    const before = lives(items);
    await executeServerCommand('ws-close-all');
    await waitUntil(() => lives(items) === before + 1, seen('reconnect', items));
    await untilClients(1);
  };
  const settle = (what: string) => waitUntil(() => received(batches).n === sent.length, seen(what, items));

  before(async () => {
    url = `ws://127.0.0.1:${await executeServerCommand<number, unknown>('ws-port')}`;
  });
  beforeEach(async () => {
    items = [];
    batches = [];
    events = [];
    sent = [];
    now = Date.now() - 60_000;
    op = validateSamples([probe, nerve], { clock: { clock: () => Date.now() } });
    const ws = websocketSource(url, { backoff: { initialMs: 20, maxMs: 100, factor: 2, jitter: 0.2 } }).pipe(share());
    sub = ws.subscribe((i) => items.push(i));
    sub.add(ws.pipe(
      filter((i) => i.type === 'message' && i.message.type === 'samples'),
      map((i) => (i as { message: WireSamples }).message),
      op,
    ).subscribe((x) => (isTechnicalEvent(x) ? events.push(x) : batches.push(x))));
    await waitUntil(() => lives(items) === 1, seen('live', items));
    await untilClients(1);
  });
  afterEach(() => sub?.unsubscribe());

  it('1. a restarted gateway, numbering from 0 under a new stream id: nothing dropped', async () => {
    await send([[encodeWireLine({ type: 'hello', stream: 'boot-1' }), ...Array.from({ length: 10 }, (_, i) => good('probe', 500 + i))].join('\n')]);
    await settle('first stream');
    await reconnect();
    await send([[encodeWireLine({ type: 'hello', stream: 'boot-2' }), ...Array.from({ length: 10 }, (_, i) => good('probe', i))].join('\n')]);
    await settle('second stream');
    expect(received(batches)).to.deep.equal(digest(sent));
    expect(wsOf('stream')).to.deep.equal([{ type: 'stream', stream: 'boot-2', previous: 'boot-1' }]);
    expect(wsOf('sequence')).to.deep.equal([]);
  });

  it('1. a restart without a stream id, and one absurd seq: nothing dropped, no channel locked', async () => {
    await send([Array.from({ length: 5 }, (_, i) => good('probe', 5000 + i)).join('\n')]);
    await settle('before restart');
    await reconnect();
    const lines = [good('probe', 0), good('probe', 1), good('probe', 2), good('probe', 4_000_000_000), good('probe', 3), good('probe', 4)];
    await send([lines.join('\n')]);
    await settle('after restart');
    expect(received(batches)).to.deep.equal(digest(sent));
    expect(wsOf('sequence').map((s) => s.type === 'sequence' && [s.channel, s.seq, s.reason])).to.deep.equal([
      ['probe', 0, 'jump'], ['probe', 1, 'resync'], ['probe', 4_000_000_000, 'jump'],
    ]);
    // A replay of the same numbers (data already seen) is still refused as duplicates.
    await send([[0, 1, 2].map((q) => encodeWireLine({ type: 'samples', channel: 'probe', seq: q + 2, unit: 'Cel', t: Float64Array.of(now - 150), v: Float32Array.of(1) })).join('\n')]);
    await waitUntil(() => items.filter((i) => i.type === 'sequence' && i.reason === 'duplicate').length === 3, seen('duplicates', items));
  });

  it('2. a far-future timestamp is refused as clock-skew and blocks nothing, across a reconnect', async () => {
    const future = Date.now() + 5 * 365 * 86_400_000;
    const bad = encodeWireLine({ type: 'samples', channel: 'probe', seq: 2, unit: 'Cel', t: Float64Array.of(future), v: Float32Array.of(37) });
    await send([[good('probe', 0), good('probe', 1), bad, good('probe', 3)].join('\n')]);
    await settle('around the fault');
    await reconnect();
    await send([[good('probe', 4), good('probe', 5)].join('\n')]);
    await settle('after reconnect');
    expect(received(batches)).to.deep.equal(digest(sent));
    expect(technical('clock-skew')).to.deep.equal([{ type: 'technical', channel: 'probe', reason: 'clock-skew', count: 1, t: future }]);
    expect(events.length).to.equal(1);
  });

  it('3. null, string and boolean values are refused one by one, naming the channel; neighbours kept', async () => {
    const t = [now + 100, now + 200, now + 300, now + 400, now + 500, now + 600];
    now += 700;
    const line = JSON.stringify({ ver: 1, type: 'samples', channel: 'probe', seq: 0, unit: 'Cel', t: [t[0], t[1], t[2], null, t[4], t[5]], v: [36.5, null, 'x', 37, true, 38.25] });
    sent.push({ t: t[0], v: 36.5 }, { t: t[5], v: 38.25 });
    await send([line, good('probe', 1)]);
    await settle('valid neighbours');
    expect(received(batches)).to.deep.equal(digest(sent));
    expect(events).to.deep.equal([{ type: 'technical', channel: 'probe', reason: 'not-finite', count: 4, t: t[1] }]);
    expect(wsOf('parse-error')).to.deep.equal([]);
  });

  it('4. framing: a byte-order mark, and lines cut anywhere across messages, lose nothing', async () => {
    const text = '\uFEFF' + Array.from({ length: 40 }, (_, i) => good(i % 2 ? 'nerve' : 'probe', i >> 1)).join('\r\n') + '\n';
    // Messages of 1 to 97 characters: every line is cut, some inside a number or a key.
    const messages: string[] = [];
    for (let i = 0, k = 1; i < text.length; i += k, k = (k * 7 + 3) % 97 + 1) messages.push(text.slice(i, i + k));
    expect(messages.length).to.be.greaterThan(40);
    await send(messages);
    await settle('all lines');
    await waitUntil(() => received(batches, 'nerve').n === 40, seen('nerve', items));
    expect(received(batches)).to.deep.equal(digest(sent));
    expect(wsOf('parse-error')).to.deep.equal([]);
    expect(wsOf('sequence')).to.deep.equal([]);
    expect(events).to.deep.equal([]);
  });

  it('4. a garbage fragment before a new message costs one typed error, not the next line', async () => {
    await send(['{"ver":1,"type":"sam', good('probe', 0), `${good('probe', 1)}\n`]);
    await settle('lines after the fragment');
    expect(received(batches)).to.deep.equal(digest(sent));
    expect(wsOf('parse-error').map((e) => e.type === 'parse-error' && e.reason)).to.deep.equal(['malformed-json']);
  });

  it('4. an endless unterminated fragment is dropped at the limit, not carried forever', async () => {
    await send([{ template: '{"a":"{fill}', fill: 2 << 20 }, `${good('probe', 0)}\n`]);
    await settle('line after the fragment');
    expect(received(batches)).to.deep.equal(digest(sent));
    expect(wsOf('parse-error').map((e) => e.type === 'parse-error' && e.reason)).to.deep.equal(['line-too-long']);
  });

  it('5. binary frames: every field checked, non-finite values counted per channel, data intact', async () => {
    const wave: BinaryFrame = { kind: 'waveform', channel: 'ire-1', seq: 0, t0: now, sampleRateHz: 1e5, data: Float32Array.of(1, NaN, 2.5, Infinity, -3) };
    const grid: BinaryFrame = { kind: 'grid', channel: 'mr-t', seq: 0, t: now, width: 2, height: 1, spacingMm: [1, 1], originMm: [0, 0], data: Float32Array.of(37, 38) };
    const broken = new Uint8Array(encodeBinaryFrame({ ...grid, seq: 1 }));
    new DataView(broken.buffer).setUint32(16 + 12, 5, true); // height 5: geometry against count
    await send([wave, grid].map((f) => Array.from(new Uint8Array(encodeBinaryFrame(f)))).concat([Array.from(broken)]));
    await waitUntil(() => items.filter((i) => i.type === 'frame').length === 2 && items.some((i) => i.type === 'parse-error'), seen('frames', items));
    const frames = items.flatMap((i) => (i.type === 'frame' ? [i.frame] : []));
    expect(frames).to.deep.equal([wave, grid]);
    expect(items.filter(isTechnicalEvent)).to.deep.equal([{ type: 'technical', channel: 'ire-1', reason: 'not-finite', count: 2, t: now }]);
    expect(wsOf('parse-error')).to.deep.equal([{ type: 'parse-error', reason: 'bad-field', detail: 'count: 2 values for 2 x 5', channel: 'mr-t' }]);
  });

  it('6. hostile channel names: nothing kept grows with them', async function () {
    // 50 MiB through loopback and the parser: a budget, not a timed assertion (on this
    // 2-core machine under a load of 30 it took over 25 s).
    this.timeout(120_000);
    // 50 names of 1 MiB each, as in the issue.
    const huge = Array.from({ length: 50 }, (_, i) => ({ template: encodeWireLine({ type: 'samples', channel: `${i}{fill}`, seq: 0, unit: 'Cel', t: Float64Array.of(now), v: Float32Array.of(1) }), fill: 1 << 20 }));
    await send(huge);
    await waitUntil(() => items.filter((i) => i.type === 'parse-error').length === 50, seen('refused', items), 100_000);
    for (const e of wsOf('parse-error')) expect(JSON.stringify(e).length).to.be.below(200);
    // Short unknown names reach the validator: its bookkeeping stays bounded.
    const unknown = Array.from({ length: 200 }, (_, i) => encodeWireLine({ type: 'samples', channel: `${i}`.padEnd(MAX_CHANNEL_LENGTH, 'y'), seq: 0, unit: 'Cel', t: Float64Array.of(now), v: Float32Array.of(1) }));
    await send([unknown.join('\n'), good('probe', 0)]);
    await settle('valid after the flood');
    await waitUntil(() => technical('unknown-channel').length === 200, seen('unknown', items));
    expect(op.refused.size).to.equal(65);
    expect(op.refused.get(OTHER_CHANNELS)).to.equal(200 - 64);
    expect(received(batches)).to.deep.equal(digest(sent));
  });
});
