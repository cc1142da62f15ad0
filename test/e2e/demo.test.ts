import { expect } from '@esm-bundle/chai';
import type { IrAlarmBanner } from '../../src/components/alarm-banner/alarm-banner.js';
import type { IrAlarmLog } from '../../src/components/alarm-log/alarm-log.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import { waitUntil } from '../kit/fixture.js';
import { openDemo, type DemoPage } from '../kit/demo-page.js';

/**
 * The training demo, end to end: the page itself (its HTML, its strict CSP,
 * its simulator) in a frame, driven as a trainer would, at 60x so the nerve
 * sensor crosses its limit within a second or two.
 */
describe('training demo', function () {
  this.timeout(30_000);
  let page: DemoPage;
  const doc = () => page.doc();
  const banner = () => doc().querySelector('ir-alarm-banner') as IrAlarmBanner;
  const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
  const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const click = (selector: string) => doc().querySelector<HTMLButtonElement>(selector)!.click();
  const until = (pred: () => boolean, what: string) => waitUntil(pred, what, 10_000);

  before(async () => {
    page = await openDemo('/demo/index.html?speed=60', 'ir-alarm-banner', 1200, 900);
  });

  after(() => page.frame.remove());

  it('warns of fast cooling, then raises the high-priority nerve alarm on the banner, the trend and the log', async () => {
    await until(() => part(banner(), 'banner')?.dataset.priority === 'hi', 'the high-priority alarm');
    expect(text(banner(), 'marker')).to.equal('***');
    expect(text(banner(), 'message')).to.contain('Nerve sensor below 10 °C');
    const trend = doc().querySelector('ir-trend') as IrTrend;
    await until(() => trend.alarm === 'hi', 'the trend frame');
    const log = doc().querySelector('ir-alarm-log') as IrAlarmLog;
    const ids = log.entries.map((e) => e.id);
    expect(ids, 'the rate warning came first').to.deep.equal(['nerve-cooling', 'nerve-cold']);
    expect(log.entries[1]).to.include({ priority: 'hi', limit: 10, unit: 'Cel' });
    expect(log.entries[1].value).to.be.below(10);
  });

  it('keeps the freeze\'s whole story on the trend at 60x, its start still in view a minute of data after it ended', async () => {
    const trend = doc().querySelector('ir-trend') as IrTrend;
    const telemetry = doc().querySelector('ir-telemetry')!;
    const freeze = trend.markers[0].t;
    const MIN = 60_000;
    await until(() => (telemetry.room.store('probe')?.lastT ?? 0) > freeze + 3 * MIN, 'three minutes of data');
    // Panels out of view do not draw: the chart is brought into view as a trainer would scroll to it.
    trend.scrollIntoView();
    const frames = trend.framesDrawn;
    await until(() => trend.framesDrawn > frames, 'the trend drawn since');
    // A one-minute window had scrolled the freeze's start two widths off the chart by now.
    expect(trend.positionOf('probe', freeze, 0)!.x).to.be.above(0);
  });

  it('acknowledges from the banner, everywhere at once', async () => {
    part(banner(), 'acknowledge')!.click();
    const trend = doc().querySelector('ir-trend') as IrTrend;
    await until(() => trend.acknowledged && part(banner(), 'banner')!.hasAttribute('data-acknowledged'), 'the acknowledgement');
    const log = doc().querySelector('ir-alarm-log') as IrAlarmLog;
    expect(log.entries.find((e) => e.id === 'nerve-cold')!.acknowledged).to.be.a('number');
  });

  it('pauses audio with a countdown', async () => {
    part(banner(), 'pause')!.click();
    await until(() => /Audio paused \d+:\d\d/.test(text(banner(), 'pause')), 'the audio pause');
  });

  it('shows a silent sensor as a technical alarm, and an invalid value as another', async () => {
    click('#drop');
    await until(() => text(banner(), 'technical').includes('Nerve sensor: no data'), 'the stale alarm');
    click('#drop');
    await until(() => !text(banner(), 'technical').includes('no data'), 'the sensor back');
    click('#garble');
    await until(() => text(banner(), 'technical').includes('Nerve sensor: invalid data'), 'the invalid-data alarm');
  });

  it('pauses alarm signals from the trainer controls', async () => {
    click('#pause-alarms');
    await until(() => text(banner(), 'message').startsWith('Alarms paused'), 'ALARM PAUSED');
    expect(part(banner(), 'banner')!.dataset.priority).to.equal('none');
  });

  it('runs under its strict Content-Security-Policy without a violation (a blocked script would have failed all of the above)', () => {
    expect(doc().querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).to.contain("script-src 'self'");
    expect(page.violations).to.deep.equal([]);
  });
});

describe('training demo in French', function () {
  this.timeout(30_000);

  it('speaks French on the banner, the buttons and the log', async () => {
    const { frame, doc: page } = await openDemo('/demo/index.html?speed=60&lang=fr', 'ir-alarm-banner');
    const doc = page();
    const banner = () => doc.querySelector('ir-alarm-banner')?.shadowRoot?.querySelector<HTMLElement>('[part="banner"]');
    await waitUntil(() => banner()?.dataset.priority === 'hi', 'the high-priority alarm');
    expect(banner()!.textContent).to.contain('Capteur nerveux sous 10 °C');
    expect(banner()!.querySelector('[part="acknowledge"]')!.textContent).to.equal('Acquitter');
    expect(doc.querySelector('#drop')!.textContent).to.equal('Débrancher le capteur nerveux');
    expect(doc.documentElement.lang).to.equal('fr');
    frame.remove();
  });
});
