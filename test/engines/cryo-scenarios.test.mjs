// Cryoablation scenarios played as the demo plays them, in Node on virtual time: a combined
// procedure's cryo step ends with its protocol, and a trainer's gas-pressure fault changes the
// tissue as physics allows (issue 19). Imports the built package (`npx tsc -p tsconfig.build.json`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualTimeScheduler, VirtualAction, tap } from 'rxjs';
import { CryoEngine, TelemetryRoom } from '../../dist/streams/index.js';
import { CryoSimulation, ILIAC, SACRAL, cryoSource, iliacConsolidationScript, sacralCombinedScript } from '../../dist/sim.js';
import { DEFAULT_CRYO_ALARMS, DEFAULT_PROTOCOL, SUPPLY_ONSET_MS, coverageId, supplyLowId } from '../../dist/models/cryo/index.js';

const MIN = 60_000;
const SPEED = 60;
/** As test/kit/clock.ts dataEpoch: two hours back, on a whole minute. */
const T0 = Math.floor((Date.now() - 2 * 3_600_000) / MIN) * MIN;

/**
 * Plays `scenario` from data time `t0` at 60x for `forMs` of data, as the demo does (a room with
 * the simulation's channels and a cryo engine, `cryoSource` on the clock); `watch` sees every item.
 */
function play(scenario, t0, forMs, watch = () => {}, sim = new CryoSimulation(scenario, t0)) {
  const scheduler = new VirtualTimeScheduler(VirtualAction, forMs / SPEED);
  const room = new TelemetryRoom({ scheduler, windowMs: 45 * MIN });
  room.setChannels(sim.channels());
  const engine = room.engine('cryo', (r) => new CryoEngine(r));
  engine.configure({ procedure: scenario.procedure });
  const raises = [];
  room.manager.changes.subscribe((c) => c.state.presence === 'on' && c.previous === 'off' && raises.push({ id: c.rule.id, t: c.t, message: c.rule.message }));
  room.connect(cryoSource(sim, { speed: SPEED, scheduler }).pipe(tap((x) => watch(x, sim))));
  // Each clock tick plays the next 6 s of data: at frame forMs / 60, everything before `forMs` is in.
  scheduler.flush();
  const state = engine.current;
  room.close();
  return { state, raises, sim };
}

for (const [name, make, scenario] of [['iliac', iliacConsolidationScript, ILIAC], ['sacral', sacralCombinedScript, SACRAL]]) {
  test(`combined ${name} procedure: the cryo step is marked done only after the cryo console's end, and the cement follows it`, () => {
    const script = make();
    const cryo = script.steps.find((s) => s.kind === 'cryoablation');
    // The demo starts the cryo simulation at the step's start and marks the step done once data time reaches its end.
    const { state } = play(scenario, T0 + cryo.fromMin * MIN, (cryo.toMin - cryo.fromMin) * MIN);
    assert.equal(state.phase.kind, 'end', `at ${cryo.toMin} min the cryo panel shows ${state.phase.kind} ${state.phase.freeze || ''}`);
    const protocolMs = scenario.procedure.protocol.phases.reduce((s, p) => s + p.durationMs, 0);
    assert.deepEqual(
      state.marks.map((m) => m.kind),
      [...scenario.procedure.protocol.phases.map((p) => p.kind), 'end'],
      'every phase of the protocol played',
    );
    const end = state.marks.at(-1).t;
    assert.equal(end - state.marks[0].t, protocolMs, 'the end comes after the whole protocol');
    // Derived from the protocol, not padded: the step ends on the first whole minute after the console's end.
    const stepEnd = T0 + cryo.toMin * MIN;
    assert.ok(end <= stepEnd && stepEnd - end < MIN, `console end ${(end - T0) / MIN} min, step end ${cryo.toMin} min`);
    const cement = script.steps.find((s) => s.kind === 'cement');
    assert.equal(cement.fromMin, cryo.toMin, 'the cement step starts when the cryo step is done');
    const first = Math.min(...script.events.map((e) => e.atMin), ...script.spans.map((s) => s.fromMin));
    assert.ok(first >= cryo.toMin, `no cement before the cryoablation is over (first at ${first} min)`);
  });
}

/**
 * The bound on a tissue sensor's change per second of data. Tissue between the probes and the body
 * obeys the Pennes bioheat equation (the simulator's truth is `FreezingModel`; properties of Rabin &
 * Shitzer, J Biomech Eng 1998): with no heat source of its own, by its maximum principle no point of
 * it cools or warms faster than the fastest of its boundaries, the probe tips. A simulated tip
 * follows its target with a 20 s time constant in freeze, so it changes at most
 * (36.5 − (−145)) °C × (1 − e^(−1 s / 20 s)) ≈ 8.9 °C in one second, at the start of a freeze
 * (3.7 °C when the argon falls and its target rises from −145 to −70 °C). A sensor reads with
 * ±0.3 °C of noise: 0.6 °C more between two readings.
 */
const TISSUE_STEP_C = (36.5 + 145) * (1 - Math.exp(-1 / 20)) + 0.6;

