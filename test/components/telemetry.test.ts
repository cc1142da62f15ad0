import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import '../../src/components/telemetry.js';
import { define } from '../../src/components/define.js';
import { telemetryContext, type ConnectionState, type ConnectionStateEvent } from '../../src/components/telemetry/telemetry.js';
import type { SampleBatch } from '../../src/models/channel.js';

class ChannelReader extends LitElement {
  consumer = new ContextConsumer(this, { context: telemetryContext, subscribe: true });
}
define('test-channel-reader', ChannelReader);

const batch = (channel: string, t: number, v: number): SampleBatch => ({ channel, t: Float64Array.of(t), v: Float32Array.of(v) });

describe('ir-telemetry', () => {
  it('hands each channel only its own batches and reports its state', async () => {
    const source = new Subject<SampleBatch>();
    const el = document.createElement('ir-telemetry');
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
