import { expect } from '@esm-bundle/chai';
import { Subject, VirtualTimeScheduler } from 'rxjs';
import '../../src/components/trend.js';
import '../../src/components/telemetry.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import { afterLangChange, canvasOf, countColour, drawn, fixture, nextFrame, onScreen, pixelsOf, pointAtCentre, rgbOf, rowsWith, waitUntil } from '../kit/fixture.js';

const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] };
const SERIES_1: [number, number, number] = [0x4f, 0xc3, 0xf7];
const SERIES_2: [number, number, number] = [0xff, 0xb7, 0x4d];

async function mount(setup: (el: IrTrend) => void = () => {}) {
  const source = new Subject<SampleBatch>();
  const el = await fixture('ir-trend', (el) => {
    el.style.width = '400px';
    el.channels = [probe];
    el.source = source;
    el.window = 10;
    setup(el);
  });
  return { el, source };
}

const readout = (el: IrTrend) => el.shadowRoot!.querySelector('[part="readout"]')!;
const ramp = (n: number) => ({ channel: 'probe', t: new Float64Array(n).map((_, i) => i * 100), v: new Float32Array(n).map((_, i) => i) });

/** The colour shown at (x, y) of the chart's canvas, device pixels, with the layers stacked on it. */
function pixelAt(canvas: HTMLCanvasElement, x: number, y: number): number[] {
  const i = 4 * (Math.round(y) * canvas.width + Math.round(x));
  return [...pixelsOf(canvas).slice(i, i + 3)];
}

/** Feeds a ramp 0..99 over 10 s and draws it. */
async function drawRamp(el: IrTrend, source: Subject<SampleBatch>) {
  source.next(ramp(100));
  await drawn(el);
}

