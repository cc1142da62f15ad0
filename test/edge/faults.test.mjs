// Faults against a real nats-server with a file store: the broker killed (kill -9) and
// restarted mid-procedure, an edge restarted, a viewer offline for ten minutes of the
// procedure, a viewer that reads nothing; every sample counted and checksummed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startNats, NATS_USERS } from '../../scripts/nats-server.mjs';
import { brokerLink, nodeConnect, tally, tickingEdge, until, withBrokerLog } from './nats-kit.mjs';

const { startEdge } = await import('../../dist/edge/index.js');
const { TelemetryRoom, followNats } = await import('../../dist/streams/index.js');

const CHANNELS = ['load.00', 'load.05', 'load.10', 'load.15'];

const follow = (nats, procedure, name, extra = {}, windowMs = undefined) => {
  const room = new TelemetryRoom({ viewer: name, windowMs });
  const sub = followNats(room, { servers: nats.url, procedure, viewer: name, connect: nodeConnect, ...NATS_USERS.viewer, ...extra });
  return { room, close: () => (sub.unsubscribe(), room.close()) };
};

test('broker killed (kill -9) and restarted mid-procedure: the edge and the viewers reconnect, nothing lost or doubled', async () => {
  const nats = await startNats();
  const edge = await startEdge({ nats: nats.url, procedure: 'fault-a', scenario: 'load', ...NATS_USERS.edge });
  const viewer = follow(nats, 'fault-a', 'console');
  try {
    await until('data at the viewer', () => tally(viewer.room.store('load.00')).count > 500);
    await nats.kill();
    // The edge goes on receiving device data while the broker is away: it waits in the outbox.
    const atKill = edge.publisher.stats.stored;
    await until('data held back at the edge', () => edge.publisher.stats.waiting > 200);
    await nats.restart();
    await until('the edge to publish again', () => edge.publisher.stats.stored > atKill + 500);
    // Every sample, not the overviews: the stream itself is what is counted here.
    const late = follow(nats, 'fault-a', 'late', { replay: 'every-sample' });
    try {
      edge.room.disconnect();
      await edge.publisher.drained();
      for (const ch of CHANNELS) {
        const want = tally(edge.room.store(ch));
        await until(`${ch} complete at both viewers`, () => tally(viewer.room.store(ch)).count >= want.count && tally(late.room.store(ch)).count >= want.count);
        assert.deepEqual(tally(viewer.room.store(ch)), want, `${ch} at the viewer that lived through it`);
        assert.deepEqual(tally(late.room.store(ch)), want, `${ch} at a viewer that joined after`);
      }
    } finally {
      late.close();
    }
  } finally {
    viewer.close();
    await edge.stop();
    await nats.stop();
  }
});

test('an edge restarted mid-procedure: it takes over the alarms left present (none lost), viewers follow the new run without a gap report', async () => {
  const nats = await startNats();
  const viewer = follow(nats, 'fault-b', 'console');
  const gaps = [];
  viewer.room.technical.subscribe((x) => x.type === 'sequence' && gaps.push(x));
  try {
    // Its log is the witness if the broker fails: it once crashed here as a viewer asked for messages while the edge made the stream (the next test).
    const first = await withBrokerLog(nats, () => startEdge({ nats: nats.url, procedure: 'fault-b', scenario: 'load', ...NATS_USERS.edge }));
    await until('the first run\'s alarm at the viewer', () => viewer.room.manager.present.value.some((a) => a.rule.id === 'load.00:high'));
    const raised = first.room.manager.present.value.find((a) => a.rule.id === 'load.00:high').state.occurrence;
    await first.stop();
    const before = tally(viewer.room.store('load.03')).count;
    const notices = [];
    const second = await startEdge({ nats: nats.url, procedure: 'fault-b', scenario: 'load', ...NATS_USERS.edge, onNotice: (t) => notices.push(t) });
    try {
      // The unacknowledged alarm of the first run is the second run's from its start: the same occurrence.
      const carried = second.room.manager.present.value.find((a) => a.rule.id === 'load.00:high');
      assert.equal(carried?.state.occurrence, raised);
      assert.ok(notices.some((t) => /resumed: [1-9]\d* alarm/.test(t) && /engines start anew/.test(t)), notices.join('; '));
      await until('the second run\'s data', () => tally(viewer.room.store('load.03')).count > before + 200);
      assert.deepEqual(gaps, [], 'a new run numbers anew: no gap, no duplicate');
      await until('the second run\'s alarm decision', () => viewer.room.manager.present.value.some((a) => a.rule.id === 'load.00:high' && a.state.presence === 'on'));
    } finally {
      await second.stop();
    }
  } finally {
    viewer.close();
    await nats.stop();
  }
});

