import { expect } from '@esm-bundle/chai';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import { TelemetryHub } from '../../src/streams/hub.js';

const d: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 120] };
const b = (t: number[]): SampleBatch => ({ channel: 'probe', t: Float64Array.from(t), v: Float32Array.from(t, (x) => x / 100) });

describe('TelemetryHub', () => {
  it('gives a late subscriber the bounded window first, then live batches', () => {
    const hub = new TelemetryHub(500); // capacity 5 samples
    hub.add(d);
    hub.push(b([0, 100, 200, 300]));
    hub.push(b([400, 500, 600]));
    const got: number[][] = [];
    const sub = hub.channel('probe').subscribe((x) => got.push(Array.from(x.t)));
    hub.push(b([700]));
    sub.unsubscribe();
    hub.push(b([800]));
    expect(got).to.deep.equal([[200, 300, 400, 500, 600], [700]]);
  });

  it('sends nothing for an empty window and errors on an unknown channel', () => {
    const hub = new TelemetryHub(1000);
    hub.add(d);
    const got: SampleBatch[] = [];
    hub.channel('probe').subscribe((x) => got.push(x));
    expect(got).to.deep.equal([]);
    let err: unknown;
    hub.channel('nope').subscribe({ error: (e) => (err = e) });
    expect(String(err)).to.contain('nope');
    expect(() => hub.add(d)).to.throw();
  });
});