describe('ir-trend', () => {
  it('writes its value axis in the panel\'s language: a French decimal comma and thousands space', async () => {
    const texts: string[] = [];
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, w?: number) {
      texts.push(text);
      return fillText.call(this, text, x, y, w);
    };
    try {
      const kPa: ChannelDescriptor = { id: 'probe', label: 'Pressure', unit: 'kPa', intervalMs: 100, range: [0, 5000] };
      const { el, source } = await mount((el) => ((el.lang = 'fr'), (el.channels = [kPa])));
      source.next({ channel: 'probe', t: new Float64Array(100).map((_, i) => i * 100), v: new Float32Array(100).map((_, i) => 1000 + 30 * i) });
      await drawn(el);
      el.remove();
    } finally {
      CanvasRenderingContext2D.prototype.fillText = fillText;
    }
    const ticks = texts.filter((t) => /^[\d\s\u202f\u00a0.,]+$/.test(t) && /\d{2}/.test(t));
    expect(ticks.some((t) => /\d[\u202f\u00a0 ]\d{3}/.test(t)), `ticks ${ticks.join(' | ')}`).to.equal(true);
    expect(ticks.some((t) => /\d,\d{3}/.test(t)), 'no English thousands comma').to.equal(false);
  });

  it('off-screen, draws once laid out and again before the page is printed, so a print shows its data', async () => {
    const { el, source } = await mount((el) => (el.style.marginTop = '200vh'));
    try {
      const traceRows = () => rowsWith(canvasOf(el), SERIES_1).length;
      // Laid out: its one unseen draw comes in the next frame (before or after the flat line arrives).
      await nextFrame();
      source.next({ channel: 'probe', t: new Float64Array(50).map((_, i) => i * 100), v: new Float32Array(50) });
      await nextFrame();
      const before = traceRows();
      // Then a ramp: unseen, it waits; printed, it is drawn.
      source.next({ channel: 'probe', t: new Float64Array(50).map((_, i) => 5000 + i * 100), v: new Float32Array(50).map((_, i) => 10 * i) });
      await nextFrame();
      expect(traceRows(), 'unseen: not drawn again').to.equal(before);
      dispatchEvent(new Event('beforeprint'));
      expect(traceRows(), 'drawn for the print').to.be.above(before + 10);
    } finally {
      el.remove();
    }
  });

  it('never magnifies noise: a channel shows at least its minimum span (5 °C by default), its own when given', async () => {
    // A nerve sensor steady at 28 °C with ±0.05 °C of noise: autoscaled, it would fill the chart.
    const noisy = { channel: 'probe', t: new Float64Array(100).map((_, i) => i * 100), v: new Float32Array(100).map((_, i) => 28 + (i % 2 ? 0.05 : -0.05)) };
    const spread = async (channel: ChannelDescriptor) => {
      const { el, source } = await mount((el) => (el.channels = [channel]));
      source.next(noisy);
      await drawn(el);
      const canvas = canvasOf(el);
      const rows = rowsWith(canvas, SERIES_1);
      el.remove();
      return (Math.max(...rows) - Math.min(...rows)) / canvas.height;
    };
    expect(await spread(probe), 'default span of °C').to.be.below(0.1);
    expect(await spread({ ...probe, minSpan: 0.1 }), 'a span of its own, smaller').to.be.above(0.3);
  });

  it('shows the latest value in French format', async () => {
    const { el, source } = await mount((el) => (el.lang = 'fr'));
    source.next({ channel: 'probe', t: Float64Array.of(1000, 1100), v: Float32Array.of(-10, -12.5) });
    el.requestUpdate();
    await el.updateComplete;
    expect(readout(el).querySelector('[part="value"]')!.textContent).to.equal('-12,5');
    expect(readout(el).querySelector('[part="unit"]')!.textContent).to.equal('°C');
    el.remove();
  });

  it('shows a value that rounds to zero without a sign: a baseline reads 0,0, never -0,0', async () => {
    const { el, source } = await mount((el) => (el.lang = 'fr'));
    source.next({ channel: 'probe', t: Float64Array.of(1000), v: Float32Array.of(-0.01) });
    el.requestUpdate();
    await el.updateComplete;
    expect(readout(el).querySelector('[part="value"]')!.textContent).to.equal('0,0');
    el.remove();
  });

  it('reads a coded channel by its state and a count with what it counts, in the panel\'s language', async () => {
    const sync: ChannelDescriptor = { id: 'sync', label: 'ECG sync', unit: '{code}', intervalMs: 100, range: [0, 2], states: [{ label: 'synchronised', labels: { fr: 'synchronisé' } }, { label: 'searching', labels: { fr: 'recherche' } }, { label: 'arrhythmia', labels: { fr: 'arythmie' } }] };
    const failed: ChannelDescriptor = { id: 'failed', label: 'Failed pulses', unit: '{pulse}', intervalMs: 100, range: [0, 100], count: { one: { label: 'pulse', labels: { fr: 'impulsion' } }, other: { label: 'pulses', labels: { fr: 'impulsions' } } } };
    const { el, source } = await mount((el) => ((el.lang = 'fr'), (el.channels = [sync, failed])));
    source.next({ channel: 'sync', t: Float64Array.of(1000), v: Float32Array.of(2) });
    source.next({ channel: 'failed', t: Float64Array.of(1000), v: Float32Array.of(3) });
    el.requestUpdate();
    await el.updateComplete;
    const values = [...el.shadowRoot!.querySelectorAll('[part="readout"] [part="value"]')].map((v) => v.textContent);
    expect(values).to.deep.equal(['arythmie', '3 impulsions']);
    expect([...el.shadowRoot!.querySelectorAll('[part="readout"] [part="unit"]')].map((v) => v.textContent)).to.deep.equal(['', '']);
    el.remove();
  });

  it('greys a stale channel and shows -- with the age of its last value, on virtual time', async () => {
    const clock = new VirtualTimeScheduler(undefined, 1200);
    const { el, source } = await mount((el) => (el.scheduler = clock));
    source.next({ channel: 'probe', t: Float64Array.of(1000), v: Float32Array.of(20) });
    await el.updateComplete;
    expect(readout(el).hasAttribute('data-stale')).to.equal(false);
    clock.flush();
    await el.updateComplete;
    expect(readout(el).hasAttribute('data-stale')).to.equal(true);
    expect(readout(el).querySelector('[part="value"]')!.textContent).to.equal('--');
    expect(readout(el).querySelector('[part="age"]')!.textContent).to.match(/\(1\s?s\)/);
    el.remove();
  });

  it('switches language when the page lang changes, across a shadow root', async () => {
    const host = document.createElement('div');
    host.lang = 'en';
    const shadow = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const { el, source } = await mount();
    shadow.append(el);
    source.next({ channel: 'probe', t: Float64Array.of(1000), v: Float32Array.of(-12.5) });
    el.requestUpdate();
    await el.updateComplete;
    expect(readout(el).querySelector('[part="value"]')!.textContent).to.equal('-12.5');
    host.lang = 'fr';
    await afterLangChange(el);
    expect(readout(el).querySelector('[part="value"]')!.textContent).to.equal('-12,5');
    host.remove();
  });

  it('draws a one-sample spike at the top of the chart', async () => {
    const { el, source } = await mount();
    const n = 100;
    const t = new Float64Array(n).map((_, i) => i * 100);
    const v = new Float32Array(n);
    v[50] = 100;
    source.next({ channel: 'probe', t, v });
    await drawn(el);
    const rows = rowsWith(canvasOf(el), SERIES_1, 120);
    const spike = el.positionOf('probe', 5000, 100)!.y;
    const base = el.positionOf('probe', 5000, 0)!.y;
    expect(Math.min(...rows)).to.be.at.most(spike + 1);
    expect(Math.max(...rows)).to.be.at.least(base - 1);
    el.remove();
  });

  it('draws dense data as spans that keep every column and spike', async () => {
    // 1 kHz over a 10 s window of ~400 columns: 25 samples a column, noisy, one spike.
    const { el, source } = await mount((el) => (el.channels = [{ ...probe, intervalMs: 1 }]));
    const n = 10_000;
    const t = new Float64Array(n).map((_, i) => i);
    const v = new Float32Array(n).map((_, i) => 20 + Math.sin(i / 500) + ((i * 7919) % 13) / 13);
    v[6000] = 80;
    source.next({ channel: 'probe', t, v });
    await drawn(el);
    const canvas = canvasOf(el);
    const x = Math.round(el.positionOf('probe', 6000, 0)!.x);
    const rows = rowsWith(canvas, SERIES_1, 120, x - 2, x + 3);
    expect(Math.min(...rows)).to.be.at.most(el.positionOf('probe', 6000, 80)!.y + 1);
    // Every column between 1 s and 9 s holds the trace.
    const x1 = el.positionOf('probe', 1000, 0)!.x;
    const x9 = el.positionOf('probe', 9000, 0)!.x;
    for (let px = Math.ceil(x1); px < x9; px += 7) expect(countColour(canvas, SERIES_1, px, px + 1, 120), `column ${px}`).to.be.greaterThan(0);
    el.remove();
  });
});

