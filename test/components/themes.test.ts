import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import { fixture } from '../kit/fixture.js';

const TAGS = ['ir-trend', 'ir-alarm-banner', 'ir-alarm-log'] as const;
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
