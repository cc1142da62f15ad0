import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/alarm-banner.js';
import '../../src/components/telemetry.js';
import type { IrTelemetry } from '../../src/components/telemetry/telemetry.js';
import type { AlarmCommandEvent, BannerAlarm, IrAlarmBanner } from '../../src/components/alarm-banner/alarm-banner.js';
import { AlarmManager } from '../../src/streams/alarm-manager.js';
import { FUNDAMENTAL_HZ, burst } from '../../src/models/audio-burst.js';
import type { AlarmCommand } from '../../src/models/alarm-command.js';
import type { AlarmRule } from '../../src/models/alarm-rules.js';
import { waitUntil } from '../kit/fixture.js';

const row = (el: IrAlarmBanner, key: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-alarm="${key}"]`);
const part = (el: IrAlarmBanner, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
/** What the eye gets from a row: its colour and flash period (none when steady). */
const signal = (el: HTMLElement) => {
  const s = getComputedStyle(el);
  return { background: s.backgroundColor, flash: s.animationName === 'none' ? 'steady' : s.animationDuration };
};
const COLOUR = { hi: 'rgb(213, 0, 0)', me: 'rgb(255, 214, 0)', lo: 'rgb(0, 229, 255)' };
const FLASH = { hi: '0.5s', me: '2s', lo: 'steady' };

async function mount(alarms: BannerAlarm[] = []) {
  const el = document.createElement('ir-alarm-banner') as IrAlarmBanner;
  el.lang = 'en';
  el.alarms = alarms;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/**
 * Counts the bursts each priority has sounded, from the audio graph: every
 * pulse starts an oscillator at the priority's fundamental.
 */
function listen() {
  const oscillators: OscillatorNode[] = [];
  const create = BaseAudioContext.prototype.createOscillator;
  BaseAudioContext.prototype.createOscillator = function (this: BaseAudioContext) {
    const o = create.call(this);
    oscillators.push(o);
    return o;
  };
  const pulses = (p: 'hi' | 'me') => oscillators.filter((o) => Math.abs(o.frequency.value - FUNDAMENTAL_HZ[p]) < 0.01).length;
  return {
    bursts: () => ({ hi: pulses('hi') / burst('hi').length, me: pulses('me') / burst('me').length }),
    stop: () => void (BaseAudioContext.prototype.createOscillator = create),
  };
}

async function enableSound(el: IrAlarmBanner) {
  el.sound = true;
  await el.updateComplete;
  part(el, 'sound')!.focus();
  await sendKeys({ press: 'Enter' });
  // The audio context resumes asynchronously after the gesture.
  await waitUntil(() => part(el, 'sound')!.getAttribute('aria-pressed') === 'true', 'the audio context to resume');
}

const channels = ['nerve', 'skin', 'probe'].map((id) => ({ id, label: id, unit: 'Cel', intervalMs: 100, range: [-200, 150] as const }));
const cold = (id: string, channel: string, priority: AlarmRule['priority'], latching = true): AlarmRule => ({
  id, channel, priority, latching, kind: 'phy', condition: { kind: 'below', limit: 10 }, onsetDelayMs: 0, hysteresis: 1, message: { en: `${id} below 10 °C`, fr: `${id} sous 10 °C` },
});
const at = (channel: string, t: number, v: number) => ({ channel, t: Float64Array.of(t), v: Float32Array.of(v) });

describe('ir-alarm-banner: every unacknowledged alarm is signalled (issue 9.1)', () => {
  it('no present, unacknowledged alarm without its own visual signal and acknowledge control, whatever else is present (property)', async () => {
    const el = await mount();
    const alarm = fc.record({
      priority: fc.constantFrom<BannerAlarm['priority']>('hi', 'me', 'lo'),
      kind: fc.constantFrom<BannerAlarm['kind']>('phy', 'tec'),
      presence: fc.constantFrom<BannerAlarm['presence']>('on', 'latch', 'ack'),
      onset: fc.integer({ min: 0, max: 10_000 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(alarm, { maxLength: 8 }), async (xs) => {
        el.alarms = xs.map((x, i) => ({ ...x, id: `a${i}`, message: `alarm ${i}` }));
        await el.updateComplete;
        for (const a of el.alarms) {
          const r = row(el, `${a.id}@${a.onset}`);
          expect(r, `${a.id} shown`).to.not.equal(null);
          expect(r!.dataset.priority).to.equal(a.priority);
          expect(signal(r!).background, `${a.id} in its priority's colour`).to.equal(COLOUR[a.priority]);
          if (a.presence === 'ack') {
            expect(signal(r!).flash).to.equal('steady');
            continue;
          }
          expect(signal(r!).flash, `${a.id} flashes at its priority`).to.equal(FLASH[a.priority]);
          const asked: AlarmCommand[] = [];
          const grab = (e: AlarmCommandEvent) => (asked.push(e.detail.command), e.preventDefault());
          el.addEventListener('ir-alarm-command', grab);
          r!.querySelector<HTMLElement>('[part="acknowledge"]')!.click();
          el.removeEventListener('ir-alarm-command', grab);
          expect(asked, 'its button acknowledges what it shows').to.deep.equal([{ type: 'acknowledge', id: a.id, occurrence: a.onset }]);
        }
      }),
      { numRuns: 150 },
    );
    el.remove();
  });

  it('a new high alarm beside an older acknowledged one flashes red and sounds its own burst', async () => {
    const m = new AlarmManager([cold('nerve-cold', 'nerve', 'hi'), cold('skin-cold', 'skin', 'hi')], channels);
    const el = await mount();
    el.manager = m;
    const audio = listen();
    try {
      await enableSound(el);
      m.ingest(at('nerve', 1000, 5));
      await el.updateComplete;
      expect(audio.bursts()).to.deep.equal({ hi: 1, me: 0 });
      m.command({ type: 'acknowledge', id: 'nerve-cold', occurrence: 1000 });
      m.ingest(at('skin', 2000, 5));
      await el.updateComplete;
      expect(part(el, 'banner')!.dataset.alarm, 'the unacknowledged one leads its priority').to.equal('skin-cold@2000');
      expect(signal(row(el, 'skin-cold@2000')!)).to.deep.equal({ background: COLOUR.hi, flash: '0.5s' });
      expect(signal(row(el, 'nerve-cold@1000')!)).to.deep.equal({ background: COLOUR.hi, flash: 'steady' });
      expect(audio.bursts(), 'the new alarm is heard').to.deep.equal({ hi: 2, me: 0 });
    } finally {
      audio.stop();
      el.remove();
    }
  });

  it('with an older latched high alarm, a new one is signalled, and each acknowledge button acts on its own', async () => {
    const m = new AlarmManager([cold('nerve-cold', 'nerve', 'hi'), cold('skin-cold', 'skin', 'hi')], channels);
    const el = await mount();
    el.manager = m;
    const audio = listen();
    try {
      await enableSound(el);
      m.ingest(at('nerve', 1000, 5));
      m.ingest(at('nerve', 1500, 12));
      await el.updateComplete;
      m.ingest(at('skin', 2000, 5));
      await el.updateComplete;
      expect(m.present.value.map((a) => a.state.presence)).to.deep.equal(['latch', 'on']);
      expect(part(el, 'banner')!.dataset.alarm).to.equal('nerve-cold@1000');
      expect(signal(row(el, 'skin-cold@2000')!).flash).to.equal('0.5s');
      expect(audio.bursts().hi, 'each occurrence sounds once as it comes').to.equal(2);
      part(el, 'acknowledge')!.click();
      await el.updateComplete;
      expect(m.present.value.map((a) => `${a.rule.id}:${a.state.presence}`), 'the band acknowledged what it showed').to.deep.equal(['skin-cold:on']);
      expect(signal(part(el, 'banner')!)).to.deep.equal({ background: COLOUR.hi, flash: '0.5s' });
    } finally {
      audio.stop();
      el.remove();
    }
  });

  it('a medium alarm joining a sounding high one sounds its own medium burst', async () => {
    const m = new AlarmManager([cold('nerve-cold', 'nerve', 'hi'), cold('skin-cool', 'skin', 'me', false)], channels);
    const el = await mount();
    el.manager = m;
    const audio = listen();
    try {
      await enableSound(el);
      m.ingest(at('nerve', 1000, 5));
      await el.updateComplete;
      m.ingest(at('skin', 2000, 5));
      await el.updateComplete;
      expect(audio.bursts()).to.deep.equal({ hi: 1, me: 1 });
      expect(signal(row(el, 'skin-cool@2000')!)).to.deep.equal({ background: COLOUR.me, flash: '2s' });
    } finally {
      audio.stop();
      el.remove();
    }
  });
});

