// The cryoablation engine in Node, no DOM: a simulated procedure fed to a room, each alarm
// raised at the data time a hand calculation gives. Imports the built package (`npm test`
// builds it first; alone: `npx tsc -p tsconfig.build.json && node --test test/engines/`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualTimeScheduler } from 'rxjs';
import { TelemetryRoom } from '../../dist/streams/room/room.js';
import { CryoEngine } from '../../dist/streams/cryo/index.js';
import { CryoSimulation, ILIAC, RENAL, RENAL_NERVE_COLD_MS } from '../../dist/sim.js';
import { DEFAULT_CRYO_ALARMS, DEFAULT_PROTOCOL, SUPPLY_ONSET_MS, allProbesId, coverageId, probeCoolingId, sensorTargetId, supplyLowId } from '../../dist/models/cryo/index.js';

const MIN = 60_000;
/** As test/kit/clock.ts dataEpoch (TypeScript, not importable here): an hour back, on a whole minute. */
const T0 = Math.floor((Date.now() - 3_600_000) / MIN) * MIN;
const FREEZE_1_MS = DEFAULT_PROTOCOL.phases[0].durationMs;

/**
 * A room with the simulation's channels and a cryo engine configured for the scenario; changes and technical events recorded.
 * On virtual time: a closed room's alarm manager may still hold a real timer (a technical hold), which would keep Node running.
 */
function procedure(scenario, faults = {}, scheduler = new VirtualTimeScheduler()) {
  const sim = new CryoSimulation(scenario, T0, faults);
  const room = new TelemetryRoom({ scheduler, windowMs: 45 * MIN });
  room.setChannels(sim.channels());
  const engine = room.engine('cryo', (r) => new CryoEngine(r));
  engine.configure({ procedure: scenario.procedure });
  const changes = [];
  const technical = [];
  room.manager.changes.subscribe((c) => changes.push(c));
  room.technical.subscribe((e) => technical.push(e));
  /** Plays the simulation; `read` may change an item before the room takes it (a CT that reads otherwise). */
  const play = (fromMs, toMs, read = (x) => x) => {
    for (let a = fromMs; a < toMs; a += 1000) for (const x of sim.between(a, Math.min(toMs, a + 1000))) room.push(read(x));
  };
  const raised = (id) => changes.filter((c) => c.rule.id === id && c.state.presence === 'on');
  return { sim, room, engine, changes, technical, play, raised };
}

test('a probe that does not cool: technical alarm when it has been in freeze 2 min without reaching -100 °C', () => {
  const p = procedure(RENAL, { probeNotCooling: { probe: 'p1', from: 0 } });
  p.play(0, p.sim.freezeStartMs + 3 * MIN);
  // Freeze 1 starts 10 s in; the tip of P1 stays near -25 °C; 10 s + 120 s = 130 s, the sample that crosses the deadline.
  const [on] = p.raised(probeCoolingId('p1'));
  assert.equal(on.t - T0, p.sim.freezeStartMs + DEFAULT_CRYO_ALARMS.probeWithinMs);
  assert.equal(on.t - T0, 130_000);
  assert.deepEqual({ priority: on.rule.priority, kind: on.rule.kind }, { priority: 'me', kind: 'tec' });
  assert.equal(p.raised(probeCoolingId('p2')).length, 0, 'the probe that cools');
  assert.deepEqual(p.engine.current.conditions, [probeCoolingId('p1')]);
  p.room.close();
});

test('the 0 °C isotherm short of the target at the end of freeze 1 (argon low): medium alarm when the thaw starts', () => {
  const p = procedure(ILIAC, { gasPressureDrop: { from: 0 } });
  p.play(0, p.sim.freezeStartMs + FREEZE_1_MS + 5000);
  const thaw = T0 + p.sim.freezeStartMs + FREEZE_1_MS;
  const [on] = p.raised(coverageId);
  // Judged on the thaw event (10 s + 10 min); the manager stamps a condition with its latest sample, the one a second before.
  assert.ok(on.t >= thaw - 1000 && on.t <= thaw, `raised at ${(on.t - T0) / 1000} s`);
  assert.deepEqual({ priority: on.rule.priority, kind: on.rule.kind }, { priority: 'me', kind: 'phy' });
  // Target: the 20 x 13 mm tumour's long axis plus 5 mm each side = 50 mm; the CT at 9 min measured short of it.
  const st = p.engine.current;
  assert.equal(st.targetMm, 50);
  assert.ok(st.isotherms[0].measuredMm < 50, `measured ${st.isotherms[0].measuredMm} mm`);
  assert.equal(p.raised(coverageId).length, 1);
  p.room.close();
});

