// Every default alarm rule the library ships, fed ten minutes of a reading that hovers at its
// limit (seeded noise within 0.9 of the rule's hysteresis, with occasional clear crossings),
// through the real AlarmManager on virtual time: each is raised once, never again and again.
// The rule sets are found in the code, not listed by hand: every engine registered, every
// exported `...Rules` factory, every exported list of rules, every edge scenario, and every
// source file that writes a threshold rule; one the test does not know how to build fails it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Observable, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import * as streams from '../../dist/streams/index.js';
import * as models from '../../dist/models/index.js';
import * as sim from '../../dist/sim.js';
import * as edge from '../../dist/edge/index.js';
import { EDGE_SCENARIOS } from '../../dist/edge/scenarios.js';

const { AlarmManager, TelemetryRoom, engineKinds } = streams;
const { cementChannels, cementRules, consoleRules, cryoRules, doseChannels, pulseAlarmRules, pulseChannels, structureChannels, structureRules, y90Channels } = models;
const { CEMENT_SCENARIOS, CRYO_SCENARIOS, CryoSimulation, DOSE_SCENARIOS, SACRAL, SCENARIOS: THERMAL_SCENARIOS, THERMAL_SIM_IDS, hepaticEct, ire, thermalSimChannels } = sim;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MIN = 60_000;
/** Data time each rule is fed for. */
const DURATION_MS = 10 * MIN;
/** Noise within this fraction of the hysteresis around the limit: never far enough back to end a crossing. */
const NOISE = 0.9;
/** The chance, per sample, that a clear crossing (1 to 3 hysteresis past the limit, 1 to 5 samples) begins. */
const CROSSING_CHANCE = 0.01;

const CRYO = [...CRYO_SCENARIOS, SACRAL];
const PULSES = [['ect', hepaticEct(0)], ['ect-5khz', hepaticEct(0, '5kHz')], ['ire', ire(0)]];
const THERMAL = Object.entries(THERMAL_SCENARIOS);
const CEMENT = Object.entries(CEMENT_SCENARIOS).map(([id, make]) => [id, make().plan]);

/** Each registered engine, configured as every training scenario configures it: its default rules on its channels. */
const ENGINE_CONFIGS = {
  cryo: CRYO.map((s) => ({ name: s.id, channels: new CryoSimulation(s, 0).channels(), config: { procedure: s.procedure } })),
  thermal: THERMAL.map(([id, s]) => ({ name: id, channels: thermalSimChannels(s), config: { map: THERMAL_SIM_IDS.map, tumour: s.tumour, marginMm: s.marginMm, structures: s.structures } })),
  pulses: PULSES.map(([id, s]) => ({ name: id, channels: pulseChannels(s.layout), config: { layout: s.layout, protocol: s.protocol } })),
  cement: CEMENT.map(([id, plan]) => ({ name: id, channels: cementChannels(plan), config: { plan } })),
  dose: [{ name: 'default', channels: doseChannels(), config: {} }],
  y90: [{ name: 'resin', channels: y90Channels(), config: DOSE_SCENARIOS.y90(0).plan }],
};

/** Each exported rule factory, called with the defaults of every scenario that uses it, and the channels it watches. */
const FACTORIES = {
  cementRules: () => CEMENT.map(([id, plan]) => ({ name: id, rules: cementRules(plan), channels: cementChannels(plan) })),
  cryoRules: () => CRYO.map((s) => ({ name: s.id, rules: cryoRules(s.procedure), channels: new CryoSimulation(s, 0).channels() })),
  pulseAlarmRules: () => ['IRE', 'ECT'].map((modality) => ({ name: modality, rules: pulseAlarmRules({ modality }), channels: pulseChannels(ire(0).layout) })),
  structureRules: () => THERMAL.map(([id, s]) => ({ name: id, rules: structureRules(THERMAL_SIM_IDS.map, s.structures), channels: structureChannels(THERMAL_SIM_IDS.map, s.structures) })),
  consoleRules: () => THERMAL.map(([id, s]) => ({ name: id, rules: consoleRules({ tip: THERMAL_SIM_IDS.tip }, s.modality), channels: thermalSimChannels(s) })),
};
/** Exported functions named like a rule factory that are not one. */
const NOT_FACTORIES = new Set(['checkRules']);

