// Issue 20 faults, end to end: `ir-telemetry src` on the tests' real WebSocket gateway
// (test/servers/ws-server-plugin.mjs), with a trend and an alarm banner inside. What
// test/streams/data-path-faults.test.ts covers (restarts, clock skew, framing, hostile
// names) is not repeated: here a dropped connection, a stalled source, a burst and a
// hidden tab, each judged by what the page shows and reports.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { VirtualTimeScheduler } from 'rxjs';
import '../../src/components/telemetry.js';
import '../../src/components/trend.js';
import '../../src/components/alarm-banner.js';
import type { IrTelemetry } from '../../src/components/telemetry/telemetry.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import { FrameController } from '../../src/components/kit/frame-scheduler.js';
import type { AlarmRule } from '../../src/models/alarm-rules.js';
import type { ChannelDescriptor } from '../../src/models/channel.js';
import { encodeWireLine } from '../../src/models/wire.js';
import type { TechnicalDetail } from '../../src/streams/room/room.js';
import { canvasOf, countColour, drawn, nextFrame, waitUntil } from '../kit/fixture.js';
import { untilClients } from '../streams/ws-helpers.js';

const SERIES_1: [number, number, number] = [0x4f, 0xc3, 0xf7];
const send = (messages: string[]) => executeServerCommand('ws-send-messages', messages);
const record = (figures: Record<string, unknown>) => executeServerCommand('record-figures', { name: 'faults', figures });

/** One wire line of `probe` samples at `t` (data time), values from `v`. */
const line = (seq: number, t: number[], v: (t: number, i: number) => number) =>
  encodeWireLine({ type: 'samples', channel: 'probe', seq, unit: 'Cel', t: Float64Array.from(t), v: Float32Array.from(t, v) });
const times = (from: number, n: number, stepMs: number) => Array.from({ length: n }, (_, i) => from + i * stepMs);

interface Mounted {
  room: IrTelemetry;
  trend: IrTrend;
  technical: TechnicalDetail[];
  states: string[];
  /** Rule ids of the alarms raised, in order. */
  raised: string[];
}

/** A room on the gateway with a trend of `probe` (and a banner), live, the server holding its one socket. */
async function mount(channel: ChannelDescriptor, setup: (room: IrTelemetry, trend: IrTrend) => void = () => {}): Promise<Mounted> {
  const room = document.createElement('ir-telemetry');
  const trend = document.createElement('ir-trend');
  trend.setAttribute('channel', channel.id);
  trend.style.width = '600px';
  room.append(document.createElement('ir-alarm-banner'), trend);
  room.channels = [channel];
  const technical: TechnicalDetail[] = [];
  const states: string[] = [];
  room.addEventListener('ir-technical', (e) => technical.push(e.detail));
  room.addEventListener('ir-connection-state', () => states.push(room.state));
  // The room is made on first use, with the scheduler and window set by then.
  setup(room, trend);
  const raised: string[] = [];
  room.manager.changes.subscribe((c) => c.previous === 'off' && raised.push(c.rule.id));
  room.src = `ws://127.0.0.1:${await executeServerCommand<number, unknown>('ws-port')}`;
  document.body.append(room);
  await waitUntil(() => room.state === 'live', () => `live (states ${states})`);
  await untilClients(1);
  return { room, trend, technical, states, raised };
}