test('a freeze judged short of the target on its measured edge stays short through the thaw, though the estimate alone would cover', () => {
  const p = procedure(ILIAC);
  const thaw = T0 + p.sim.freezeStartMs + FREEZE_1_MS;
  // The CT reads the 0 °C edge 10 % smaller than the simulated ice: short of the 50 mm target (tumour plus margin)
  // while the estimate, driven by the same tips, reaches it and grows on for a while in the thaw.
  const shortCt = (x) => (x.channel === 'ice.0' ? { ...x, v: x.v.map((v) => 0.9 * v) } : x);
  p.play(0, p.sim.freezeStartMs + FREEZE_1_MS + 3 * MIN, shortCt);
  const st = p.engine.current;
  assert.ok(st.isotherms[0].measuredMm < 50 && st.isotherms[0].estimatedMm > 50, `measured ${st.isotherms[0].measuredMm}, estimated ${st.isotherms[0].estimatedMm} mm`);
  assert.ok(p.raised(coverageId).length === 1 && Math.abs(p.raised(coverageId)[0].t - thaw) <= 1000, 'raised when the thaw starts');
  const after = p.changes.filter((c) => c.rule.id === coverageId && c.t > thaw && c.state.presence !== 'on');
  assert.deepEqual(after.map((c) => `${(c.t - T0) / 1000} s: ${c.state.presence}`), [], 'the verdict of the freeze stands: not ended by the estimate as the thaw begins');
  assert.ok(st.conditions.includes(coverageId), `conditions: ${st.conditions.join(', ')}`);
  p.room.close();
});

test('the designated sensor not at -20 °C by the end of freeze 1: low alarm at the thaw; none where it gets there', () => {
  const renal = procedure(RENAL);
  renal.play(0, renal.sim.freezeStartMs + FREEZE_1_MS + 5000);
  const thaw = T0 + renal.sim.freezeStartMs + FREEZE_1_MS;
  const [on] = renal.raised(sensorTargetId('s2'));
  assert.ok(on.t >= thaw - 1000 && on.t <= thaw, `raised at ${(on.t - T0) / 1000} s`);
  assert.deepEqual({ priority: on.rule.priority, kind: on.rule.kind }, { priority: 'lo', kind: 'phy' });
  renal.room.close();
  const iliac = procedure(ILIAC);
  iliac.play(0, iliac.sim.freezeStartMs + FREEZE_1_MS + 5000);
  assert.equal(iliac.raised(sensorTargetId('s2')).length, 0);
  iliac.room.close();
});

test('the sensor beside the nerve below 10 °C for 2 s: high latching alarm', () => {
  const p = procedure(RENAL);
  p.play(0, p.sim.freezeStartMs + 5 * MIN);
  const [on] = p.raised('cryo:nerve:sensor.1.1');
  // 36.5 - 32.5 (1 - e^(-t/2 min)) = 10 °C at t = 2 min × ln(32.5 / 6) = 202.7 s into the freeze; then 2 s of onset,
  // on samples a second apart, with ±0.05 °C of noise on a slope of 0.05 °C/s.
  const expected = 2 * MIN * Math.log(32.5 / 6);
  assert.ok(Math.abs(expected - RENAL_NERVE_COLD_MS) < 100);
  const after = on.t - T0 - p.sim.freezeStartMs;
  assert.ok(Math.abs(after - (expected + DEFAULT_CRYO_ALARMS.nerveOnsetMs)) <= 1500, `raised ${after / 1000} s into the freeze`);
  assert.deepEqual({ priority: on.rule.priority, latching: on.rule.latching }, { priority: 'hi', latching: true });
  assert.deepEqual(on.rule.message, { en: 'Nerve TC below 10 °C: nerve at risk', fr: 'TC nerf sous 10 °C : nerf menacé' }, 'the sensor named in each language (issue 19)');
  p.room.close();
});

