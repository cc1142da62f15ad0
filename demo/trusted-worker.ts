// Under Trusted Types (`require-trusted-types-for 'script'`) a worker's URL is a script URL.
// The page's default policy lets through this page's own module workers, same origin, and
// nothing else; `new Worker(new URL(...), { type: 'module' })` stays as Vite finds it.
interface TrustedTypes {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): unknown;
}
const trustedTypes = (globalThis as { trustedTypes?: TrustedTypes }).trustedTypes;
trustedTypes?.createPolicy('default', {
  createScriptURL(url: string) {
    const u = new URL(url, location.href);
    if (u.origin !== location.origin || !/worker[^/]*\.(ts|js)$/.test(u.pathname)) throw new TypeError(`not this page's worker: ${url}`);
    return url;
  },
});
