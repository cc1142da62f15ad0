// Shared by the Node tests of the edge: a room's samples counted and checksummed, and a wait
// on a condition (never a fixed sleep: the machine may be loaded).
import { createServer, connect as connectTcp } from 'node:net';
import { connect } from '@nats-io/transport-node';

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
