import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { browserArgs, findBrowser } from './scripts/browser.mjs';
import { totalsReporter } from './scripts/totals-reporter.mjs';
import { wsServerPlugin } from './test/servers/ws-server-plugin.mjs';
import { forcedColorsPlugin } from './test/servers/forced-colors-plugin.mjs';
import { heapPlugin } from './test/servers/heap-plugin.mjs';
import { figuresPlugin } from './test/servers/figures-plugin.mjs';
import { plainStatic } from './test/servers/plain-static.mjs';
import { natsServerPlugin } from './test/servers/nats-server-plugin.mjs';
import { sseMiddleware, ssePlugin } from './test/servers/sse-server.mjs';
import { harnessCsp } from './test/servers/harness-csp.mjs';
import { docsPagesPlugin } from './test/servers/docs-pages-plugin.mjs';
import { angularPlugin } from './test/servers/angular-plugin.mjs';

/**
 * React 19 ships CommonJS only, which a browser cannot import: test/react/react-esm.js (a
 * re-export of react, react-dom and react-dom/client) is served bundled by esbuild as one
 * ES module, so the React test runs offline with a single copy of React.
 */
const reactEsm = () => ({
  name: 'react-esm',
  async serve(context) {
    if (context.path !== '/test/react/react-esm.js') return undefined;
    const out = await build({
      entryPoints: ['test/react/react-esm.js'], bundle: true, format: 'esm', write: false, logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"development"' },
    });
    return { body: out.outputFiles[0].text, type: 'js' };
  },
});

/**
 * Frameworks by name for modules that import them: `react` is the bundled copy above (through
 * test/react/react-shim.js); `vue` its self-contained browser build of the runtime alone (the
 * template compiler needs eval, which the test pages refuse). Angular's are linked as served
 * (test/servers/angular-plugin.mjs).
 */
const frameworks = () => ({
  name: 'frameworks',
  resolveImport({ source }) {
    if (source === 'react') return '/test/react/react-shim.js';
    if (source === 'vue') return '/node_modules/vue/dist/vue.runtime.esm-browser.js';
    return undefined;
  },
});

export default {
  files: ['test/**/*.test.ts'],
  // `ir-monitor/...` imported by name (the demo pages) resolves to src/*.ts, as on `npm start`:
  // the repository-only export condition of package.json. `development` is the runner's default.
  nodeResolve: { exportConditions: ['ir-monitor-source', 'development'] },
  // One page at a time: a background tab throttles animation frames and skews heap readings.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findBrowser(), headless: true, args: browserArgs() },
    }),
  ],
  // Each test page: the framework, then the check that fails a test on a CSP violation; the
  // page is sent under a strict CSP with Trusted Types (test/servers/harness-csp.mjs).
  testRunnerHtml: (framework) =>
    `<!DOCTYPE html><html><head></head><body><script type="module">import '${framework}'; import '/test/kit/csp-violations.ts';</script></body></html>`,
  // Pages with no bundler, sent as on disk under a strict CSP (test/plain/); a real /sse endpoint.
  middleware: [harnessCsp, plainStatic, sseMiddleware],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    reactEsm(),
    frameworks(),
    angularPlugin(),
    wsServerPlugin(),
    natsServerPlugin(),
    ssePlugin(),
    forcedColorsPlugin(),
    heapPlugin(),
    figuresPlugin(),
    docsPagesPlugin(),
  ],
  reporters: [defaultReporter(), totalsReporter()],
};
