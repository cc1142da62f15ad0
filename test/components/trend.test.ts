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

/** Rows (device pixels) of the canvas holding a colour close to rgb. */
function rowsWith(el: IrTrend, [r, g, b]: [number, number, number], tolerance = 40): number[] {
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  const img = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const rows: number[] = [];
  for (let y = 0; y < canvas.height; y++)
    for (let x = 0; x < canvas.width; x++) {
      const i = (y * canvas.width + x) * 4;
      if (Math.abs(img[i] - r) + Math.abs(img[i + 1] - g) + Math.abs(img[i + 2] - b) < tolerance && img[i + 3] > 200) {
        rows.push(y);
        break;
      }
    }
  return rows;
}

/** Draws a ramp 0..99 and returns the chart, to convert values to canvas positions. */
async function drawRamp(el: IrTrend, source: Subject<SampleBatch>) {
  await el.updateComplete;
  source.next(ramp(100));
  await frame();
  await frame();
  return (el as unknown as { chart: { valToPos(v: number, s: string, c: boolean): number } }).chart;
}

const ramp = (n: number) => ({ channel: 'probe', t: new Float64Array(n).map((_, i) => i * 100), v: new Float32Array(n).map((_, i) => i) });

describe('ir-trend gaps', () => {
  it('breaks the line where the data stopped', async () => {
    const { el, source } = await mount();
    const t = Float64Array.from({ length: 60 }, (_, i) => (i < 30 ? i : i + 40) * 100);
    source.next({ channel: 'probe', t, v: t.map((x) => x / 100) as unknown as Float32Array });
    await frame();
    await frame();
    const chart = (el as unknown as { chart: { valToPos(v: number, s: string, c: boolean): number } }).chart;
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    const img = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const blueIn = (from: number, to: number) => {
      let n = 0;
      for (let x = Math.round(chart.valToPos(from, 'x', true)); x < chart.valToPos(to, 'x', true); x++)
        for (let y = 0; y < canvas.height; y++) {
          const i = (y * canvas.width + x) * 4;
          if (img[i + 2] > 200 && img[i] < 120 && img[i + 3] > 0) n++;
        }
      return n;
    };
    expect(blueIn(0.5, 2.5)).to.be.greaterThan(20);
    expect(blueIn(7.5, 9.5)).to.be.greaterThan(20);
    // No data from 2.9 s to 7 s: nothing joins the two ends.
    expect(blueIn(3.2, 6.7)).to.equal(0);
    el.remove();
  });
});

describe('ir-trend limits and themes', () => {
  it('draws a limit line at the height its value implies', async () => {
    const { el, source } = await mount();
    el.limits = [{ channel: 'probe', above: 60 }];
    el.style.setProperty('--ir-trend-limit-color', 'rgb(255, 0, 255)');
    el.theme = 'light';
    const chart = await drawRamp(el, source);
    const y = Math.round(chart.valToPos(60, 'Cel', true));
    const rows = rowsWith(el, [255, 0, 255]);
    expect(rows).to.include(y);
    el.remove();
  });

  it('re-reads canvas colours when the theme changes', async () => {
    const { el, source } = await mount();
    source.next(ramp(100));
    await frame();
    await frame();
    expect(rowsWith(el, [0x4f, 0xc3, 0xf7]).length).to.be.greaterThan(10);
    expect(rowsWith(el, [0, 255, 255], 10)).to.have.length(0);
    el.theme = 'high-contrast';
    await el.updateComplete;
    await frame();
    await frame();
    expect(rowsWith(el, [0, 255, 255], 10).length).to.be.greaterThan(10);
    el.remove();
  });

  it('gives a text equivalent: value, unit, direction and limit state', async () => {
    const { el, source } = await mount();
    el.limits = [{ channel: 'probe', above: 50 }];
    source.next(ramp(100));
    el.requestUpdate();
    await el.updateComplete;
    const summary = el.shadowRoot!.querySelector('[part="summary"]')!.textContent!;
    expect(summary).to.equal('Probe: 99.0 °C, rising, above its limit.');
    el.remove();
  });
});

