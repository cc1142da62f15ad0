// The cement engine in Node, no DOM: the simulated procedures played through a room raise each
// alarm at the data time a hand calculation gives. Imports the built package (npm test builds first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReplaySubject, VirtualTimeScheduler } from 'rxjs';
import { CementEngine, TelemetryRoom } from '../../dist/streams/index.js';
import { cementSimulation, iliacConsolidationScript, sacralCombinedScript, vertebroplastyScript } from '../../dist/sim.js';
import { DEFAULT_CEMENT, cementChannels, deliveredChannel, labelOf } from '../../dist/models/index.js';

const MIN = 60_000;
const T0 = 1_000_000_000_000;
/** Working time of the default PMMA at its reference temperature: liquid and paste phases (Krebs et al. 2005 ranges; models/cement/setting.ts). */
const WORKING_MS = (DEFAULT_CEMENT.liquidMin + DEFAULT_CEMENT.pasteMin) * MIN;

/**
 * Plays a script at 60x on virtual time into a room with a cement engine; returns the room, the
 * engine and every alarm onset. `tamper(x, wallMs)` may change or drop a batch (a trainer's fault, a hiccup).
 */
function play(script, { engineFirst = true, source, tamper } = {}) {
  const clock = new VirtualTimeScheduler(undefined, script.durationMin * MIN);
  const room = new TelemetryRoom({ scheduler: clock, windowMs: 70 * MIN });
  room.setChannels(cementChannels(script.plan, { volumeMs: 20, pressureMs: 5 }));
  const onsets = [];
  room.manager.changes.subscribe((c) => c.state.presence === 'on' && c.previous !== 'on' && c.previous !== 'ack' && onsets.push({ id: c.rule.id, channel: c.rule.channel, t: c.t - T0, message: c.rule.message.en }));
  const technical = [];
  room.technical.subscribe((x) => x.reason === 'unreadable' && technical.push(x));
  let engine;
  if (engineFirst) engine = room.engine('cement', (r) => new CementEngine(r, { plan: script.plan }));
  const change = tamper && ((x) => tamper(x, clock.now()));
  room.connect(source ?? cementSimulation(script, { t0: T0, speed: 60, scheduler: clock, tamper: change }));
  clock.flush();
  engine ??= room.engine('cement', (r) => new CementEngine(r, { plan: script.plan }));
  return { room, engine, onsets, technical };
}

const first = (onsets, id) => onsets.find((o) => o.id === id)?.t;
const all = (onsets, id) => onsets.filter((o) => o.id === id).map((o) => o.t);

test('vertebroplasty: leak, working time, planned volume and pressure alarms at their data times', () => {
  const script = vertebroplastyScript();
  const { engine, onsets, room } = play(script);
  // The leak is reported at 6.4 min: the leak flag is published at the event's data time.
  assert.equal(first(onsets, 'cement:leak:1'), 6.4 * MIN);
  // Working time nearly used: 60 s before the paste phase ends (mixed at 0): 8.5 min - 1 min, on the 250 ms grid of the derived channel.
  const low = first(onsets, 'cement.working-left:low');
  assert.ok(low > WORKING_MS - MIN && low <= WORKING_MS - MIN + 250, `working time alarm at ${low}`);
  // T12's planned 4 mL at 3.5 mL/min from 4.5 min: 4.5 + 4 / 3.5 min, within the ±0.01 mL plunger noise (±0.17 s).
  const planned = first(onsets, 'cement-T12:planned');
  assert.ok(Math.abs(planned - (4.5 + 4 / 3.5) * MIN) <= 0.2 * 1000, `T12 planned at ${planned}`);
  // L1 gets 0.5 + 0.6 min at 3.5 mL/min = 3.85 mL: below its plan, no alarm.
  assert.equal(first(onsets, 'cement-L1:planned'), undefined);
  // The medium pressure alarm: the first sample above 1700 kPa that stays above (within the 200 kPa hysteresis) for 1 s.
  const p = room.store(script.plan.pressureChannel);
  let above = NaN;
  let expected;
  p.forEach((t, v) => {
    if (expected !== undefined) return;
    if (v > 1700 && Number.isNaN(above)) above = t;
    else if (v <= 1500) above = NaN;
    if (!Number.isNaN(above) && t - above >= 1000) expected = t - T0;
  });
  assert.ok(expected > 0, 'the scenario climbs past 1700 kPa');
  assert.equal(first(onsets, 'cement-pressure:medium'), expected);
  const s = engine.current;
  assert.ok(Math.abs(s.sites[0].volumeMl - 3.5 * 1.15) < 0.02 && Math.abs(s.sites[1].volumeMl - 3.5 * 1.1) < 0.02, 'volumes as injected');
  assert.deepEqual(s.leaks.map((k) => [k.t - T0, k.site]), [[6.4 * MIN, 'L1']]);
});

