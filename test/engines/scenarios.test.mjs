// Every training scenario played at 60x to its end, then five minutes of silence, in Node on
// virtual time: the room, its engines and its alarm manager exactly as the demo runs them.
// The alarms are counted as a clinician would hear them: none raised by a planned end of a
// step or procedure, none raised again within a minute of data time of its last occurrence,
// and every text a person reads free of raw ids and UCUM annotations, in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualTimeScheduler, VirtualAction, tap } from 'rxjs';
import { CementEngine, CryoEngine, DoseEngine, PulsesEngine, RadioembolisationEngine, TelemetryRoom, ThermalEngine } from '../../dist/streams/index.js';
import {
  CEMENT_SCENARIOS, CRYO_SCENARIOS, CryoSimulation, DOSE_SCENARIOS, SACRAL, SCENARIOS as THERMAL_SCENARIOS, THERMAL_SIM_IDS,
  cementSimulation, cryoSource, hepaticEct, ire, playScript, procedureSource, thermalSimChannels, thermalSimulatedSource,
} from '../../dist/sim.js';
import { cementChannels, consoleRules, doseChannels, pulseChannels, y90Channels } from '../../dist/models/index.js';

const MIN = 60_000;
const SPEED = 60;
/** Two hours back on a whole minute: the longest scenario (75 min) ends before the wall clock. */
const T0 = Math.floor((Date.now() - 2 * 3_600_000) / MIN) * MIN;
/** Silence after the end, in clock time: every watchdog has fired by then. */
const AFTER_MS = 5 * MIN;

/**
 * Each scenario: its room set up as the demo sets it up; its source on the scheduler, its
 * planned end where the source goes on after it, and the alarms its script raises at its end on purpose.
 */