describe('ir-trend off-screen', () => {
  it('keeps ingesting while off-screen and draws once it is visible', async () => {
    const { el, source } = await mount();
    el.style.position = 'absolute';
    el.style.top = '5000px';
    await frame();
    await frame();
    source.next(ramp(100));
    await frame();
    await frame();
    expect(rowsWith(el, [0x4f, 0xc3, 0xf7])).to.have.length(0);
    el.style.top = '0px';
    await new Promise((r) => setTimeout(r, 100));
    await frame();
    expect(rowsWith(el, [0x4f, 0xc3, 0xf7]).length).to.be.greaterThan(10);
    el.remove();
  });
});

describe('ir-trend markers and hover', () => {
  it('draws an event marker at its time and reads values under the pointer', async () => {
    const { el, source } = await mount();
    el.style.setProperty('--ir-trend-marker-color', 'rgb(255, 0, 255)');
    el.markers = [{ t: 5000, label: 'Freeze 1' }];
    el.theme = 'light';
    const chart = await drawRamp(el, source);
    const x = Math.round(chart.valToPos(5, 'x', true));
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    const img = canvas.getContext('2d')!.getImageData(x, 0, 1, canvas.height).data;
    let magenta = 0;
    for (let y = 0; y < canvas.height; y++) if (img[y * 4] > 200 && img[y * 4 + 1] < 60 && img[y * 4 + 2] > 200) magenta++;
    expect(magenta).to.be.greaterThan(50);

    const over = el.shadowRoot!.querySelector('.u-over')!;
    const box = over.getBoundingClientRect();
    over.dispatchEvent(new MouseEvent('mousemove', { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true }));
    await frame();
    expect(el.shadowRoot!.querySelector('[part="hover"]')!.textContent).to.match(/Probe \d+\.\d °C/);
    el.remove();
  });
});

describe('ir-trend inside ir-telemetry', () => {
  it('reads its channels, with their descriptors, by the channel attribute', async () => {
    await import('../../src/components/telemetry.js');
    const source = new Subject<SampleBatch>();
    const room = document.createElement('ir-telemetry');
    room.channels = [probe, { ...probe, id: 'skin', label: 'Skin' }];
    room.source = source;
    const el = document.createElement('ir-trend') as IrTrend;
    el.setAttribute('channel', 'skin');
    room.append(el);
    document.body.append(room);
    await el.updateComplete;
    await el.updateComplete;
    source.next({ channel: 'probe', t: Float64Array.of(1000), v: Float32Array.of(-40) });
    source.next({ channel: 'skin', t: Float64Array.of(1000), v: Float32Array.of(33.5) });
    el.requestUpdate();
    await el.updateComplete;
    const readouts = [...el.shadowRoot!.querySelectorAll('[part="readout"]')];
    expect(readouts).to.have.length(1);
    expect(readouts[0].querySelector('.label')!.textContent).to.equal('Skin');
    expect(readouts[0].querySelector('.value')!.textContent).to.equal('33.5');
    room.remove();
  });
});

describe('ir-trend in alarm', () => {
  it('frames itself in the priority colour and shows the marker', async () => {
    const { el } = await mount();
    el.alarm = 'hi';
    await el.updateComplete;
    expect(getComputedStyle(el).borderTopColor).to.equal('rgb(213, 0, 0)');
    expect(el.shadowRoot!.querySelector('[part="alarm"]')!.textContent).to.equal('***');
    el.alarm = undefined;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="alarm"]')).to.equal(null);
    el.remove();
  });
});

describe('ir-trend attached late', () => {
  it('starts with the recent window that ir-telemetry kept', async () => {
    await import('../../src/components/telemetry.js');
    const source = new Subject<SampleBatch>();
    const room = document.createElement('ir-telemetry');
    room.channels = [probe];
    room.source = source;
    document.body.append(room);
    await room.updateComplete;
    source.next({ channel: 'probe', t: Float64Array.of(1000, 1100), v: Float32Array.of(-20, -21.5) });
    const el = document.createElement('ir-trend') as IrTrend;
    el.setAttribute('channel', 'probe');
    room.append(el);
    await el.updateComplete;
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="readout"] .value')!.textContent).to.equal('-21.5');
    room.remove();
  });
});
