import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { browserArgs, findBrowser } from './scripts/browser.mjs';
import { totalsReporter } from './scripts/totals-reporter.mjs';
import { wsServerPlugin } from './test/servers/ws-server-plugin.mjs';
import { forcedColorsPlugin } from './test/servers/forced-colors-plugin.mjs';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: a background tab throttles animation frames and skews heap readings.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findBrowser(), headless: true, args: browserArgs() },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), wsServerPlugin(), forcedColorsPlugin()],
  reporters: [defaultReporter(), totalsReporter()],
};
