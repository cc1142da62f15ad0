// What the alarm log reads of the alarms engines judge themselves, in Node: the value each was
// raised on and the limit it crossed, with their unit, where the condition has one value
// against one limit; none where it has not. Imports the built package (`npm test` builds it
// first; alone: `npx tsc -p tsconfig.build.json && node --test test/engines/`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualTimeScheduler } from 'rxjs';
import { CementEngine, CryoEngine, DoseEngine, RadioembolisationEngine, TelemetryRoom, ThermalEngine } from '../../dist/streams/index.js';
import { CryoSimulation, ILIAC, RENAL, cementSimulation, resinStasis, vertebroplastyScript } from '../../dist/sim.js';
import { DEFAULT_CRYO_ALARMS, DEFAULT_PROTOCOL, Y90_CHANNEL_IDS, allProbesId, cementChannels, coverageId, probeCoolingId, sensorTargetId, supplyLowId, y90Channels } from '../../dist/models/index.js';

const MIN = 60_000;
/** As test/kit/clock.ts dataEpoch: an hour back, on a whole minute. */
const T0 = Math.floor((Date.now() - 3_600_000) / MIN) * MIN;
const FREEZE_1_MS = DEFAULT_PROTOCOL.phases[0].durationMs;

/** A room on virtual time, its engine, and the first occurrence raised of each alarm, by id. */
function room(channels, kind, create, scheduler = new VirtualTimeScheduler()) {
  const r = new TelemetryRoom({ scheduler, windowMs: 45 * MIN });
  r.setChannels(channels);
  const engine = r.engine(kind, create);
  const raised = new Map();
  r.manager.changes.subscribe((c) => c.state.presence === 'on' && !raised.has(c.rule.id) && raised.set(c.rule.id, c));
  return { room: r, engine, raised };
}

/** Value, limit, way crossed and unit of an occurrence, as the log takes them. */
const reading = (c) => ({ value: c.state.valueAtOnset, ...c.rule.condition.against });

function cryo(scenario, faults, untilMs) {
  const sim = new CryoSimulation(scenario, T0, faults);
  const p = room(sim.channels(), 'cryo', (r) => new CryoEngine(r));
  p.engine.configure({ procedure: scenario.procedure });
  for (let a = 0; a < untilMs; a += 1000) for (const x of sim.between(a, Math.min(untilMs, a + 1000))) p.room.push(x);
  return { ...p, sim };
}

test('cryo: the supply pressure below its limit in MPa, the pressure its message names', () => {
  const p = cryo(ILIAC, { gasPressureDrop: { from: 60_000 } }, 70_000);
  const on = p.raised.get(supplyLowId);
  const r = reading(on);
  assert.deepEqual({ ...r, value: undefined }, { value: undefined, limit: 10, crossing: 'below', unit: 'MPa', decimals: 1 });
  // 35 % of the 20 MPa supply, with sensor noise.
  assert.ok(Math.abs(r.value - 7) < 0.5, `${r.value} MPa`);
  assert.ok(on.rule.message.en.includes(`${r.value.toFixed(1)} MPa (limit 10.0 MPa)`), on.rule.message.en);
  p.room.close();
});

test('cryo: a probe not cooling reads as its tip against -100 °C; every probe together as the coldest of the tips', () => {
  const one = cryo(RENAL, { probeNotCooling: { probe: 'p1', from: 0 } }, 10_000 + DEFAULT_CRYO_ALARMS.probeWithinMs + 5000);
  const tip = reading(one.raised.get(probeCoolingId('p1')));
  assert.deepEqual({ ...tip, value: undefined }, { value: undefined, limit: -100, crossing: 'above', unit: 'Cel', decimals: 1 });
  // The tip of the probe that does not cool stays near -25 °C.
  assert.ok(tip.value > -40 && tip.value < -10, `${tip.value} °C`);
  one.room.close();
  const scenario = { ...ILIAC, procedure: { ...ILIAC.procedure, supply: undefined } };
  const all = cryo(scenario, { gasPressureDrop: { from: 0 } }, 10_000 + DEFAULT_CRYO_ALARMS.probeWithinMs + 5000);
  const tips = reading(all.raised.get(allProbesId));
  assert.deepEqual({ ...tips, value: undefined }, { value: undefined, limit: -100, crossing: 'above', unit: 'Cel', decimals: 1 });
  assert.ok(tips.value > -100 && tips.value < 0, `${tips.value} °C, not below the target`);
  all.room.close();
});

test('cryo: the 0 °C isotherm measured short of the target plus margin reads as its diameter against 50 mm; the designated sensor as its coldest against -20 °C', () => {
  const short = cryo(ILIAC, { gasPressureDrop: { from: 0 } }, 10_000 + FREEZE_1_MS + 5000);
  const cover = reading(short.raised.get(coverageId));
  assert.deepEqual(cover, { value: short.engine.current.isotherms[0].measuredMm, limit: 50, crossing: 'below', unit: 'mm', decimals: 1 });
  assert.ok(cover.value < 50);
  short.room.close();
  const renal = cryo(RENAL, {}, 10_000 + FREEZE_1_MS + 5000);
  const sensor = reading(renal.raised.get(sensorTargetId('s2')));
  assert.deepEqual({ ...sensor, value: undefined }, { value: undefined, limit: -20, crossing: 'above', unit: 'Cel', decimals: 1 });
  assert.ok(sensor.value > -20 && sensor.value < 37, `${sensor.value} °C`);
  renal.room.close();
});

