import { expect } from '@esm-bundle/chai';
import { Subject, VirtualTimeScheduler } from 'rxjs';
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import '../../src/components/telemetry.js';
import { define } from '../../src/components/define.js';
import { roomContext } from '../../src/components/kit/room-context.js';
import type { ConnectionState } from '../../src/streams/room/room.js';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import { drawn, fixture, waitUntil } from '../kit/fixture.js';
import { registerEngine, type RoomEngine } from '../../src/streams/engines/registry.js';
import { encodeBinaryFrame } from '../../src/models/wire-frame.js';
import type { IrTechnicalEvent } from '../../src/components/kit/events.js';
import { dataEpoch } from '../kit/clock.js';

/** A stand-in panel: reads the room it is given by context, as every panel does. */
class RoomReader extends LitElement {
  consumer = new ContextConsumer(this, { context: roomContext, subscribe: true });
}
define('test-room-reader', RoomReader);
declare global {
  interface HTMLElementTagNameMap {
    'test-room-reader': RoomReader;
  }
}

const channels: ChannelDescriptor[] = [
  { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] },
  { id: 'skin', label: 'Skin', unit: 'Cel', intervalMs: 100, range: [-50, 60] },
];

const batch = (channel: string, t: number, v: number): SampleBatch => ({ channel, t: Float64Array.of(t), v: Float32Array.of(v) });

async function mounted(setup: (el: HTMLElementTagNameMap['ir-telemetry']) => void) {
  const el = await fixture('ir-telemetry', (el) => {
    el.channels = channels;
    setup(el);
  });
  const reader = await fixture('test-room-reader', () => {}, el);
  return { el, room: reader.consumer.value! };
}

describe('ir-telemetry', () => {
  it('hands each channel only its own batches, in one store per channel, and reports its state', async () => {
    const source = new Subject<SampleBatch>();
    const states: ConnectionState[] = [];
    const { el, room } = await mounted((el) => {
      el.source = source;
      el.addEventListener('ir-connection-state', (e) => states.push(e.detail.state));
    });
    const seen: number[] = [];
    const sub = room.store('probe')!.batches.subscribe((b) => seen.push(b.v[0]));
    source.next(batch('probe', 1, 10));
    source.next(batch('skin', 2, 33));
    source.next(batch('probe', 3, 11));
    expect(seen).to.deep.equal([10, 11]);
    expect(room.store('probe')!.length).to.equal(2);
    expect(el.state).to.equal('live');
    source.complete();
    expect(states).to.deep.equal(['connecting', 'live', 'closed']);
    sub.unsubscribe();
    el.remove();
  });

  it('never throws when defined twice', () => {
    class Other extends HTMLElement {}
    expect(() => define('ir-telemetry', Other)).to.not.throw();
    expect(customElements.get('ir-telemetry')).to.not.equal(Other);
  });

  it('keeps the samples of unchanged channels when the channels are reconfigured', async () => {
    const source = new Subject<SampleBatch>();
    const { el, room } = await mounted((el) => (el.source = source));
    source.next(batch('probe', 1, 10));
    el.channels = [channels[0], { ...channels[1], id: 'nerve', label: 'Nerve' }];
    await el.updateComplete;
    expect(room.store('probe')!.length).to.equal(1);
    expect(room.store('skin')).to.equal(undefined);
    expect(room.descriptor('nerve')?.label).to.equal('Nerve');
    el.remove();
  });
});

