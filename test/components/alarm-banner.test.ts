import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/alarm-banner.js';
import type { BannerAlarm, IrAlarmBanner } from '../../src/components/alarm-banner/alarm-banner.js';
import { AlarmManager } from '../../src/streams/alarm-manager.js';
import type { AlarmCommand } from '../../src/models/alarm-command.js';
import { waitUntil } from '../kit/fixture.js';

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
/** The lines under the band, physiological and technical. */
const lines = (el: IrAlarmBanner) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="alarm"], [part="technical"]')];

describe('ir-alarm-banner', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('shows the highest priority in the band, with its text marker, and every other alarm on a line of its own', async () => {
    const el = await mount([alarm('skin', 'me'), alarm('nerve', 'hi', 'phy', 2000), alarm('timer', 'lo')]);
    expect(part(el, 'banner')!.dataset.priority).to.equal('hi');
    expect(part(el, 'marker')!.textContent).to.equal('***');
    expect(part(el, 'message')!.textContent).to.contain('nerve message');
    expect(part(el, 'message')!.textContent).to.contain('High priority');
    expect(lines(el).map((l) => `${l.dataset.priority} ${l.textContent!.replace(/\s+/g, ' ').trim()}`)).to.deep.equal([
      'me ** Medium priority: skin message Acknowledge',
      'lo * Low priority: timer message Acknowledge',
    ]);
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
    const asked: AlarmCommand[] = [];
    el.addEventListener('ir-alarm-command', (e) => asked.push(e.detail.command));
    part(el, 'acknowledge')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(asked, 'the occurrence shown: its onset when none is given').to.deep.equal([{ type: 'acknowledge', id: 'nerve', occurrence: 1000 }]);
    el.remove();
  });

  it('shows the audio-pause countdown and speaks French', async () => {
    const el = await mount([alarm('nerve', 'me')], 'fr');
    el.system = { audio: 'paused', audioRemainingMs: 95_000, alarms: 'on' };
    await el.updateComplete;
    expect(part(el, 'pause')!.textContent!.trim()).to.equal('Audio en pause 1:35 · reprendre');
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

describe('ir-alarm-banner with an alarm manager', () => {
  const channels = [{ id: 'nerve', label: 'Nerve', unit: 'Cel', intervalMs: 100, range: [-50, 60] as const }];
  const manager = () =>
    new AlarmManager(
      [{ id: 'nerve-cold', channel: 'nerve', condition: { kind: 'below', limit: 10 }, priority: 'hi', kind: 'phy', onsetDelayMs: 0, hysteresis: 1, latching: true, message: { en: 'Nerve below 10 °C', fr: 'Nerf sous 10 °C' } }],
      channels,
    );
  const at = (t: number, v: number) => ({ channel: 'nerve', t: Float64Array.of(t), v: Float32Array.of(v) });
  /** A banner on a manager whose nerve sensor read 8 °C at t = 1000: one high-priority alarm. */
  async function inAlarm(lang = 'en') {
    const m = manager();
    const el = await mount([], lang);
    el.manager = m;
    m.ingest(at(1000, 8));
    await el.updateComplete;
    return { m, el };
  }

  it('shows the manager\'s alarm in the page language, and acknowledges it there', async () => {
    const { m, el } = await inAlarm('fr');
    expect(part(el, 'message')!.textContent).to.contain('Nerf sous 10 °C');
    part(el, 'acknowledge')!.click();
    expect(m.present.value[0].state.presence).to.equal('ack');
    await el.updateComplete;
    expect(part(el, 'banner')!.hasAttribute('data-acknowledged')).to.equal(true);
    el.remove();
  });

  it('leaves the command to the page when it cancels the event', async () => {
    const { m, el } = await inAlarm();
    el.addEventListener('ir-alarm-command', (e) => e.preventDefault());
    part(el, 'acknowledge')!.click();
    expect(m.present.value[0].state.presence).to.equal('on');
    el.remove();
  });

  it('holds back the alarm while alarms are paused, with the countdown, and resumes', async () => {
    const { m, el } = await inAlarm();
    m.command({ type: 'pause-alarms', ms: 90_000 });
    m.ingest(at(16_000, 8));
    await el.updateComplete;
    expect(part(el, 'banner')!.dataset.priority).to.equal('none');
    expect(part(el, 'message')!.textContent).to.equal('Alarms paused 1:15 · 1 present');
    expect(part(el, 'marker'), 'no priority marker while paused').to.equal(null);
    part(el, 'resume-alarms')!.click();
    await el.updateComplete;
    expect(part(el, 'banner')!.dataset.priority).to.equal('hi');
    el.remove();
  });

  it('shows audio off with a way back', async () => {
    const m = manager();
    const el = await mount([]);
    el.manager = m;
    m.command({ type: 'audio-off' });
    await el.updateComplete;
    expect(part(el, 'pause')!.textContent!.trim()).to.equal('Audio off · resume');
    part(el, 'pause')!.click();
    expect(m.system.value.audio.mode).to.equal('on');
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
    // The audio context resumes asynchronously after the gesture.
    await waitUntil(() => part(el, 'sound')!.getAttribute('aria-pressed') === 'true', 'the audio context to resume');
    expect(part(el, 'sound')!.textContent).to.equal('Sound on');
    el.remove();
  });
});
