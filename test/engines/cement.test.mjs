// The cement engine in Node, no DOM: the simulated procedures played through a room raise each
// alarm at the data time a hand calculation gives. Imports the built package (npm test builds first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReplaySubject, VirtualTimeScheduler } from 'rxjs';
import { CementEngine, TelemetryRoom } from '../../dist/streams/index.js';
import { cementSimulation, iliacConsolidationScript, sacralCombinedScript, vertebroplastyScript } from '../../dist/sim.js';
import { DEFAULT_CEMENT, cementChannels } from '../../dist/models/index.js';

const MIN = 60_000;
const T0 = 1_000_000_000_000;
/** Working time of the default PMMA at its reference temperature: liquid and paste phases (Krebs et al. 2005 ranges; models/cement/setting.ts). */
const WORKING_MS = (DEFAULT_CEMENT.liquidMin + DEFAULT_CEMENT.pasteMin) * MIN;

/** Plays a script at 60x on virtual time into a room with a cement engine; returns the room, the engine and every alarm onset. */
function play(script, { engineFirst = true, source } = {}) {
  const clock = new VirtualTimeScheduler(undefined, script.durationMin * MIN);
  const room = new TelemetryRoom({ scheduler: clock, windowMs: 70 * MIN });
  room.setChannels(cementChannels(script.plan, { volumeMs: 20, pressureMs: 5 }));
  const onsets = [];
  room.manager.changes.subscribe((c) => c.previous === 'off' && c.state.presence !== 'off' && onsets.push({ id: c.rule.id, t: c.t - T0 }));
  const technical = [];
  room.technical.subscribe((x) => x.reason === 'unreadable' && technical.push(x));
  let engine;
  if (engineFirst) engine = room.engine('cement', (r) => new CementEngine(r, { plan: script.plan }));
  room.connect(source ?? cementSimulation(script, { t0: T0, speed: 60, scheduler: clock }));
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
  assert.equal(first(onsets, 'cement:leak'), 6.4 * MIN);
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

test('sacral procedure: two batches of cement, a working-time alarm for each', () => {
  const { onsets } = play(sacralCombinedScript());
  const lows = all(onsets, 'cement.working-left:low');
  assert.equal(lows.length, 2);
  for (const [k, mix] of [40, 50].entries()) assert.ok(lows[k] > mix * MIN + WORKING_MS - MIN && lows[k] <= mix * MIN + WORKING_MS - MIN + 250, `batch ${k + 1}: ${lows[k]}`);
});

test('iliac consolidation: the working-time alarm 7.5 min after the mix at 24 min; both screw ends reach their plan', () => {
  const { onsets, engine } = play(iliacConsolidationScript());
  const low = first(onsets, 'cement.working-left:low');
  assert.ok(low > 31.5 * MIN && low <= 31.5 * MIN + 250);
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
  assert.equal(first(onsets, 'cement:leak'), 6.4 * MIN);
});
