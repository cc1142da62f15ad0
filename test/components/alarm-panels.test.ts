import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { Subject } from 'rxjs';
import '../../src/components/telemetry.js';
import '../../src/components/trend.js';
import '../../src/components/alarm-banner.js';
import '../../src/components/alarm-log.js';
import type { IrTelemetry } from '../../src/components/telemetry/telemetry.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import type { IrAlarmBanner } from '../../src/components/alarm-banner/alarm-banner.js';
import type { IrAlarmLog } from '../../src/components/alarm-log/alarm-log.js';
import type { AlarmRule } from '../../src/models/alarm-rules.js';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import { untilClients } from '../streams/ws-helpers.js';
import { afterLangChange, waitUntil } from '../kit/fixture.js';

const channels: ChannelDescriptor[] = [{ id: 'nerve', label: 'Nerve sensor', unit: 'Cel', intervalMs: 100, range: [-50, 60] }];
// Juxtaneural temperature below 10 Cel is a high-priority alarm (Sag & Husain, Semin Intervent Radiol 2022).
const nerveCold: AlarmRule = {
  id: 'nerve-cold', channel: 'nerve', condition: { kind: 'below', limit: 10 }, priority: 'hi', kind: 'phy',
  onsetDelayMs: 0, hysteresis: 1, latching: true, message: { en: 'Nerve below 10 °C', fr: 'Nerf sous 10 °C' },
};
const at = (t: number, v: number): SampleBatch => ({ channel: 'nerve', t: Float64Array.of(t), v: Float32Array.of(v) });
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);

/** A room (on a page in `lang`, when given) with a banner, a trend and a log inside, fed from a Subject or a gateway; `ir-config-error` messages collected. */
async function room(options: { source?: Subject<SampleBatch>; src?: string; rules?: AlarmRule[]; channels?: ChannelDescriptor[]; lang?: string } = {}) {
  const el = document.createElement('ir-telemetry') as IrTelemetry;
  if (options.lang) el.lang = options.lang;
  const errors: string[] = [];
  el.addEventListener('ir-config-error', (e) => errors.push(e.detail.message));
  el.channels = options.channels ?? channels;
  el.rules = options.rules ?? [nerveCold];
  if (options.source) el.source = options.source;
  if (options.src) el.src = options.src;
  const banner = document.createElement('ir-alarm-banner') as IrAlarmBanner;
  const trend = document.createElement('ir-trend') as IrTrend;
  trend.setAttribute('channel', 'nerve');
  trend.style.width = '400px';
  const log = document.createElement('ir-alarm-log') as IrAlarmLog;
  el.append(banner, trend, log);
  document.body.append(el);
  await el.updateComplete;
  await Promise.all([banner.updateComplete, trend.updateComplete, log.updateComplete]);
  return { el, banner, trend, log, errors };
}

async function settled(...els: { updateComplete: Promise<boolean> }[]) {
  for (let i = 0; i < 2; i++) await Promise.all(els.map((e) => e.updateComplete));
}

