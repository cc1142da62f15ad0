import { expect } from '@esm-bundle/chai';
import '../../src/components/alarm-log.js';
import { VirtualTimeScheduler } from 'rxjs';
import type { AlarmLogEntry, IrAlarmLog } from '../../src/components/alarm-log/alarm-log.js';
import { AlarmManager, type AlarmChange } from '../../src/streams/alarm-manager.js';
import { TelemetryRoom } from '../../src/streams/room/room.js';
import { CryoEngine } from '../../src/streams/cryo/cryo-engine.js';
import { CryoSimulation, ILIAC } from '../../src/sim.js';
import { supplyLowId } from '../../src/models/cryo/cryo-alarms.js';
import type { ChannelDescriptor } from '../../src/models/channel.js';
import type { AlarmRule } from '../../src/models/alarm-rules.js';
import type { AlarmAction } from '../../src/models/alarm-record.js';
import { ALARM_SNAPSHOT_VERSION, decodeAlarmSnapshot, encodeAlarmSnapshot } from '../../src/models/alarm-snapshot.js';
import { signalsOn } from '../../src/models/alarm-system.js';
import { dataEpoch } from '../kit/clock.js';
import { afterLangChange } from '../kit/fixture.js';
import { EP, pulseChannels } from '../../src/models/pulses/channels.js';
import { pulseAlarmRules } from '../../src/models/pulses/alarms.js';
import { hexagonLayout } from '../../src/models/pulses/layout.js';

const T = dataEpoch();
/** The CSV's form of a time `ms` after T. */
const iso = (ms: number) => new Date(T + ms).toISOString();
const entry = (id: string, priority: AlarmLogEntry['priority'], onset: number, extra: Partial<AlarmLogEntry> = {}): AlarmLogEntry => ({
  id, priority, kind: 'phy', message: `${id} low`, onset, ...extra,
});

async function mount(capacity = 1000) {
  const el = document.createElement('ir-alarm-log') as IrAlarmLog;
  el.capacity = capacity;
  document.body.append(el);
  await el.updateComplete;
  return el;
}
/** A manager whose wall clock reads T, as the viewer `viewer`. */
function managerAt(channels: ChannelDescriptor[], viewer = 'desk') {
  const clock = new VirtualTimeScheduler();
  clock.schedule(() => undefined, T);
  clock.flush();
  return new AlarmManager([], channels, { scheduler: clock, viewer });
}
const sensor = (id: string, label: string): ChannelDescriptor => ({ id, label, unit: 'Cel', intervalMs: 100, range: [-200, 150] });
/** The operator actions as shown, oldest first: [who, action, details], non-breaking spaces as spaces. */
const actionRows = (el: IrAlarmLog) =>
  [...el.shadowRoot!.querySelectorAll('[part="actions"] tbody tr')].reverse().map((r) => [...r.querySelectorAll('td')].slice(2).map((td) => td.textContent!.replace(/[\u00a0\u202f]/g, ' ')));
const rows = (el: IrAlarmLog) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.querySelector('td:nth-child(3)')!.textContent);
/** The Value and Limit cells of the row of alarm `id` (the entries in the table's order, newest first), non-breaking spaces as spaces. */
const valueAndLimit = (el: IrAlarmLog, id: string) => {
  const k = [...el.entries].sort((a, b) => b.onset - a.onset).findIndex((e) => e.id === id);
  const row = el.shadowRoot!.querySelectorAll('[part="table"] tbody tr')[k];
  return [...row.querySelectorAll('td')].slice(3, 5).map((td) => td.textContent!.replace(/[\u00a0\u202f]/g, ' '));
};

