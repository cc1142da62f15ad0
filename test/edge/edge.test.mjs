// The edge against a real nats-server (Debian's package, started here on loopback): a
// headless room publishes a scenario, viewers follow it through JetStream, replay what they
// missed, render the edge's alarm decision and send their acknowledgements to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startNats, NATS_USERS } from '../../scripts/nats-server.mjs';
import { nodeConnect, stepExtremes, tally, tickingEdge, until } from './nats-kit.mjs';

const { startEdge, publishRoom } = await import('../../dist/edge/index.js');
const { TelemetryRoom, followNats, natsSource } = await import('../../dist/streams/index.js');

let nats;
before(async () => {
  nats = await startNats();
});
after(async () => {
  await nats?.stop();
});

const viewer = (procedure, name, creds = NATS_USERS.viewer, extra = {}) => {
  const room = new TelemetryRoom({ viewer: name });
  const sub = followNats(room, { servers: nats.url, procedure, viewer: name, connect: nodeConnect, ...creds, ...extra });
  return { room, close: () => (sub.unsubscribe(), room.close()) };
};

const present = (room, id) => room.manager.present.value.find((a) => a.rule.id === id);

test('viewers see every sample the edge kept, once, a late joiner too; the same alarms; an acknowledgement from one shows in all with who made it', async () => {
  const edge = await startEdge({ nats: nats.url, procedure: 'room-a', scenario: 'load', ...NATS_USERS.edge });
  const console_ = viewer('room-a', 'console@room-a');
  try {
    // The load scenario's first channel crosses 0.9 within ~8 s of data.
    await until('the edge to raise the load alarm', () => present(edge.room, 'load.00:high'));
    await until('the console to show it', () => present(console_.room, 'load.00:high')?.state.presence === 'on');
    const late = viewer('room-a', 'proctor@hospital-b', NATS_USERS.viewer, { replay: 'every-sample' });
    try {
      await until('the late joiner to catch up and show the alarm', () => late.room.replaying.value === 0 && present(late.room, 'load.00:high'));
      const alarm = present(late.room, 'load.00:high');
      assert.equal(alarm.state.occurrence, present(edge.room, 'load.00:high').state.occurrence);
      const logged = [];
      console_.room.manager.actions.subscribe((a) => logged.push(a));
      assert.ok(late.room.manager.command({ type: 'acknowledge', id: 'load.00:high', occurrence: alarm.state.occurrence }));
      await until('the edge to carry out the proctor\'s acknowledgement', () => present(edge.room, 'load.00:high')?.state.presence !== 'on');
      await until('the console to show it, with who', () => present(console_.room, 'load.00:high')?.state.presence !== 'on' && logged.some((a) => a.action === 'acknowledge' && a.who === 'proctor@hospital-b'));
      // Stop the source, let everything reach the broker and the viewers: the same samples everywhere.
      edge.room.disconnect();
      await edge.publisher.drained();
      for (const ch of ['load.00', 'load.07', 'load.15']) {
        const want = tally(edge.room.store(ch));
        assert.ok(want.count > 100, `${ch}: ${want.count} samples at the edge`);
        await until(`${ch} complete at both viewers`, () => tally(console_.room.store(ch)).count >= want.count && tally(late.room.store(ch)).count >= want.count);
        assert.deepEqual(tally(console_.room.store(ch)), want, `${ch} at the console`);
        assert.deepEqual(tally(late.room.store(ch)), want, `${ch} at the late joiner`);
      }
    } finally {
      late.close();
    }
  } finally {
    console_.close();
    await edge.stop();
  }
});