test('the argon falls mid-freeze: margin temperatures change smoothly, the tips warm, the ice grows slower, and one alarm names the supply', () => {
  const faultMs = 4 * MIN;
  const forMs = 10_000 + DEFAULT_PROTOCOL.phases[0].durationMs + 5000;
  // As the trainer's button: the fault starts at the data time reached when it is pressed, 4 min into freeze 1.
  const inject = (x, sim) => {
    const t = x.type === 'event' ? x.t : x.t.at(-1);
    if (!sim.faults.gasPressureDrop && t - sim.t0 >= sim.freezeStartMs + faultMs) sim.faults.gasPressureDrop = { from: t - sim.t0 };
  };
  const readings = new Map();
  const record = (x) => {
    if (x.type === 'event' || !/^(sensor|probe|console)\./.test(x.channel)) return;
    const r = readings.get(x.channel) ?? readings.set(x.channel, []).get(x.channel);
    for (let i = 0; i < x.t.length; i++) r.push([x.t[i], x.v[i]]);
  };
  const faulty = play(ILIAC, T0, forMs, (x, sim) => (inject(x, sim), record(x)));
  const from = T0 + faulty.sim.faults.gasPressureDrop.from;
  assert.ok(from > T0 + faulty.sim.freezeStartMs + faultMs - 6000, 'injected mid-freeze');

  // Every tissue sensor of the case (the margin sensor, the nerve sensor's points) changes within the bound, before and after the fault.
  const sensors = ILIAC.procedure.sensors.flatMap((s) => s.points.map((p) => p.channel));
  for (const channel of sensors) {
    const r = readings.get(channel);
    assert.ok(r.length > 500, `${channel} read every second`);
    for (let i = 1; i < r.length; i++) {
      const perS = Math.abs(r[i][1] - r[i - 1][1]) / ((r[i][0] - r[i - 1][0]) / 1000);
      assert.ok(perS <= TISSUE_STEP_C, `${channel} changed ${perS.toFixed(1)} °C/s at ${(r[i][0] - T0) / 1000} s (bound ${TISSUE_STEP_C.toFixed(1)})`);
    }
  }
  const margin = readings.get('sensor.2.1');
  const around = margin.filter(([t]) => t >= from - 5000 && t <= from + 30_000);
  const largest = Math.max(...around.slice(1).map(([, v], i) => Math.abs(v - around[i][1])));
  assert.ok(largest < 2, `the margin sensor moved at most ${largest.toFixed(2)} °C a second around the fault`);

  // Its clinical effect, against the same case without the fault.
  const normal = play(ILIAC, T0, forMs);
  const at = (channel, t) => readings.get(channel).find(([s]) => s >= t)[1];
  assert.ok(at('console.gas', from + 1000) < 0.5 * at('console.gas', from - 1000), 'the console shows the argon pressure fall');
  for (const p of ILIAC.procedure.probes) assert.ok(at(p.channel, from + 2 * MIN) > -80, `${p.label} warms towards -70 °C`);
  const ice = (run) => run.sim.truth.equivalentDiameterMm(0);
  assert.ok(ice(faulty) < ice(normal) - 3, `the ice grows slower: ${ice(faulty).toFixed(1)} mm against ${ice(normal).toFixed(1)} mm at the end of freeze 1`);
  assert.ok(faulty.state.isotherms[0].estimatedMm < normal.state.isotherms[0].estimatedMm, 'the estimate follows the warmer tips');
  // One alarm names the cause once the pressure has been low for the onset delay; none of the four probes alarms on its own (issue: four repeats of one consequence).
  const supply = faulty.raises.filter((r) => r.id === supplyLowId);
  assert.equal(supply.length, 1, 'the supply low, once');
  const after = supply[0].t - from;
  assert.ok(after >= SUPPLY_ONSET_MS && after <= SUPPLY_ONSET_MS + 1000, `raised ${after / 1000} s after the fault`);
  assert.deepEqual(faulty.raises.filter((r) => r.id.startsWith('cryo:probe-cooling')), [], 'no probe alarms on its own while the supply is low');
  assert.match(supply[0].message.en, /^Argon supply pressure low: \d\.\d MPa \(limit 10\.0 MPa\); all 4 probes freezing less$/);
  assert.match(supply[0].message.fr, /^Alimentation argon : pression basse, \d,\d MPa \(limite 10,0 MPa\) ; les 4 sondes gèlent moins$/);
  assert.deepEqual(normal.raises.filter((r) => r.id.startsWith('cryo:probe-cooling') || r.id === supplyLowId), []);
  // The end of freeze 1 is judged as without the fault: the 0 °C isotherm short of the target, once, when the thaw starts.
  const thaw = T0 + faulty.sim.freezeStartMs + DEFAULT_PROTOCOL.phases[0].durationMs;
  const coverage = faulty.raises.filter((r) => r.id === coverageId);
  assert.equal(coverage.length, 1);
  assert.ok(coverage[0].t >= thaw - 1000 && coverage[0].t <= thaw, `coverage judged at ${(coverage[0].t - T0) / 1000} s`);
});
