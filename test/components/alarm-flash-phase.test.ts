import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import { Subject } from 'rxjs';
import '../../src/components/telemetry.js';
import '../../src/components/trend.js';
import '../../src/components/alarm-banner.js';
import type { IrTelemetry } from '../../src/components/telemetry/telemetry.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import type { IrAlarmBanner } from '../../src/components/alarm-banner/alarm-banner.js';
import type { AlarmRule, Priority } from '../../src/models/alarm-rules.js';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import { waitUntil } from '../kit/fixture.js';

// Sent once a minute, so no sensor goes stale (a technical alarm of its own) while the test runs.
const channels: ChannelDescriptor[] = ['left', 'right'].map((id) => ({ id, label: `${id} nerve sensor`, unit: 'Cel', intervalMs: 60_000, range: [-50, 60] }));
// Juxtaneural temperature below 10 °C (Sag & Husain, Semin Intervent Radiol 2022), one rule per sensor.
const cold = (channel: string, priority: Priority): AlarmRule => ({
  id: `${channel}-cold`, channel, condition: { kind: 'below', limit: 10 }, priority, kind: 'phy',
  onsetDelayMs: 0, hysteresis: 1, latching: true, message: { en: `${channel} below 10 °C`, fr: `${channel} sous 10 °C` },
});
const at = (channel: string, t: number, v: number): SampleBatch => ({ channel, t: Float64Array.of(t), v: Float32Array.of(v) });
const PERIOD_MS = { hi: 500, me: 2000 } as const;

/** A room with a banner and one trend per sensor. */
async function room(priority: Priority) {
  const source = new Subject<SampleBatch>();
  const el = document.createElement('ir-telemetry') as IrTelemetry;
  el.channels = channels;
  el.rules = channels.map((c) => cold(c.id, priority));
  el.source = source;
  const banner = document.createElement('ir-alarm-banner') as IrAlarmBanner;
  const trends = channels.map((c) => {
    const trend = document.createElement('ir-trend') as IrTrend;
    trend.setAttribute('channel', c.id);
    trend.style.width = '300px';
    return trend;
  });
  el.append(banner, ...trends);
  document.body.append(el);
  await Promise.all([el, banner, ...trends].map((x) => x.updateComplete));
  return { el, source, banner, trends };
}

/** The flash running on a panel's alarm marker or on a banner row, once it has started (its start time known). */
function flash(host: Element, selector: string): Animation | undefined {
  const target = host.shadowRoot!.querySelector(selector);
  return target?.getAnimations().find((a) => (a as CSSAnimation).animationName === 'flash' && a.startTime !== null && a.playState === 'running');
}
const marker = (trend: IrTrend) => flash(trend, '[part="alarm"]');

/**
 * Resolves once a flash has started on the row or marker `selector` of `host`: after the
 * element's own listeners have seen the start (they were added first, when it connected).
 */
const started = (host: Element, selector: string) =>
  new Promise<void>((resolve) => host.shadowRoot!.addEventListener('animationstart', (e) => (e.target as Element).matches(selector) && resolve()));

/** Where in its period an animation is, ms (read in one task, all against the same frame time). */
const phase = (a: Animation, period: number) => Number(a.currentTime) % period;

describe('alarm flashes of one priority', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  for (const priority of ['hi', 'me'] as const)
    it(`blink in phase on two panels and the banner though raised at different moments (${priority})`, async () => {
      const period = PERIOD_MS[priority];
      const { el, source, banner, trends } = await room(priority);
      const [left, right] = trends;
      source.next(at('left', 1000, 8));
      await waitUntil(() => marker(left) !== undefined, 'the left marker to flash');
      // The second alarm comes well into the first one's period: started then, it would be out of step by about half of it.
      await waitUntil(() => phase(marker(left)!, period) > period * 0.4 && phase(marker(left)!, period) < period * 0.6, 'the left flash halfway through its period');
      const starting = [started(right, '[part="alarm"]'), started(banner, '[part="alarm"]')];
      source.next(at('right', 1100, 8));
      await Promise.all(starting);
      const phases = [marker(left)!, marker(right)!, flash(banner, '[part="banner"]')!, flash(banner, '[part="alarm"]')!].map((a) => phase(a, period));
      expect(phases.map((p) => Math.round(p)), 'left marker, right marker, banner band, banner line').to.deep.equal(Array(4).fill(Math.round(phases[0])));
      expect(getComputedStyle(right.shadowRoot!.querySelector('[part="alarm"]')!).animationDuration).to.equal(`${period / 1000}s`);
      el.remove();
    });

  it('stop on a panel once its alarm is acknowledged, and never run under prefers-reduced-motion', async () => {
    const { el, source, banner, trends } = await room('hi');
    source.next(at('left', 1000, 8));
    await waitUntil(() => marker(trends[0]) !== undefined, 'the left marker to flash');
    banner.shadowRoot!.querySelector<HTMLElement>('[part="acknowledge"]')!.click();
    await waitUntil(() => trends[0].acknowledged, 'the acknowledgement to reach the panel');
    await trends[0].updateComplete;
    expect(getComputedStyle(trends[0].shadowRoot!.querySelector('[part="alarm"]')!).animationName).to.equal('none');
    await emulateMedia({ reducedMotion: 'reduce' });
    source.next(at('right', 1100, 8));
    await waitUntil(() => trends[1].alarm === 'hi', 'the right panel in alarm');
    await trends[1].updateComplete;
    const shown = trends[1].shadowRoot!.querySelector('[part="alarm"]')!;
    expect(getComputedStyle(shown).animationName).to.equal('none');
    expect(shown.textContent).to.equal('*** right below 10 °C');
    el.remove();
  });
});
