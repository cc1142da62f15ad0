// The thermal ablation engine in Node, no DOM: the built package's streams, a room fed
// maps directly, alarms checked against the data time a hand calculation gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualTimeScheduler, filter, firstValueFrom } from 'rxjs';

const { TelemetryRoom, ThermalEngine } = await import('../../dist/streams/index.js');
const { ThermalSimulation, LIVER_RF, THERMAL_SIM_IDS, thermalSimChannels } = await import('../../dist/sim.js');
const { rasterise, pixelsOf, ThermalAccumulator } = await import('../../dist/models/index.js');

// Relative to the wall clock, never a calendar date.
const T0 = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
const N = 32;
const map = { id: 'map', label: 'MR map', unit: 'Cel', intervalMs: 1000, range: [-20, 200] };
const duct = { id: 'duct', label: 'Bile duct', shape: { kind: 'circle', centreMm: [24, 16], radiusMm: 3 } };
const tumour = { kind: 'circle', centreMm: [16, 16], radiusMm: 4 };
const uniform = (s, c) => ({ kind: 'grid', channel: 'map', t: T0 + s * 1000, width: N, height: N, spacingMm: [1, 1], originMm: [0, 0], data: new Float32Array(N * N).fill(c) });

/** Data time (s from T0) at which each alarm first became present, by rule id. */
function onsets(room) {
  const at = new Map();
  room.manager.changes.subscribe((c) => {
    if (c.state.presence !== 'off' && !at.has(c.rule.id)) at.set(c.rule.id, (c.t - T0) / 1000);
  });
  return at;
}

function thermalRoom(scheduler) {
  const room = new TelemetryRoom(scheduler ? { scheduler } : {});
  room.setChannels([map]);
  const engine = room.engine('thermal', (r) => new ThermalEngine(r));
  engine.configure({ map: 'map', tumour, marginMm: 2, structures: [duct] });
  return { room, engine };
}

// 37 °C until 10 s, then 46.5 °C everywhere, one map a second. CEM43 at 46.5 °C accrues at
// 2^(46.5 - 43) = 11.314 min per minute (Sapareto & Dewey 1984), 0.18856 min per second; the
// 37 -> 46.5 °C step adds under 0.01 min. Duct above 45 °C from the map at 10 s, for the 2 s
// onset delay: raised with the map at 12 s. 60 CEM43 after
// (60 - 0.01) / 0.18856 = 318.2 s of plateau: the map at 329 s. 240 CEM43 after 1272.8 s: the
// map at 1283 s, when the tumour and its margin are covered too.
test('raises each structure alarm at the data time the hand calculation gives', () => {
  const { room, engine } = thermalRoom();
  const at = onsets(room);
  for (let s = 0; s <= 1300; s++) {
    room.push(uniform(s, s < 10 ? 37 : 46.5));
    if (s === 1282) assert.equal(engine.current.coverage.fraction, 0, 'not covered a map before');
  }
  assert.equal(at.get('map.duct.max:hot'), 12);
  assert.equal(at.get('map.duct.cem43:warn'), 329);
  assert.equal(at.get('map.duct.cem43:lethal'), 1283);
  assert.equal(engine.current.coverage.fraction, 1);
  assert.deepEqual(room.channels.value.map((d) => d.id), ['map', 'map.duct.max', 'map.duct.cem43'], 'derived channels declared by the engine');
  assert.equal(room.store('map.duct.max').lastV, 46.5);
  room.close();
});

test('raises the technical alarms: a map of another geometry at once, stopped maps after three intervals', () => {
  const clock = new VirtualTimeScheduler(undefined, 100_000);
  const { room, engine } = thermalRoom(clock);
  const at = onsets(room);
  room.push(uniform(0, 37));
  assert.ok(!at.has('thermal:map:geometry'));
  room.push({ ...uniform(1, 37), width: 16, height: 64 });
  assert.ok(at.has('thermal:map:geometry'), 'raised with the refused map');
  assert.equal(engine.current.geometryRefused, true);
  assert.equal(engine.current.maps, 1, 'the refused map never reached the dose');
  room.push(uniform(2, 37));
  assert.equal(engine.current.geometryRefused, false);
  clock.flush();
  assert.ok(at.has('thermal:map:maps-stopped'));
  assert.equal(engine.current.mapsStopped, true);
  room.close();
});

