// `npm test`: type-check, then every test in headless Chromium through @web/test-runner.
import { spawnSync } from 'node:child_process';
import { findBrowser } from './browser.mjs';

process.env.CHROME_PATH = findBrowser();
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;

if (run('npx', ['tsc', '-p', 'tsconfig.json']) !== 0) {
  console.error('Type-check failed.');
  process.exit(1);
}
process.exit(run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)]));