test('a viewer joining late replays only its window: one bundle a tick, the alarm decided before it, every sample since once', async () => {
  const edge = await startEdge({ nats: nats.url, procedure: 'room-e', scenario: 'load', ...NATS_USERS.edge });
  try {
    await until('the edge to raise the load alarm', () => present(edge.room, 'load.00:high'));
    const raisedAt = Date.now();
    await until('three more seconds of procedure', () => edge.room.store('load.00').lastT > raisedAt + 3000);
    const pending = [];
    const late = viewer('room-e', 'tumour-board', NATS_USERS.viewer, { replayMs: 1000, replay: 'every-sample' });
    late.room.replaying.subscribe((n) => pending.push(n));
    try {
      await until('the late joiner to replay, catch up and show the alarm decided before its window', () => pending.some((n) => n > 0) && late.room.replaying.value === 0 && present(late.room, 'load.00:high'));
      assert.equal(present(late.room, 'load.00:high').state.occurrence, present(edge.room, 'load.00:high').state.occurrence);
      // A second of 16 channels in 20 ms batches: about 50 bundles (800 messages, one per batch, before).
      const replayed = Math.max(...pending);
      assert.ok(replayed > 0 && replayed < 200, `${replayed} messages replayed for a 1 s window`);
      edge.room.disconnect();
      await edge.publisher.drained();
      for (const ch of ['load.00', 'load.15']) {
        const from = late.room.store(ch).firstT;
        assert.ok(from > edge.room.store(ch).firstT + 2000, `${ch}: nothing older than the window (from ${from - edge.room.store(ch).firstT} ms in)`);
        const want = tally(edge.room.store(ch), from);
        await until(`${ch} complete at the late joiner`, () => tally(late.room.store(ch)).count >= want.count);
        assert.deepEqual(tally(late.room.store(ch)), want, `${ch}: every sample of the window and after, once`);
      }
    } finally {
      late.close();
    }
  } finally {
    await edge.stop();
  }
});

