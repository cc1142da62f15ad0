// Hostile input fuzzed (fast-check) into the room and every procedure engine, in Node: nothing
// throws (nor later, through RxJS's unhandled-error hook), every refusal is a typed technical
// event, no valid sample is lost, and nothing refused reaches an engine's state. Imports the
// built package (`npx tsc -p tsconfig.build.json && node --test test/engines/`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { VirtualTimeScheduler, VirtualAction, config } from 'rxjs';
import { CementEngine, CryoEngine, DoseEngine, PulsesEngine, RadioembolisationEngine, TelemetryRoom, ThermalEngine } from '../../dist/streams/index.js';
import {
  CEMENT_SCENARIOS, CRYO_SCENARIOS, CryoSimulation, DOSE_SCENARIOS, SCENARIOS as THERMAL_SCENARIOS, THERMAL_SIM_IDS,
  cementSimulation, cryoSource, hepaticEct, playScript, procedureSource, thermalSimChannels, thermalSimulatedSource,
} from '../../dist/sim.js';
import { cementChannels, doseChannels, pulseChannels, y90Channels } from '../../dist/models/index.js';
import { inputProblem } from '../../dist/models/input-check.js';

const unreadable = (x) => inputProblem(x) !== '';

/** Runs of each property: the room's oracle, and each engine's two (FUZZ_RUNS for a longer search: npm run reliability). */
const ROOM_RUNS = 300;
const ENGINE_RUNS = Number(process.env.FUZZ_RUNS) || 40;

const MIN = 60_000;
/** Relative to the wall clock, never a calendar date. */
const T0 = Math.floor((Date.now() - 2 * 3_600_000) / MIN) * MIN;

/** Every reason a technical event may give (models/events.ts TechnicalReason), and the other technical details. */
const REASONS = new Set([
  'not-finite', 'out-of-range', 'time-backwards', 'duplicate-time', 'clock-skew', 'unknown-channel', 'unit-mismatch', 'line-too-long',
  'unreadable', 'reduced', 'event-too-long', 'sample-rate', 'bad-frame', 'geometry-changed', 'malformed-json', 'unknown-type',
  'bad-field', 'unsupported-version', 'bad-magic', 'truncated', 'unknown-kind',
]);
const typed = (d) => (d.type === 'technical' ? REASONS.has(d.reason) && typeof d.count === 'number' : d.type === 'quality');

// A failing run names the assertion it broke in the report itself (Node's reporter does not print an error's cause).
fc.configureGlobal({ includeErrorInReport: true });

/** Errors RxJS would report later, on a timer: a subscriber that threw. */
const unhandled = [];
config.onUnhandledError = (e) => unhandled.push(e);

/** A room on virtual time (never flushed: no watchdog fires), its technical details kept. */
function roomOf(channels) {
  const room = new TelemetryRoom({ scheduler: new VirtualTimeScheduler(VirtualAction, Infinity), windowMs: 600 * MIN });
  room.setChannels(channels);
  const technical = [];
  room.technical.subscribe((d) => technical.push(d));
  return { room, technical };
}

// Values no descriptor takes: non-finite, or past the physical range.
const nonFinite = fc.constantFrom(NaN, Infinity, -Infinity);
const anyValue = fc.oneof(fc.double(), nonFinite, fc.constant(0));
const hostileName = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', minLength: 129, maxLength: 300 }));
/** Anything at all, objects of any shape (null prototypes, typed arrays, getters' absence) included. */
const anything = fc.anything({ withTypedArray: true, withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, maxDepth: 2 });

/**
 * Items a room must refuse, whatever its channels: no shape it reads, unknown channels,
 * non-finite or impossible times, events beyond their bounds, frames whose header makes no sense.
 * `known` are the room's channel ids (with their ranges), so refused values can be aimed at them.
 */
