// Removing every panel half-way through a procedure stops nothing: its engine belongs to the room.
// Two ir-telemetry rooms are fed the same recorded procedure; in one the panel stays, in the other it
// is removed half-way and attached again at the end. Alarms, derived channels and what the panel
// shows must not differ, and both rooms' engines agree exactly.
import { expect } from '@esm-bundle/chai';
import { Subject, VirtualTimeScheduler } from 'rxjs';
import '../../src/components/telemetry.js';
import '../../src/components/cement-gauge.js';
import '../../src/components/pulse-trace.js';
import type { IrTelemetry } from '../../src/components/telemetry/telemetry.js';
import type { ChannelDescriptor } from '../../src/models/channel.js';
import { cementChannels, workingLeftChannel } from '../../src/models/cement/plan.js';
import { DEFAULT_CEMENT } from '../../src/models/cement/setting.js';
import { pulseChannels } from '../../src/models/pulses/channels.js';
import { cementSimulation, vertebroplastyScript } from '../../src/sim.js';
import { ire } from '../../src/sim.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { drawn, fixture } from '../kit/fixture.js';
import { dataEpoch } from '../kit/clock.js';
import { played } from './pulse-helpers.js';

const MIN = 60_000;
const T0 = dataEpoch();
const timeOf = (x: RoomInput) => ('t0' in x ? x.t0 : typeof x.t === 'number' ? x.t : x.t[0]);

/** A room fed by hand, and every alarm onset in it (id and data time). */
async function room(channels: ChannelDescriptor[]) {
  const source = new Subject<RoomInput>();
  const tel = await fixture('ir-telemetry', (t) => {
    t.channels = channels;
    t.source = source;
  });
  const onsets: string[] = [];
  tel.manager.changes.subscribe((c) => c.previous === 'off' && c.state.presence !== 'off' && onsets.push(`${c.rule.id}@${c.t - T0}`));
  return { tel, source, onsets };
}

const text = (el: Element, part: string) => [...el.shadowRoot!.querySelectorAll(`[part="${part}"]`)].map((e) => e.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');
const engineOf = (tel: IrTelemetry, kind: string) => JSON.stringify(tel.room.engine(kind));

describe('procedures without their panels', () => {
  it('cementoplasty: leak and working-time alarms on time, derived channels published, a panel attached again shows the same volumes', async () => {
    const script = vertebroplastyScript();
    const plan = script.plan;
    const clock = new VirtualTimeScheduler(undefined, script.durationMin * MIN);
    const input: RoomInput[] = [];
    cementSimulation(script, { t0: T0, speed: 60, scheduler: clock }).subscribe((x) => input.push(x));
    clock.flush();
    const channels = cementChannels(plan, { volumeMs: 20, pressureMs: 5 });
    const stay = await room(channels);
    const go = await room(channels);
    const stayed = await fixture('ir-cement-gauge', (g) => (g.plan = plan), stay.tel);
    let gauge = await fixture('ir-cement-gauge', (g) => (g.plan = plan), go.tel);
    // Half-way: 6 min, before the leak (6.4 min) and the working-time warning (7.5 min).
    for (const x of input) {
      if (timeOf(x) >= T0 + 6 * MIN && gauge.isConnected) gauge.remove();
      stay.source.next(x);
      go.source.next(x);
    }
    expect(go.tel.querySelector('ir-cement-gauge')).to.equal(null);
    const working = (DEFAULT_CEMENT.liquidMin + DEFAULT_CEMENT.pasteMin - 1) * MIN;
    const leak = go.onsets.find((o) => o.startsWith('cement:leak:1@'));
    expect(leak).to.equal(`cement:leak:1@${6.4 * MIN}`);
    const low = Number(go.onsets.find((o) => o.startsWith('cement.working-left:low@'))?.split('@')[1]);
    expect(low).to.be.within(working, working + 250);
    expect(go.onsets).to.deep.equal(stay.onsets);
    const left = go.tel.room.store(workingLeftChannel(plan))!;
    expect(left.lastT, 'the working time left published to the end').to.be.at.least(T0 + script.durationMin * MIN - 250);
    expect(left.lastV).to.equal(0);
    gauge = await fixture('ir-cement-gauge', (g) => (g.plan = plan), go.tel);
    await drawn(gauge);
    await drawn(stayed);
    for (const part of ['total', 'site', 'paused']) expect(text(gauge, part), part).to.equal(text(stayed, part));
    expect(gauge.record).to.deep.equal(stayed.record);
    expect(engineOf(go.tel, 'cement')).to.equal(engineOf(stay.tel, 'cement'));
    stay.tel.remove();
    go.tel.remove();
  });

  it('electroporation: arrhythmia and incomplete-pair alarms on time, a panel attached again shows the same pulses', async () => {
    const s = ire(T0);
    const input = played(s);
    const channels = pulseChannels(s.layout);
    const stay = await room(channels);
    const go = await room(channels);
    const setup = (el: HTMLElementTagNameMap['ir-pulse-trace']) => {
      el.style.width = '800px';
      el.layout = s.layout;
      el.protocol = s.protocol;
    };
    const stayed = await fixture('ir-pulse-trace', setup, stay.tel);
    let trace = await fixture('ir-pulse-trace', setup, go.tel);
    const half = s.t0 + 60_000;
    for (const x of input) {
      if (timeOf(x) >= half && trace.isConnected) trace.remove();
      stay.source.next(x);
      go.source.next(x);
    }
    const arrhythmia = s.sync.find((x) => x.state === 'arrhythmia')!.t;
    expect(arrhythmia).to.be.above(half);
    // Status values come every 250 ms and carry what happened before them.
    const statusAfter = (t: number) => Math.ceil((t - s.t0) / 250) * 250;
    expect(go.onsets).to.include(`ep-ecg-sync@${statusAfter(arrhythmia)}`);
    expect(go.onsets).to.include(`ep-pair-incomplete@${statusAfter(s.trainEnd)}`);
    expect(go.onsets).to.deep.equal(stay.onsets);
    trace = await fixture('ir-pulse-trace', setup, go.tel);
    await drawn(trace);
    await drawn(stayed);
    expect(trace.pulses).to.have.length(414);
    expect(trace.pulses).to.deep.equal(stayed.pulses);
    expect(trace.summaries).to.deep.equal(stayed.summaries);
    expect(text(trace, 'summary')).to.equal(text(stayed, 'summary'));
    expect(text(trace, 'table')).to.equal(text(stayed, 'table'));
    expect(engineOf(go.tel, 'pulses')).to.equal(engineOf(stay.tel, 'pulses'));
    stay.tel.remove();
    go.tel.remove();
  });

  it('a panel given a source that replays its whole history when subscribed keeps every pulse', async () => {
    const s = ire(T0);
    const { ReplaySubject } = await import('rxjs');
    const history = new ReplaySubject<RoomInput>();
    for (const x of played(s)) history.next(x);
    const el = await fixture('ir-pulse-trace', (el) => {
      el.style.width = '800px';
      el.layout = s.layout;
      el.protocol = s.protocol;
      el.source = history;
    });
    await drawn(el);
    expect(el.pulses).to.have.length(414);
    expect(el.summaries.map((x) => x.state)).to.deep.equal(['done', 'done', 'done', 'done', 'done', 'failed']);
    el.remove();
  });
});