/** The source files that write threshold rules, each read by one of the routes above. */
const RULE_SOURCES = ['src/edge/scenarios.ts', 'src/models/cement/rules.ts', 'src/models/cryo/cryo-alarms.ts', 'src/models/pulses/alarms.ts', 'src/models/thermal/alarms.ts'];
const WRITES_A_THRESHOLD_RULE = /condition:\s*\{\s*kind:\s*'(above|below|outside|rate)'/;

const EXPORTS = { streams, models, sim, edge };
const isRule = (x) => typeof x === 'object' && x !== null && typeof x.id === 'string' && typeof x.condition === 'object' && 'hysteresis' in x;

/** The rules each registered engine installs in a room configured as a scenario configures it. */
function engineRuleSets() {
  return engineKinds().flatMap((kind) =>
    (ENGINE_CONFIGS[kind] ?? []).map(({ name, channels, config }) => {
      const room = new TelemetryRoom({ scheduler: new VirtualTimeScheduler() });
      room.setChannels(channels);
      room.engine(kind).configure(config);
      const all = room.channels.value;
      const rules = all.flatMap((c) => room.manager.rulesOf(c.id));
      room.close();
      return { name: `engine ${kind} (${name})`, rules, channels: all };
    }),
  );
}

/** Every rule set the library exports: factories, lists of rules (alone or by key), and the edge's scenarios. */
function exportedRuleSets() {
  const sets = [];
  for (const [entry, mod] of Object.entries(EXPORTS))
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'function' && /Rules$/.test(name) && !NOT_FACTORIES.has(name)) continue; // built from FACTORIES
      if (Array.isArray(value) && value.length && value.every(isRule)) sets.push({ name: `${entry}.${name}`, rules: value, channels: undefined });
      else if (value && typeof value === 'object' && !Array.isArray(value))
        for (const [key, list] of Object.entries(value)) if (Array.isArray(list) && list.length && list.every(isRule)) sets.push({ name: `${entry}.${name}.${key}`, rules: list, channels: undefined });
    }
  for (const [name, make] of Object.entries(FACTORIES)) for (const s of make()) sets.push({ ...s, name: `${name} (${s.name})` });
  for (const [name, make] of Object.entries(EDGE_SCENARIOS)) {
    const s = make();
    sets.push({ name: `edge scenario ${name}`, rules: s.rules, channels: s.channels });
  }
  return sets;
}

/** mulberry32: a small seeded generator, so a failure replays exactly. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Where a rule's reading can hover: at each limit it has, with the side its alarm lies on. A
 * rate rule hovers in the slope of the reading, a value the others in the reading itself.
 * Technical conditions (stale, invalid) have no limit; any other kind fails the test.
 */
function limitsOf(rule) {
  const c = rule.condition;
  switch (c.kind) {
    case 'above':
      return [{ at: c.limit, side: 1 }];
    case 'below':
      return [{ at: c.limit, side: -1 }];
    case 'outside':
      return [{ at: c.high, side: 1 }, { at: c.low, side: -1 }];
    case 'rate':
      return [{ at: c.perMin, side: Math.sign(c.perMin), rate: true }];
    case 'stale':
    case 'invalid':
      return [];
    default:
      throw new Error(`${rule.id}: condition '${c.kind}' has a limit this test does not know how to hover at`);
  }
}

/**
 * Ten minutes of a reading hovering at `at`: uniform noise within NOISE × `amplitude` around
 * it, and now and then a clear crossing to the alarm side. For a rate, the slope hovers
 * (unit per minute) and the reading is its integral.
 */
function* hovering({ at, side, rate }, amplitude, stepMs, seed) {
  const next = random(seed);
  let crossing = 0;
  let past = 0;
  let v = 0;
  for (let t = stepMs; t <= DURATION_MS; t += stepMs) {
    if (crossing === 0 && next() < CROSSING_CHANCE) (crossing = 1 + Math.floor(next() * 5)), (past = (1 + 2 * next()) * amplitude);
    const x = crossing > 0 ? (crossing--, at + side * past) : at + (2 * next() - 1) * NOISE * amplitude;
    v = rate ? v + (x * stepMs) / MIN : x;
    yield [t, v];
  }
}

/** How many times each rule of `rules` is raised (a new occurrence) by a reading of `channel`, played on virtual time. */
function raises(rules, channels, channel, readings) {
  const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
  const manager = new AlarmManager(rules, channels, { scheduler });
  const count = new Map();
  manager.changes.subscribe((c) => c.state.presence === 'on' && c.previous !== 'on' && count.set(c.rule.id, (count.get(c.rule.id) ?? 0) + 1));
  // One batch a second of data time, each delivered at its data time.
  const batches = new Observable((out) => {
    let t = [];
    let v = [];
    const flush = () => {
      const batch = { channel, t: Float64Array.from(t), v: Float32Array.from(v) };
      scheduler.schedule(() => out.next(batch), batch.t.at(-1));
      (t = []), (v = []);
    };
    for (const [ti, vi] of readings) {
      t.push(ti), v.push(vi);
      if (t.length && ti - t[0] >= 1000) flush();
    }
    if (t.length) flush();
    scheduler.schedule(() => out.complete(), DURATION_MS);
  });
  manager.connect(batches);
  scheduler.flush();
  return count;
}