const SCENARIOS = {
  ...Object.fromEntries(
    [...CRYO_SCENARIOS, SACRAL].map((scenario) => [
      `cryo ${scenario.id}`,
      (room, scheduler) => {
        const sim = new CryoSimulation(scenario, T0);
        room.setChannels(sim.channels());
        room.engine('cryo', (r) => new CryoEngine(r)).configure({ procedure: scenario.procedure });
        return { source: cryoSource(sim, { speed: SPEED, scheduler }) };
      },
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(THERMAL_SCENARIOS).map(([id, scenario]) => [
      `thermal ${id}`,
      (room, scheduler) => {
        room.setChannels(thermalSimChannels(scenario));
        room.setRules(consoleRules({ tip: THERMAL_SIM_IDS.tip }, scenario.modality));
        room.engine('thermal', (r) => new ThermalEngine(r)).configure({
          map: THERMAL_SIM_IDS.map, tumour: scenario.tumour, marginMm: scenario.marginMm, structures: scenario.structures,
          impedance: scenario.modality === 'rf' ? THERMAL_SIM_IDS.impedance : undefined,
          generator: [THERMAL_SIM_IDS.power, THERMAL_SIM_IDS.tip, THERMAL_SIM_IDS.elapsed, ...scenario.thermocouples.map((tc) => tc.id)],
        });
        return { source: thermalSimulatedSource({ scenario: id, t0: T0, speed: SPEED }, scheduler) };
      },
    ]),
  ),
  ...Object.fromEntries(
    [['pulses ect', () => hepaticEct(T0)], ['pulses ect-5khz', () => hepaticEct(T0, '5kHz')], ['pulses ire', () => ire(T0)]].map(([name, make]) => [
      name,
      (room, scheduler) => {
        const s = make();
        room.setChannels(pulseChannels(s.layout));
        room.engine('pulses', (r) => new PulsesEngine(r)).configure({ layout: s.layout, protocol: s.protocol });
        // A generator goes on sending its ECG and status after the train, never silent: played to two minutes past its end.
        scheduler.maxFrames = (s.trainEnd + 2 * MIN - T0) / SPEED;
        // The IRE operator ends the train with its last pair 6 pulses short: a finding of the end, scripted.
        return { source: procedureSource(s, { speed: SPEED, scheduler }), end: s.trainEnd, scripted: name === 'pulses ire' ? ['ep-pair-incomplete'] : [] };
      },
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(CEMENT_SCENARIOS).map(([id, make]) => [
      `cement ${id}`,
      (room, scheduler) => {
        const script = make();
        room.setChannels(cementChannels(script.plan));
        room.engine('cement', (r) => new CementEngine(r)).configure({ plan: script.plan });
        return { source: cementSimulation(script, { t0: T0, speed: SPEED, scheduler }) };
      },
    ]),
  ),
  'dose embolisation': (room, scheduler) => {
    room.setChannels(doseChannels());
    room.engine('dose', (r) => new DoseEngine(r)).configure({});
    return { source: playScript(DOSE_SCENARIOS.embolisation(T0), { speed: SPEED, scheduler }) };
  },
  'dose y90': (room, scheduler) => {
    const script = DOSE_SCENARIOS.y90(T0);
    room.setChannels(y90Channels());
    room.engine('y90', (r) => new RadioembolisationEngine(r)).configure(script.plan);
    return { source: playScript(script, { speed: SPEED, scheduler }) };
  },
};

/** Plays one scenario to its end and AFTER_MS beyond; returns every raise, with the data time the procedure ended. */
function play(setUp) {
  const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
  const room = new TelemetryRoom({ scheduler, windowMs: 90 * MIN });
  const raises = [];
  let lastT = -Infinity;
  let ended = false;
  room.manager.changes.subscribe((c) => {
    if (c.state.presence === 'on' && c.previous === 'off') raises.push({ id: c.rule.id, t: c.t, message: c.rule.message, afterEnd: ended });
  });
  const { source, end, scripted } = setUp(room, scheduler);
  // One subscription, the room's: a simulation is stateful, a second one would take its events.
  room.connect(
    source.pipe(
      tap({
        next: (x) => {
          const t = 't' in x && typeof x.t === 'number' ? x.t : x.t?.at?.(-1) ?? x.t0;
          if (Number.isFinite(t)) lastT = Math.max(lastT, t);
        },
        complete: () => {
          ended = true;
          // The clock runs on for AFTER_MS, then stops: nothing after that is flushed.
          scheduler.maxFrames = scheduler.frame + AFTER_MS;
        },
      }),
    ),
  );
  scheduler.flush();
  assert.ok(ended || Number.isFinite(scheduler.maxFrames), 'the scenario played to its end');
  const channels = room.channels.value;
  room.close();
  return { raises, endT: end ?? lastT, scripted: scripted ?? [], channels };
}

/** A text a person reads: no UCUM annotation ({pulse}), no dotted or numbered id (sensor.2.1, nerve-cold@17…), no empty text. */
function unreadable(text) {
  if (!text || !text.trim()) return 'empty';
  if (/\{[^}]*\}/.test(text)) return 'a UCUM annotation';
  if (/@\d/.test(text)) return 'an occurrence key';
  if (/\b[a-z][\w-]*\.[\w-]+\.[\w.-]+\b/i.test(text)) return 'a raw channel id';
  if (/\b(undefined|NaN|null)\b/.test(text)) return 'a missing value';
  return undefined;
}

for (const [name, setUp] of Object.entries(SCENARIOS)) {
  test(`${name} at 60x: no alarm from its planned end, no repeat within a minute, texts for people`, () => {
    const { raises, endT, scripted, channels } = play(setUp);
    for (const id of scripted) assert.ok(raises.some((r) => r.id === id), `the scripted finding ${id} is raised`);
    const atEnd = raises.filter((r) => (r.afterEnd || r.t > endT) && !scripted.includes(r.id));
    assert.deepEqual(atEnd.map((r) => `${r.id}: ${r.message.en}`), [], 'raised by the end of the procedure');

    const last = new Map();
    const repeats = [];
    for (const r of raises) {
      const before = last.get(r.id);
      if (before !== undefined && r.t - before < MIN) repeats.push(`${r.id} again after ${((r.t - before) / 1000).toFixed(0)} s`);
      last.set(r.id, r.t);
    }
    assert.deepEqual(repeats, [], 'raised again within a minute');

    const texts = raises.flatMap((r) => ['en', 'fr'].map((l) => [l, r.message[l]]));
    const bad = texts.map(([l, text]) => [l, text, unreadable(text)]).filter(([, , why]) => why).map(([l, text, why]) => `${l} "${text}": ${why}`);
    assert.deepEqual([...new Set(bad)], [], 'texts with raw ids or annotations');

    // A channel named in French is named so in every French text (issue 19: "Nerve TC" on French pages).
    const english = channels.filter((d) => d.labels?.fr && d.labels.fr !== d.label).map((d) => d.label);
    const mixed = raises.filter((r) => english.some((l) => r.message.fr.includes(l))).map((r) => r.message.fr);
    assert.deepEqual([...new Set(mixed)], [], 'French texts naming a channel by its English label');
  });
}