describe('ir-trend gaps', () => {
  it('breaks the line where the data stopped', async () => {
    const { el, source } = await mount();
    const t = Float64Array.from({ length: 60 }, (_, i) => (i < 30 ? i : i + 40) * 100);
    source.next({ channel: 'probe', t, v: Float32Array.from(t, (x) => x / 100) });
    await drawn(el);
    const canvas = canvasOf(el);
    const x = (ms: number) => el.positionOf('probe', ms, 0)!.x;
    expect(countColour(canvas, SERIES_1, x(500), x(2500), 120)).to.be.greaterThan(20);
    expect(countColour(canvas, SERIES_1, x(7500), x(9500), 120)).to.be.greaterThan(20);
    // No data from 2.9 s to 7 s: nothing joins the two ends.
    expect(countColour(canvas, SERIES_1, x(3200), x(6700), 120)).to.equal(0);
    el.remove();
  });
});

describe('ir-trend limits and themes', () => {
  it('draws a limit line in its channel\'s colour at the height its value implies, the band beyond it in the limit colour', async () => {
    const { el, source } = await mount((el) => {
      el.limits = [{ channel: 'probe', above: 60 }];
      el.style.setProperty('--ir-color-limit', 'rgb(255, 0, 255)');
      el.theme = 'light';
    });
    await drawRamp(el, source);
    const canvas = canvasOf(el);
    // Where the ramp is near 15, far below the limit (and off the grid lines of whole seconds).
    const { x, y } = el.positionOf('probe', 1500, 60)!;
    expect(rowsWith(canvas, rgbOf(getComputedStyle(el).getPropertyValue('--_series-1')), 40, Math.round(x) - 10, Math.round(x) + 10)).to.include(Math.round(y));
    // Just above the line: the limit colour, faded over the white surface.
    const [r, g, b] = pixelAt(canvas, x, y - 3 * devicePixelRatio);
    expect(r > 240 && b > 240 && g < 200, `band ${r} ${g} ${b}`).to.equal(true);
    el.remove();
  });

  it('shades only the band of the channel whose limit it is: another channel\'s trace far beyond it keeps its colour', async () => {
    // As on a cryo chart: a nerve sensor's 10 °C limit on the °C axis it shares with a probe at -140 °C.
    const nerve: ChannelDescriptor = { id: 'nerve', label: 'Nerve', unit: 'Cel', intervalMs: 10, range: [-200, 150] };
    const { el, source } = await mount((el) => {
      el.channels = [{ ...probe, intervalMs: 10 }, nerve];
      el.limits = [{ channel: 'nerve', below: 10 }];
    });
    const t = new Float64Array(1000).map((_, i) => i * 10);
    source.next({ channel: 'probe', t, v: new Float32Array(1000).fill(-140) });
    source.next({ channel: 'nerve', t, v: new Float32Array(1000).fill(30) });
    await drawn(el);
    const canvas = canvasOf(el);
    const probeAt = el.positionOf('probe', 4500, -140)!;
    const untinted = rowsWith(canvas, SERIES_1, 12, Math.round(probeAt.x) - 1, Math.round(probeAt.x) + 2);
    expect(untinted.some((row) => Math.abs(row - probeAt.y) < 2), `the probe's trace at row ${probeAt.y} in its own colour (rows ${untinted})`).to.equal(true);
    // The limit is still drawn, in the nerve's colour, with the band just below it.
    const limitAt = el.positionOf('nerve', 4500, 10)!;
    expect(rowsWith(canvas, SERIES_2)).to.include(Math.round(limitAt.y));
    const surface = rgbOf(getComputedStyle(el).backgroundColor);
    expect(pixelAt(canvas, limitAt.x, limitAt.y + 3 * devicePixelRatio)[0], 'the band beyond the limit is red').to.be.above(surface[0] + 40);
    el.remove();
  });

  it('re-reads canvas colours when the theme changes, without a new chart', async () => {
    const { el, source } = await mount();
    await drawRamp(el, source);
    const canvas = canvasOf(el);
    expect(rowsWith(canvas, SERIES_1).length).to.be.greaterThan(10);
    expect(rowsWith(canvas, [0, 255, 255], 10)).to.have.length(0);
    el.theme = 'high-contrast';
    await drawn(el);
    expect(canvasOf(el)).to.equal(canvas);
    expect(rowsWith(canvas, [0, 255, 255], 10).length).to.be.greaterThan(10);
    el.remove();
  });

  it('resizes the chart it has rather than building another', async () => {
    const { el, source } = await mount();
    await drawRamp(el, source);
    const canvas = canvasOf(el);
    el.style.width = '600px';
    // The panel's ResizeObserver resizes the chart's canvas: that is the proof it ran.
    await waitUntil(() => canvas.width > 500 * devicePixelRatio, 'the chart resized to 600 px');
    await drawn(el);
    expect(canvasOf(el)).to.equal(canvas);
    expect(rowsWith(canvas, SERIES_1).length).to.be.greaterThan(10);
    el.remove();
  });

  it('gives a text equivalent: value, unit, direction and limit state', async () => {
    const { el, source } = await mount((el) => (el.limits = [{ channel: 'probe', above: 50 }]));
    source.next(ramp(100));
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.equal('Probe: 99.0 °C, rising, above its limit.');
    el.remove();
  });
});