/** The minutes of a script's mixes: a combined procedure's cement follows its cryoablation, whose length comes from its protocol. */
const mixes = (script) => script.events.filter((e) => e.kind === 'mix').map((e) => e.atMin);

test('sacral procedure: two batches of cement, a working-time alarm for each', () => {
  const script = sacralCombinedScript();
  const { onsets } = play(script);
  const lows = all(onsets, 'cement.working-left:low');
  assert.equal(lows.length, 2);
  assert.equal(mixes(script).length, 2);
  for (const [k, mix] of mixes(script).entries()) assert.ok(lows[k] > mix * MIN + WORKING_MS - MIN && lows[k] <= mix * MIN + WORKING_MS - MIN + 250, `batch ${k + 1}: ${lows[k]}`);
});

test('iliac consolidation: the working-time alarm 7.5 min after the mix that follows the cryoablation; both screw ends reach their plan', () => {
  const script = iliacConsolidationScript();
  const { onsets, engine } = play(script);
  const low = first(onsets, 'cement.working-left:low');
  const [mix] = mixes(script);
  assert.ok(low > (mix + 7.5) * MIN && low <= (mix + 7.5) * MIN + 250, `at ${low / MIN} min, mix at ${mix} min`);
  assert.deepEqual(engine.current.sites.map((s) => s.status), ['done', 'done']);
});

test('an engine started after the data, or fed by a source that replays its history, ends in the same state', () => {
  const script = vertebroplastyScript();
  const live = play(script).engine.current;
  const late = play(script, { engineFirst: false }).engine.current;
  assert.deepEqual(late, live);
  // A ReplaySubject holding the whole procedure: everything arrives at subscription.
  const history = new ReplaySubject();
  const clock = new VirtualTimeScheduler(undefined, script.durationMin * MIN);
  cementSimulation(script, { t0: T0, speed: 60, scheduler: clock }).subscribe(history);
  clock.flush();
  const replayed = play(script, { engineFirst: false, source: history }).engine.current;
  assert.deepEqual(replayed, live);
});

test('two rooms fed the same input agree exactly', () => {
  const script = iliacConsolidationScript();
  assert.deepEqual(JSON.parse(JSON.stringify(play(script).engine)), JSON.parse(JSON.stringify(play(script).engine)));
});

test('an event it cannot read is named with a technical event, and the procedure goes on', () => {
  const script = vertebroplastyScript();
  script.events.push({ atMin: 1, kind: 'site', text: 'no site named' }, { atMin: 2, kind: 'done', text: 'site=S9' });
  const { technical, onsets } = play(script);
  assert.deepEqual(technical.map((x) => [x.channel, x.t - T0, x.detail]), [
    ['cement', 1 * MIN, 'bad-event: site: no site named'],
    ['cement', 2 * MIN, 'site-not-in-plan: site=S9'],
  ]);
  assert.equal(first(onsets, 'cement:leak:1'), 6.4 * MIN);
});

test('a volume reading that falls is refused: the delivered volume published for the chart keeps the last valid volume, no dip', () => {
  const script = vertebroplastyScript();
  const t12 = script.plan.sites[0];
  // T12 is injected from 4.5 to 5.65 min: at 5 min (1.75 mL), one batch reads 0.2 mL.
  let glitched = 0;
  const tamper = (x) => {
    if (x.channel !== t12.channel || x.t[0] < T0 + 5 * MIN || glitched++) return x;
    return { ...x, v: x.v.map(() => 0.2) };
  };
  const { room, engine } = play(script, { tamper });
  assert.equal(glitched > 0, true, 'the falling batch was sent');
  const raw = room.store(t12.channel);
  let dipped = 0;
  raw.forEach((t, v) => Math.abs(v - 0.2) < 1e-6 && t > T0 + 5 * MIN && dipped++);
  assert.ok(dipped > 0, 'the raw channel holds the refused readings');
  const delivered = room.store(deliveredChannel(t12));
  assert.ok(delivered && delivered.length > 100, 'the delivered volume is published with the readings');
  let previous = -Infinity;
  let fell = 0;
  delivered.forEach((_t, v) => {
    if (v < previous) fell++;
    previous = v;
  });
  assert.equal(fell, 0, 'the delivered volume never falls');
  assert.ok(Math.abs(delivered.valueAt(T0 + 5 * MIN + 3000) - 3.5 * 0.5) < 0.02, 'during the refused batch: the last valid volume, 1.75 mL');
  assert.ok(Math.abs(delivered.lastV - engine.current.sites[0].volumeMl) < 1e-6, 'the last published is the record');
});