describe('alarms across panels', () => {
  it('one acknowledgement on the banner reaches the trend and the log', async () => {
    const source = new Subject<SampleBatch>();
    const { el, banner, trend, log } = await room({ source });
    source.next(at(1000, 8));
    await settled(banner, trend, log);
    expect(part(banner, 'banner')!.dataset.priority).to.equal('hi');
    expect(trend.alarm).to.equal('hi');
    expect(part(trend, 'alarm')!.textContent).to.equal('*** Nerve below 10 °C');
    expect(log.entries).to.have.length(1);
    expect(log.entries[0]).to.include({ id: 'nerve-cold', onset: 1000, value: 8, limit: 10, unit: 'Cel' });

    part(banner, 'acknowledge')!.click();
    await settled(banner, trend, log);
    expect(part(banner, 'banner')!.hasAttribute('data-acknowledged')).to.equal(true);
    expect(trend.acknowledged).to.equal(true);
    expect(getComputedStyle(trend).outlineStyle).to.equal('dashed');
    expect(log.entries[0].acknowledged).to.equal(1000);

    source.next(at(2000, 12));
    await settled(banner, trend, log);
    expect(trend.alarm).to.equal(undefined);
    expect(log.entries[0].ended).to.equal(2000);
    el.remove();
  });

  it('keeps evaluating and logging while the panels are hidden; only drawing pauses', async () => {
    const source = new Subject<SampleBatch>();
    const { el, banner, trend, log } = await room({ source });
    for (const p of [banner, trend, log]) p.style.display = 'none';
    source.next(at(1000, 8));
    source.next(at(1500, 12));
    expect(el.manager.present.value.map((a) => `${a.rule.id}:${a.state.presence}`)).to.deep.equal(['nerve-cold:latch']);
    expect(log.entries[0]).to.include({ onset: 1000, ended: 1500 });
    for (const p of [banner, trend, log]) p.style.display = '';
    await settled(banner, trend);
    expect(part(banner, 'message')!.textContent).to.contain('Nerve below 10 °C');
    expect(part(banner, 'message')!.textContent).to.contain('ended, not acknowledged');
    el.remove();
  });

  it('raises the technical alarm when the sensor falls silent, beside the physiological one', async () => {
    const source = new Subject<SampleBatch>();
    const { el, banner } = await room({ source });
    source.next(at(1000, 8));
    await waitUntil(() => el.manager.present.value.some((a) => a.rule.id === 'nerve:stale'), 'the stale alarm', 3000);
    await settled(banner);
    expect(part(banner, 'message')!.textContent).to.contain('Nerve below 10 °C');
    expect(part(banner, 'technical')!.textContent).to.contain('Technical: Nerve sensor: no data');
    el.remove();
  });

  it('trend rules: limits drawn and alarms raised with no ir-telemetry around', async () => {
    const source = new Subject<SampleBatch>();
    const trend = document.createElement('ir-trend') as IrTrend;
    trend.channels = channels;
    trend.source = source;
    trend.rules = [{ ...nerveCold, id: 'nerve-hot', condition: { kind: 'above', limit: 45 }, priority: 'me', message: { en: 'Nerve above 45 °C', fr: 'Nerf au-dessus de 45 °C' } }];
    document.body.append(trend);
    await trend.updateComplete;
    source.next(at(1000, 50));
    await settled(trend);
    expect(trend.alarm).to.equal('me');
    trend.requestUpdate();
    await trend.updateComplete;
    expect(part(trend, 'summary')!.textContent).to.contain('above its limit');
    trend.remove();
  });

  it('refuses a bad rule with ir-config-error naming it, and stays up', async () => {
    const source = new Subject<SampleBatch>();
    const { el, trend } = await room({ source });
    const errors: string[] = [];
    el.addEventListener('ir-config-error', (e) => errors.push(e.detail.message));
    trend.rules = [{ ...nerveCold, id: 'inverted', condition: { kind: 'outside', low: 40, high: 10 } }];
    await trend.updateComplete;
    el.rules = [{ ...nerveCold, id: 'lost', channel: 'ecg' }];
    await el.updateComplete;
    expect(errors).to.deep.equal(["alarm rule 'inverted': inverted band: low 40 is not below high 10", "alarm rule 'lost': unknown channel 'ecg'"]);
    source.next(at(1000, 20));
    expect(trend.isConnected).to.equal(true);
    el.remove();
  });
});