describe('ir-trend off-screen', () => {
  it('keeps ingesting while off-screen and draws once it is visible', async () => {
    const { el, source } = await mount((el) => {
      el.style.position = 'absolute';
      el.style.top = '5000px';
    });
    expect(await onScreen(el)).to.equal(false);
    source.next(ramp(100));
    await drawn(el);
    expect(rowsWith(canvasOf(el), SERIES_1)).to.have.length(0);
    el.style.top = '0px';
    // Its IntersectionObserver sees it on screen and it draws in the next frame, without a flush.
    await waitUntil(() => rowsWith(canvasOf(el), SERIES_1).length > 10, 'the chart drawn once on screen');
    el.remove();
  });
});

describe('ir-trend markers and hover', () => {
  it('draws an event marker at its time and reads values under the pointer', async () => {
    const { el, source } = await mount((el) => {
      el.style.setProperty('--ir-color-marker', 'rgb(255, 0, 255)');
      el.markers = [{ t: 5000, label: 'Freeze 1' }];
      el.theme = 'light';
    });
    await drawRamp(el, source);
    const x = Math.round(el.positionOf('probe', 5000, 0)!.x);
    expect(countColour(canvasOf(el), [255, 0, 255], x - 1, x + 2)).to.be.greaterThan(50);

    pointAtCentre(el, 'chart');
    await nextFrame();
    expect(el.shadowRoot!.querySelector('[part="hover"]')!.textContent).to.match(/Probe \d+\.\d °C/);
    el.remove();
  });
});

