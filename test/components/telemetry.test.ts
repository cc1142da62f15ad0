import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import '../../src/components/telemetry.js';
import { define } from '../../src/components/define.js';
import { telemetryContext, type ConnectionState, type ConnectionStateEvent} from '../../src/components/telemetry/telemetry.js';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';

class ChannelReader extends LitElement {
  consumer = new ContextConsumer(this, { context: telemetryContext, subscribe: true });
}
define('test-channel-reader', ChannelReader);

const channels: ChannelDescriptor[] = [
  { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] },
  { id: 'skin', label: 'Skin', unit: 'Cel', intervalMs: 100, range: [-50, 60] },
];

const batch = (channel: string, t: number, v: number): SampleBatch => ({ channel, t: Float64Array.of(t), v: Float32Array.of(v) });

describe('ir-telemetry', () => {
  it('hands each channel only its own batches and reports its state', async () => {
    const source = new Subject<SampleBatch>();
    const el = document.createElement('ir-telemetry');
    el.channels = channels;
    el.source = source;
    const states: ConnectionState[] = [];
    el.addEventListener('ir-connection-state', (e) => states.push((e as ConnectionStateEvent).state));
    const reader = document.createElement('test-channel-reader') as ChannelReader;
    el.append(reader);
    document.body.append(el);
    await el.updateComplete;

    const seen: number[] = [];
    const sub = reader.consumer.value!.channel('probe').subscribe((b) => seen.push(b.v[0]));
    source.next(batch('probe', 1, 10));
    source.next(batch('skin', 2, 33));
    source.next(batch('probe', 3, 11));
    expect(seen).to.deep.equal([10, 11]);
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
});

describe('ir-telemetry validation and quality', () => {
  it('keeps invalid values and unknown channels out, reports them, and goes stale when the source falls silent', async () => {
    const source = new Subject<SampleBatch>();
    const el = document.createElement('ir-telemetry');
    el.channels = channels;
    el.source = source;
    const reader = document.createElement('test-channel-reader') as ChannelReader;
    el.append(reader);
    document.body.append(el);
    await el.updateComplete;
    const reasons: string[] = [];
    el.addEventListener('ir-technical', ({ detail }) => reasons.push(detail.type === 'quality' ? `${detail.channel} ${detail.quality}` : String(detail.type === 'technical' ? detail.reason : detail.type)));
    const seen: number[] = [];
    const sub = reader.consumer.value!.channel('probe').subscribe((b) => seen.push(...b.v));
    source.next({ channel: 'probe', t: Float64Array.of(1, 2, 3), v: Float32Array.of(10, NaN, 11) });
    source.next(batch('ecg', 4, 1));
    expect(seen).to.deep.equal([10, 11]);
    expect(reasons).to.deep.equal(['not-finite', 'unknown-channel']);
    expect(reader.consumer.value!.descriptor('skin')?.unit).to.equal('Cel');
    expect(el.state).to.equal('live');
    await new Promise((r) => setTimeout(r, 1100));
    expect(el.state).to.equal('stale');
    expect(reasons.slice(2), 'the channels are stale too, the one that never sent included').to.have.members(['probe stale', 'skin stale']);
    source.next(batch('probe', 5, 12));
    expect(el.state).to.equal('live');
    expect(reasons.slice(4)).to.deep.equal(['probe valid']);
    sub.unsubscribe();
    el.remove();
  });
});

describe('ir-telemetry with src', () => {
  it('connects to a real WebSocket gateway, hands on samples and reports malformed lines', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    const port = await executeServerCommand<number, unknown>('ws-port');
    const el = document.createElement('ir-telemetry');
    el.channels = channels;
    const reader = document.createElement('test-channel-reader') as ChannelReader;
    el.append(reader);
    const technical: string[] = [];
    el.addEventListener('ir-technical', (e) => technical.push((e as Event & { detail: { type: string } }).detail.type));
    el.src = `ws://127.0.0.1:${port}`;
    document.body.append(el);
    const seen: number[] = [];
    await el.updateComplete;
    const sub = reader.consumer.value!.channel('probe').subscribe((b) => seen.push(b.v[0]));
    const end = performance.now() + 5000;
    while (el.state !== 'live' && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(el.state).to.equal('live');
    await executeServerCommand('ws-send', {
      lines: ['{not json', JSON.stringify({ ver: 1, type: 'samples', channel: 'probe', seq: 0, unit: 'Cel', t: [1.7e12], v: [-12.5] })],
    });
    while (seen.length === 0 && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(seen).to.deep.equal([-12.5]);
    expect(technical).to.deep.equal(['parse-error']);
    sub.unsubscribe();
    el.remove();
    expect(el.state).to.equal('closed');
  });
});
