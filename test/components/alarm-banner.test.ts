import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/alarm-banner.js';
import type { BannerAlarm, IrAlarmBanner, AlarmAcknowledgeEvent } from '../../src/components/alarm-banner/alarm-banner.js';

const alarm = (id: string, priority: BannerAlarm['priority'], kind: BannerAlarm['kind'] = 'phy', onset = 1000): BannerAlarm => ({
  id,
  priority,
  kind,
  message: `${id} message`,
  presence: 'on',
  onset,
});

async function mount(alarms: BannerAlarm[], lang = 'en') {
  const el = document.createElement('ir-alarm-banner') as IrAlarmBanner;
  el.lang = lang;
  el.alarms = alarms;
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const part = (el: IrAlarmBanner, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);

describe('ir-alarm-banner', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('shows the highest priority with its text marker and a count of the others', async () => {
    const el = await mount([alarm('skin', 'me'), alarm('nerve', 'hi', 'phy', 2000), alarm('timer', 'lo')]);
    expect(part(el, 'banner')!.dataset.priority).to.equal('hi');
    expect(part(el, 'marker')!.textContent).to.equal('***');
    expect(part(el, 'message')!.textContent).to.contain('nerve message');
    expect(part(el, 'message')!.textContent).to.contain('High priority');
    expect(part(el, 'count')!.textContent).to.equal('+2 more');
    el.remove();
  });

  it('flashes high at 2 Hz and medium at 0.5 Hz, and low stays steady', async () => {
    const el = await mount([alarm('a', 'hi')]);
    expect(getComputedStyle(part(el, 'banner')!).animationDuration).to.equal('0.5s');
    el.alarms = [alarm('a', 'me')];
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'banner')!).animationDuration).to.equal('2s');
    el.alarms = [alarm('a', 'lo')];
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'banner')!).animationName).to.equal('none');
    el.remove();
  });

  it('replaces flashing with a steady heavy border under prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount([alarm('a', 'hi')]);
    const style = getComputedStyle(part(el, 'banner')!);
    expect(style.animationName).to.equal('none');
    expect(style.borderTopStyle).to.equal('double');
    expect(part(el, 'marker')!.textContent).to.equal('***');
    el.remove();
  });

  it('never hides a technical alarm behind a physiological one', async () => {
    const el = await mount([alarm('nerve', 'hi'), alarm('sensor-lost', 'me', 'tec')]);
    expect(part(el, 'message')!.textContent).to.contain('nerve message');
    expect(part(el, 'technical')!.textContent).to.contain('sensor-lost message');
    el.remove();
  });

  it('acknowledges the shown alarm from the keyboard', async () => {
    const el = await mount([alarm('nerve', 'hi')]);
    const acked: string[] = [];
    el.addEventListener('ir-alarm-acknowledge', (e) => acked.push((e as AlarmAcknowledgeEvent).alarmId));
    part(el, 'acknowledge')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(acked).to.deep.equal(['nerve']);
    el.remove();
  });

  it('shows the audio-pause countdown and speaks French', async () => {
    const el = await mount([alarm('nerve', 'me')], 'fr');
    el.audio = { state: 'paused', remainingMs: 95_000 };
    await el.updateComplete;
    expect(part(el, 'pause')!.textContent!.trim()).to.equal('Audio en pause 1:35');
    expect(part(el, 'acknowledge')!.textContent).to.equal('Acquitter');
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).to.equal('');
    el.remove();
  });

  it('announces a new high-priority alarm assertively', async () => {
    const el = await mount([]);
    el.alarms = [alarm('nerve', 'hi')];
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-live="assertive"]')!.textContent).to.equal('High priority: nerve message');
    el.remove();
  });
});

describe('ir-alarm-banner sound', () => {
  it('offers an enable-sound control only when asked to, and shows its state after a click', async () => {
    const el = await mount([alarm('nerve', 'hi')]);
    expect(part(el, 'sound')).to.equal(null);
    el.sound = true;
    await el.updateComplete;
    const button = part(el, 'sound')!;
    expect(button.textContent).to.equal('Enable sound');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'Enter' });
    const end = performance.now() + 2000;
    while (part(el, 'sound')!.getAttribute('aria-pressed') !== 'true' && performance.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(part(el, 'sound')!.textContent).to.equal('Sound on');
    el.remove();
  });
});
