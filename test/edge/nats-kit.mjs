// Shared by the Node tests of the edge: a room's samples counted and checksummed, a wait on
// a condition (never a fixed sleep: the machine may be loaded), an edge published tick by
// tick, and a link to the broker that a test can break.
import { createServer, connect as connectTcp } from 'node:net';
import { connect } from '@nats-io/transport-node';
import { NATS_USERS } from '../../scripts/nats-server.mjs';

const { publishRoom } = await import('../../dist/edge/index.js');
const { TelemetryRoom } = await import('../../dist/streams/index.js');

export const nodeConnect = (o) => connect(o);

/** Count and a checksum of every sample a channel store holds (from data time `from` on), in order. */
export function tally(store, from = -Infinity) {
  let count = 0;
  let sum = 0;
  store?.forEach((t, v) => {
    count++;
    sum = (sum * 31 + t * 7 + Math.round(v * 1e4)) % 2147483647;
  }, from);
  return { count, sum };
}

/** Runs `body`; a failure carries the end of the broker's log (its warnings), the one witness of what it did. */
export async function withBrokerLog(nats, body) {
  try {
    return await body();
  } catch (e) {
    if (e instanceof Error) e.message += `\nthe broker's log ends:\n${nats.log}`;
    throw e;
  }
}

export async function until(what, check, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Per step of `stepMs`: the minimum and maximum (first reached) with their times, and the count, from [t, v] pairs in time order. */
export function stepExtremes(pairs, stepMs) {
  const m = new Map();
  for (const [t, v] of pairs) {
    const k = Math.floor(t / stepMs);
    const s = m.get(k) ?? { min: Infinity, max: -Infinity, minT: 0, maxT: 0, n: 0 };
    if (v < s.min) (s.min = v), (s.minT = t);
    if (v > s.max) (s.max = v), (s.maxT = t);
    s.n++;
    m.set(k, s);
  }
  return m;
}

/**
 * A TCP link between one client and the broker that a test can break: `cut()` drops the
 * connection and refuses the client's new ones (a viewer offline), `hold()` passes nothing
 * either way while the connection stays open (a viewer that reads nothing), `restore()`
 * lets everything through again. `url` is what the client connects to.
 */
export async function brokerLink(brokerUrl) {
  const target = new URL(brokerUrl);
  const pairs = new Set();
  let state = 'open';
  const server = createServer((client) => {
    if (state === 'cut') return client.destroy();
    const broker = connectTcp(Number(target.port), target.hostname);
    const pair = { client, broker };
    pairs.add(pair);
    const end = () => (client.destroy(), broker.destroy(), pairs.delete(pair));
    client.on('error', end).on('close', end);
    broker.on('error', end).on('close', end);
    client.pipe(broker);
    broker.pipe(client);
    if (state === 'held') client.pause(), broker.pause();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `nats://127.0.0.1:${server.address().port}`,
    cut() {
      state = 'cut';
      for (const p of pairs) p.client.destroy(), p.broker.destroy();
    },
    hold() {
      state = 'held';
      for (const p of pairs) p.client.pause(), p.broker.pause();
    },
    restore() {
      state = 'open';
      for (const p of pairs) p.client.resume(), p.broker.resume();
    },
    close() {
      this.cut();
      return new Promise((r) => server.close(r));
    },
  };
}

/**
 * An edge's room of one channel at 1 kHz, published as a bundle a tick of 20 ms; `ticks(n)`
 * publishes the next n ticks (data time from `t0` on, as fast as the broker takes them).
 */
export async function tickingEdge(nats, procedure, t0) {
  const nc = await nodeConnect({ servers: nats.url, ...NATS_USERS.edge });
  const room = new TelemetryRoom({ viewer: 'edge', windowMs: 15 * 60_000 });
  room.setChannels([{ id: 'ecg', label: 'ECG', unit: 'mV', intervalMs: 1, range: [-10, 10] }]);
  const publisher = await publishRoom(nc, room, { procedure, sender: `edge-${procedure}` });
  let k = 0;
  let seed = 7;
  const noise = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
  return {
    room,
    publisher,
    async ticks(n) {
      for (const end = k + n; k < end; k++) {
        const t = Float64Array.from({ length: 20 }, (_, i) => t0 + k * 20 + i);
        room.push({ channel: 'ecg', t, v: Float32Array.from(t, () => noise() + (noise() > 0.499 ? 3 : 0)) });
        // One tick, one turn (a bundle each), and the outbox emptied now and then.
        if (k % 500 === 499) await publisher.drained();
        else await null;
      }
      await publisher.drained();
    },
    async stop() {
      await publisher.stop();
      room.close();
      await nc.close();
    },
  };
}
