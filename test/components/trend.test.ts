import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import '../../src/components/trend.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';

const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] };
const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

async function mount(lang = 'en') {
  const source = new Subject<SampleBatch>();
  const el = document.createElement('ir-trend') as IrTrend;
  el.lang = lang;
  el.style.width = '400px';
  el.channels = [probe];
  el.source = source;
  el.window = 10;
  document.body.append(el);
  await el.updateComplete;
  return { el, source };
}

const readout = (el: IrTrend) => el.shadowRoot!.querySelector('[part="readout"]')!;

describe('ir-trend', () => {
  it('shows the latest value in French format', async () => {
    const { el, source } = await mount('fr');
    source.next({ channel: 'probe', t: Float64Array.of(1000, 1100), v: Float32Array.of(-10, -12.5) });
    el.requestUpdate();
    await el.updateComplete;
    expect(readout(el).querySelector('.value')!.textContent).to.equal('-12,5');
    expect(readout(el).querySelector('.unit')!.textContent).to.equal('°C');
    el.remove();
  });

  it('greys a stale channel and shows -- with the age of its last value', async () => {
    const { el, source } = await mount();
    source.next({ channel: 'probe', t: Float64Array.of(1000), v: Float32Array.of(20) });
    await new Promise((r) => setTimeout(r, 1100));
    el.requestUpdate();
    await el.updateComplete;
    expect(readout(el).hasAttribute('data-stale')).to.equal(true);
    expect(readout(el).querySelector('.value')!.textContent).to.equal('--');
    expect(readout(el).querySelector('.age')!.textContent).to.match(/\(\d+\s?s\)/);
    el.remove();
  });

  it('draws a one-sample spike at the top of the chart', async () => {
    const { el, source } = await mount();
    const n = 100;
    const t = new Float64Array(n).map((_, i) => i * 100);
    const v = new Float32Array(n);
    v[50] = 100;
    source.next({ channel: 'probe', t, v });
    await frame();
    await frame();
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    const ctx = canvas.getContext('2d')!;
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    // Find the highest row holding the series colour (#4fc3f7: strong blue, weak red).
    const rows: number[] = [];
    for (let y = 0; y < canvas.height; y++)
      for (let x = 0; x < canvas.width; x++) {
        const i = (y * canvas.width + x) * 4;
        if (img[i + 2] > 200 && img[i] < 120 && img[i + 3] > 0) { rows.push(y); break; }
      }
    // The spike (100) and the baseline (0) are the extremes of the auto-scaled axis:
    // the line must span nearly all the rows between them.
    const top = Math.min(...rows);
    const bottom = Math.max(...rows);
    const plot = el.shadowRoot!.querySelector('.u-over')!.getBoundingClientRect();
    expect((bottom - top) / devicePixelRatio).to.be.greaterThan(plot.height * 0.8);
    el.remove();
  });
});
