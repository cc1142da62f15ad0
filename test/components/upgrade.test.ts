import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import { IrTrend } from '../../src/components/trend/trend.js';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import { drawn } from '../kit/fixture.js';

const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] };

describe('properties set before the element is defined', () => {
  it('are taken on upgrade, as a vendor sets them before loading the bundle', async () => {
    // A tag of its own, so this test controls when it is defined.
    const el = document.createElement('ir-trend-late') as IrTrend;
    const source = new Subject<SampleBatch>();
    Object.assign(el, { channels: [probe], source, window: 10 });
    document.body.append(el);
    customElements.define('ir-trend-late', class extends IrTrend {});
    await el.updateComplete;
    source.next({ channel: 'probe', t: Float64Array.of(1000), v: Float32Array.of(-7.5) });
    el.requestUpdate();
    await drawn(el);
    expect(el.shadowRoot!.querySelector('[part="readout"] [part="value"]')!.textContent).to.equal('-7.5');
    expect(source.observed).to.equal(true);
    el.remove();
    expect(source.observed).to.equal(false);
  });
});
