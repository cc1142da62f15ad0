import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import '../../src/components/cement-gauge.js';
import '../../src/components/telemetry.js';
import type { IrCementGauge } from '../../src/components/cement-gauge/cement-gauge.js';
import { cementChannels } from '../../src/models/cement/plan.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { drawn, fixture, waitUntil } from '../kit/fixture.js';
import { TWO_LEVELS } from '../kit/cement-plan.js';
import { dataEpoch } from '../kit/clock.js';

// Recent: a gateway's data is checked against the wall clock (a minute ahead, a day behind at most).
const T0 = dataEpoch(60_000);
const plan = TWO_LEVELS;

/** The same injection as wire lines (with their sequence numbers) and as room input. */
const seq = new Map<string, number>();
type Item = { line: string; input: RoomInput };
const samples = (channel: string, unit: string, t: number[], v: number[]): Item => {
  const s = seq.get(channel) ?? 0;
  seq.set(channel, s + 1);
  return { line: JSON.stringify({ ver: 1, type: 'samples', channel, seq: s, unit, t, v }), input: { channel, unit, t: Float64Array.from(t), v: Float32Array.from(v) } };
};
const event = (t: number, kind: string, text: string): Item => {
  const s = seq.get('cement') ?? 0;
  seq.set('cement', s + 1);
  return { line: JSON.stringify({ ver: 1, type: 'event', channel: 'cement', seq: s, t, kind, text }), input: { type: 'event', channel: 'cement', t, kind, text } };
};
const ramp = (from: number, n: number, v0: number, perSample: number) => ({ t: Array.from({ length: n }, (_, i) => from + i * 20), v: Array.from({ length: n }, (_, i) => v0 + i * perSample) });

const before: Item[] = [
  event(T0, 'mix', 'cement=PMMA'),
  event(T0 + 1000, 'site', 'site=T12'),
  samples('vol-T12', 'mL', ramp(T0 + 1000, 50, 0, 0.05).t, ramp(T0 + 1000, 50, 0, 0.05).v),
  samples('pressure', 'mm[Hg]', [T0 + 1000, T0 + 1005], [3000, 3100]),
];
const after: Item[] = [
  samples('vol-T12', 'mL', [T0 + 3000], [2.6]),
  event(T0 + 3100, 'done', 'site=T12'),
  samples('vol-L1', 'mL', ramp(T0 + 3200, 40, 0.05, 0.05).t, ramp(T0 + 3200, 40, 0.05, 0.05).v),
  event(T0 + 4000, 'leak', 'site=L1; source=operator'),
];

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const seen = async (el: IrCementGauge) => {
  el.requestUpdate();
  await drawn(el);
  const words = (name: string) => [...el.shadowRoot!.querySelectorAll(`[part="${name}"]`)].map((x) => x.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');
  return { total: words('total'), sites: words('site'), paused: words('paused'), pressure: words('pressure'), leaks: el.record!.leaks.map((k) => k.t), bar: el.barOf('total')!.fillWidth };
};

describe('ir-cement-gauge over the wire', () => {
  it('shows through ir-telemetry from a loopback WebSocket what it shows fed by .source, across a reconnect with duplicates', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    const port = await executeServerCommand<number, unknown>('ws-port');
    const tel = await fixture('ir-telemetry', (t) => {
      t.channels = cementChannels(plan);
      t.src = `ws://127.0.0.1:${port}`;
    });
    const wired = await fixture('ir-cement-gauge', (el) => {
      el.style.width = '500px';
      el.plan = plan;
    }, tel);
    await waitUntil(() => tel.state === 'live', 'live');
    await executeServerCommand('ws-send', { lines: before.map((x) => x.line) });
    await waitUntil(() => (wired.record?.totalMl ?? 0) > 2.4, 'the first site');
    await executeServerCommand('ws-close-all');
    await waitUntil(() => tel.state !== 'live', 'the socket closed');
    await waitUntil(() => tel.state === 'live', 'reconnected', 8000);
    // A gateway replaying after a reconnect: everything again, then what is new.
    await executeServerCommand('ws-send', { lines: [...before, ...after].map((x) => x.line) });
    await waitUntil(() => (wired.record?.leaks.length ?? 0) > 0, 'the leak');

    const source = new Subject<RoomInput>();
    const direct = await fixture('ir-cement-gauge', (el) => {
      el.style.width = '500px';
      el.plan = plan;
      el.channels = cementChannels(plan);
      el.source = source;
    });
    for (const x of [...before, ...after]) source.next(x.input);

    const a = await seen(wired);
    const b = await seen(direct);
    expect(a).to.deep.equal(b);
    const l = wired.record!;
    expect(l.totalMl).to.be.closeTo(l.sites.reduce((s, x) => s + x.volumeMl, 0), 1e-9);
    expect(l.sites.find((s) => s.site.id === 'T12')!.volumeMl).to.be.closeTo(2.6, 1e-6);
    expect(l.sites.find((s) => s.site.id === 'L1')!.volumeMl).to.be.closeTo(2.0, 1e-6);
    expect(l.totalMl).to.be.closeTo(4.6, 1e-6);
    expect(a.pressure, 'mm[Hg] converted exactly').to.contain('413');
    expect(part(wired, 'paused')!.textContent).to.contain('LEAK');
    tel.remove();
    direct.remove();
  });
});