test('a late joiner reads the overviews up to the newest, then every sample: a slow channel exact, a fast one as min and max per step, nothing twice; every event of a channel with samples', async () => {
  const nc = await nodeConnect({ servers: nats.url, ...NATS_USERS.edge });
  const edgeRoom = new TelemetryRoom({ viewer: 'edge', windowMs: 120_000 });
  edgeRoom.setChannels([
    { id: 'ecg', label: 'ECG', unit: 'mV', intervalMs: 1, range: [-10, 10] },
    { id: 'temp', label: 'Probe', unit: 'Cel', intervalMs: 1000, range: [-200, 150] },
  ]);
  // An alarm in force all along: the probe below -30 °C.
  edgeRoom.setRules([{ id: 'probe-cold', channel: 'temp', condition: { kind: 'below', limit: -30 }, priority: 'me', kind: 'phy', onsetDelayMs: 0, hysteresis: 1, latching: false, message: { en: 'Probe cold', fr: 'Sonde froide' } }]);
  const publisher = await publishRoom(nc, edgeRoom, { procedure: 'room-o', sender: 'edge-o' });
  // 45 s of data ending now: noise with spikes on the fast channel, a dropout of 2 s in it.
  let seed = 7;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5);
  const t0 = Date.now() - 45_000;
  for (let k = 0; k < 45_000 / 20; k++) {
    const t = Float64Array.from({ length: 20 }, (_, i) => t0 + k * 20 + i);
    if (t[0] >= t0 + 20_000 && t[0] < t0 + 22_000) continue;
    edgeRoom.push({ channel: 'ecg', t, v: Float32Array.from(t, (x) => noise() + (x % 997 === 0 ? 5 : 0)) });
    if (k % 50 === 0) edgeRoom.push({ channel: 'temp', t: Float64Array.of(t[0]), v: Float32Array.of(-40 + noise()) });
    // Events on the fast channel, numbered with its samples (one wire seq a channel).
    if (k % 250 === 0) edgeRoom.push({ type: 'event', channel: 'ecg', t: t[0], kind: 'mark', text: `mark ${k}` });
    await null;
  }
  await publisher.drained();
  const technical = [];
  const late = viewer('room-o', 'proctor', NATS_USERS.viewer);
  late.room.technical.subscribe((x) => technical.push(x));
  // The samples of the fast channel the viewer held when the alarm first showed there.
  let heldAtAlarm = -1;
  late.room.manager.present.subscribe((p) => p.length && heldAtAlarm < 0 && (heldAtAlarm = late.room.store('ecg')?.length ?? 0));
  try {
    const edgeEcg = edgeRoom.store('ecg');
    await until('the late joiner to replay up to the newest sample', () => late.room.replaying.value === 0 && late.room.store('ecg')?.lastT === edgeEcg.lastT && late.room.store('temp')?.lastT === edgeRoom.store('temp').lastT);
    assert.deepEqual(tally(late.room.store('temp')), tally(edgeRoom.store('temp')), 'a 1 Hz channel comes exactly');
    const ecg = late.room.store('ecg');
    const { until: overviewUntil, stepMs } = ecg.overviewed;
    assert.equal(stepMs, 100);
    assert.ok(overviewUntil > t0 + 30_000, 'the overviews cover most of the procedure');
    // Up to the newest overview: per step, the same minimum and maximum, at the same times
    // (two points a step; up to five where an overview ended in a step the next one went on with).
    const steps = (store, to) => {
      const pairs = [];
      store.forEach((t, v) => t <= to && pairs.push([t, v]));
      return stepExtremes(pairs, stepMs);
    };
    const want = steps(edgeEcg, overviewUntil);
    const got = steps(ecg, overviewUntil);
    assert.equal(got.size, want.size, 'every step with data, and none without (the dropout stays a gap)');
    for (const [k, w] of want) {
      const g = got.get(k);
      assert.ok(g && g.min === w.min && g.max === w.max && g.minT === w.minT && g.maxT === w.maxT && g.n <= 5, `step ${k}: ${JSON.stringify({ g, w })}`);
    }
    // After it, every sample once.
    assert.deepEqual(tally(ecg, overviewUntil + 1e-9), tally(edgeEcg, overviewUntil + 1e-9), 'every sample after the newest overview');
    assert.ok(ecg.length < edgeEcg.length / 5, `${ecg.length} of ${edgeEcg.length} samples replayed`);
    assert.deepEqual(technical.filter((x) => x.type !== 'quality'), [], 'nothing refused, doubled or missing');
    assert.equal(present(late.room, 'probe-cold')?.state.presence, 'on');
    assert.equal(heldAtAlarm, 0, 'the alarm in force shows before the replay brings any sample');
    // Read before the samples and apart from them, the events are not taken for repeats.
    const marks = (room) => room.eventsOf('ecg')?.items.map((e) => `${e.t} ${e.text}`);
    assert.equal(marks(edgeRoom).length, 8, 'one each 5 s but in the dropout');
    assert.deepEqual(marks(late.room), marks(edgeRoom), 'every event');
    // Stale once, at the dropout: the overview's points are a step apart, not a gap each.
    const stale = technical.filter((x) => x.type === 'quality' && x.channel === 'ecg' && x.quality === 'stale' && x.t < edgeEcg.lastT);
    assert.equal(stale.length, 1, JSON.stringify(stale.slice(0, 3)));
    assert.ok(stale[0].t > t0 + 19_900 && stale[0].t < t0 + 20_400, `stale at ${stale[0].t - t0} ms`);
  } finally {
    late.close();
    await publisher.stop();
    edgeRoom.close();
    await nc.close();
  }
});

test('a replay ends once what the stream held at the join is in, though live data keeps coming; nothing lost', async () => {
  const edge = await tickingEdge(nats, 'room-l', Date.now() - 200_000);
  // One bundle a tick of 20 ms: the backlog, then (while the viewer replays it) live ticks.
  const BACKLOG = 4000;
  await edge.ticks(BACKLOG);
  const late = viewer('room-l', 'proctor', NATS_USERS.viewer, { replay: 'every-sample', replayMs: Infinity });
  let live;
  let atEnd = -1;
  late.room.replaying.subscribe((n) => {
    // The first count (not the 1 said while it is not known yet) starts live data; the count's end is when the replay says it is done.
    live ??= n > 1 ? edge.ticks(1000) : undefined;
    if (n === 0 && live && atEnd < 0) atEnd = late.room.store('ecg')?.length ?? 0;
  });
  try {
    await until('the replay to end', () => atEnd >= 0, 60_000);
    await live;
    const want = tally(edge.room.store('ecg'));
    await until('every sample at the viewer', () => tally(late.room.store('ecg')).count >= want.count, 60_000);
    assert.deepEqual(tally(late.room.store('ecg')), want, 'every sample, once');
    assert.ok(atEnd <= BACKLOG * 20, `the replay ended with ${atEnd} samples in, of ${BACKLOG * 20} held at the join and ${want.count} in all`);
  } finally {
    late.close();
    await edge.stop();
  }
});