test('a viewer started before its edge asks for no message and no consumer until the stream is made: one asked in that moment crashed nats-server 2.9.10', async () => {
  const nats = await startNats();
  // Every JetStream API request of the room's clients, as the broker receives them.
  const watch = await nodeConnect({ servers: nats.url, ...NATS_USERS.edge });
  const asked = [];
  watch.subscribe('$JS.API.>', { callback: (_, m) => asked.push(m.subject) });
  const viewer = follow(nats, 'fault-c', 'early');
  const byName = () => asked.filter((s) => s.startsWith('$JS.API.STREAM.NAMES')).length;
  try {
    await until('the viewer asking three times whether the stream is there', () => byName() >= 3);
    assert.deepEqual(asked.filter((s) => /\.MSG\.GET\.|\.CONSUMER\./.test(s)), [], 'no message, no consumer asked for');
    const edge = await withBrokerLog(nats, () => startEdge({ nats: nats.url, procedure: 'fault-c', scenario: 'load', ...NATS_USERS.edge }));
    try {
      await until("the edge's data at the viewer", () => tally(viewer.room.store('load.03')).count > 0);
      assert.doesNotMatch(nats.log, /panic:/, 'the broker did not crash');
    } finally {
      await edge.stop();
    }
  } finally {
    viewer.close();
    await watch.close();
    await nats.stop();
  }
});

const MIN = 60_000;

test('a viewer offline for ten minutes of the procedure catches up when it is back: every sample it missed, once', async () => {
  const nats = await startNats();
  const edge = await tickingEdge(nats, 'fault-d', Date.now() - 11 * MIN);
  const link = await brokerLink(nats.url);
  // Every sample from its join on too (not the overviews): what it holds is counted.
  const viewer = follow({ url: link.url }, 'fault-d', 'proctor', { replay: 'every-sample' }, 15 * MIN);
  try {
    await edge.ticks(1500);
    await until('the first 30 s at the viewer', () => tally(viewer.room.store('ecg')).count === 1500 * 20);
    link.cut();
    await until('the viewer to know it is offline', () => viewer.room.connection.value === 'reconnecting');
    await edge.ticks(30_000);
    assert.equal(tally(viewer.room.store('ecg')).count, 1500 * 20, 'nothing reached the viewer while it was offline');
    const counts = [];
    viewer.room.replaying.subscribe((n) => counts.push(n));
    link.restore();
    const want = tally(edge.room.store('ecg'));
    assert.equal(want.count, 31_500 * 20);
    await until('the ten minutes at the viewer', () => tally(viewer.room.store('ecg')).count >= want.count, 120_000);
    assert.deepEqual(tally(viewer.room.store('ecg')), want, 'every sample, once');
    assert.equal(viewer.room.connection.value, 'live');
    // What it missed is replayed as a join is: its panels say they are catching up meanwhile.
    assert.ok(Math.max(...counts) > 30_000 * 0.9, `catching up on the ten minutes, counted down: ${counts.slice(0, 5)}`);
    await until('caught up', () => viewer.room.replaying.value === 0);
  } finally {
    viewer.close();
    await link.close();
    await edge.stop();
    await nats.stop();
  }
});

test('a viewer that reads nothing holds up neither the edge nor another viewer, and catches up once it reads again', async () => {
  const nats = await startNats();
  const edge = await tickingEdge(nats, 'fault-e', Date.now() - 10 * MIN);
  const link = await brokerLink(nats.url);
  const slow = follow({ url: link.url }, 'fault-e', 'teaching-room', { replay: 'every-sample' }, 15 * MIN);
  const other = follow(nats, 'fault-e', 'console', { replay: 'every-sample' }, 15 * MIN);
  const count = (v) => tally(v.room.store('ecg')).count;
  try {
    await edge.ticks(500);
    await until('both viewers live', () => count(slow) === 500 * 20 && count(other) === 500 * 20);
    link.hold();
    // The edge publishes five minutes while one viewer reads nothing: it is not held back
    // (every tick stored by the broker), and the other viewer gets all of it meanwhile.
    let published = false;
    const publishing = edge.ticks(15_000).then(() => (published = true));
    await until('the edge to publish five minutes, every tick stored, with the viewer held', () => published, 120_000);
    await publishing;
    const want = tally(edge.room.store('ecg'));
    await until('every sample at the other viewer', () => count(other) >= want.count, 120_000);
    assert.deepEqual(tally(other.room.store('ecg')), want);
    assert.ok(count(slow) < want.count, `the held viewer had ${count(slow)} of ${want.count}`);
    link.restore();
    await until('every sample at the viewer that read nothing', () => count(slow) >= want.count, 120_000);
    assert.deepEqual(tally(slow.room.store('ecg')), want);
  } finally {
    slow.close();
    other.close();
    await link.close();
    await edge.stop();
    await nats.stop();
  }
});
