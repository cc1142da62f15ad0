// The page every browser test runs in is under a strict Content-Security-Policy with Trusted
// Types, enforced and not only declared (test/servers/harness-csp.mjs), and what it refuses is
// reported to test/kit/csp-violations.ts, which fails the test that caused it.
import { expect } from '@esm-bundle/chai';
import { takeViolations } from '../kit/csp-violations.js';
import { waitUntil } from '../kit/fixture.js';

/** The one TrustedScript a page has without a policy: it tells whether eval itself is allowed. */
const emptyScript = (globalThis as unknown as { trustedTypes: { emptyScript: string } }).trustedTypes.emptyScript;

describe('the test page itself: strict CSP and Trusted Types (issue 20)', () => {
  it("is sent a strict policy: scripts from this origin, and the runner's inline ones by hash", async () => {
    const csp = (await fetch(location.href)).headers.get('content-security-policy') ?? '';
    expect(csp).to.match(/(^|;)\s*default-src 'self'\s*(;|$)/);
    expect(csp).to.match(/(^|;)\s*script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+\s*(;|$)/);
    expect(csp).not.to.match(/unsafe-|nonce-|-eval|data:|blob:|\s\*/);
    expect(csp).to.match(/(^|;)\s*require-trusted-types-for 'script'\s*(;|$)/);
  });

  it('refuses a string given to a script sink and code made from a string, and reports each', async () => {
    expect(takeViolations(), 'none before').to.deep.equal([]);
    expect(() => (document.createElement('script').text = 'void 0')).to.throw(TypeError, /TrustedScript/);
    expect(() => new Function('1')).to.throw(EvalError);
    // Past Trusted Types, eval is refused by script-src itself: no 'unsafe-eval'.
    expect(() => new Function(emptyScript)).to.throw(EvalError, /unsafe-eval/);
    const seen: string[] = [];
    await waitUntil(() => seen.push(...takeViolations()) >= 3, 'the three violations reported');
    expect(seen[0]).to.match(/^require-trusted-types-for: trusted-types-sink "HTMLScriptElement text\|void 0"/);
    expect(seen[1]).to.match(/^require-trusted-types-for: trusted-types-sink "Function\|/);
    expect(seen[2]).to.match(/^script-src: eval /);
  });

  it('fails a test during which a violation was reported (the check can fail)', async () => {
    const provoking = new Mocha.Test('gives a script sink a string', () => {
      expect(() => (document.createElement('script').text = 'void 0')).to.throw(TypeError);
    });
    const err = await new Promise<unknown>((done) => provoking.run(done));
    expect(err).to.be.instanceOf(Error);
    expect((err as Error).message).to.match(/^Content-Security-Policy violated:\nrequire-trusted-types-for: trusted-types-sink/);
    expect(takeViolations(), 'taken by the failure').to.deep.equal([]);
  });

  it('is the policy of a page opened by hand (--manual) too, with what its test file needs', async () => {
    const manual = (file: string) => fetch(`/?wtr-test-file=${encodeURIComponent(`${file}?wtr-manual-session=true`)}`).then((r) => r.headers.get('content-security-policy') ?? '');
    const plain = await manual('/test/reliability/harness-csp.test.ts');
    expect(plain).to.match(/(^|;)\s*script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+\s*;/);
    expect(plain).to.match(/require-trusted-types-for 'script'; trusted-types lit-html ir-test-script-url$/);
    expect(await manual('/test/frameworks/vue.test.ts')).to.match(/trusted-types lit-html ir-test-script-url vue$/);
  });
});