test('a viewer following again from its position goes on after the last message it handled: every sample once, in order', async () => {
  const edge = await tickingEdge(nats, 'room-r', Date.now() - 200_000);
  await edge.ticks(500);
  const room = new TelemetryRoom({ viewer: 'wall' });
  const position = { seq: 0 };
  const follow = () => followNats(room, { servers: nats.url, procedure: 'room-r', viewer: 'wall', connect: nodeConnect, position, replay: 'every-sample', replayMs: Infinity, ...NATS_USERS.viewer });
  let sub = follow();
  try {
    await until('the first follow caught up', () => (room.store('ecg')?.length ?? 0) >= 500 * 20, 60_000);
    sub.unsubscribe();
    const left = position.seq;
    assert.ok(left > 0, 'the position kept');
    await edge.ticks(500);
    sub = follow();
    const want = tally(edge.room.store('ecg'));
    await until('every sample after following again', () => tally(room.store('ecg')).count >= want.count, 60_000);
    assert.deepEqual(tally(room.store('ecg')), want, 'every sample, once');
    assert.ok(position.seq > left, 'the position moved on');
    const t = [];
    room.store('ecg').forEach((x) => t.push(x));
    assert.equal(t.findIndex((x, i) => i > 0 && !(x > t[i - 1])), -1, 'in order');
  } finally {
    sub.unsubscribe();
    room.close();
    await edge.stop();
  }
});

test('a replay is asked for as it is handled: a slow viewer never has more asked of the broker than it handled', async () => {
  const nc = await nodeConnect({ servers: nats.url, ...NATS_USERS.edge });
  const edgeRoom = new TelemetryRoom({ viewer: 'edge' });
  edgeRoom.setChannels([{ id: 'marks', label: 'Marks', unit: 'mV', intervalMs: 1000 }]);
  const publisher = await publishRoom(nc, edgeRoom, { procedure: 'room-p', sender: 'edge-p' });
  const BACKLOG = 3000;
  const t0 = Date.now() - 60_000;
  for (let i = 0; i < BACKLOG; i++) edgeRoom.push({ type: 'event', channel: 'marks', t: t0 + i, kind: 'note', text: `mark ${i}` });
  await publisher.drained();
  // Every request for messages the broker receives, with the count of messages (marks, the
  // channels, the alarm state) the viewer had handled then.
  const watch = await nodeConnect({ servers: nats.url, ...NATS_USERS.edge });
  let handled = 0;
  const asks = [];
  watch.subscribe('$JS.API.CONSUMER.MSG.NEXT.IR_room-p.>', { callback: (_, m) => asks.push({ batch: m.json().batch, handled }) });
  const sub = natsSource({ servers: nats.url, procedure: 'room-p', viewer: 'slow', connect: nodeConnect, replayMs: Infinity, ...NATS_USERS.viewer }).subscribe((item) => {
    if (item.type !== 'data' && item.type !== 'channels' && item.type !== 'alarms') return;
    handled++;
    // A page that takes its time over each message (half a millisecond).
    for (const end = performance.now() + 0.5; performance.now() < end; );
  });
  try {
    await until('every mark handled', () => handled >= BACKLOG, 60_000);
    const replaying = asks.filter((a) => a.handled < BACKLOG);
    assert.ok(replaying.length > 1, `the replay asked ${replaying.length} times`);
    let asked = 0;
    for (const a of replaying) {
      assert.ok(asked <= a.handled, `${asked} messages asked before a request made with ${a.handled} handled: ${JSON.stringify(replaying)}`);
      asked += a.batch;
    }
  } finally {
    sub.unsubscribe();
    await watch.close();
    await publisher.stop();
    edgeRoom.close();
    await nc.close();
  }
});

