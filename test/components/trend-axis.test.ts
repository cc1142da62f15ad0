import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import '../../src/components/trend.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import { canvasOf, drawn, fixture } from '../kit/fixture.js';

// A channel with a fixed axis (`ChannelDescriptor.axis`), as the ECG's: a gain that does not follow the data.
const ecg: ChannelDescriptor = { id: 'ecg', label: 'ECG', unit: 'mV', intervalMs: 4, range: [-10, 10], decimals: 2, axis: [-1, 2] };

/** A trend of `channel` after 10 s of `wave(t)` (t in s), drawn; where 0, 1 and 3 mV fall, device pixels from the top. */
async function heights(channel: ChannelDescriptor, wave: (s: number) => number) {
  const source = new Subject<SampleBatch>();
  const el: IrTrend = await fixture('ir-trend', (el) => {
    el.style.width = '400px';
    el.channels = [channel];
    el.source = source;
    el.window = 10;
  });
  const t = new Float64Array(2500).map((_, i) => i * 4);
  source.next({ channel: 'ecg', t, v: Float32Array.from(t, (ms) => wave(ms / 1000)) });
  await drawn(el);
  const y = (v: number) => el.positionOf('ecg', 9996, v)!.y;
  const at = { zero: y(0), one: y(1), three: y(3), height: canvasOf(el).height };
  el.remove();
  return at;
}

/** Beats of 1.3 mV once a second, else the baseline. */
const beats = (s: number) => (s % 1 < 0.02 ? 1.3 : 0);

describe('ir-trend with a fixed axis', () => {
  it('keeps the same gain whatever the values within it: a low-voltage trace stays small', async () => {
    const full = await heights(ecg, beats);
    const low = await heights(ecg, (s) => 0.2 * beats(s));
    expect(low.zero).to.equal(full.zero);
    expect(low.one).to.equal(full.one);
    // Autoscaled, the same low trace would fill the chart: a millivolt several times as tall.
    const auto = await heights({ ...ecg, axis: undefined }, (s) => 0.2 * beats(s));
    expect(auto.zero - auto.one).to.be.above(2 * (full.zero - full.one));
  });

  it('widens only to take in a value beyond it, never clipping it', async () => {
    const tall = await heights(ecg, (s) => (3 / 1.3) * beats(s));
    expect(tall.three, '3 mV on the chart').to.be.within(0, tall.height);
    const fixed = await heights(ecg, beats);
    expect(fixed.three, 'beyond the fixed axis').to.be.below(0);
  });

  it('ignores an axis that is not a finite, increasing pair, and autoscales', async () => {
    const fixed = await heights(ecg, (s) => 0.2 * beats(s));
    for (const axis of [[2, -1], [Number.NaN, 2], ['-1', '2']] as unknown as [number, number][]) {
      const at = await heights({ ...ecg, axis }, (s) => 0.2 * beats(s));
      expect(at.zero - at.one, String(axis)).to.be.above(2 * (fixed.zero - fixed.one));
    }
  });
});

describe('ir-trend time axis', () => {
  it('keeps the last time label whole inside the chart, wherever the window ends', async () => {
    const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] };
    const source = new Subject<SampleBatch>();
    const el: IrTrend = await fixture('ir-trend', (el) => {
      el.lang = 'en';
      el.style.width = '400px';
      el.channels = [probe];
      el.source = source;
      el.window = 10;
    });
    const labels: { text: string; right: number; width: number }[] = [];
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, w?: number) {
      // Time labels ("12:09:10 AM"), centred on their tick: where their right end falls.
      if (/\d:\d\d:\d\d/.test(text)) labels.push({ text, right: x + this.measureText(text).width / 2, width: this.canvas.width });
      return fillText.call(this, text, x, y, w);
    };
    try {
      // Today's noon hour: its labels are among the widest ("12:00:10 PM"). The window's end moves a tenth of a second at a time.
      const noon = new Date().setHours(12, 0, 0, 0);
      for (let k = 0; k < 40; k++) {
        source.next({ channel: 'probe', t: Float64Array.of(noon + 10_000 + k * 100), v: Float32Array.of(20) });
        await drawn(el);
      }
    } finally {
      CanvasRenderingContext2D.prototype.fillText = fillText;
      el.remove();
    }
    expect(labels.length, 'time labels drawn').to.be.above(40);
    const cut = labels.filter((l) => l.right > l.width);
    expect(cut, `labels past the right edge: ${cut.map((l) => `${l.text} ends at ${l.right.toFixed(0)} of ${l.width}`).join(', ')}`).to.deep.equal([]);
  });
});
