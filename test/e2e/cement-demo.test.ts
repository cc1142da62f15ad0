import { expect } from '@esm-bundle/chai';
import type { IrIceballCurve } from '../../src/components/iceball-curve/iceball-curve.js';
import { waitUntil } from '../kit/fixture.js';
import { openDemo, type DemoPage } from '../kit/demo-page.js';

/**
 * The cementoplasty demo's combined iliac procedure end to end (its HTML, its strict CSP, its
 * simulators): the timeline and the cryo panel tell the same story (issue 19).
 */
describe('cementoplasty demo, combined iliac procedure', function () {
  this.timeout(60_000);
  let page: DemoPage | undefined;
  const doc = () => page!.doc();
  const panel = () => doc().querySelector('ir-iceball-curve') as IrIceballCurve | null;
  const timer = () => panel()?.shadowRoot?.querySelector('[part="timer"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const cryoStep = () => doc().querySelector<HTMLElement>('#timeline li')!;

  afterEach(() => page?.frame.remove());

  it('opened 27 min in, the cryo panel shows the second freeze; the step is done only once the cryo console has ended', async () => {
    page = await openDemo('/demo/cement.html?scenario=iliac&speed=10&from=27', 'ir-iceball-curve', 1200, 1300);
    await waitUntil(() => /^Freeze 2 /.test(timer()), 'the second freeze, where the procedure is 27 min in', 20_000);
    expect(cryoStep().dataset.state).to.equal('current');
    await waitUntil(() => cryoStep().dataset.state === 'done', 'the cryo step done', 20_000);
    expect(timer()).to.match(/^Done/);
    expect(page!.violations).to.deep.equal([]);
  });
});
