// Every page a person or a test opens runs under a strict Content-Security-Policy with
// Trusted Types enforced, and plays its procedure with no violation: the six demo pages
// (policy in a meta element) and the two pages without a bundler (policy sent by
// test/servers/plain-static.mjs). What each page draws is the e2e tests' business.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { openDemo } from '../kit/demo-page.js';
import { waitUntil } from '../kit/fixture.js';

const PAGES: [path: string, panel: string][] = [
  ['/demo/index.html?speed=60', 'ir-trend'],
  ['/demo/cryo.html?speed=60', 'ir-iceball-curve'],
  ['/demo/thermal.html?speed=60', 'ir-thermal-map'],
  ['/demo/pulses.html?speed=60', 'ir-pulse-trace'],
  ['/demo/cement.html?speed=60', 'ir-cement-gauge'],
  ['/demo/dose.html?speed=60', 'ir-dose-gauge'],
  ['/plain/test/plain/bundle.html', 'ir-cement-gauge'],
  ['/plain/test/plain/import-map.html', 'ir-cement-gauge'],
];

/** The page's policy: its meta element's, else the header it was sent with. */
async function policyOf(path: string, doc: Document): Promise<string> {
  const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
  return meta ?? (await fetch(path)).headers.get('content-security-policy') ?? '';
}

const checked: Record<string, { violations: number }> = {};

describe('strict CSP and Trusted Types on every page (issue 20)', () => {
  after(() => executeServerCommand('record-figures', { name: 'csp', figures: { pages: checked } }));

  for (const [path, panel] of PAGES) {
    it(`${path.replace(/\?.*/, '')}: strict policy, Trusted Types enforced, no violation while it plays`, async function () {
      this.timeout(30_000);
      const page = await openDemo(path, panel);
      try {
        const doc = page.doc();
        const csp = await policyOf(path, doc);
        expect(csp).to.match(/(^|;)\s*default-src 'self'\s*(;|$)/);
        expect(csp).not.to.match(/unsafe-|data:|\*/);
        expect(csp).to.match(/require-trusted-types-for 'script'/);
        // Data flows and the panel has drawn: the page has done what it does.
        const room = doc.querySelector('ir-telemetry') as HTMLElement & { state: string };
        await waitUntil(() => room.state === 'live', `${path}: data flowing`, 20_000);
        await waitUntil(() => (doc.querySelector(panel)?.shadowRoot?.childElementCount ?? 0) > 0, `${path}: <${panel}> rendered`);
        expect(page.violations, 'no violation').to.deep.equal([]);
        // Enforced, not only declared: a plain string given to a script sink is refused.
        expect(() => (doc.createElement('script').text = 'void 0')).to.throw(/TrustedScript/);
        checked[path.replace(/\?.*/, '')] = { violations: page.violations.length };
      } finally {
        page.frame.remove();
      }
    });
  }
});
