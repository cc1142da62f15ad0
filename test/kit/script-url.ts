// Under the test pages' Trusted Types (test/servers/harness-csp.mjs) the URL of a worker or of
// a script element is a TrustedScriptURL. This is the one policy the pages allow to make them:
// this origin's own sources under /src/, nothing else, as a demo page's default policy lets
// through only its own workers (demo/trusted-worker.ts).
interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
const { trustedTypes } = globalThis as unknown as {
  trustedTypes: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy };
};

const policy = trustedTypes.createPolicy('ir-test-script-url', {
  createScriptURL(url: string) {
    const u = new URL(url, location.href);
    if (u.origin !== location.origin || !u.pathname.startsWith('/src/')) throw new TypeError(`not one of this package's sources: ${url}`);
    return url;
  },
});

/** `url` as a TrustedScriptURL, typed as the string the sinks' TypeScript signatures take. */
export const scriptUrl = (url: string | URL): string => policy.createScriptURL(String(url)) as string;