test('a map beyond the size limit is accumulated reduced, with a technical event', () => {
  const room = new TelemetryRoom();
  room.setChannels([map]);
  const events = [];
  room.technical.subscribe((e) => events.push(e));
  const engine = room.engine('thermal', (r) => new ThermalEngine(r));
  engine.configure({ map: 'map', maxPixels: 256 });
  room.push(uniform(0, 50));
  assert.equal(engine.current.reducedBy, 2);
  assert.deepEqual([engine.current.geometry.width, engine.current.geometry.height, ...engine.current.geometry.spacingMm], [16, 16, 2, 2]);
  assert.equal(engine.current.peakC, 50);
  assert.deepEqual(events.map((e) => e.reason), ['reduced']);
  room.close();
});

test('large maps are accumulated in steps, the thread handed back between them, in order, to the dose of each map added at once', async () => {
  const W = 1000;
  const room = new TelemetryRoom();
  room.setChannels([map]);
  const engine = room.engine('thermal', (r) => new ThermalEngine(r));
  engine.configure({ map: 'map', tumour: { kind: 'circle', centreMm: [500, 500], radiusMm: 100 }, marginMm: 0 });
  // Eight million pixels of dose: far more than one slice of work on any machine.
  const maps = Array.from({ length: 8 }, (_, k) => {
    const data = new Float32Array(W * W);
    for (let i = 0; i < data.length; i++) data[i] = 37 + 4 * k + ((i * 7919) % 13) / 4;
    return { kind: 'grid', channel: 'map', t: T0 + k * 1000, width: W, height: W, spacingMm: [1, 1], originMm: [0, 0], data };
  });
  let between;
  setImmediate(() => (between = engine.current.maps));
  maps.forEach((m) => room.push(m));
  await firstValueFrom(engine.state.pipe(filter((s) => s.maps === maps.length)));
  assert.ok(between < maps.length, `other work ran while the maps were accumulated (${between} of ${maps.length} in by then)`);
  const reference = new ThermalAccumulator({ width: W, height: W, spacingMm: [1, 1], originMm: [0, 0] });
  maps.forEach((m) => reference.add(m));
  assert.deepEqual(engine.current.cem43, reference.cem43);
  assert.deepEqual(engine.current.omega, reference.omega);
  assert.equal(engine.current.peakC, reference.latestPeakC);
  assert.equal(engine.current.t, maps.at(-1).t);
  room.close();
});

/** The simulated RF ablation (LIVER_RF, maps at 1 Hz) into a room with the engine. */
function simulatedRoom(resolution = 64) {
  const sim = new ThermalSimulation({ scenario: 'liver-rf', t0: T0, resolution, seed: 7 });
  const room = new TelemetryRoom();
  room.setChannels(thermalSimChannels(LIVER_RF).filter((d) => !d.id.includes('.')));
  const engine = room.engine('thermal', (r) => new ThermalEngine(r));
  engine.configure({ map: THERMAL_SIM_IDS.map, tumour: LIVER_RF.tumour, marginMm: LIVER_RF.marginMm, structures: LIVER_RF.structures });
  return { sim, room, engine };
}