function hostile(known) {
  const id = fc.constantFrom(...known.map((d) => d.id));
  const unknown = hostileName.filter((s) => !known.some((d) => d.id === s));
  const badTime = fc.oneof(nonFinite, fc.constantFrom(9e15, -9e15, Number.MAX_VALUE));
  const pastRange = fc.tuple(id, fc.double({ min: 1, max: 1e30, noNaN: true }), fc.boolean()).map(([c, x, up]) => {
    const [lo, hi] = known.find((d) => d.id === c).range;
    return { c, v: up ? hi + x : lo - x };
  });
  const times = (n) => Float64Array.from({ length: n }, (_, i) => T0 + i);
  return fc.oneof(
    anything,
    // Shapes a room cannot read (a field of another type), named channels included.
    fc.record({ channel: anything, t: anything, v: anything }).filter(unreadable),
    fc.record({ type: fc.constant('event'), channel: id, t: anything, kind: anything, text: anything }).filter(unreadable),
    fc.record({ kind: fc.constantFrom('grid', 'waveform'), channel: id, t: anything, t0: anything, width: anything, height: anything, spacingMm: anything, originMm: anything, sampleRateHz: anything, data: anything }).filter(unreadable),
    // Samples: on an unknown channel, in a unit none converts, with non-finite values, past the range, at impossible times.
    fc.tuple(unknown, fc.array(anyValue, { maxLength: 8 })).map(([channel, v]) => ({ channel, t: times(v.length), v: Float32Array.from(v) })),
    fc.tuple(id, fc.string({ minLength: 1, maxLength: 8 })).map(([channel, u]) => ({ channel, unit: `x-${u}`, t: times(1), v: Float32Array.of(1) })),
    fc.tuple(id, fc.array(nonFinite, { minLength: 1, maxLength: 8 })).map(([channel, v]) => ({ channel, t: times(v.length), v: Float32Array.from(v) })),
    pastRange.map(({ c, v }) => ({ channel: c, t: times(1), v: Float32Array.of(v) })),
    fc.tuple(id, badTime).map(([channel, t]) => ({ channel, t: Float64Array.of(t), v: Float32Array.of(0) })),
    fc.tuple(id, fc.nat(5), fc.nat(5)).filter(([, a, b]) => a !== b).map(([channel, a, b]) => ({ channel, t: times(a), v: new Float32Array(b) })),
    // Events: unknown channel, impossible time, kind or text past their bounds.
    fc.tuple(unknown, fc.string()).map(([channel, text]) => ({ type: 'event', channel, t: T0, kind: 'phase', text })),
    fc.tuple(id, badTime).map(([channel, t]) => ({ type: 'event', channel, t, kind: 'phase', text: 'freeze' })),
    fc.tuple(id, fc.nat(3000)).map(([channel, n]) => ({ type: 'event', channel, t: T0, kind: 'phase', text: 'x'.repeat(2049 + n) })),
    fc.tuple(id, fc.nat(100)).map(([channel, n]) => ({ type: 'event', channel, t: T0, kind: 'k'.repeat(65 + n), text: '' })),
    // Frames: unknown channel, impossible time, a header that contradicts its data.
    fc.tuple(unknown, fc.nat(4)).map(([channel, n]) => ({ kind: 'waveform', channel, t0: T0, sampleRateHz: 1e6, data: new Float32Array(n) })),
    fc.tuple(id, fc.oneof(nonFinite, fc.constant(0), fc.constant(-1e6))).map(([channel, r]) => ({ kind: 'waveform', channel, t0: T0, sampleRateHz: r, data: new Float32Array(4) })),
    fc.tuple(id, fc.nat(4), fc.nat(4), fc.nat(20)).filter(([, w, h, n]) => w * h !== n || w === 0).map(([channel, width, height, n]) => ({ kind: 'grid', channel, t: T0, width, height, spacingMm: [1, 1], originMm: [0, 0], data: new Float32Array(n) })),
    fc.tuple(id, badTime).map(([channel, t]) => ({ kind: 'grid', channel, t, width: 1, height: 1, spacingMm: [1, 1], originMm: [0, 0], data: new Float32Array(1) })),
    fc.tuple(id, fc.constantFrom(0, -1, NaN, Infinity)).map(([channel, s]) => ({ kind: 'grid', channel, t: T0, width: 1, height: 1, spacingMm: [s, 1], originMm: [0, 0], data: new Float32Array(1) })),
  );
}

/** Valid samples of the probe: finite times and values within its range, some repeated or earlier. */
const probe = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 1000, range: [-50, 150] };