test('a sensor disconnected: signal lost once the room judges it stale; none for any channel after the procedure ends', () => {
  const clock = new VirtualTimeScheduler(undefined, 10_000);
  const lost = procedure(RENAL, { sensorDisconnected: { channel: 'sensor.1.1', from: 0 } }, clock);
  lost.play(0, 2 * MIN);
  clock.flush();
  assert.ok(lost.room.manager.present.value.some((a) => a.rule.id === 'cryo:lost:sensor.1.1'));
  lost.room.close();
  const ended = procedure(RENAL, {}, new VirtualTimeScheduler(undefined, 10_000));
  ended.play(0, ended.sim.durationMs);
  ended.room.scheduler.flush();
  const silent = ended.changes.filter((c) => c.state.presence === 'on' && c.rule.condition.kind === 'stale');
  assert.deepEqual(silent.map((c) => c.rule.id), [], 'channels quiet after the end are not lost signals');
  ended.room.close();
});

test('phase and probe-state events it cannot read are named; the words are read whatever their case', () => {
  const p = procedure(RENAL);
  const t = T0 + 1000;
  p.room.push({ type: 'event', channel: 'console.gas', t, kind: 'phase', text: 'Freeze' });
  assert.equal(p.engine.current.phase.kind, 'freeze', 'Freeze is a freeze');
  p.room.push({ type: 'event', channel: 'probe.1', t, kind: 'probe-state', text: 'FREEZE 80' });
  assert.equal(p.engine.current.probes.p1, 'freeze');
  p.room.push({ type: 'event', channel: 'console.gas', t: t + 1000, kind: 'phase', text: 'frz' });
  p.room.push({ type: 'event', channel: 'probe.1', t: t + 1000, kind: 'probe-state', text: 'freeze 180' });
  p.room.push({ type: 'event', channel: 'sensor.1.1', t: t + 1000, kind: 'probe-state', text: 'off' });
  p.room.push({ type: 'event', channel: 'console.gas', t: t - 500, kind: 'phase', text: 'thaw' });
  p.room.push({ type: 'event', channel: 'console.gas', t, kind: 'note', text: 'anything' });
  const named = p.technical.filter((e) => e.reason === 'unreadable').map((e) => e.detail);
  assert.equal(named.length, 4, named.join('\n'));
  assert.match(named[0], /^Argon supply: phase 'frz' not understood/);
  assert.match(named[1], /^P1: probe-state 'freeze 180' not understood/);
  assert.match(named[2], /^Nerve TC: probe-state 'off' on Nerve TC, which is no probe/);
  assert.match(named[3], /phase 'thaw' is older than the one before/);
  assert.equal(p.engine.current.unreadable, 4);
  assert.equal(p.engine.current.phase.kind, 'freeze', 'nothing unreadable changed the phase');
  p.room.close();
});

test('two rooms fed the same procedure agree exactly on the engine state', () => {
  const faults = { sensorColderThanTip: { channel: 'sensor.2.1', from: 4 * MIN, to: 4 * MIN + 3000 }, iceShrink: { from: 7 * MIN } };
  const a = procedure(ILIAC, faults);
  const b = procedure(ILIAC, faults);
  a.play(0, a.sim.durationMs);
  b.play(0, 20 * MIN);
  b.play(20 * MIN, b.sim.durationMs);
  const json = (p) => JSON.parse(JSON.stringify(p.engine));
  assert.deepEqual(json(a), json(b));
  assert.equal(json(a).kind, 'cryo');
  assert.ok(a.engine.current.estimate.t.length > 300 && a.engine.current.flagged >= 2);
  a.room.close();
  b.room.close();
});