describe('channel labels in the page language (issue 19)', () => {
  // Named in English and French: "Nerve TC" stayed English on French pages.
  const named: ChannelDescriptor = { ...channels[0], label: 'Nerve TC', labels: { fr: 'TC nerf' } };
  const text = (el: Element) => el.shadowRoot!.textContent!.replace(/[\u00a0\u202f]/g, ' ');

  it('on a French page, names the channel in French in the trend read-out and text, and in the banner and log of its alarm; in English after a switch', async () => {
    const source = new Subject<SampleBatch>();
    const { el, banner, trend, log, errors } = await room({ source, channels: [named], lang: 'fr' });
    source.next(at(1000, 20));
    // Beyond the physical range: invalid data, the channel's default technical alarm, worded from its labels.
    source.next(at(1100, 99));
    await waitUntil(() => el.manager.present.value.some((a) => a.rule.id === 'nerve:invalid'), 'the invalid-data alarm');
    trend.requestUpdate();
    await settled(banner, trend, log);
    expect(errors).to.deep.equal([]);
    expect(part(trend, 'label')!.textContent).to.equal('TC nerf');
    expect(part(trend, 'summary')!.textContent).to.contain('TC nerf');
    expect(text(banner)).to.contain('TC nerf : données invalides');
    expect(text(log)).to.contain('TC nerf : données invalides');
    expect(text(banner) + text(log) + text(trend), 'no English label left').not.to.contain('Nerve TC');

    el.lang = 'en';
    await afterLangChange(trend);
    await settled(banner, trend, log);
    expect(part(trend, 'label')!.textContent).to.equal('Nerve TC');
    expect(text(banner)).to.contain('Nerve TC: invalid data');
    expect(text(log)).to.contain('Nerve TC: invalid data');
    el.remove();
  });

  it('shows `label` in a language the channel has no entry for', async () => {
    const source = new Subject<SampleBatch>();
    const { el, trend } = await room({ source, channels: [named], lang: 'de' });
    source.next(at(1000, 20));
    await waitUntil(() => part(trend, 'value')!.textContent !== '--', 'the read-out');
    expect(part(trend, 'label')!.textContent).to.equal('Nerve TC');
    el.remove();
  });

  it('refuses an entry of `labels` that is no string with ir-config-error naming the channel, and keeps the channel and its data', async () => {
    const source = new Subject<SampleBatch>();
    const bad = { ...named, labels: { fr: 42, es: 'TC nervio' } } as unknown as ChannelDescriptor;
    const { el, trend, errors } = await room({ source, channels: [bad], lang: 'fr' });
    expect(errors).to.deep.equal(["channel 'nerve': labels.fr is a number, not a string: refused, 'Nerve TC' shown instead"]);
    source.next(at(1000, 20));
    await waitUntil(() => part(trend, 'value')!.textContent !== '--', 'the read-out');
    expect(part(trend, 'label')!.textContent, 'the refused entry is not shown').to.equal('Nerve TC');
    expect(el.room.descriptor('nerve')!.labels, 'the entries that could be read are kept').to.deep.equal({ es: 'TC nervio' });
    el.remove();
  });
});

describe('alarms between viewers over the wire', () => {
  before(() => executeServerCommand('ws-relay', true));
  after(() => executeServerCommand('ws-relay', false));

  it('an acknowledgement on one viewer reaches the other', async () => {
    await executeServerCommand('ws-terminate-all');
    await untilClients(0);
    const port = await executeServerCommand<number, unknown>('ws-port');
    const desk = await room({ src: `ws://127.0.0.1:${port}` });
    const proctor = await room({ src: `ws://127.0.0.1:${port}` });
    await waitUntil(() => desk.el.state === 'live' || proctor.el.state === 'live', 'sockets open');
    await untilClients(2);
    expect(desk.el.viewer, 'an id even outside a secure context').to.match(/^[0-9a-f]{16}$/).and.not.equal(proctor.el.viewer);
    const line = JSON.stringify({ ver: 1, type: 'samples', channel: 'nerve', seq: 0, unit: 'Cel', t: [1.7e12], v: [8] });
    await executeServerCommand('ws-send', { lines: [line] });
    await waitUntil(() => [desk, proctor].every((r) => r.el.manager.present.value[0]?.state.presence === 'on'), 'the alarm on both viewers');
    await settled(desk.banner);
    part(desk.banner, 'acknowledge')!.click();
    await waitUntil(() => proctor.el.manager.present.value[0]?.state.presence === 'ack', 'the acknowledgement at the proctor');
    await settled(proctor.banner, proctor.trend);
    expect(part(proctor.banner, 'banner')!.hasAttribute('data-acknowledged')).to.equal(true);
    expect(proctor.trend.acknowledged).to.equal(true);
    expect(proctor.log.entries[0].acknowledged).to.be.a('number');
    desk.el.remove();
    proctor.el.remove();
  });

  it('raises a technical alarm while the gateway connection is lost, and ends it on reconnect', async () => {
    const port = await executeServerCommand<number, unknown>('ws-port');
    const { el, banner } = await room({ src: `ws://127.0.0.1:${port}` });
    await waitUntil(() => el.state === 'live', 'the socket open');
    await executeServerCommand('ws-terminate-all');
    await waitUntil(() => el.manager.present.value.some((a) => a.rule.id === 'connection'), 'the connection alarm');
    await settled(banner);
    expect(part(banner, 'message')!.textContent).to.contain('Technical: Connection to the gateway lost');
    const outage = el.manager.present.value.find((a) => a.rule.id === 'connection')!.state.occurrence;
    await waitUntil(() => el.state === 'live', 'the reconnect');
    // One outage is one occurrence: it ends once the link has held for TECHNICAL_HOLD_MS (tested on virtual time in alarm-manager.test.ts).
    expect(el.manager.present.value.map((a) => `${a.rule.id}@${a.state.occurrence}`)).to.deep.equal([`connection@${outage}`]);
    el.remove();
  });
});