test(`the room: any mix of hostile items never throws, each refusal is typed, and the probe keeps exactly its valid samples (${ROOM_RUNS} runs)`, () => {
  const sample = fc.record({ dt: fc.integer({ min: -3, max: 5 }), v: fc.oneof(fc.double({ min: -50, max: 150, noNaN: true }), anyValue) });
  const step = fc.oneof({ weight: 2, arbitrary: fc.array(sample, { minLength: 1, maxLength: 6 }).map((s) => ({ probe: s })) }, { weight: 1, arbitrary: hostile([probe]).map((h) => ({ h })) });
  fc.assert(
    fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      const { room, technical } = roomOf([probe]);
      const kept = [];
      room.samples.subscribe((b) => b.channel === 'probe' && b.t.forEach((t, i) => kept.push([t, b.v[i]])));
      // The oracle: a sample is valid when finite, within range and after the last valid one.
      const valid = [];
      let t = T0;
      let last = -Infinity;
      for (const s of steps) {
        // A hostile item may itself be undefined: the step's shape says which it is.
        if ('h' in s) {
          room.push(s.h);
          continue;
        }
        const ts = s.probe.map(({ dt }) => (t += dt));
        const vs = Float32Array.from(s.probe.map(({ v }) => v));
        ts.forEach((ti, i) => {
          const v = vs[i];
          if (Number.isFinite(v) && v >= -50 && v <= 150 && ti > last) valid.push([ti, v]), (last = ti);
        });
        room.push({ channel: 'probe', unit: 'Cel', t: Float64Array.from(ts), v: vs });
      }
      assert.deepEqual(kept, valid);
      assert.deepEqual(technical.filter((d) => !typed(d)), []);
      assert.deepEqual(unhandled.splice(0), []);
      room.close();
    }),
    { numRuns: ROOM_RUNS },
  );
});

/**
 * Each engine's room as the demo sets it up, and the first minutes of its training scenario
 * recorded once: the clean input every run replays.
 */
const ENGINES = {
  cryo: () => {
    const scenario = CRYO_SCENARIOS[0];
    const sim = new CryoSimulation(scenario, T0);
    return { channels: sim.channels(), minutes: 4, source: (s) => cryoSource(sim, { speed: 60, scheduler: s }), start: (room) => room.engine('cryo', (r) => new CryoEngine(r)).configure({ procedure: scenario.procedure }) };
  },
  thermal: () => {
    const [id, scenario] = Object.entries(THERMAL_SCENARIOS)[0];
    return {
      channels: thermalSimChannels(scenario),
      minutes: 2,
      source: (s) => thermalSimulatedSource({ scenario: id, t0: T0, speed: 60 }, s),
      start: (room) => room.engine('thermal', (r) => new ThermalEngine(r)).configure({ map: THERMAL_SIM_IDS.map, tumour: scenario.tumour, marginMm: scenario.marginMm, structures: scenario.structures, impedance: scenario.modality === 'rf' ? THERMAL_SIM_IDS.impedance : undefined }),
    };
  },
  pulses: () => {
    const s = hepaticEct(T0);
    return { channels: pulseChannels(s.layout), minutes: 3, source: (sch) => procedureSource(s, { speed: 60, scheduler: sch }), start: (room) => room.engine('pulses', (r) => new PulsesEngine(r)).configure({ layout: s.layout, protocol: s.protocol }) };
  },
  cement: () => {
    const script = Object.values(CEMENT_SCENARIOS)[0]();
    return { channels: cementChannels(script.plan), minutes: 6, source: (s) => cementSimulation(script, { t0: T0, speed: 60, scheduler: s }), start: (room) => room.engine('cement', (r) => new CementEngine(r)).configure({ plan: script.plan }) };
  },
  dose: () => ({ channels: doseChannels(), minutes: 10, source: (s) => playScript(DOSE_SCENARIOS.embolisation(T0), { speed: 60, scheduler: s }), start: (room) => room.engine('dose', (r) => new DoseEngine(r)).configure({}) }),
  y90: () => {
    const script = DOSE_SCENARIOS.y90(T0);
    return { channels: y90Channels(), minutes: 10, source: (s) => playScript(script, { speed: 60, scheduler: s }), start: (room) => room.engine('y90', (r) => new RadioembolisationEngine(r)).configure(script.plan) };
  },
};