describe('ir-trend inside ir-telemetry', () => {
  it('reads its channels, with their descriptors, by the channel attribute', async () => {
    const source = new Subject<SampleBatch>();
    const room = await fixture('ir-telemetry', (r) => {
      r.channels = [probe, { ...probe, id: 'skin', label: 'Skin' }];
      r.source = source;
    });
    const el = await fixture('ir-trend', (el) => el.setAttribute('channel', 'skin'), room);
    source.next({ channel: 'probe', t: Float64Array.of(1000), v: Float32Array.of(-40) });
    source.next({ channel: 'skin', t: Float64Array.of(1000), v: Float32Array.of(33.5) });
    el.requestUpdate();
    await el.updateComplete;
    const readouts = [...el.shadowRoot!.querySelectorAll('[part="readout"]')];
    expect(readouts).to.have.length(1);
    expect(readouts[0].querySelector('[part="label"]')!.textContent).to.equal('Skin');
    expect(readouts[0].querySelector('[part="value"]')!.textContent).to.equal('33.5');
    room.remove();
  });

  it('validates a .source of its own as ir-telemetry would: range, time order, stale alarm', async () => {
    const clock = new VirtualTimeScheduler(undefined, 5000);
    const technical: string[] = [];
    const { el, source } = await mount((el) => {
      el.scheduler = clock;
      el.rules = [{ id: 'hot', channel: 'probe', condition: { kind: 'above', limit: 100 }, priority: 'hi', kind: 'phy', onsetDelayMs: 0, hysteresis: 1, latching: false, message: { en: 'Hot', fr: 'Chaud' } }];
      el.addEventListener('ir-technical', (e) => e.detail.type === 'technical' && technical.push(e.detail.reason));
    });
    source.next({ channel: 'probe', t: Float64Array.of(2000, 1000, 3000), v: Float32Array.of(20, 21, 999) });
    await el.updateComplete;
    expect(technical).to.have.members(['time-backwards', 'out-of-range']);
    expect(readout(el).querySelector('[part="value"]')!.textContent).to.equal('20.0');
    expect(el.alarm, 'an out-of-range value never raises a limit alarm').to.not.equal('hi');
    clock.flush();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.alarm, 'the stale technical alarm frames the panel').to.equal('me');
    el.remove();
  });
});

describe('ir-trend in alarm', () => {
  it('frames itself in the priority colour and shows the marker', async () => {
    const { el } = await mount();
    el.alarm = 'hi';
    await el.updateComplete;
    expect(getComputedStyle(el).outlineColor).to.equal('rgb(213, 0, 0)');
    expect(el.shadowRoot!.querySelector('[part="alarm"]')!.textContent).to.equal('***');
    el.alarm = undefined;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="alarm"]')).to.equal(null);
    el.remove();
  });
});

describe('ir-trend attached late', () => {
  it('starts with the recent window that ir-telemetry kept', async () => {
    const source = new Subject<SampleBatch>();
    const room = await fixture('ir-telemetry', (r) => {
      r.channels = [probe];
      r.source = source;
    });
    source.next({ channel: 'probe', t: Float64Array.of(1000, 1100), v: Float32Array.of(-20, -21.5) });
    const el = await fixture('ir-trend', (el) => el.setAttribute('channel', 'probe'), room);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="readout"] [part="value"]')!.textContent).to.equal('-21.5');
    room.remove();
  });
});

describe('ir-trend against absurd times', () => {
  it('never throws on any timestamp; those no date can hold are refused even without a receiving clock', async () => {
    const errors: string[] = [];
    const refused: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    const { el, source } = await mount((el) => el.addEventListener('ir-technical', (e) => e.detail.type === 'technical' && refused.push(`${e.detail.reason} ${e.detail.t}`)));
    for (const t of [1e17, 8.64e15, -1e17, 1e300]) {
      source.next({ channel: 'probe', t: Float64Array.of(t), v: Float32Array.of(20) });
      el.requestUpdate();
      await drawn(el);
      pointAtCentre(el, 'chart');
    }
    await nextFrame();
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    expect(refused).to.deep.equal(['clock-skew 100000000000000000', 'clock-skew -100000000000000000', 'clock-skew 1e+300']);
    el.remove();
  });
});