test('fed the simulated RF ablation, raises the duct temperature alarm once its hottest pixel has been above 45 °C for 2 s', () => {
  // 128 x 128: at 64 x 64 the duct's hottest pixel stays at 44 °C.
  const { sim, room, engine } = simulatedRoom(128);
  const at = onsets(room);
  let mask;
  let expected;
  let since = NaN;
  sim.advanceTo(LIVER_RF.durationS, (x) => {
    if ('kind' in x && x.kind === 'grid') {
      mask ??= pixelsOf(rasterise(LIVER_RF.structures[0].shape, x));
      // The hand check: the hottest duct pixel of each map, read directly, above 45 °C (or 44 °C once
      // above: the 1 °C hysteresis) from `since`; raised once that has lasted the 2 s onset delay.
      const hottest = Math.max(...[...mask].map((i) => x.data[i]));
      if (hottest > (Number.isNaN(since) ? 45 : 44)) since = Number.isNaN(since) ? x.t : since;
      else since = NaN;
      if (expected === undefined && x.t - since >= 2000) expected = (x.t - T0) / 1000;
    }
    room.push(x);
  });
  assert.ok(expected !== undefined, 'the scenario heats the duct past 45 °C');
  assert.equal(at.get('thermal-map.duct.max:hot'), expected);
  assert.ok(engine.current.coverage.fraction > 0.9, `coverage ${engine.current.coverage.fraction}`);
  assert.equal(engine.current.maps, LIVER_RF.durationS + 1);
  room.close();
});

test('two rooms fed the same input agree exactly on the engine state', () => {
  const a = simulatedRoom();
  const b = simulatedRoom();
  a.sim.advanceTo(300, (x) => a.room.push(x));
  b.sim.advanceTo(300, (x) => b.room.push(x));
  assert.deepEqual(JSON.parse(JSON.stringify(a.engine)), JSON.parse(JSON.stringify(b.engine)));
  a.room.close();
  b.room.close();
});

test('a new configuration keeps the dose when the map and tissue are the same; the same one again changes nothing', () => {
  const { room, engine } = thermalRoom();
  for (let s = 0; s <= 60; s++) room.push(uniform(s, 50));
  const before = engine.current;
  engine.configure({ map: 'map', tumour, marginMm: 2, structures: [duct] });
  assert.equal(engine.current, before, 'same content, another object');
  engine.configure({ map: 'map', tumour, marginMm: 2, structures: [duct], lethal: { kind: 'omega', omega: 1 } });
  assert.equal(engine.current.cem43[0], before.cem43[0]);
  assert.equal(engine.current.maps, 61);
  room.close();
});

test('a structure hovering at its 45 °C limit raises its alarm once (noise of MR thermometry, 44.1 to 45.2 °C)', () => {
  const { room } = thermalRoom();
  const raised = [];
  room.manager.changes.subscribe((c) => c.rule.id === 'map.duct.max:hot' && c.state.presence === 'on' && c.previous === 'off' && raised.push(c.t));
  // A fixed sequence (a linear congruential generator): 44.1 + 1.1 u, u in [0, 1).
  let x = 12345;
  const u = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let s = 0; s < 600; s++) room.push(uniform(s, s < 5 ? 37 : 44.1 + 1.1 * u()));
  assert.equal(raised.length, 1, `raised ${raised.length} times`);
  room.close();
});

test('a microwave antenna gets no console alarm; an RF electrode its tip alarm', async () => {
  const { consoleRules } = await import('../../dist/models/index.js');
  assert.deepEqual(consoleRules({ tip: 'tip' }, 'mw'), []);
  assert.deepEqual(consoleRules({ tip: 'tip' }, 'rf').map((r) => r.id), ['tip:boiling']);
});

const impedance = { id: 'z', label: 'Impedance', unit: 'Ohm', intervalMs: 100, range: [0, 2000] };
const ohm = (s, v) => ({ channel: 'z', t: Float64Array.of(T0 + s * 1000), v: Float32Array.of(v) });