/** The scenario's first `minutes` of data time (at 60x, one wall second a minute), as the room would receive them. */
function record({ source, minutes }) {
  const scheduler = new VirtualTimeScheduler(VirtualAction, minutes * 1000);
  const items = [];
  source(scheduler).subscribe((x) => items.push(x));
  scheduler.flush();
  return items;
}

/** The engine's state after the items, as a second viewer would read it. */
function play(setup, items) {
  const { room, technical } = roomOf(setup.channels);
  setup.start(room);
  for (const x of items) room.push(x);
  const state = JSON.stringify([...room.engines.values()][0].toJSON());
  room.close();
  return { state, technical };
}

for (const [kind, make] of Object.entries(ENGINES)) {
  const setup = make();
  const clean = record(setup);
  const cleanState = play(setup, clean).state;

  test(`${kind} engine: hostile items among its scenario's change nothing it computes, and each is refused by a typed event (${ENGINE_RUNS} runs)`, () => {
    assert.ok(clean.length > 10, `the scenario gives data (${clean.length} items)`);
    const inserts = fc.array(fc.tuple(fc.nat(clean.length), hostile(setup.channels)), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(inserts, (ins) => {
        const items = clean.slice();
        // From the end, so each index is into the clean sequence.
        for (const [at, h] of ins.sort((a, b) => b[0] - a[0])) items.splice(at, 0, h);
        const { state, technical } = play(setup, items);
        assert.equal(state, cleanState);
        assert.ok(technical.filter((d) => d.type === 'technical').length >= ins.length, 'every hostile item refused by an event');
        assert.deepEqual(technical.filter((d) => !typed(d)), []);
        assert.deepEqual(unhandled.splice(0), []);
      }),
      { numRuns: ENGINE_RUNS },
    );
  });

  test(`${kind} engine: events of any kind and text on its channels never throw, and what it cannot read is named (${ENGINE_RUNS} runs)`, () => {
    const ids = setup.channels.map((d) => d.id);
    const event = fc.record({ type: fc.constant('event'), channel: fc.constantFrom(...ids), kind: fc.oneof(fc.constantFrom('phase', 'probe-state', 'pulse', 'train', 'leak', 'r-wave', 'note'), fc.string({ maxLength: 64 })), text: fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 2 })) });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(clean.length), event), { maxLength: 20 }), (ins) => {
        const items = clean.slice();
        for (const [at, e] of ins.sort((a, b) => b[0] - a[0])) {
          const before = items.slice(0, at + 1).reverse().find((x) => Number.isFinite(x.t?.[0] ?? x.t ?? x.t0));
          items.splice(at, 0, { ...e, t: (before?.t?.[0] ?? before?.t ?? before?.t0 ?? T0) });
        }
        const { technical } = play(setup, items);
        assert.deepEqual(technical.filter((d) => !typed(d)), []);
        assert.deepEqual(unhandled.splice(0), []);
      }),
      { numRuns: ENGINE_RUNS },
    );
  });
}

test(`thermal engine: an infinite pixel counts as a masked one, never as heat: the same dose, coverage and structures as NaN there (${ENGINE_RUNS} runs)`, () => {
  const setup = ENGINES.thermal();
  const clean = record(setup);
  const maps = clean.flatMap((x, i) => (x.kind === 'grid' ? [i] : []));
  const pixels = clean[maps[0]].data.length;
  const spots = fc.array(fc.tuple(fc.constantFrom(...maps), fc.nat(pixels - 1), fc.constantFrom(Infinity, -Infinity)), { minLength: 1, maxLength: 40 });
  fc.assert(
    fc.property(spots, (list) => {
      const withValue = (value) =>
        clean.map((x, i) => {
          const here = list.filter(([m]) => m === i);
          if (!here.length) return x;
          const data = x.data.slice();
          for (const [, k, inf] of here) data[k] = value ?? inf;
          return { ...x, data };
        });
      assert.equal(play(setup, withValue()).state, play(setup, withValue(NaN)).state);
      assert.deepEqual(unhandled.splice(0), []);
    }),
    { numRuns: ENGINE_RUNS },
  );
});
