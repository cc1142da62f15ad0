import { expect } from '@esm-bundle/chai';
import type { IrAlarmLog } from '../../src/components/alarm-log/alarm-log.js';
import type { IrThermalMap } from '../../src/components/thermal-map/thermal-map.js';
import { waitUntil } from '../kit/fixture.js';
import { openDemo, type DemoPage } from '../kit/demo-page.js';

/**
 * The thermal ablation demo page, end to end: its HTML, strict CSP and Web Worker
 * simulator in a frame, at 60x, driven as a trainer would. Waits are for the
 * simulation to reach a state, never assertions on time.
 */
describe('thermal ablation demo', function () {
  this.timeout(40_000);
  let page: DemoPage;
  const doc = () => page.doc();
  const map = () => doc().querySelector('ir-thermal-map') as IrThermalMap;
  const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const until = (pred: () => boolean, what: string, ms = 30_000) => waitUntil(pred, what, ms);

  before(async () => {
    page = await openDemo('/demo/thermal.html?scenario=liver-mw-vessel&speed=60', 'ir-thermal-map', 1300, 1000);
  });

  after(() => page.frame.remove());

  it('plays the microwave scenario from its worker: the map fills, coverage grows, the console trends fill', async () => {
    await until(() => (map()?.coverage?.fraction ?? 0) > 0.3, 'coverage above 30 %');
    expect(part(map(), 'coverage')).to.match(/^Coverage \d+\s?% of tumour \+ 5 mm margin/);
    const trends = [...doc().querySelectorAll('ir-trend')];
    expect(trends.map((t) => part(t, 'readouts'))).to.satisfy((r: string[]) => r.every((x) => /\d/.test(x)));
    expect(page.violations).to.deep.equal([]);
  });

  it('covers the margin once the antenna has moved, with no RF console alarm for a microwave antenna', async () => {
    await until(() => (map().coverage?.fraction ?? 0) >= 0.99, 'full coverage');
    const log = doc().querySelector('ir-alarm-log') as IrAlarmLog;
    // The tip passes 100 °C in this scenario: an RF electrode's vaporisation alarm, meaningless for an antenna.
    expect(log.entries.filter((e) => e.id.startsWith('tip-temperature:') || e.id.startsWith('impedance:'))).to.deep.equal([]);
  });

  it('shows stopped maps as a technical alarm', async () => {
    doc().querySelector<HTMLButtonElement>('#stop-maps')!.click();
    await until(() => /No new map for/.test(part(map(), 'status')), 'the stale map');
    const log = doc().querySelector('ir-alarm-log') as IrAlarmLog;
    await until(() => log.entries.some((e) => e.id === 'thermal:thermal-map:maps-stopped'), 'the technical alarm');
  });
});