test('thermal: a roll-off not recovering reads as the impedance against the level it must fall back below; repeated ones as their count', () => {
  const map = { id: 'map', label: 'MR map', unit: 'Cel', intervalMs: 1000, range: [-20, 200] };
  const impedance = { id: 'z', label: 'Impedance', unit: 'Ohm', intervalMs: 100, range: [0, 2000], decimals: 0 };
  const p = room([map, impedance], 'thermal', (r) => new ThermalEngine(r));
  p.engine.configure({ map: 'map', impedance: 'z' });
  // 80 Ω; roll-offs to 200 Ω at 60, 90 and 150 s, recovered; from 400 s 250 Ω, not recovering.
  const z = (s) => (s >= 400 ? 250 : [60, 90, 150].some((a) => s >= a && s < a + 8) ? 200 : 80);
  for (let s = 0; s <= 440; s++) p.room.push({ channel: 'z', t: Float64Array.of(T0 + s * 1000), v: Float32Array.of(z(s)) });
  assert.deepEqual(reading(p.raised.get('thermal:z:roll-off-held')), { value: 250, limit: 130, crossing: 'above', unit: 'Ohm', decimals: 0 });
  const repeated = reading(p.raised.get('thermal:z:roll-off-repeated'));
  assert.deepEqual({ ...repeated, count: undefined }, { value: 3, limit: 2, crossing: 'above', unit: '{roll-off}', decimals: 0, count: undefined });
  assert.deepEqual(repeated.count.other, { label: 'roll-offs', labels: { fr: 'roll-offs' } });
  p.room.close();
});

test('dose: a level crossed reads as the air kerma in Gy against the level, whatever the channel’s unit', () => {
  const p = room([{ id: 'kar', label: 'Ka,r', unit: 'mGy', intervalMs: 1000, range: [0, 50_000] }], 'dose', (r) => new DoseEngine(r));
  p.room.push({ channel: 'kar', t: Float64Array.of(T0), v: Float32Array.of(3125) });
  assert.deepEqual(reading(p.raised.get('dose:kar:3')), { value: 3.125, limit: 3, crossing: 'above', unit: 'Gy', decimals: 2 });
  p.room.close();
});

test('Y-90: the lung shunt fraction in % and the planned lung dose in Gy against their limits; the delivered activity off the prescription, the way it is off', () => {
  const plan = room(y90Channels(), 'y90', (r) => new RadioembolisationEngine(r));
  plan.engine.configure({ product: 'glass', prescribedGBq: 3, vialGBq: 3, calibratedAt: T0, lsf: 0.24 });
  assert.deepEqual(reading(plan.raised.get('y90:lsf')), { value: 24, limit: 20, crossing: 'above', unit: '%', decimals: 1 });
  // 49.67 Gy·kg/GBq x 3 GBq x 0.24 / 1 kg = 35.8 Gy.
  const lung = reading(plan.raised.get('y90:lung-dose'));
  assert.deepEqual({ ...lung, value: Math.round(lung.value * 10) / 10 }, { value: 35.8, limit: 30, crossing: 'above', unit: 'Gy', decimals: 1 });
  plan.room.close();
  const script = resinStasis(T0);
  const p = room(y90Channels(), 'y90', (r) => new RadioembolisationEngine(r));
  p.engine.configure(script.plan);
  for (let a = 0; a <= script.durationMs; a += 1000) for (const x of script.between(a, a + 1000)) p.room.push(x);
  const off = reading(p.raised.get('y90:deviation'));
  assert.deepEqual({ ...off, value: undefined }, { value: undefined, limit: -20, crossing: 'below', unit: '%', decimals: 1 });
  assert.ok(off.value < -20 && Math.abs(off.value - p.room.store(Y90_CHANNEL_IDS.deviation).lastV) < 0.01, `${off.value} %`);
  p.room.close();
});

test('no single value against one limit, no reading: maps stopped, a leak reported, a delivery stalled', () => {
  const map = { id: 'map', label: 'MR map', unit: 'Cel', intervalMs: 1000, range: [-20, 200] };
  const clock = new VirtualTimeScheduler(undefined, 100_000);
  const thermal = room([map], 'thermal', (r) => new ThermalEngine(r), clock);
  thermal.engine.configure({ map: 'map' });
  thermal.room.push({ kind: 'grid', channel: 'map', t: T0, width: 4, height: 4, spacingMm: [1, 1], originMm: [0, 0], data: new Float32Array(16).fill(37) });
  clock.flush();
  assert.deepEqual(thermal.raised.get('thermal:map:maps-stopped')?.rule.condition, { kind: 'external' });
  thermal.room.close();
  const script = vertebroplastyScript();
  const cementClock = new VirtualTimeScheduler(undefined, script.durationMin * MIN);
  const cement = new TelemetryRoom({ scheduler: cementClock, windowMs: 70 * MIN });
  cement.setChannels(cementChannels(script.plan));
  cement.engine('cement', (r) => new CementEngine(r, { plan: script.plan }));
  const leaks = [];
  cement.manager.changes.subscribe((c) => c.rule.id.startsWith('cement:leak:') && leaks.push(c.rule.condition));
  cement.connect(cementSimulation(script, { t0: T0, speed: 60, scheduler: cementClock }));
  cementClock.flush();
  assert.ok(leaks.length > 0);
  assert.ok(leaks.every((c) => c.against === undefined));
  cement.close();
  const stalled = resinStasis(T0);
  const y90 = room(y90Channels(), 'y90', (r) => new RadioembolisationEngine(r));
  y90.engine.configure(stalled.plan);
  for (let a = 0; a <= stalled.durationMs; a += 1000) for (const x of stalled.between(a, a + 1000)) y90.room.push(x);
  assert.deepEqual(y90.raised.get('y90:stalled')?.rule.condition, { kind: 'external' });
  y90.room.close();
});
