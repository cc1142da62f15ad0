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

/** The test file a runner page runs: the path the runner gives with the page's session id. */
const testFileOf = (html) => /(\/[^"'?\s]+)\?wtr-session-id=/.exec(html)?.[1];

/**
 * What two pages need besides, by test file. Vue's runtime makes its `vue` policy when it loads.
 * Angular's packages ship partially compiled and its test compiles a component in the browser:
 * @angular/compiler turns templates and declarations into code it evaluates, and an
 * ahead-of-time build (the linker and ngtsc of @angular/compiler-cli) is not installed (it
 * requires TypeScript below 6.1; the project has 7). That page alone has 'unsafe-eval', and
 * Trusted Types still guard eval: only a TrustedScript runs, and the one policy allowed to make
 * one there is Angular's JIT policy; a string is refused (test/frameworks/angular.test.ts
 * checks it). 'trusted-types-eval', meant for exactly this, let strings through in Chromium 156.
 */
const exceptions = {
  '/test/frameworks/vue.test.ts': { script: [], policies: ['vue'] },
  '/test/frameworks/angular.test.ts': { script: ["'unsafe-eval'"], policies: ['angular#unsafe-jit'] },
};

/** The policy of a runner page, from the page as it is sent. */
export function harnessPolicy(html) {
  const extra = exceptions[testFileOf(html)] ?? { script: [], policies: [] };
  const hashes = [...new Set(inlineScripts(html).map(sha256))];
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...hashes, ...extra.script].join(' '),
    // The tests' own servers listen on loopback at ports chosen when they start: the WebSocket
    // gateway (ws-server-plugin.mjs) and nats-server's WebSocket port (nats-server-plugin.mjs);
    // the back-off tests dial closed loopback ports on purpose.
    "connect-src 'self' ws://127.0.0.1:*",
    "require-trusted-types-for 'script'",
    // Lit's, for its templates; the tests' own, for this package's workers and modules (test/kit/script-url.ts).
    ['trusted-types', 'lit-html', 'ir-test-script-url', ...extra.policies].join(' '),
  ].join('; ');
}

/** Koa middleware: the header on every runner page, set on the body the runner's plugins made. */
export async function harnessCsp(ctx, next) {
  await next();
  if (ctx.path !== '/' || !ctx.response.is('html')) return;
  const body = Buffer.isBuffer(ctx.body) ? ctx.body.toString('utf8') : ctx.body;
  if (typeof body === 'string') ctx.set('Content-Security-Policy', harnessPolicy(body));
}