/** A log in French on a viewer's manager that follows `wire`, an edge's encoded alarm snapshot. */
async function followingInFrench(wire: string) {
  const decoded = decodeAlarmSnapshot(wire);
  expect(decoded.ok).to.equal(true);
  const viewer = managerAt([]);
  const el = await mount();
  el.lang = 'fr';
  el.manager = viewer;
  await el.updateComplete;
  if (decoded.ok) viewer.follow(decoded.value);
  await el.updateComplete;
  return el;
}
describe('ir-alarm-log', () => {
  it('records onset, acknowledgement and end of one condition in one row', async () => {
    const el = await mount();
    el.record(entry('nerve', 'hi', T, { value: 9.4, limit: 10, unit: 'Cel' }));
    el.record(entry('nerve', 'hi', T, { value: 9.4, limit: 10, unit: 'Cel', acknowledged: T + 5000, acknowledgedWall: T + 5200, acknowledgedBy: 'desk' }));
    el.record(entry('nerve', 'hi', T, { value: 9.4, limit: 10, unit: 'Cel', ended: T + 60_000 }));
    await el.updateComplete;
    expect(el.entries).to.have.length(1);
    expect(el.shadowRoot!.querySelector('tbody td:nth-child(4)')!.textContent, 'people read °C; the file keeps UCUM').to.equal('9.4 °C');
    expect(el.toCsv()).to.equal(
      'record,time,wall_time,who,priority,kind,id,message,value,limit,unit,acknowledged,acknowledged_wall,acknowledged_by,ended\r\n' +
        `alarm,${iso(0)},,,hi,phy,nerve,nerve low,9.4,10,Cel,${iso(5000)},${iso(5200)},desk,${iso(60_000)}\r\n`,
    );
    el.remove();
  });

  it("records one manager: another in its place (its room turned to another procedure) starts the log anew; the same again keeps it", async () => {
    const probe = sensor('probe', 'Probe');
    const cold: AlarmRule = { id: 'cold', channel: 'probe', condition: { kind: 'below', limit: 0 }, priority: 'hi', kind: 'phy', onsetDelayMs: 0, hysteresis: 0, latching: false, message: { en: 'Probe cold', fr: 'Sonde froide' } };
    const first = managerAt([probe]);
    first.addRules([cold]);
    const el = await mount();
    el.manager = first;
    await el.updateComplete;
    first.ingest({ channel: 'probe', t: Float64Array.of(T), v: Float32Array.of(-5) });
    await el.updateComplete;
    expect(el.entries.map((e) => e.id)).to.deep.equal(['cold']);
    el.remove();
    document.body.append(el);
    await el.updateComplete;
    expect(el.entries, 'moved in the page, the same manager: kept').to.have.length(1);
    el.manager = managerAt([probe]);
    await el.updateComplete;
    expect([...el.entries, ...el.actions], 'another manager: nothing of the one before').to.deep.equal([]);
    el.remove();
  });

  it('shows its history in the language of the moment, values at the channel precision', async () => {
    const el = await mount();
    el.lang = 'en';
    el.record(entry('nerve', 'hi', T, { message: { en: 'Nerve cold', fr: 'Nerf froid' }, value: 9.44, limit: 10, unit: 'Cel', decimals: 2 }));
    await el.updateComplete;
    expect(rows(el)).to.deep.equal(['Nerve cold']);
    expect(el.shadowRoot!.querySelector('tbody td:nth-child(4)')!.textContent).to.equal('9.44 °C');
    el.lang = 'fr';
    await afterLangChange(el);
    expect(rows(el)).to.deep.equal(['Nerf froid']);
    expect(el.shadowRoot!.querySelector('tbody td:nth-child(4)')!.textContent).to.equal('9,44 °C');
    el.remove();
  });

  it('sorts by a column when its header is clicked, and reverses on a second click', async () => {
    const el = await mount();
    el.record(entry('b', 'lo', T + 2));
    el.record(entry('a', 'hi', T + 1));
    el.record(entry('c', 'me', T + 3));
    await el.updateComplete;
    expect(rows(el)).to.deep.equal(['c low', 'b low', 'a low']);
    const priority = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('th button')[1];
    priority.click();
    await el.updateComplete;
    expect(rows(el)).to.deep.equal(['a low', 'c low', 'b low']);
    priority.click();
    await el.updateComplete;
    expect(rows(el)).to.deep.equal(['b low', 'c low', 'a low']);
    el.remove();
  });

  it('stays bounded and keeps high-priority entries longest', async () => {
    const el = await mount(3);
    el.record(entry('h1', 'hi', T));
    for (let i = 0; i < 10; i++) el.record(entry(`l${i}`, 'lo', T + i + 1));
    expect(el.entries.map((e) => e.id)).to.deep.equal(['h1', 'l8', 'l9']);
    el.remove();
  });

  it('acknowledging before any data stamps the wall clock: the log renders and exports (issue 9.3)', async () => {
    const clock = new VirtualTimeScheduler();
    clock.schedule(() => undefined, T);
    clock.flush();
    const m = new AlarmManager([], [], { scheduler: clock, viewer: 'desk' });
    const el = await mount();
    el.manager = m;
    await el.updateComplete;
    m.setTechnical('connection', true, { en: 'Connection to the gateway lost', fr: 'Connexion à la passerelle perdue' });
    m.command({ type: 'acknowledge', id: 'connection', occurrence: T });
    m.command({ type: 'pause-audio', ms: 60_000 });
    await el.updateComplete;
    expect(el.entries[0]).to.include({ id: 'connection', onset: T, acknowledged: T, acknowledgedWall: T, acknowledgedBy: 'desk' });
    const cells = [...el.shadowRoot!.querySelectorAll('[part="table"] tbody td')].map((td) => td.textContent);
    expect(cells[5], 'acknowledged here: this console, not its id').to.match(/\(by this console\)$/);
    expect(el.toCsv().split('\r\n').slice(1, 4)).to.deep.equal([
      `alarm,${iso(0)},,,me,tec,connection,Connection to the gateway lost,,,,${iso(0)},${iso(0)},desk,`,
      `action,,${iso(0)},desk,,,connection@${T},acknowledge`,
      `action,,${iso(0)},desk,,,,pause-audio: 60000 ms`,
    ]);
    el.remove();
  });

  it('names what an action acted on for people: an acknowledged occurrence by its alarm, rules by their alarms or their count; a count has no unit', async () => {
    const el = await mount();
    el.record(entry('ep-failed', 'me', T, { message: { en: 'Pulse failed or missing', fr: 'Impulsion manquée' }, value: 1, limit: 0, unit: '{pulse}', decimals: 0 }));
    el.recordAction({ action: 'acknowledge', who: 'desk', wall: T, t: T, target: `ep-failed@${T}` });
    el.recordAction({ action: 'rules-added', who: 'desk', wall: T, t: T, target: 'ep-failed' });
    el.recordAction({ action: 'rules-added', who: 'desk', wall: T, t: T, target: 'ep-failed ep-sync' });
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('[part="actions"] tbody tr')].map((r) => r.querySelectorAll('td')[4].textContent);
    expect(rows).to.deep.equal(['2 rules', 'Pulse failed or missing', 'Pulse failed or missing']);
    const alarm = [...el.shadowRoot!.querySelectorAll('tbody tr')][0].textContent!;
    expect(alarm).not.to.contain('{');
    expect(el.toCsv(), 'the file keeps ids and codes').to.contain(`ep-failed@${T}`);
    el.remove();
  });

  it('says what a code or a count means, with its noun, never a bare "2 / 1": an arrhythmia, failed pulses, incomplete pairs, in each language', async () => {
    const m = managerAt(pulseChannels(hexagonLayout(12)));
    const el = await mount();
    el.lang = 'en';
    el.manager = m;
    await el.updateComplete;
    m.addRules(pulseAlarmRules({ modality: 'ECT' }));
    m.ingest({ channel: EP.sync, t: Float64Array.of(T), v: Float32Array.of(2) });
    m.ingest({ channel: EP.failed, t: Float64Array.of(T + 250), v: Float32Array.of(2) });
    m.ingest({ channel: EP.incomplete, t: Float64Array.of(T + 500), v: Float32Array.of(1) });
    m.ingest({ channel: EP.current, t: Float64Array.of(T + 750), v: Float32Array.of(31.25) });
    await el.updateComplete;
    /** Value and limit of each alarm row, by its message, oldest first. */
    const cells = () =>
      [...el.shadowRoot!.querySelectorAll('[part="table"] tbody tr')].reverse().map((r) => [...r.querySelectorAll('td')].slice(3, 5).map((td) => td.textContent!.replace(/[\u00a0\u202f]/g, ' ')));
    expect(cells()).to.deep.equal([
      ['arrhythmia, delivery blocked', 'synchronised'],
      ['2 pulses', '≥ 1 pulse'],
      ['1 pair', '≥ 1 pair'],
      ['31.3 A', '30.0 A'],
    ]);
    el.lang = 'fr';
    await afterLangChange(el);
    expect(cells().slice(0, 3)).to.deep.equal([
      ['arythmie, délivrance bloquée', 'synchronisée'],
      ['2 impulsions', '≥ 1 impulsion'],
      ['1 paire', '≥ 1 paire'],
    ]);
    expect(el.toCsv(), 'the file keeps the code and the limit as judged').to.match(/,ep-ecg-sync,[^,]+,2,0.5,\{code\},/);
    el.remove();
  });

  it('fills Value and Limit for an alarm an engine judges, with its unit, in each language, and keeps them in the file: the argon supply below its limit', async () => {
    const sim = new CryoSimulation(ILIAC, T, { gasPressureDrop: { from: 0 } });
    const room = new TelemetryRoom({ scheduler: new VirtualTimeScheduler(), windowMs: 60_000 });
    room.setChannels(sim.channels());
    room.engine('cryo', (r) => new CryoEngine(r))!.configure({ procedure: ILIAC.procedure });
    const el = await mount();
    el.lang = 'en';
    el.manager = room.manager;
    await el.updateComplete;
    // 7 MPa (35 % of the 20 MPa supply) from the start: judged low after 2 s below 10 MPa.
    for (const x of sim.between(0, 5000)) room.push(x);
    await el.updateComplete;
    const supply = el.entries.find((e) => e.id === supplyLowId)!;
    const said = /: (\d\.\d) MPa \(limit 10\.0 MPa\)/.exec(supply.message instanceof Object ? supply.message.en : supply.message)![1];
    expect(valueAndLimit(el, supplyLowId), 'the pressure its message names, the limit below which it is low').to.deep.equal([`${said} MPa`, '10.0 MPa']);
    el.lang = 'fr';
    await afterLangChange(el);
    expect(valueAndLimit(el, supplyLowId)).to.deep.equal([`${said.replace('.', ',')} MPa`, '10,0 MPa']);
    expect([supply.value!.toFixed(1), supply.limit, supply.unit, supply.crossing]).to.deep.equal([said, 10, 'MPa', 'below']);
    expect(el.toCsv(), 'the file: value, limit and UCUM unit').to.contain(`,${supply.value},10,MPa,`);
    el.remove();
    room.close();
  });

  it('reads an engine alarm of a room it follows as the deciding room judged it, a count with its noun; a reading it cannot read is left out, the row shown', async () => {
    const edge = managerAt([], 'edge-room1');
    const changes: AlarmChange[] = [];
    edge.changes.subscribe((c) => changes.push(c));
    const rollOffs = { one: { label: 'roll-off', labels: { fr: 'roll-off' } }, other: { label: 'roll-offs', labels: { fr: 'roll-offs' } } };
    edge.setTechnical('thermal:rf.impedance:roll-off-repeated', true, { en: 'Impedance: repeated roll-offs', fr: 'Impédance : roll-offs répétés' }, 'me', 0, 'phy', false, { value: 3, limit: 2, crossing: 'above', unit: '{roll-off}', decimals: 0, count: rollOffs });
    edge.setTechnical('odd', true, { en: 'Odd', fr: 'Étrange' }, 'lo', 0, 'tec', false, { value: 1, limit: 0, crossing: 'above', unit: 'V' });
    const wire = encodeAlarmSnapshot({ ver: ALARM_SNAPSHOT_VERSION, sender: 'edge-room1', present: [], system: { audio: signalsOn(), alarms: signalsOn() }, changes, actions: [] })
      // A later or broken edge: a unit that is no text.
      .replace('"unit":"V"', '"unit":{"no":"text"}');
    const el = await followingInFrench(wire);
    expect(valueAndLimit(el, 'thermal:rf.impedance:roll-off-repeated')).to.deep.equal(['3 roll-offs', '≥ 3 roll-offs']);
    expect(valueAndLimit(el, 'odd'), 'no unit it can read: no number said without it').to.deep.equal(['', '']);
    el.remove();
  });

  it('on a French page, says every action in French, channels by their labels and alarms by their messages, never by ids (issue 19)', async () => {
    const m = managerAt([sensor('sensor.1.1', 'Nerve TC')]);
    const el = await mount();
    el.lang = 'fr';
    el.manager = m;
    await el.updateComplete;
    const cold: AlarmRule = {
      id: 'nerve-cold', channel: 'sensor.1.1', priority: 'hi', kind: 'phy', condition: { kind: 'below', limit: 10 }, onsetDelayMs: 0, hysteresis: 1, latching: true,
      message: { en: 'Nerve TC below 10 °C', fr: 'Nerve TC sous 10 °C' },
    };
    const remove = m.addRules([cold]);
    m.ingest({ channel: 'sensor.1.1', t: Float64Array.of(T), v: Float32Array.of(5) });
    m.command({ type: 'pause-audio', ms: 60_000 });
    m.ingest({ channel: 'sensor.1.1', t: Float64Array.of(T + 61_000), v: Float32Array.of(5) });
    m.command({ type: 'acknowledge', id: 'nerve-cold', occurrence: T + 1 });
    m.command({ type: 'louder' });
    m.setChannels([sensor('sensor.2.1', 'Margin TC')]);
    remove();
    await el.updateComplete;
    expect(actionRows(el)).to.deep.equal([
      ['ce poste', 'Règles ajoutées', 'Nerve TC sous 10 °C'],
      ['ce poste', 'Audio en pause', '1 min'],
      ['système', 'Audio repris', 'fin de la pause'],
      ['ce poste', 'Commande refusée', 'acquittement de « Nerve TC sous 10 °C » : alarme plus présente ou déjà acquittée'],
      ['ce poste', 'Commande refusée', 'commande mal formée'],
      ['ce poste', 'Voies modifiées', 'ajout : Margin TC ; retrait : Nerve TC ; les règles sur Nerve TC ne peuvent plus être évaluées (pas de données)'],
      ['ce poste', 'Règles retirées', 'Nerve TC sous 10 °C ; « Nerve TC sous 10 °C » conservée jusqu’à son acquittement ; « Nerve TC : pas de données » conservée jusqu’à son acquittement'],
    ]);
    const csv = el.toCsv();
    expect(csv, 'the file keeps the English detail and the ids').to.contain('channels-set: added Margin TC; removed Nerve TC; rules on Nerve TC can no longer be evaluated: stale');
    expect(csv).to.contain(`action,${iso(61_000)},${iso(0)},desk,,,,"refused: no present, unacknowledged occurrence nerve-cold@${T + 1}"`);
    el.lang = 'en';
    await afterLangChange(el);
    expect(actionRows(el).map((r) => r.join(' | '))).to.include.members([
      'system | Audio resumed | pause over',
      'this console | Command refused | acknowledgement of “Nerve TC below 10 °C”: no longer present or already acknowledged',
      'this console | Channels changed | added Margin TC; removed Nerve TC; rules on Nerve TC can no longer be evaluated (no data)',
    ]);
    el.remove();
  });

  it('names who acted for people: this console, the system, another viewer by its given name, one without a name never by its id alone (issue 19)', async () => {
    const m = managerAt([sensor('nerve', 'Nerve TC')]);
    const el = await mount();
    el.manager = m;
    await el.updateComplete;
    m.command({ type: 'pause-alarms', ms: 30_000 }, { origin: 'proctor', wall: T });
    m.command({ type: 'resume-alarms' }, { origin: '3f2a9c1e0b7d4a65', wall: T });
    m.command({ type: 'audio-off' }, true);
    m.command({ type: 'resume-audio' });
    await el.updateComplete;
    expect(actionRows(el).map((r) => r[0])).to.deep.equal(['proctor', 'console 3f2a', 'another console', 'this console']);
    el.lang = 'fr';
    await afterLangChange(el);
    expect(actionRows(el).map((r) => r.slice(0, 2).concat(r[2] ? [r[2]] : []))).to.deep.equal([
      ['proctor', 'Alarmes en pause', '30 s'],
      ['poste 3f2a', 'Alarmes reprises'],
      ['un autre poste', 'Audio coupé'],
      ['ce poste', 'Audio repris'],
    ]);
    expect(el.toCsv(), 'the file keeps who as given').to.contain(',3f2a9c1e0b7d4a65,');
    el.remove();
  });

  it('reads the actions of a room it follows in its own language, and one whose details it cannot read by their English detail', async () => {
    const edge = managerAt([sensor('sensor.1.1', 'Nerve TC')], 'edge-room1');
    const actions: AlarmAction[] = [];
    edge.actions.subscribe((a) => actions.push(a));
    edge.setChannels([sensor('sensor.1.1', 'Nerve TC'), sensor('sensor.2.1', 'Margin TC')]);
    const unreadable = { ...actions[0], about: { kind: 'channels', added: 'Margin TC' } } as unknown as AlarmAction;
    const later = { ...actions[0], about: { kind: 'a-later-kind' } } as unknown as AlarmAction;
    const wire = encodeAlarmSnapshot({ ver: ALARM_SNAPSHOT_VERSION, sender: 'edge-room1', present: [], system: { audio: signalsOn(), alarms: signalsOn() }, changes: [], actions: [...actions, unreadable, later] });
    const el = await followingInFrench(wire);
    expect(actionRows(el)).to.deep.equal([
      ['edge-room1', 'Voies modifiées', 'ajout : Margin TC'],
      ['edge-room1', 'Voies modifiées', 'added Margin TC'],
      ['edge-room1', 'Voies modifiées', 'added Margin TC'],
    ]);
    el.recordAction({ action: 'channels-set', who: 'edge-room1', wall: T, t: T, detail: 'added Margin TC', about: { kind: 'channels', added: null } } as unknown as AlarmAction);
    await el.updateComplete;
    expect(actionRows(el).at(-1)).to.deep.equal(['edge-room1', 'Voies modifiées', 'added Margin TC']);
    el.remove();
  });

  it('shows every operator action with who and when, newest first, and never breaks on a time that is not one (issue 9.9)', async () => {
    const el = await mount();
    el.lang = 'fr';
    el.recordAction({ action: 'pause-alarms', who: 'proctor', wall: T, t: T - 1000, detail: '120000 ms' });
    el.recordAction({ action: 'rule-removed', who: 'desk', wall: T + 1000, t: NaN, target: 'nerve-cold', detail: 'its alarm (latch) is kept until acknowledged' });
    el.record(entry('odd', 'lo', NaN));
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('[part="actions"] tbody tr')].map((r) => [...r.querySelectorAll('td')].slice(2).map((td) => td.textContent));
    expect(rows).to.deep.equal([
      ['desk', 'Règles retirées', '1 règle · its alarm (latch) is kept until acknowledged'],
      ['proctor', 'Alarmes en pause', '120000 ms'],
    ]);
    expect(el.toCsv()).to.contain(`action,${iso(-1000)},${iso(0)},proctor,,,,pause-alarms: 120000 ms`);
    el.remove();
  });
});