describe('ir-telemetry validation and quality', () => {
  it('keeps invalid values and unknown channels out, reports them, and goes stale on silence (virtual time)', async () => {
    const source = new Subject<SampleBatch>();
    const clock = new VirtualTimeScheduler(undefined, 1100);
    const reasons: string[] = [];
    const { el, room } = await mounted((el) => {
      el.scheduler = clock;
      el.source = source;
      el.addEventListener('ir-technical', ({ detail }) => reasons.push(detail.type === 'quality' ? `${detail.channel} ${detail.quality}` : String(detail.type === 'technical' ? detail.reason : detail.type)));
    });
    const seen: number[] = [];
    const sub = room.store('probe')!.batches.subscribe((b) => seen.push(...b.v));
    source.next({ channel: 'probe', t: Float64Array.of(1, 2, 3), v: Float32Array.of(10, NaN, 11) });
    source.next(batch('ecg', 4, 1));
    expect(seen).to.deep.equal([10, 11]);
    expect(reasons).to.deep.equal(['not-finite', 'unknown-channel']);
    expect(room.descriptor('skin')?.unit).to.equal('Cel');
    expect(el.state).to.equal('live');
    clock.flush();
    expect(el.state).to.equal('stale');
    expect(reasons.slice(2), 'the channels are stale too, the one that never sent included').to.have.members(['probe stale', 'skin stale']);
    expect(room.qualityOf('probe').quality).to.equal('stale');
    source.next(batch('probe', 5, 12));
    expect(el.state).to.equal('live');
    expect(reasons.slice(4)).to.deep.equal(['probe valid']);
    expect(room.qualityOf('probe').quality).to.equal('valid');
    sub.unsubscribe();
    el.remove();
  });

  it('carries waveforms, grids and events, each validated', async () => {
    const source = new Subject<Parameters<NonNullable<HTMLElementTagNameMap['ir-telemetry']['room']>['push']>[0]>();
    const reasons: string[] = [];
    const { el, room } = await mounted((el) => {
      el.source = source;
      el.addEventListener('ir-technical', ({ detail }) => detail.type === 'technical' && reasons.push(`${detail.channel} ${detail.reason} ${detail.count}`));
    });
    const grid = { kind: 'grid' as const, channel: 'skin', t: 1000, width: 2, height: 2, spacingMm: [1, 1] as const, originMm: [0, 0] as const, data: Float32Array.of(37, NaN, Infinity, 41) };
    source.next({ kind: 'waveform', channel: 'probe', t0: 1000, sampleRateHz: 1e6, data: Float32Array.of(0, 1000, 990) });
    source.next({ kind: 'waveform', channel: 'probe', t0: 1000, sampleRateHz: 1e6, data: Float32Array.of(0) });
    source.next({ kind: 'waveform', channel: 'probe', t0: 2000, sampleRateHz: 0, data: Float32Array.of(0) });
    source.next(grid);
    source.next({ ...grid, t: 2000, width: 4, height: 1 });
    source.next({ type: 'event', channel: 'skin', t: 1500, kind: 'phase', text: 'Thaw' });
    source.next({ type: 'event', channel: 'ecg', t: 1500, kind: 'phase', text: 'Thaw' });
    expect(room.waveforms('probe')!.items.map((w) => w.data.length)).to.deep.equal([3]);
    expect(room.grids('skin')!.latest?.t).to.equal(1000);
    expect(reasons).to.deep.equal(['probe time-backwards 1', 'probe bad-frame 1', 'skin not-finite 1', 'skin geometry-changed 1', 'ecg unknown-channel 1']);
    el.remove();
  });
});

describe('ir-telemetry with src', () => {
  it('connects once to a real WebSocket gateway, hands on samples and reports malformed lines', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    const port = await executeServerCommand<number, unknown>('ws-port');
    const technical: string[] = [];
    const states: ConnectionState[] = [];
    const clientsBefore = await executeServerCommand<number, unknown>('ws-clients');
    const { el, room } = await mounted((el) => {
      el.addEventListener('ir-technical', (e) => technical.push(e.detail.type));
      el.addEventListener('ir-connection-state', (e) => states.push(e.detail.state));
      el.src = `ws://127.0.0.1:${port}`;
    });
    const seen: number[] = [];
    const sub = room.store('probe')!.batches.subscribe((b) => seen.push(b.v[0]));
    await waitUntil(() => el.state === 'live', 'live');
    expect(states, 'one socket, opened once').to.deep.equal(['connecting', 'live']);
    expect((await executeServerCommand<number, unknown>('ws-clients')) - clientsBefore).to.equal(1);
    const now = Date.now();
    await executeServerCommand('ws-send', {
      lines: ['{not json', JSON.stringify({ ver: 1, type: 'samples', channel: 'probe', seq: 0, unit: 'Cel', t: [now], v: [-12.5] })],
    });
    await waitUntil(() => seen.length > 0, 'a sample');
    expect(seen).to.deep.equal([-12.5]);
    expect(technical).to.deep.equal(['parse-error']);
    sub.unsubscribe();
    const moved = document.createElement('section');
    document.body.append(moved);
    moved.append(el);
    // Past the microtask in which a removal lets go.
    await Promise.resolve();
    expect(states, 'moved in the page: the same socket, never closed').to.deep.equal(['connecting', 'live']);
    expect((await executeServerCommand<number, unknown>('ws-clients')) - clientsBefore, 'still one socket').to.equal(1);
    moved.remove();
    await waitUntil(() => el.state === 'closed', 'closed once removed');
    await waitUntil(async () => (await executeServerCommand<number, unknown>('ws-clients')) === clientsBefore, 'the socket closed at the gateway');
  });
});