// One impedance sample a second. Roll-offs (100 Ohm above the lowest, 80) begin at 60, 90 and
// 150 s and recover (below 130 Ohm) within 10 s: the third within 120 s of the first raises the
// repeated alarm with the sample at 150 s, once. A roll-off from 400 s holds at 250 Ohm: not
// recovered 30 s after it began, raised with the sample at 430 s.
test('roll-offs the generator recovers raise nothing, repeated ones one alarm, one not recovering its own', () => {
  const room = new TelemetryRoom();
  room.setChannels([map, impedance]);
  const engine = room.engine('thermal', (r) => new ThermalEngine(r));
  engine.configure({ map: 'map', impedance: 'z' });
  const raised = [];
  room.manager.changes.subscribe((c) => c.previous === 'off' && raised.push(c.rule.id));
  const first = new Map();
  const z = (s) => (s >= 400 ? 250 : [60, 90, 150].some((a) => s >= a && s < a + 8) ? 200 : 80);
  for (let s = 0; s <= 440; s++) {
    room.push(ohm(s, z(s)));
    for (const a of room.manager.present.value) if (!first.has(a.rule.id)) first.set(a.rule.id, s);
  }
  assert.deepEqual([...first], [['thermal:z:roll-off-repeated', 150], ['thermal:z:roll-off-held', 430]]);
  assert.deepEqual(raised, ['thermal:z:roll-off-repeated', 'thermal:z:roll-off-held'], 'each once');
  room.close();
});

test('the simulated RF ablation raises its repeated roll-offs once, the microwave scenario no roll-off alarm', () => {
  for (const scenario of ['liver-rf', 'liver-mw-vessel']) {
    const sim = new ThermalSimulation({ scenario, t0: T0, resolution: 32, seed: 5 });
    const room = new TelemetryRoom();
    room.setChannels(thermalSimChannels(LIVER_RF).filter((d) => !d.id.includes('.')));
    const engine = room.engine('thermal', (r) => new ThermalEngine(r));
    engine.configure({ map: THERMAL_SIM_IDS.map, impedance: scenario === 'liver-rf' ? THERMAL_SIM_IDS.impedance : undefined });
    const raised = [];
    room.manager.changes.subscribe((c) => c.state.presence === 'on' && c.previous === 'off' && raised.push(c.rule.id));
    sim.advanceTo(LIVER_RF.durationS, (x) => room.push(x));
    const rollOffs = raised.filter((id) => id.includes('roll-off'));
    // RF: roll-offs every 25-30 s from about 140 s to the end (the old rate rule raised each): one occurrence.
    assert.deepEqual(rollOffs, scenario === 'liver-rf' ? [`thermal:${THERMAL_SIM_IDS.impedance}:roll-off-repeated`] : []);
    room.close();
  }
});

test('an infinite pixel reaches neither the dose nor the peak nor a structure', () => {
  const { room, engine } = thermalRoom();
  const technical = [];
  room.technical.subscribe((e) => technical.push(e.reason));
  const hot = (s) => {
    const f = uniform(s, 37);
    // The duct's centre pixel (24, 16) and the tumour's (16, 16).
    f.data[16 * N + 24] = Infinity;
    f.data[16 * N + 16] = Infinity;
    return f;
  };
  for (let s = 0; s <= 600; s++) room.push(hot(s));
  assert.ok(technical.includes('not-finite'), 'the room names the refused pixels');
  assert.equal(engine.current.peakC, 37);
  assert.equal(engine.current.structures[0].maxC, 37);
  assert.ok(Math.max(...engine.current.cem43) < 1, 'no dose from the refused pixel');
  assert.equal(engine.current.coverage.covered, 0);
  room.close();
});

