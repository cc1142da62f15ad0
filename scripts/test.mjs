// `npm test`: type-check, build the package (modules, bundle, import map), render every element on the
// server, run the engines and the edge against a real nats-server (Node), then every test in
// headless Chromium through @web/test-runner. The last line is the totals of both.
import { spawnSync } from 'node:child_process';
import { findBrowser } from './browser.mjs';
import { ensureNatsServer } from './nats-server.mjs';

process.env.CHROME_PATH = findBrowser();
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;

if (run('npx', ['tsc', '-p', 'tsconfig.json']) !== 0 || run('npm', ['run', '-s', 'build:package']) !== 0) {
  console.error('Type-check or build failed.');
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}

// The NATS tests (Node's and the browser's) need Debian's nats-server: installed here when
// missing and root; otherwise the message says what to run.
ensureNatsServer();

// Node's runner for server-side rendering, the package's types, generated files and docs, the
// procedure engines without a DOM and the edge; its counts join the browser's totals.
const ssr = spawnSync(process.execPath, ['--test', '--test-reporter=tap', 'test/ssr/', 'test/package/', 'test/engines/', 'test/edge/'], { encoding: 'utf8' });
process.stdout.write(ssr.stdout);
process.stderr.write(ssr.stderr);
const count = (word) => Number(new RegExp(`^# ${word} (\\d+)$`, 'm').exec(ssr.stdout)?.[1] ?? 0);
const passed = count('pass');
const failed = count('fail') + (ssr.status !== 0 && count('fail') === 0 ? 1 : 0);
process.env.IR_EXTRA_TOTALS = `${passed},${failed}`;

const browser = run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)]);
process.exit(browser || (failed ? 1 : 0));
