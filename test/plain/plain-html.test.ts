// Plain HTML with no bundler, from a static server that sends files as they are, under a
// strict CSP: the one-file bundle, and separate files through the documented import map.
// Every element upgrades and renders; the page's samples reach the trend and its alarm the banner.
import { expect } from '@esm-bundle/chai';
import { openDemo } from '../kit/demo-page.js';
import { waitUntil } from '../kit/fixture.js';

const TAGS = ['ir-telemetry', 'ir-alarm-banner', 'ir-trend', 'ir-alarm-log', 'ir-iceball-curve', 'ir-thermal-map', 'ir-pulse-trace', 'ir-cement-gauge'];

for (const [page, what] of [['bundle.html', 'dist/ir-monitor.bundle.js'], ['import-map.html', 'the import map']]) {
  describe(`plain HTML: ${what}`, () => {
    it('renders every element, draws the page\'s samples and raises its alarm, with no CSP violation', async () => {
      const { frame, doc, violations } = await openDemo(`/plain/test/plain/${page}`, 'ir-cement-gauge');
      try {
        const csp = (await fetch(`/plain/test/plain/${page}`)).headers.get('content-security-policy')!;
        expect(csp).to.match(/^default-src 'self'/);
        expect(csp).not.to.match(/unsafe/);
        for (const tag of TAGS) {
          const el = doc().querySelector(tag)!;
          expect(frame.contentWindow!.customElements.get(tag), tag).to.equal(el.constructor);
          if (tag !== 'ir-telemetry') await waitUntil(() => (el.shadowRoot?.childElementCount ?? 0) > 0, `${tag} rendered`);
        }
        // Attribute values the bundle wrote without quotes read as written: none took in a quote or a slash.
        const values = TAGS.flatMap((tag) => [...(doc().querySelector(tag)!.shadowRoot?.querySelectorAll('*') ?? [])].flatMap((e) => [...e.attributes].map((a) => `${tag} ${a.name}=${a.value}`)));
        expect(values.filter((v) => /["'/]$|^[^=]*="/.test(v))).to.deep.equal([]);
        expect(values).to.include('ir-trend part=readouts');
        const trend = doc().querySelector('ir-trend')!;
        await waitUntil(() => trend.shadowRoot!.querySelector('[part="readout"] .value')?.textContent === '70.0', 'the latest sample in the trend');
        const banner = doc().querySelector('ir-alarm-banner')!;
        await waitUntil(() => banner.shadowRoot!.textContent!.includes('Probe hot'), 'the alarm in the banner');
        expect(violations).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });

    if (page === 'bundle.html')
      it('keeps every element\'s style sheets as its modules write them (the bundle strips their layout)', async () => {
        const { frame } = await openDemo(`/plain/test/plain/${page}`, 'ir-cement-gauge');
        try {
          // The modules' own sheets, in this window, read as the browser parses them.
          await import('../../src/index.js');
          const parsed = (win: Window, tag: string) => {
            const styles = (win.customElements.get(tag) as unknown as { elementStyles: { cssText: string }[] }).elementStyles;
            return styles.map((s) => {
              const sheet = new CSSStyleSheet();
              sheet.replaceSync(s.cssText);
              return [...sheet.cssRules].map((r) => r.cssText);
            });
          };
          for (const tag of TAGS) {
            const bundled = parsed(frame.contentWindow!, tag);
            // The telemetry element draws nothing: it has no sheet of its own.
            if (tag !== 'ir-telemetry') expect(bundled.flat().length, tag).to.be.greaterThan(0);
            expect(bundled, tag).to.deep.equal(parsed(window, tag));
          }
        } finally {
          frame.remove();
        }
      });
  });
}