describe('ir-alarm-banner: technical alarms at their own priority (issue 8)', () => {
  it('shows each technical alarm on its own line, in its priority\'s colour and flash, with its own acknowledge button', async () => {
    const el = await mount([
      { id: 'nerve', priority: 'hi', kind: 'phy', message: 'Nerve cold', presence: 'on', onset: 1000 },
      { id: 'connection', priority: 'hi', kind: 'tec', message: 'Connection lost', presence: 'on', onset: 1500 },
      { id: 'skin:stale', priority: 'me', kind: 'tec', message: 'Skin: no data', presence: 'on', onset: 1200 },
    ]);
    const technical = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="technical"]')];
    expect(technical.map((t) => [t.dataset.alarm, signal(t).background, signal(t).flash])).to.deep.equal([
      ['connection@1500', COLOUR.hi, '0.5s'],
      ['skin:stale@1200', COLOUR.me, '2s'],
    ]);
    expect(technical[0].textContent).to.contain('Technical: Connection lost');
    const asked: AlarmCommand[] = [];
    el.addEventListener('ir-alarm-command', (e) => asked.push(e.detail.command));
    technical[0].querySelector<HTMLElement>('[part="acknowledge"]')!.click();
    expect(asked).to.deep.equal([{ type: 'acknowledge', id: 'connection', occurrence: 1500 }]);
    el.remove();
  });
});

