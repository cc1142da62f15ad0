import { expect } from '@esm-bundle/chai';
import type { IrAlarmBanner } from '../../src/components/alarm-banner/alarm-banner.js';
import type { IrIceballCurve } from '../../src/components/iceball-curve/iceball-curve.js';
import { waitUntil } from '../kit/fixture.js';
import { openDemo, type DemoPage } from '../kit/demo-page.js';

/**
 * The cryoablation demo page end to end, each scenario in a frame (its HTML, its strict CSP,
 * its simulator) at 60x: the panel, its timer and the alarms play.
 */
describe('cryoablation demo', function () {
  this.timeout(30_000);
  let page: DemoPage | undefined;
  const doc = () => page!.doc();
  const banner = () => doc().querySelector('ir-alarm-banner') as IrAlarmBanner;
  const panel = () => doc().querySelector('ir-iceball-curve') as IrIceballCurve;
  const text = (el: Element, part: string) => el.shadowRoot!.querySelector(`[part="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const until = (pred: () => boolean, what: string) => waitUntil(pred, what, 10_000);

  async function open(query: string) {
    page?.frame.remove();
    page = await openDemo(`/demo/cryo.html?${query}`, 'ir-iceball-curve', 1200, 1300);
  }

  afterEach(() => page?.frame.remove());

  it('renal: the timer runs in freeze 1 and the nerve alarm reaches the banner', async () => {
    await open('scenario=renal&speed=60&at=190000');
    await until(() => text(banner(), 'banner').includes('Nerve TC below 10'), 'the nerve alarm');
    expect(text(panel(), 'timer')).to.match(/^Freeze 1 03:\d\d elapsed 06:\d\d remaining$/);
    expect(page!.violations).to.deep.equal([]);
  });

  for (const scenario of ['iliac', 'vertebral'])
    it(`${scenario}: plays, with a measured ice ball beside the estimate`, async () => {
      await open(`scenario=${scenario}&speed=60&at=170000&lang=fr`);
      await until(() => /mesuré · est\./.test(text(panel(), 'readouts')), 'a measurement beside the estimate');
      expect(text(panel(), 'timer')).to.match(/^Congélation 1 \d\d:\d\d écoulé/);
      expect(page!.violations).to.deep.equal([]);
    });
});
