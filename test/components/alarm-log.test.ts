import { expect } from '@esm-bundle/chai';
import '../../src/components/alarm-log.js';
import { VirtualTimeScheduler } from 'rxjs';
import type { AlarmLogEntry, IrAlarmLog } from '../../src/components/alarm-log/alarm-log.js';
import { AlarmManager } from '../../src/streams/alarm-manager.js';
import { dataEpoch } from '../kit/clock.js';
import { afterLangChange } from '../kit/fixture.js';

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
const rows = (el: IrAlarmLog) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.querySelector('td:nth-child(3)')!.textContent);

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
    expect(cells[5]).to.match(/\(by desk\)$/);
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

  it('shows every operator action with who and when, newest first, and never breaks on a time that is not one (issue 9.9)', async () => {
    const el = await mount();
    el.lang = 'fr';
    el.recordAction({ action: 'pause-alarms', who: 'proctor', wall: T, t: T - 1000, detail: '120000 ms' });
    el.recordAction({ action: 'rule-removed', who: 'desk', wall: T + 1000, t: NaN, target: 'nerve-cold', detail: 'its alarm (latch) is kept until acknowledged' });
    el.record(entry('odd', 'lo', NaN));
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('[part="actions"] tbody tr')].map((r) => [...r.querySelectorAll('td')].slice(2).map((td) => td.textContent));
    expect(rows).to.deep.equal([
      ['desk', 'Règle retirée', '1 règle · its alarm (latch) is kept until acknowledged'],
      ['proctor', 'Alarmes en pause', '120000 ms'],
    ]);
    expect(el.toCsv()).to.contain(`action,${iso(-1000)},${iso(0)},proctor,,,,pause-alarms: 120000 ms`);
    el.remove();
  });
});