test('a viewer of a room the broker does not hold says so, and keeps trying', async () => {
  const v = viewer('room-none', 'proctor');
  const errors = [];
  v.room.configErrors.subscribe((m) => errors.push(m));
  try {
    await until('the viewer to say it cannot read the room', () => errors.length > 0);
    assert.match(errors[0], /no stream IR_room-none on the broker yet \(its edge not started\?\); still waiting for it/);
    // Never connected to the room: still connecting, asking only for the stream's name.
    assert.equal(v.room.connection.value, 'connecting');
  } finally {
    v.close();
  }
});

test('a read-only viewer watches but its acknowledgement is refused, and it is told why', async () => {
  const edge = await startEdge({ nats: nats.url, procedure: 'room-b', scenario: 'load', ...NATS_USERS.edge });
  const ro = viewer('room-b', 'teaching-room', NATS_USERS.readonly);
  try {
    await until('the read-only viewer to show the alarm', () => present(ro.room, 'load.00:high')?.state.presence === 'on');
    const refused = [];
    ro.room.manager.refused.subscribe((r) => refused.push(r));
    ro.room.manager.command({ type: 'acknowledge', id: 'load.00:high', occurrence: present(ro.room, 'load.00:high').state.occurrence });
    await until('the refusal', () => refused.length);
    assert.equal(refused[0].reason, 'forbidden');
    assert.match(refused[0].detail, /read-only/);
    assert.equal(present(edge.room, 'load.00:high').state.presence, 'on', 'the edge acknowledged nothing');
  } finally {
    ro.close();
    await edge.stop();
  }
});

test('a foreign version is a technical event, not a crash; the viewer goes on', async () => {
  const edge = await startEdge({ nats: nats.url, procedure: 'room-c', scenario: 'load', ...NATS_USERS.edge });
  const v = viewer('room-c', 'console');
  const technical = [];
  v.room.technical.subscribe((x) => technical.push(x));
  try {
    await until('data', () => tally(v.room.store('load.03')).count > 100);
    const nc = await nodeConnect({ servers: nats.url, ...NATS_USERS.edge });
    const { headers } = await import('@nats-io/nats-core');
    const h = headers();
    h.set('Ir-Wire-Version', '9');
    nc.publish('ir.room-c.samples.load.03', JSON.stringify({ ver: 9, type: 'samples', channel: 'load.03', seq: 1, unit: 'mV', t: [1], v: [1] }), { headers: h });
    nc.publish('ir.room-c.frames.load.03', new Uint8Array(8), { headers: h });
    nc.publish('ir.room-c.alarms', JSON.stringify({ ver: 7 }));
    await nc.flush();
    await nc.close();
    await until('three refusals', () => technical.filter((x) => x.type === 'parse-error' && x.reason === 'unsupported-version').length === 3);
    const before = tally(v.room.store('load.03')).count;
    await until('data after them', () => tally(v.room.store('load.03')).count > before);
  } finally {
    v.close();
    await edge.stop();
  }
});

test('ir-monitor-edge: --help, a clear error when the broker is unreachable, a clean stop on SIGTERM', async () => {
  const run = (args, onStarted) =>
    new Promise((resolve) => {
      const p = spawn(process.execPath, ['dist/edge/cli.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => {
        err += d;
        if (onStarted && /Ctrl-C stops/.test(err)) onStarted(p), (onStarted = undefined);
      });
      p.on('exit', (code) => resolve({ code, out, err }));
    });
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /--scenario NAME/);
  const down = await run(['--nats', 'nats://127.0.0.1:1', '--procedure', 'x', '--scenario', 'load']);
  assert.equal(down.code, 3);
  assert.match(down.err, /cannot reach the NATS broker at nats:\/\/127\.0\.0\.1:1/);
  const { user, pass } = NATS_USERS.edge;
  const ok = await run(['--nats', nats.url, '--procedure', 'room-d', '--scenario', 'vertebroplasty', '--user', user, '--pass', pass], (p) => p.kill('SIGTERM'));
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.err, /SIGTERM: stopping/);
  assert.match(ok.err, /stopped: \d+ messages stored/);
});
