import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import { Subject } from 'rxjs';
import type { SampleBatch } from '../../src/models/channel.js';
import { canvasOf, drawn, fixture, forcedColours, rgbOf, rowsWith } from '../kit/fixture.js';

const TAGS = ['ir-trend', 'ir-alarm-banner', 'ir-alarm-log', 'ir-cement-gauge'] as const;
const SURFACE = { dark: 'rgb(11, 15, 20)', light: 'rgb(255, 255, 255)', 'high-contrast': 'rgb(0, 0, 0)' } as const;

describe('themes', () => {
  for (const tag of TAGS)
    it(`${tag} takes its colours from the one set of theme tokens, and a page value wins`, async () => {
      const el = await fixture(tag);
      for (const theme of ['dark', 'light', 'high-contrast'] as const) {
        el.theme = theme;
        await el.updateComplete;
        expect(getComputedStyle(el).backgroundColor, theme).to.equal(SURFACE[theme]);
      }
      el.style.setProperty('--ir-color-surface', 'rgb(1, 2, 3)');
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(1, 2, 3)');
      el.remove();
    });
});

describe('forced colors', () => {
  afterEach(() => forcedColours(false));

  it('draws with system colours when the user forces a palette, and back', async () => {
    const source = new Subject<SampleBatch>();
    const el = await fixture('ir-trend', (el) => {
      el.style.width = '400px';
      el.channels = [{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] }];
      el.source = source;
      el.window = 10;
    });
    source.next({ channel: 'probe', t: new Float64Array(100).map((_, i) => i * 100), v: new Float32Array(100).map((_, i) => i) });
    await drawn(el);
    expect(rowsWith(canvasOf(el), [0x4f, 0xc3, 0xf7]).length).to.be.greaterThan(10);
    await forcedColours(true);
    await drawn(el);
    // The series takes the system Highlight colour, whatever it is on this machine.
    const probe = document.createElement('span');
    probe.style.color = 'Highlight';
    document.body.append(probe);
    const highlight = rgbOf(getComputedStyle(probe).color);
    probe.remove();
    expect(rowsWith(canvasOf(el), highlight, 10).length).to.be.greaterThan(10);
    expect(rowsWith(canvasOf(el), [0x4f, 0xc3, 0xf7], 10)).to.have.length(0);
    await forcedColours(false);
    await drawn(el);
    expect(rowsWith(canvasOf(el), [0x4f, 0xc3, 0xf7]).length).to.be.greaterThan(10);
    el.remove();
  });
});