test('each leak reported is its own alarm occurrence, named by its site, even while an earlier one holds or is latched', () => {
  const script = vertebroplastyScript();
  // A second leak while the first holds the injection (6.4 min, L1), and a third at T12 after the resume (7.15 min) while the first two are latched.
  script.events.push({ atMin: 6.6, kind: 'leak', text: 'site=L1; source=operator' }, { atMin: 7.3, kind: 'leak', text: 'site=T12; source=imaging' });
  const { onsets, room } = play(script);
  const leaks = onsets.filter((o) => o.id.startsWith('cement:leak:'));
  assert.deepEqual(leaks.map((o) => [o.id, o.t, o.message]), [
    ['cement:leak:1', 6.4 * MIN, 'Cement leak reported at L1: injection held'],
    ['cement:leak:2', 6.6 * MIN, 'Cement leak reported at L1: injection held'],
    ['cement:leak:3', 7.3 * MIN, 'Cement leak reported at T12: injection held'],
  ]);
  // Unacknowledged, none is lost: the first two latched since the resume, the third holds the injection again.
  const present = new Map(room.manager.present.value.map((a) => [a.rule.id, a]));
  assert.deepEqual(['cement:leak:1', 'cement:leak:2', 'cement:leak:3'].map((id) => [present.get(id)?.state.presence, present.get(id)?.rule.priority]), [['latch', 'hi'], ['latch', 'hi'], ['on', 'hi']]);
  // French too, by the site's label.
  assert.equal(present.get('cement:leak:3').rule.message.fr, 'Fuite de ciment signalée à T12 : injection suspendue');
});

test('a leak reported after the first was acknowledged is heard again', () => {
  const script = vertebroplastyScript();
  script.events.push({ atMin: 6.6, kind: 'leak', text: 'site=L1' });
  const clock = new VirtualTimeScheduler(undefined, script.durationMin * MIN);
  const room = new TelemetryRoom({ scheduler: clock, windowMs: 70 * MIN });
  room.setChannels(cementChannels(script.plan, { volumeMs: 20, pressureMs: 5 }));
  room.engine('cement', (r) => new CementEngine(r, { plan: script.plan }));
  const raised = [];
  room.manager.changes.subscribe((c) => {
    if (!c.rule.id.startsWith('cement:leak:') || c.state.presence !== 'on') return;
    raised.push(c.rule.id);
    // The clinician acknowledges each leak as soon as it sounds.
    room.manager.command({ type: 'acknowledge', id: c.rule.id, occurrence: c.state.occurrence });
  });
  room.connect(cementSimulation(script, { t0: T0, speed: 60, scheduler: clock }));
  clock.flush();
  assert.deepEqual(raised, ['cement:leak:1', 'cement:leak:2']);
});

test('the leak flag is published from events: data pausing mid-injection raises no "Leak reported: no data"', () => {
  const script = vertebroplastyScript();
  // At 60x a real second is a data minute: the device's readings stall for 2 s of wall time during the injection (5 to 7 min of data); the console's events still come.
  const { onsets, room } = play(script, { tamper: (x, wallMs) => ('v' in x && wallMs >= 5000 && wallMs < 7000 ? undefined : x) });
  assert.ok(first(onsets, 'cement-T12:stale') !== undefined, 'the stall made the measured channels stale');
  assert.deepEqual(onsets.filter((o) => o.channel === script.plan.channel), [], 'no alarm on the leak flag channel');
  assert.deepEqual(room.manager.rulesOf(script.plan.channel), [], 'no rule watches the leak flag');
  assert.equal(first(onsets, 'cement:leak:1'), 6.4 * MIN, 'the leak itself still raises its alarm');
});

test("every channel of a plan is named apart in each language: a site's delivered volume is not its readings", () => {
  for (const script of [vertebroplastyScript(), iliacConsolidationScript(), sacralCombinedScript()]) {
    for (const lang of ['en', 'fr']) {
      const names = cementChannels(script.plan).map((d) => labelOf(d, lang));
      assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], `${lang}: ${names.join(', ')}`);
    }
  }
  const t12 = vertebroplastyScript().plan.sites[0];
  const delivered = cementChannels(vertebroplastyScript().plan).find((d) => d.id === deliveredChannel(t12));
  assert.deepEqual([labelOf(delivered, 'en'), labelOf(delivered, 'fr')], ['T12 delivered', 'T12 : volume injecté']);
});