describe('ir-alarm-banner: alarm paused lists what is present (issue 12)', () => {
  it('lists every present alarm, technical ones included, without colour, flash or sound', async () => {
    const m = new AlarmManager([cold('nerve-cold', 'nerve', 'hi')], channels);
    const el = await mount();
    el.manager = m;
    const audio = listen();
    try {
      await enableSound(el);
      m.command({ type: 'pause-alarms', ms: 120_000 });
      m.ingest(at('nerve', 1000, 5));
      m.fault('nerve', 1100, 'stale');
      // A higher priority than any present at the pause ended it: pause again with the high one present.
      m.command({ type: 'pause-alarms', ms: 120_000 });
      await el.updateComplete;
      const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="paused-alarm"]')];
      expect(items.map((i) => i.textContent)).to.deep.equal(['High priority: nerve-cold below 10 °C', 'Medium priority: Technical: nerve: no data']);
      for (const i of items) expect(signal(i)).to.deep.equal({ background: 'rgba(0, 0, 0, 0)', flash: 'steady' });
      const before = audio.bursts();
      m.ingest(at('probe', 2000, 5));
      await el.updateComplete;
      expect(audio.bursts(), 'nothing sounds while alarms are paused').to.deep.equal(before);
      expect(part(el, 'message')!.textContent).to.match(/^Alarms paused \d:\d\d · 2 present$/);
    } finally {
      audio.stop();
      el.remove();
    }
  });
});

describe('ir-alarm-banner in a room that replays what the page missed', () => {
  it('says it is catching up where it would say there is no alarm, and sounds and announces only what is present once live', async () => {
    const t = document.createElement('ir-telemetry') as IrTelemetry;
    t.channels = channels;
    t.rules = [cold('nerve-cold', 'nerve', 'hi'), cold('skin-cold', 'skin', 'hi')];
    const el = document.createElement('ir-alarm-banner') as IrAlarmBanner;
    el.lang = 'en';
    t.append(el);
    document.body.append(t);
    await el.updateComplete;
    const audio = listen();
    const announced = () => el.shadowRoot!.querySelector('[aria-live="assertive"]')!.textContent;
    try {
      await enableSound(el);
      expect(part(el, 'message')!.textContent).to.equal('No active alarm');
      t.room.replaying.next(1200);
      await el.updateComplete;
      expect(part(el, 'message')!.textContent).to.equal('Catching up…');
      // Passed in the replay: one alarm acknowledged since, one still present.
      t.manager.ingest(at('nerve', 1000, 5));
      t.manager.ingest(at('skin', 1000, 5));
      await el.updateComplete;
      t.manager.command({ type: 'acknowledge', id: 'nerve-cold', occurrence: 1000 });
      await el.updateComplete;
      expect(audio.bursts().hi, 'nothing sounds while it replays').to.equal(0);
      expect(announced(), 'nothing announced while it replays').to.equal('');
      t.room.replaying.next(0);
      await el.updateComplete;
      expect(audio.bursts().hi, 'what is present once live is heard, once').to.equal(1);
      expect(announced()).to.equal('High priority: skin-cold below 10 °C');
    } finally {
      audio.stop();
      t.remove();
    }
  });
});
