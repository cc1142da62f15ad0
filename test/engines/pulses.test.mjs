// The pulses engine in Node, no DOM: the simulated electroporation procedures played through a
// room raise each alarm at the data time a hand calculation gives. Imports the built package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReplaySubject, VirtualTimeScheduler } from 'rxjs';
import { PulsesEngine, TelemetryRoom } from '../../dist/streams/index.js';
import { ProcedurePlayer, hepaticEct, ire, pulseRecord } from '../../dist/sim.js';
import { STATUS_PERIOD_MS, pulseChannels, voltageErrorPct } from '../../dist/models/index.js';

const T0 = 1_000_000_000_000;

/** Everything the scenario sends, in order (the generator's side, not the engine). */
function recorded(s, extra = []) {
  const out = [];
  const player = new ProcedurePlayer(s, false);
  for (let t = s.t0 + 100; t <= s.t0 + s.durationMs; t += 100) player.upTo(t, (x) => out.push(x));
  return [...out, ...extra].sort((a, b) => (a.t0 ?? (typeof a.t === 'number' ? a.t : a.t[0])) - (b.t0 ?? (typeof b.t === 'number' ? b.t : b.t[0])));
}

function play(s, { engineFirst = true, input = recorded(s), viaReplay = false } = {}) {
  const room = new TelemetryRoom({ scheduler: new VirtualTimeScheduler(), windowMs: s.durationMs + 60_000 });
  room.setChannels(pulseChannels(s.layout));
  const onsets = [];
  room.manager.changes.subscribe((c) => c.previous === 'off' && c.state.presence !== 'off' && onsets.push({ id: c.rule.id, t: c.t }));
  const technical = [];
  room.technical.subscribe((x) => x.reason === 'unreadable' && technical.push(x));
  const config = { layout: s.layout, protocol: s.protocol };
  let engine = engineFirst ? room.engine('pulses', (r) => new PulsesEngine(r, config)) : undefined;
  if (viaReplay) {
    const history = new ReplaySubject();
    for (const x of input) history.next(x);
    room.connect(history);
  } else for (const x of input) room.push(x);
  engine ??= room.engine('pulses', (r) => new PulsesEngine(r, config));
  return { room, engine, onsets, technical };
}

/** The first status period boundary at or after data time t: status values carry the pulses before them. */
const statusAfter = (s, t) => s.t0 + Math.ceil((t - s.t0) / STATUS_PERIOD_MS) * STATUS_PERIOD_MS;
const first = (onsets, id) => onsets.find((o) => o.id === id)?.t;

test('hepatic ECT: the pulse cut at the current limit raises the failed-pulse and current alarms at the next status', () => {
  const s = hepaticEct(T0);
  const { engine, onsets } = play(s);
  const cut = s.pulses.find((p) => p.reason === 'current-limit');
  const record = pulseRecord(s, cut);
  assert.equal(first(onsets, 'ep-pulse-failed'), statusAfter(s, cut.t));
  // The current limit (30 A for ECT): the cut pulse's mean current is the first at or above it.
  const over = s.pulses.map((p) => pulseRecord(s, p)).find((r) => r.meanI >= s.protocol.currentLimitA);
  assert.equal(over?.t, record.t);
  assert.equal(first(onsets, 'ep-current-limit'), statusAfter(s, cut.t));
  assert.equal(first(onsets, 'ep-pair-incomplete'), undefined, 'every pair completed (1-4 repeated its pulse)');
  assert.equal(first(onsets, 'ep-ecg-sync'), undefined);
  const st = engine.current;
  assert.equal(st.records.length, s.pulses.length);
  assert.ok(st.summaries.every((x) => x.state === 'done'));
  assert.ok(st.trainEnded);
});

test('IRE: arrhythmia, the pair left short and the voltage error at their data times', () => {
  const s = ire(T0);
  const { engine, onsets } = play(s);
  const arrhythmia = s.sync.find((x) => x.state === 'arrhythmia').t;
  assert.equal(first(onsets, 'ep-ecg-sync'), statusAfter(s, arrhythmia));
  assert.equal(first(onsets, 'ep-pair-incomplete'), statusAfter(s, s.trainEnd));
  const records = s.pulses.map((p) => pulseRecord(s, p));
  const off = records.find((r) => r.delivered && Math.abs(voltageErrorPct(r)) > 10);
  assert.equal(first(onsets, 'ep-voltage-error'), off ? statusAfter(s, off.t) : undefined);
  const high = records.find((r) => r.meanI >= 50);
  assert.equal(first(onsets, 'ep-current-limit'), high ? statusAfter(s, high.t) : undefined);
  const st = engine.current;
  assert.equal(st.records.length, 414);
  assert.equal(st.summaries.at(-1).state, 'failed');
  assert.equal(st.summaries.at(-1).delivered, 64);
});

test('an engine started after the data, or fed by a source that replays its history, ends in the same state', () => {
  const s = hepaticEct(T0);
  const live = play(s).engine.current;
  assert.deepEqual(play(s, { engineFirst: false }).engine.current, live);
  assert.deepEqual(play(s, { engineFirst: false, viaReplay: true }).engine.current, live);
});

test('two rooms fed the same input agree exactly', () => {
  const s = ire(T0);
  assert.deepEqual(JSON.parse(JSON.stringify(play(s).engine)), JSON.parse(JSON.stringify(play(s).engine)));
});

test('a train event, an event kind or a record it cannot read is named with a technical event; no pulse is lost', () => {
  const s = hepaticEct(T0);
  const t = s.trainStart + 10;
  const extra = [
    { type: 'event', channel: 'ep.current', t, kind: 'train', text: 'Start' },
    { type: 'event', channel: 'ep.current', t: t + 1, kind: 'Pulse', text: '{}' },
    { type: 'event', channel: 'ep.current', t: t + 2, kind: 'pulse', text: '{"pair": "1-2"' },
  ];
  const { technical, engine } = play(s, { input: recorded(s, extra) });
  assert.deepEqual(technical.map((x) => [x.channel, x.t, x.detail]), [
    ['ep.current', t, "train event 'Start' (start or end expected)"],
    ['ep.current', t + 1, "event of kind 'Pulse'"],
    ['ep.current', t + 2, `bad-record: pulse record at t=${t + 2}: not JSON`],
  ]);
  assert.equal(engine.current.records.length, s.pulses.length);
});

test('an engine started in a room without channels yet (an ir-telemetry configured later) registers its rules when they come', () => {
  const s = hepaticEct(T0);
  const room = new TelemetryRoom({ scheduler: new VirtualTimeScheduler() });
  const errors = [];
  room.configErrors.subscribe((m) => errors.push(m));
  room.engine('pulses', (r) => new PulsesEngine(r, { layout: s.layout, protocol: s.protocol }));
  room.setChannels(pulseChannels(s.layout));
  assert.deepEqual(errors, []);
  assert.ok(room.manager.rulesOf('ep.current').some((r) => r.id === 'ep-current-limit'));
});
