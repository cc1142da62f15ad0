// The panel pages of docs/ run as a stranger would copy them: each page's html block is a
// page of its own, the module script it names is the page's js block (its `ir-monitor` and
// `rxjs` imports pointed at the built package and its one-file RxJS: served by
// test/servers/docs-pages-plugin.mjs under a strict CSP), and the panel draws the feed.
import { expect } from '@esm-bundle/chai';
import { codeBlocks } from './blocks.js';
import { openDemo } from '../kit/demo-page.js';
import { waitUntil } from '../kit/fixture.js';

type Check = { tag: string; drawn: (el: HTMLElement & Record<string, unknown>) => boolean; what: string };
const part = (el: Element, name: string) => el.shadowRoot?.querySelector(`[part="${name}"]`)?.textContent?.replace(/\s+/g, ' ') ?? '';

const PAGES: Record<string, Check> = {
  'panel-cement.md': { tag: 'ir-cement-gauge', what: '1.8 mL injected', drawn: (el) => /Total 1\.8 mL · planned 4\.0/.test(part(el, 'total')) },
  'panel-cryo.md': { tag: 'ir-iceball-curve', what: 'an isotherm diameter', drawn: (el) => el.status !== undefined && /\d mm/.test(part(el, 'readouts')) },
  'panel-thermal.md': { tag: 'ir-thermal-map', what: 'the 90 °C peak and a coverage', drawn: (el) => /90\.0/.test(part(el, 'peak')) && el.coverage !== undefined },
  'panel-pulses.md': { tag: 'ir-pulse-trace', what: 'the pulse of pair 1-2', drawn: (el) => (el.pulses as unknown[]).length === 1 && part(el, 'table').includes('1-2') },
};

describe('docs: the panel pages run and draw', function () {
  this.timeout(30_000); // the first page loads the built package
  for (const [page, check] of Object.entries(PAGES))
    it(`${page}: <${check.tag}> shows ${check.what}`, async () => {
      const blocks = codeBlocks(await (await fetch(`/docs/${page}`)).text());
      expect(blocks.filter((b) => b.lang === 'js')).to.have.length(1);
      const docPage = await openDemo(`/docs-page/${page.replace(/\.md$/, '')}/`, check.tag, 900);
      try {
        const el = docPage.doc().querySelector(check.tag) as HTMLElement & Record<string, unknown>;
        await waitUntil(() => check.drawn(el), `${check.what} in <${check.tag}>`, 15_000).catch((e: Error) => {
          throw new Error(`${e.message}; it shows: ${el.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 400)}`);
        });
        expect(docPage.violations, 'no CSP violation').to.deep.equal([]);
      } finally {
        docPage.frame.remove();
      }
    });
});
