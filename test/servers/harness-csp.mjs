// The test runner's own pages (`/?wtr-session-id=...`, where every browser test runs) are sent
// under a strict Content-Security-Policy with Trusted Types, as the demo and no-bundler pages
// are (issue 20). The runner writes inline module scripts into each page (its config, the
// browser-log capture, the page's entry from testRunnerHtml): each is allowed by its SHA-256
// hash, computed from the body as sent, so the policy follows the runner when it changes.
import { createHash } from 'node:crypto';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The text of each inline script of a page (one without `src`), as the browser hashes it. */
const inlineScripts = (html) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].filter((m) => !/\bsrc\s*=/i.test(m[1])).map((m) => m[2]);

/**
 * The test file a runner page runs: the path the runner gives with the page's session id, or
 * with its manual-session mark on a page opened by hand (`--manual`).
 */
const testFileOf = (html) => /(\/[^"'?\s]+)\?wtr-(?:session-id|manual-session)=/.exec(html)?.[1];
/** A page that runs a test (the runner's own list of files for `--manual` runs none). */
const runsTest = (url) => /[?&]wtr-(?:session-id|test-file)=/.test(url);

/** Trusted Types policies a page makes besides, by test file: Vue's runtime makes `vue` when it loads. */
const policiesOf = {
  '/test/frameworks/vue.test.ts': ['vue'],
};

/** The policy of a runner page, from the page as it is sent. */
export function harnessPolicy(html) {
  const hashes = [...new Set(inlineScripts(html).map(sha256))];
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...hashes].join(' '),
    // The tests' own servers listen on loopback at ports chosen when they start: the WebSocket
    // gateway (ws-server-plugin.mjs) and nats-server's WebSocket port (nats-server-plugin.mjs);
    // the back-off tests dial closed loopback ports on purpose.
    "connect-src 'self' ws://127.0.0.1:*",
    "require-trusted-types-for 'script'",
    // Lit's, for its templates; the tests' own, for this package's workers and modules (test/kit/script-url.ts).
    ['trusted-types', 'lit-html', 'ir-test-script-url', ...(policiesOf[testFileOf(html)] ?? [])].join(' '),
  ].join('; ');
}

/** Koa middleware: the header on every runner page, set on the body the runner's plugins made. */
export async function harnessCsp(ctx, next) {
  await next();
  if (ctx.path !== '/' || !runsTest(ctx.url) || !ctx.response.is('html')) return;
  const body = Buffer.isBuffer(ctx.body) ? ctx.body.toString('utf8') : ctx.body;
  if (typeof body === 'string') ctx.set('Content-Security-Policy', harnessPolicy(body));
}