test('a probe or vessel radius that cannot be right is said on configErrors, as whose, and the default used; a procedure without probes is said', () => {
  const vessel = { kind: 'vessel', label: 'Renal vein', points: [{ xMm: -30, yMm: 25 }, { xMm: 30, yMm: 25 }] };
  const [p1, p2] = RENAL.procedure.probes;
  // A vessel may be labelled as a probe is named: it is still said as a vessel.
  const namesake = { ...vessel, label: p1.id, points: [{ xMm: -30, yMm: -25 }, { xMm: 30, yMm: -25 }] };
  const given = { ...RENAL.procedure, probes: [{ ...p1, radiusMm: -1 }, { ...p2, radiusMm: Number.NaN }], structures: [...RENAL.procedure.structures, { ...vessel, radiusMm: 0 }, { ...namesake, radiusMm: 25 }] };
  const usual = { ...RENAL.procedure, structures: [...RENAL.procedure.structures, vessel, namesake] };
  const run = (proc) => {
    const p = procedure(RENAL);
    const errors = [];
    p.room.configErrors.subscribe((m) => errors.push(m));
    p.engine.configure({ procedure: proc });
    p.play(0, p.sim.freezeStartMs + 4 * MIN);
    const st = p.engine.current;
    p.room.close();
    return { errors, estimated: st.isotherms[0].estimatedMm };
  };
  const bad = run(given);
  assert.deepEqual(bad.errors, [
    `cryo procedure: probe '${p1.id}' radius -1 mm cannot be right: 0.74 mm used`,
    `cryo procedure: probe '${p2.id}' radius NaN mm cannot be right: 0.74 mm used`,
    "cryo procedure: vessel 'Renal vein' radius 0 mm cannot be right: 2 mm used",
    `cryo procedure: vessel '${p1.id}' radius 25 mm cannot be right: 2 mm used`,
  ]);
  const good = run(usual);
  assert.deepEqual(good.errors, []);
  assert.ok(bad.estimated > 10, `estimated ${bad.estimated} mm`);
  assert.equal(bad.estimated, good.estimated);
  assert.deepEqual(run({ ...RENAL.procedure, probes: [] }).errors, ['cryo procedure: no probe, no estimate']);
});

test('a field the model cannot grid (2 km a side, NaN, reversed) is said on configErrors, and the estimate is the labelled fit', () => {
  for (const field of [{ x: [-1e6, 1e6], y: [-1e6, 1e6] }, { x: [Number.NaN, 60], y: [-60, 60] }, { x: [60, -60], y: [-60, 60] }]) {
    const p = procedure(RENAL);
    const errors = [];
    p.room.configErrors.subscribe((m) => errors.push(m));
    p.engine.configure({ procedure: { ...RENAL.procedure, field } });
    p.play(0, p.sim.freezeStartMs + 4 * MIN);
    const { estimate, isotherms } = p.engine.current;
    const what = JSON.stringify(field);
    assert.equal(errors.length, 1, `${what}: ${errors.join('; ')}`);
    assert.match(errors[0], /cannot be gridded \(at most 500 mm a side\): the estimate is the fit$/, what);
    assert.ok(estimate.source.length > 0 && estimate.source.every((s) => s === 'fit'), what);
    assert.ok(isotherms[0].estimatedMm > 10, `${what}: ${isotherms[0].estimatedMm} mm`);
    p.room.close();
  }
});

test('an engine configured late replays what the room holds and reaches the same coverage', () => {
  const live = procedure(RENAL);
  live.play(0, 15 * MIN);
  const sim = new CryoSimulation(RENAL, T0);
  const room = new TelemetryRoom({ windowMs: 45 * MIN, scheduler: new VirtualTimeScheduler() });
  room.setChannels(sim.channels());
  for (let a = 0; a < 15 * MIN; a += 1000) for (const x of sim.between(a, a + 1000)) room.push(x);
  const late = room.engine('cryo', (r) => new CryoEngine(r));
  late.configure({ procedure: RENAL.procedure });
  const [x, y] = [live.engine.current, late.current];
  assert.equal(y.now, x.now);
  assert.equal(y.isotherms[0].estimatedCover, x.isotherms[0].estimatedCover);
  assert.equal(y.covered, x.covered);
  assert.deepEqual(y.marks, x.marks);
  live.room.close();
  room.close();
});

