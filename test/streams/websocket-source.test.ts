import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Subscription } from 'rxjs';
import { websocketSource, type WsItem } from '../../src/streams/websocket-source.js';
import { encodeBinaryFrame } from '../../src/models/wire.js';
import { waitUntil } from '../kit/fixture.js';
import { seen, untilClients } from './ws-helpers.js';

const line = (seq: number, v = 37) =>
  JSON.stringify({ ver: 1, type: 'samples', channel: 'probe', seq, unit: 'Cel', t: [1.7e12 + seq], v: [v] });
const send = (payload: { lines?: string[]; binary?: number[][] }) => executeServerCommand('ws-send', payload);

const lives = (items: WsItem[]) => items.filter((i) => i.type === 'state' && i.state === 'live').length;
const messages = (items: WsItem[]) => items.filter((i) => i.type === 'message');

describe('websocketSource against a real server', () => {
  let url: string;
  let sub: Subscription | undefined;
  let items: WsItem[];

  before(async () => {
    url = `ws://127.0.0.1:${await executeServerCommand<number, unknown>('ws-port')}`;
  });
  beforeEach(async () => {
    items = [];
    sub = websocketSource(url, { backoff: { initialMs: 20, maxMs: 100, factor: 2, jitter: 0.2 } }).subscribe((i) => items.push(i));
    await waitUntil(() => lives(items) === 1, seen('live', items));
    await untilClients(1);
  });
  afterEach(() => sub?.unsubscribe());

  it('receives samples and binary frames', async () => {
    await send({ lines: [line(0), line(1)] });
    const frame = encodeBinaryFrame({ kind: 'waveform', channel: 'ire', seq: 0, t0: 5, sampleRateHz: 1000, data: Float32Array.of(1, 2) });
    await send({ binary: [Array.from(new Uint8Array(frame))] });
    await waitUntil(() => messages(items).length === 2 && items.some((i) => i.type === 'frame'), seen('samples', items));
    const m = messages(items)[1];
    expect(m.type === 'message' && m.message.type === 'samples' && m.message.seq).to.equal(1);
    const f = items.find((i) => i.type === 'frame');
    expect(f?.type === 'frame' && Array.from(f.frame.data)).to.deep.equal([1, 2]);
  });

  it('reconnects after terminate, and detects a gap across it', async () => {
    await send({ lines: [line(0), line(1)] });
    await waitUntil(() => messages(items).length === 2, seen('first batch', items));
    await executeServerCommand('ws-terminate-all');
    await waitUntil(() => lives(items) === 2, seen('reconnect', items));
    expect(items.some((i) => i.type === 'state' && i.state === 'reconnecting')).to.equal(true);
    await send({ lines: [line(5)] });
    await waitUntil(() => messages(items).length === 3, seen('after gap', items));
    const gap = items.find((i) => i.type === 'sequence');
    expect(gap).to.deep.equal({ type: 'sequence', channel: 'probe', seq: 5, reason: 'gap', missing: 3 });
  });

  it('reconnects after a clean close, and drops duplicates replayed across it', async () => {
    await send({ lines: [line(0), line(1), line(2)] });
    await waitUntil(() => messages(items).length === 3, seen('first batch', items));
    await executeServerCommand('ws-close-all');
    await waitUntil(() => lives(items) === 2, seen('reconnect', items));
    await send({ lines: [line(1), line(2), line(3)] });
    await waitUntil(() => messages(items).length === 4, seen('after replay', items));
    const dups = items.filter((i) => i.type === 'sequence');
    expect(dups.map((d) => d.type === 'sequence' && [d.reason, d.seq])).to.deep.equal([['duplicate', 1], ['duplicate', 2]]);
    expect(messages(items).map((m) => m.type === 'message' && m.message.type === 'samples' && m.message.seq)).to.deep.equal([0, 1, 2, 3]);
  });

  it('reports malformed JSON as a typed error and keeps going', async () => {
    await send({ lines: [line(0), '{"ver":1,', line(1)] });
    await waitUntil(() => messages(items).length === 2, seen('lines around the error', items));
    const err = items.find((i) => i.type === 'parse-error');
    expect(err?.type === 'parse-error' && err.reason).to.equal('malformed-json');
    await send({ binary: [[1, 2, 3, 4, 5]] });
    await waitUntil(() => items.filter((i) => i.type === 'parse-error').length === 2, seen('binary error', items));
    await send({ lines: [line(2)] });
    await waitUntil(() => messages(items).length === 3, seen('after errors', items));
  });

  it('backs off while the server is unreachable', async () => {
    sub?.unsubscribe();
    const xs: WsItem[] = [];
    const s = websocketSource('ws://127.0.0.1:9', { backoff: { initialMs: 10, maxMs: 40, factor: 2, jitter: 0 } }).subscribe((i) => xs.push(i));
    try {
      await waitUntil(() => xs.filter((i) => i.type === 'state' && i.state === 'reconnecting').length >= 4, seen('retries', xs));
      const delays = xs.flatMap((i) => (i.type === 'state' && i.state === 'reconnecting' ? [i.delayMs] : []));
      expect(delays.slice(0, 4)).to.deep.equal([10, 20, 40, 40]);
    } finally {
      s.unsubscribe();
    }
  });
});