/** A descriptor for a rule's channel: the set's own, else one sampled each second. */
const descriptorOf = (set, id) => set.channels?.find((c) => c.id === id) ?? { id, label: id, unit: '1', intervalMs: 1000, range: [-1e9, 1e9] };

/** Without a hysteresis to scale it, noise of what a reading shows: its last digit, or 1 % of the limit. */
const shown = (rule, d) => Math.max(10 ** -(d.decimals ?? 1), Math.abs(limitsOf(rule)[0]?.at ?? 0) / 100);

/** The seed of a rule, from its id: a rule gets the same noise on every run. */
const seedOf = (text) => [...text].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0, 2166136261);

/**
 * Hovers each threshold rule of a set at each of its limits, with the whole set watching:
 * the rule is raised exactly once (the reading did reach its limit), and no rule more than once.
 */
function checkSet(set, amplitudeOf = (r, d) => r.hysteresis || shown(r, d)) {
  const failures = [];
  const channels = [...new Map([...(set.channels ?? []), ...set.rules.map((r) => descriptorOf(set, r.channel))].map((c) => [c.id, c])).values()];
  for (const rule of set.rules)
    for (const limit of limitsOf(rule)) {
      const d = descriptorOf(set, rule.channel);
      const readings = hovering(limit, amplitudeOf(rule, d), d.intervalMs, seedOf(`${rule.id}@${limit.at}`));
      const count = raises(set.rules, channels, rule.channel, readings);
      const where = `${set.name}: ${rule.id} hovering at ${limit.at}`;
      if ((count.get(rule.id) ?? 0) !== 1) failures.push(`${where}: raised ${count.get(rule.id) ?? 0} times`);
      for (const [id, n] of count) if (n > 1 && id !== rule.id) failures.push(`${where}: ${id} raised ${n} times`);
    }
  return failures;
}

test('the rule sets are found in the code: every engine, exported factory and source file writing a rule is read here', () => {
  assert.deepEqual(engineKinds().filter((k) => !(k in ENGINE_CONFIGS)), [], 'an engine without a configuration here');
  const factories = Object.values(EXPORTS).flatMap((mod) => Object.entries(mod).filter(([name, f]) => typeof f === 'function' && /Rules$/.test(name) && !NOT_FACTORIES.has(name)).map(([name]) => name));
  assert.deepEqual([...new Set(factories)].filter((name) => !(name in FACTORIES)).sort(), [], 'an exported rule factory without a call here');
  const writing = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts') && WRITES_A_THRESHOLD_RULE.test(readFileSync(path, 'utf8'))) writing.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, 'src'));
  assert.deepEqual(writing.sort(), RULE_SOURCES, 'the source files that write threshold rules');
  // Each route yields rules, so none is silently empty (a microwave console has none: one RF case does).
  assert.ok(engineRuleSets().some((s) => s.rules.some((r) => limitsOf(r).length)));
  for (const [name, make] of Object.entries(FACTORIES)) assert.ok(make().some((s) => s.rules.some((r) => limitsOf(r).length)), name);
});

test('every default threshold rule has a hysteresis', () => {
  const missing = [];
  for (const set of [...engineRuleSets(), ...exportedRuleSets()])
    for (const r of set.rules) if (limitsOf(r).length && !(r.hysteresis > 0)) missing.push(`${set.name}: ${r.id}`);
  assert.deepEqual(missing, []);
});

for (const set of [...engineRuleSets(), ...exportedRuleSets()])
  if (set.rules.some((r) => limitsOf(r).length))
    test(`${set.name}: a reading hovering at each limit raises each rule once in ten minutes`, () => {
      assert.deepEqual(checkSet(set), []);
    });

test('the control: the same readings flap a rule without hysteresis or onset delay', () => {
  // The protected-structure rule of the bile duct case, hovering at 45 °C within 0.9 °C.
  const [id, scenario] = THERMAL.find(([, s]) => s.structures.length);
  const rules = structureRules(THERMAL_SIM_IDS.map, scenario.structures).map((r) => ({ ...r, hysteresis: 0, onsetDelayMs: 0 }));
  const set = { name: `${id} without hysteresis`, rules, channels: structureChannels(THERMAL_SIM_IDS.map, scenario.structures) };
  const hot = rules.find((r) => r.id.endsWith(':hot'));
  const failures = checkSet({ ...set, rules: [hot] }, () => models.STRUCTURE_HYSTERESIS_C);
  assert.equal(failures.length, 1);
  assert.match(failures[0], /raised \d+ times/);
  assert.ok(Number(/raised (\d+)/.exec(failures[0])[1]) > 10, failures[0]);
  // An onset delay alone does not help: noise crosses back within it and each new crossing is raised once it lasts.
  const delayed = { ...hot, onsetDelayMs: models.STRUCTURE_ONSET_MS };
  assert.equal(checkSet({ ...set, rules: [delayed] }, () => models.STRUCTURE_HYSTERESIS_C).length, 1);
});
