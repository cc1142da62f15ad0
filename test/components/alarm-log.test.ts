import { expect } from '@esm-bundle/chai';
import '../../src/components/alarm-log.js';
import type { AlarmLogEntry, IrAlarmLog } from '../../src/components/alarm-log/alarm-log.js';

const T = Date.UTC(2026, 10, 23, 10, 0, 0);
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
    el.record(entry('nerve', 'hi', T, { value: 9.4, limit: 10, unit: 'Cel', acknowledged: T + 5000 }));
    el.record(entry('nerve', 'hi', T, { value: 9.4, limit: 10, unit: 'Cel', acknowledged: T + 5000, ended: T + 60_000 }));
    await el.updateComplete;
    expect(el.entries).to.have.length(1);
    expect(el.shadowRoot!.querySelector('tbody td:nth-child(4)')!.textContent, 'people read °C; the file keeps UCUM').to.equal('9.4 °C');
    expect(el.toCsv()).to.equal(
      'onset,priority,kind,message,value,limit,unit,acknowledged,ended\r\n' +
        '2026-11-23T10:00:00.000Z,hi,phy,nerve low,9.4,10,Cel,2026-11-23T10:00:05.000Z,2026-11-23T10:01:00.000Z\r\n',
    );
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
});