test('no sensor is called colder than the tips during the thaw, when the tips are warm and the ice is not (issue 19)', () => {
  const p = procedure(ILIAC);
  p.play(0, p.sim.durationMs);
  const flags = p.engine.current.questionable.filter((q) => q.reason === 'sensor-colder-than-tip');
  assert.deepEqual(flags.map((q) => `${q.channel} ${((q.t - T0) / 1000).toFixed(0)} s`), []);
  p.room.close();
  // Still flagged while the probes freeze: a sensor 20 °C below the coldest tip.
  const f = procedure(ILIAC, { sensorColderThanTip: { channel: 'sensor.2.1', from: 4 * MIN, to: 4 * MIN + 2000 } });
  f.play(0, 5 * MIN);
  assert.equal(f.engine.current.questionable.filter((q) => q.reason === 'sensor-colder-than-tip').length, 2);
  f.room.close();
});

test('every alarm text names the channel as people do: the points of a multi-point sensor apart, no raw ids (issue 19)', () => {
  const p = procedure(ILIAC);
  const texts = p.sim.channels().flatMap((c) => p.room.manager.rulesOf(c.id)).filter((r) => r.id.startsWith('cryo:')).map((r) => r.message.en);
  assert.ok(texts.includes('Nerve TC 1: signal lost') && texts.includes('Nerve TC 3: signal lost') && texts.includes('Margin TC: signal lost'), texts.join('\n'));
  assert.equal(new Set(texts).size, texts.length, 'no two alike');
  assert.ok(texts.every((m) => !/sensor\.|probe\.|\{/.test(m)), texts.join('\n'));
  const french = p.sim.channels().flatMap((c) => p.room.manager.rulesOf(c.id)).filter((r) => r.id.startsWith('cryo:')).map((r) => r.message.fr);
  assert.ok(french.includes('TC nerf 1 : signal perdu') && french.includes('TC nerf 3 : signal perdu') && french.includes('TC marge : signal perdu'), french.join('\n'));
  p.room.close();
});

test('the argon supply low: one alarm names the cause with its pressure and limit, and folds the probes\' own until it recovers', () => {
  const p = procedure(ILIAC, { gasPressureDrop: { from: 60_000, to: 60_000 + 4 * MIN } });
  p.play(0, 60_000 + 6 * MIN);
  // 7 MPa (35 % of 20 MPa) from 60 s; judged low after 2 s below 10 MPa.
  const [on] = p.raised(supplyLowId);
  assert.equal(on.t - T0, 60_000 + SUPPLY_ONSET_MS);
  assert.deepEqual({ priority: on.rule.priority, kind: on.rule.kind }, { priority: 'me', kind: 'tec' });
  assert.match(on.rule.message.en, /^Argon supply pressure low: \d\.\d MPa \(limit 10\.0 MPa\); all 4 probes freezing less$/);
  // The tips passed their 2-min deadline while the supply was low: none alarmed on its own.
  const probes = p.changes.filter((c) => c.rule.id.startsWith('cryo:probe-cooling'));
  assert.deepEqual(probes.map((c) => c.rule.id), []);
  assert.ok(p.changes.some((c) => c.rule.id === supplyLowId && !c.state.active), 'ended once the pressure is back');
  p.room.close();
});

test('no supply pressure in the room: every probe not cooling together is one alarm; one probe alone keeps its own', () => {
  const scenario = { ...ILIAC, procedure: { ...ILIAC.procedure, supply: undefined } };
  const all = procedure(scenario, { gasPressureDrop: { from: 0 } });
  all.play(0, all.sim.freezeStartMs + 3 * MIN);
  const [on] = all.raised(allProbesId);
  // Every tip stays above -100 °C from the start of freeze 1 (10 s): each deadline, 2 min later, is the same sample.
  assert.equal(on.t - T0, all.sim.freezeStartMs + DEFAULT_CRYO_ALARMS.probeWithinMs);
  assert.equal(on.rule.message.en, 'All 4 probes: tips not below -100 °C; gas supply suspected');
  assert.deepEqual(all.changes.filter((c) => c.rule.id.startsWith('cryo:probe-cooling')).map((c) => c.rule.id), []);
  assert.deepEqual(all.engine.current.conditions, [allProbesId]);
  all.room.close();
  const one = procedure(scenario, { probeNotCooling: { probe: 'p2', from: 0 } });
  one.play(0, one.sim.freezeStartMs + 3 * MIN);
  assert.equal(one.raised(probeCoolingId('p2')).length, 1);
  assert.equal(one.raised(allProbesId).length, 0);
  one.room.close();
});