describe('ir-telemetry given another gateway', () => {
  it('makes a room of its own: nothing of the procedure before stays, and the first socket closes', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    const port = await executeServerCommand<number, unknown>('ws-port');
    const clientsBefore = await executeServerCommand<number, unknown>('ws-clients');
    const { el } = await mounted((el) => (el.src = `ws://127.0.0.1:${port}/room-1`));
    await waitUntil(() => el.state === 'live', 'live');
    const first = el.room;
    await executeServerCommand('ws-send', { lines: [JSON.stringify({ ver: 1, type: 'samples', channel: 'probe', seq: 0, unit: 'Cel', t: [Date.now()], v: [-12.5] })] });
    await waitUntil(() => first.store('probe')?.length === 1, 'a sample from the first gateway');
    el.src = `ws://127.0.0.1:${port}/room-2`;
    await el.updateComplete;
    expect(el.room, 'a room of its own').to.not.equal(first);
    expect(el.room.store('probe')!.length, 'nothing of the first gateway').to.equal(0);
    await waitUntil(() => el.state === 'live', 'live on the second');
    await waitUntil(async () => (await executeServerCommand<number, unknown>('ws-clients')) - clientsBefore === 1, 'one socket: the first closed at its gateway');
    el.remove();
  });
});

describe('ir-telemetry given both a worker and nats', () => {
  it('says it follows no broker from a worker, rather than waiting for data that never comes', async () => {
    const errors: string[] = [];
    const { port1 } = new MessageChannel();
    const el = await fixture('ir-telemetry', (t) => {
      t.addEventListener('ir-config-error', (e) => errors.push(e.detail.message));
      t.worker = port1;
      t.nats = 'ws://127.0.0.1:9';
      t.procedure = 'room-1';
    });
    expect(errors).to.deep.equal(['<ir-telemetry>: nats is not followed with a worker: set one of them']);
    el.remove();
    port1.close();
  });
});

describe('ir-telemetry alarms across reconfiguration', () => {
  it('keeps one manager, and a latched alarm, when channels and rules are replaced', async () => {
    const source = new Subject<SampleBatch>();
    const { el } = await mounted((el) => {
      el.source = source;
      el.viewer = 'console-1';
      el.rules = [{ id: 'skin-cold', channel: 'skin', condition: { kind: 'below', limit: 30 }, priority: 'hi', kind: 'phy', onsetDelayMs: 0, hysteresis: 1, latching: true, message: { en: 'Skin cold', fr: 'Peau froide' } }];
    });
    const manager = el.manager;
    source.next(batch('skin', 1000, 25));
    source.next(batch('skin', 2000, 35));
    expect(manager.present.value.map((a) => [a.rule.id, a.state.presence])).to.deep.equal([['skin-cold', 'latch']]);
    el.channels = channels.map((c) => ({ ...c, label: `${c.label}!` }));
    el.rules = [];
    await el.updateComplete;
    expect(el.manager).to.equal(manager);
    expect(el.room.store('skin')!.length, 'same unit, rate and range: the samples stay').to.equal(2);
    expect(el.room.descriptor('skin')!.label).to.equal('Skin!');
    expect(manager.present.value.map((a) => [a.rule.id, a.state.presence]), 'latched, unacknowledged: it stays').to.deep.equal([['skin-cold', 'latch']]);
    el.remove();
  });
});