// The dose at one pixel pinned to the model itself, computed here with no table: CEM43 =
// ∫ R^(43 − T) dt (Sapareto & Dewey 1984), R = 0.5 at or above 43 °C and 0.25 below, with T
// linear between maps, each piece integrated in closed form and split where it crosses 43 °C.
// The history crosses 43 °C upwards and downwards inside one map interval each way, and one
// interval lasts 2 s. Ω likewise: ∫ A (exp(−Ea/RT) − exp(−Ea/RT_body)) dt (Henriques & Moritz
// 1947), by Simpson's rule. An optimisation of the accumulator must not move either.
test('the dose at a pixel is the Sapareto & Dewey CEM43 of its temperature history, Ω its Arrhenius integral', async () => {
  const { LIVER_ARRHENIUS: tissue, GAS_CONSTANT } = await import('../../dist/models/index.js');
  // Data time (s) and temperature (°C) of each map at the pixel: 38 -> 41, a map interval
  // 41 -> 45.5 (crossing 43), up to 47.5, a 2 s interval, held, a map interval 44.2 -> 40.6, down to 39.
  const history = [[0, 38], [1, 38.7], [2, 39.9], [3, 41], [4, 45.5], [5, 46.3], [6, 47.5], [8, 47.2], [9, 47.2], [10, 46], [11, 44.2], [12, 40.6], [13, 39]];
  const at = { i: 11, j: 5 };
  const room = new TelemetryRoom();
  room.setChannels([map]);
  const engine = room.engine('thermal', (r) => new ThermalEngine(r));
  engine.configure({ map: 'map' });
  for (const [s, c] of history) {
    const f = uniform(s, 37.5);
    f.data[at.j * N + at.i] = c;
    room.push(f);
  }

  /** Minutes at 43 °C of a linear ramp a -> b °C over `seconds`, split at 43 °C. */
  const cem43Ramp = (a, b, seconds) => {
    const piece = (x, y, R) => (x === y ? R ** (43 - x) : (R ** (43 - x) - R ** (43 - y)) / (Math.log(R) * (y - x)));
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (lo >= 43) return (piece(a, b, 0.5) * seconds) / 60;
    if (hi <= 43) return (piece(a, b, 0.25) * seconds) / 60;
    // Fractions of the interval below and above 43 °C, each at its own R.
    const below = (43 - lo) / (hi - lo);
    return ((piece(lo, 43, 0.25) * below + piece(43, hi, 0.5) * (1 - below)) * seconds) / 60;
  };
  const kelvin = (c) => c + 273.15;
  const rate = (c) => tissue.a * (Math.exp(-tissue.ea / (GAS_CONSTANT * kelvin(c))) - Math.exp(-tissue.ea / (GAS_CONSTANT * kelvin(tissue.baselineC))));
  const omegaRamp = (a, b, seconds) => {
    const n = 2000;
    let sum = rate(a) + rate(b);
    for (let k = 1; k < n; k++) sum += (k % 2 ? 4 : 2) * rate(a + ((b - a) * k) / n);
    return (sum * seconds) / (3 * n);
  };
  let cem43 = 0;
  let omega = 0;
  for (let k = 1; k < history.length; k++) {
    const [[s0, a], [s1, b]] = [history[k - 1], history[k]];
    cem43 += cem43Ramp(a, b, s1 - s0);
    omega += omegaRamp(a, b, s1 - s0);
  }
  const state = engine.current;
  const pixel = at.j * N + at.i;
  assert.ok(Math.abs(state.cem43[pixel] - cem43) <= cem43 * 1e-6, `CEM43 ${state.cem43[pixel]} min, formula ${cem43}`);
  assert.ok(Math.abs(state.omega[pixel] - omega) <= omega * 1e-6, `Ω ${state.omega[pixel]}, integral ${omega}`);
  // The figure itself (a midpoint sum of the same history in 0.0005 % steps gives 1.69369), so
  // neither the formula above nor the code can drift unnoticed: mostly the 4 s near 47 °C, 2^4.3 min a minute.
  assert.equal(cem43.toFixed(4), '1.6937');
  // A pixel held at 37.5 °C for 13 s: 0.25^5.5 min per min.
  assert.ok(Math.abs(state.cem43[0] - (0.25 ** 5.5 * 13) / 60) <= 1e-6 * state.cem43[0]);
  room.close();
});