describe('faults through a real gateway (issue 20)', () => {
  let m: Mounted | undefined;
  afterEach(() => {
    m?.room.remove();
    m = undefined;
  });

  it('a dropped connection: reconnects, the missing numbers are a technical event, the gap is drawn as a gap', async () => {
    const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] };
    m = await mount(probe, (_, trend) => (trend.window = 20));
    const { room, trend, technical, states, raised } = m;
    const base = Date.now() - 15_000;
    const v = (t: number) => 36 + ((t - base) % 2000) / 1000;
    await send([line(0, times(base, 10, 100), v), line(1, times(base + 1000, 10, 100), v), line(2, times(base + 2000, 10, 100), v)]);
    await waitUntil(() => room.room.store('probe')!.length === 30, 'the first 3 s');
    await executeServerCommand('ws-close-all');
    await waitUntil(() => states.includes('reconnecting') && room.state === 'live', () => `reconnected (states ${states})`);
    await untilClients(1);
    // Lines 3 to 5 were lost with the connection: the gateway goes on from 6, 3 s later in data time.
    await send([line(6, times(base + 6000, 10, 100), v), line(7, times(base + 7000, 10, 100), v), line(8, times(base + 8000, 10, 100), v)]);
    await waitUntil(() => room.room.store('probe')!.length === 60, 'the 3 s after the reconnect');
    expect(technical.filter((d) => d.type === 'sequence')).to.deep.equal([{ type: 'sequence', channel: 'probe', seq: 6, reason: 'gap', missing: 3 }]);
    expect(raised, 'the lost gateway is a technical alarm').to.deep.equal(['connection']);
    await drawn(trend);
    const canvas = canvasOf(trend);
    const x = (ms: number) => trend.positionOf('probe', base + ms, 0)!.x;
    expect(countColour(canvas, SERIES_1, x(300), x(2600)), 'before the drop').to.be.above(20);
    expect(countColour(canvas, SERIES_1, x(6300), x(8600)), 'after the reconnect').to.be.above(20);
    // Nothing from 2.9 s to 6 s: no line joins the two ends.
    expect(countColour(canvas, SERIES_1, x(3200), x(5700)), 'the gap').to.equal(0);
    await record({ reconnect: { passed: true, sequenceGap: 3 } });
  });

  it('a source that stalls is stale once silent for its interval times the factor, not sooner (virtual time)', async () => {
    // 500 ms x 3 = 1.5 s, above the room's 1 s minimum silence: the configured figure decides.
    const slow: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 500, range: [-200, 150] };
    const clock = new VirtualTimeScheduler();
    const advanceTo = (frame: number) => {
      clock.schedule(() => {}, frame - clock.now());
      clock.maxFrames = frame;
      clock.flush();
    };
    m = await mount(slow, (room) => (room.scheduler = clock));
    const { room, trend, technical } = m;
    const base = Date.now() - 10_000;
    await send([line(0, times(base, 5, 500), () => 37)]);
    await waitUntil(() => room.room.store('probe')!.length === 5, 'the samples before the stall');
    const arrived = room.room.qualityOf('probe').arrivedAt;
    const stale = () => technical.filter((d) => d.type === 'quality' && d.quality === 'stale');
    advanceTo(arrived + 1499);
    expect(stale(), 'silent 1.499 s').to.deep.equal([]);
    expect(room.room.qualityOf('probe').quality).to.equal('valid');
    advanceTo(arrived + 1500);
    expect(stale()).to.deep.equal([{ type: 'quality', channel: 'probe', quality: 'stale', t: base + 2000 + 1500 }]);
    await drawn(trend);
    const readout = trend.shadowRoot!.querySelector('[part="readout"]')!;
    expect(readout.hasAttribute('data-stale'), 'shown as stale').to.equal(true);
    expect(readout.querySelector('[part="value"]')!.textContent, 'no value shown as live').to.equal('--');
    // Data again: valid again.
    await send([line(1, times(base + 2500, 2, 500), () => 37)]);
    await waitUntil(() => room.room.qualityOf('probe').quality === 'valid', 'valid again');
    await record({ stall: { passed: true, staleAfterMs: 1500 } });
  });

  it('a burst at 10 times the nominal rate: the store stays within its capacity and says so once, nothing valid refused, the page keeps drawing', async () => {
    const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] };
    // A window of 60 s: 601 samples at the nominal 10 Hz.
    m = await mount(probe, (room, trend) => ((room.window = 60), (trend.window = 60)));
    const { room, trend, technical } = m;
    const longest = longestTask();
    // 40 s of data at 100 Hz, a second a line, 4000 samples in all.
    const base = Date.now() - 50_000;
    const lines = Array.from({ length: 40 }, (_, s) => line(s, times(base + s * 1000, 100, 10), (t) => 30 + Math.floor((t - base) / 1000) / 2));
    const received: number[] = [];
    const sub = room.room.store('probe')!.batches.subscribe((b) => received.push(b.t.length));
    await send([lines.slice(0, 20).join('\n'), lines.slice(20).join('\n')]);
    await waitUntil(() => received.reduce((a, b) => a + b, 0) === 4000, () => `4000 samples (${received.reduce((a, b) => a + b, 0)})`);
    sub.unsubscribe();
    const store = room.room.store('probe')!;
    // Nothing valid refused; that the store keeps only the last 6 s of its 60 s window is said once.
    expect(technical.map((d) => d.type === 'technical' && d.reason)).to.deep.equal(['reduced']);
    expect(technical[0]).to.include({ channel: 'probe', count: 1 });
    expect((technical[0] as { detail: string }).detail).to.match(/^Probe comes faster than every 100 ms: the page keeps its latest 601 samples, 6 s of 60 s/);
    expect(store.length, 'bounded: the store holds its capacity, not the burst').to.equal(601);
    expect(store.lastT).to.equal(base + 39_990);
    // Read-outs change at a calm pace (the kit's calm tick): the latest value comes, it is not held back.
    const shown = () => trend.shadowRoot!.querySelector('[part="readout"] [part="value"]')!.textContent;
    await waitUntil(() => shown() === '49.5', () => `the latest value on screen (${shown()})`);
    await record({ burst: { passed: true, samples: 4000, rate: '10x', storeKept: store.length, heldMs: store.lastT - store.firstT, longestTaskMs: longest.stop() } });
  });

  it('hidden for ten minutes of data: alarms raised on data time, nothing drawn meanwhile, one draw on return', async () => {
    const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] };
    const hot: AlarmRule = { id: 'hot', channel: 'probe', condition: { kind: 'above', limit: 40 }, priority: 'hi', kind: 'phy', onsetDelayMs: 10_000, hysteresis: 1, latching: true, message: { en: 'Probe hot', fr: 'Sonde chaude' } };
    m = await mount(probe, (room, trend) => ((room.rules = [hot]), (trend.window = 600)));
    const { room, trend } = m;
    await drawn(trend);
    let draws = 0;
    const frame = FrameController.of(trend)!;
    const run = frame.run.bind(frame);
    frame.run = () => (draws++, run());
    const base = Date.now() - 11 * 60_000;
    const crossing = base + 5 * 60_000;
    hide(true);
    try {
      // Ten minutes at 10 Hz, a second a line, sixty lines a message: 6000 samples.
      const lines = Array.from({ length: 600 }, (_, s) => line(s, times(base + s * 1000, 10, 100), (t) => (t < crossing ? 37 : 45)));
      await send(Array.from({ length: 10 }, (_, k) => lines.slice(k * 60, k * 60 + 60).join('\n')));
      await waitUntil(() => room.room.store('probe')!.lastT === base + 599_900, 'ten minutes of data');
      const alarm = room.manager.present.value.find((a) => a.rule.id === 'hot');
      expect(alarm?.state.onset, 'raised at the crossing plus its onset delay, in data time').to.equal(crossing + 10_000);
      await nextFrame();
      await nextFrame();
      expect(draws, 'nothing drawn while hidden').to.equal(0);
    } finally {
      hide(false);
    }
    const t0 = performance.now();
    await waitUntil(() => draws > 0, 'a draw on return');
    const returnMs = performance.now() - t0;
    await nextFrame();
    await nextFrame();
    expect(draws, 'one draw of the latest state, no replay of the backlog').to.equal(1);
    const value = trend.shadowRoot!.querySelector('[part="readout"] [part="value"]')!.textContent;
    expect(value).to.equal('45.0');
    await record({ hidden: { passed: true, dataMinutes: 10, drawsOnReturn: draws, firstDrawAfterMs: Number(returnMs.toFixed(1)) } });
  });
});

/**
 * The page as the FrameController sees a background tab: `document.hidden` and
 * `visibilityState` (own properties shadowing the prototype's), and the event.
 */
function hide(on: boolean): void {
  if (on) {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  } else {
    delete (document as { hidden?: boolean }).hidden;
    delete (document as { visibilityState?: string }).visibilityState;
  }
  document.dispatchEvent(new Event('visibilitychange'));
}

/** The longest main-thread task from now until `stop()` (ms, Long Tasks API): a figure, never asserted. */
function longestTask(): { stop(): number } {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ type: 'longtask' });
  return {
    stop() {
      for (const e of observer.takeRecords()) longest = Math.max(longest, e.duration);
      observer.disconnect();
      return Math.round(longest);
    },
  };
}