describe('ir-telemetry against a bad clock', () => {
  it('refuses a sample stamped years ahead of the wall clock, keeps the good ones after it, and no panel throws', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    const port = await executeServerCommand<number, unknown>('ws-port');
    const reasons: string[] = [];
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    const { el, room } = await mounted((el) => {
      el.addEventListener('ir-technical', (e) => e.detail.type === 'technical' && reasons.push(`${e.detail.channel} ${e.detail.reason}`));
      el.src = `ws://127.0.0.1:${port}`;
    });
    const trend = await fixture('ir-trend', (t) => t.setAttribute('channel', 'probe'), el);
    await waitUntil(() => el.state === 'live', 'live');
    const now = Date.now();
    const line = (seq: number, t: number, v: number) => JSON.stringify({ ver: 1, type: 'samples', channel: 'probe', seq, unit: 'Cel', t: [t], v: [v] });
    await executeServerCommand('ws-send', { lines: [line(0, now + 5 * 365 * 86_400_000, 20), line(1, now, 21), line(2, now + 100, 22)] });
    await waitUntil(() => room.store('probe')!.length === 2, 'the two good samples');
    expect(reasons).to.deep.equal(['probe clock-skew']);
    expect(room.store('probe')!.lastV).to.equal(22);
    await drawn(trend);
    expect(errors).to.deep.equal([]);
    window.removeEventListener('error', onError);
    el.remove();
  });
});

describe('ir-telemetry procedures', () => {
  it('starts each declared engine with its room, names an unknown one, and closes them with the room only', async () => {
    const closed: string[] = [];
    registerEngine('noted', () => ({ kind: 'noted', close: () => closed.push('noted') }) satisfies RoomEngine);
    const errors: string[] = [];
    const el = await fixture('ir-telemetry', (t) => {
      t.addEventListener('ir-config-error', (e) => errors.push(e.detail.message));
      t.procedures = 'noted, nothing-such';
    });
    expect(el.room.engines.get('noted')?.kind).to.equal('noted');
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/no procedure 'nothing-such' \(known: .*noted/);
    el.remove();
    expect(closed, 'detached, the room keeps its engines (it may be attached again)').to.deep.equal([]);
    el.room.close();
    expect(closed).to.deep.equal(['noted']);
  });
});

describe('ir-telemetry refusals from a gateway', () => {
  it('a binary frame refused keeps its reason, the decoder detail and its data time', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    const port = await executeServerCommand<number, unknown>('ws-port');
    const refused: IrTechnicalEvent['detail'][] = [];
    const el = await fixture('ir-telemetry', (t) => {
      t.channels = [{ id: 'wave', label: 'Wave', unit: 'V', intervalMs: 60_000, range: [-5000, 5000] }];
      t.addEventListener('ir-technical', (e) => refused.push(e.detail));
      t.src = `ws://127.0.0.1:${port}`;
    });
    await waitUntil(() => el.state === 'live', 'live');
    const t0 = dataEpoch();
    const whole = new Uint8Array(encodeBinaryFrame({ kind: 'waveform', channel: 'wave', seq: 1, t0, sampleRateHz: 1e6, data: new Float32Array(16) }));
    await executeServerCommand('ws-send', { binary: [Array.from(whole.subarray(0, whole.length - 8))] });
    await waitUntil(() => refused.some((d) => d.type === 'technical'), 'the refusal');
    expect(refused.find((d) => d.type === 'technical')).to.deep.include({ channel: 'wave', reason: 'truncated', t: t0, detail: 'data: 16 floats announced, 14 present' });
    el.remove();
  });
});

describe('two copies of the library on one page', () => {
  it('a panel of one copy finds the room and the alarm manager of the other', async () => {
    // A second copy has its own context objects, but the same string keys.
    const { createContext, ContextConsumer: Consumer } = await import('@lit/context');
    const otherRoom = createContext<unknown>('ir-monitor/room');
    const otherAlarms = createContext<unknown>('ir-monitor/alarms');
    class OtherCopyPanel extends LitElement {
      room = new Consumer(this, { context: otherRoom, subscribe: true });
      alarms = new Consumer(this, { context: otherAlarms, subscribe: true });
    }
    customElements.define('other-copy-panel', OtherCopyPanel);
    const tele = await fixture('ir-telemetry');
    const panel = document.createElement('other-copy-panel') as OtherCopyPanel;
    tele.append(panel);
    await (panel as LitElement).updateComplete;
    expect(panel.room.value).to.equal(tele.room);
    expect(panel.alarms.value).to.equal(tele.manager);
    tele.remove();
  });
});
