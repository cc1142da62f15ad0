// `npm run soak`: four hours of the thermal procedure's data at 60x (four minutes of wall
// time) with every panel of its page mounted, in headless Chromium; prints the heap growth
// after the warm-up and the longest frame (also in .reliability/soak-4h.json). Not in CI:
// the suite runs the 20-minute version (test/reliability/soak.test.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { findBrowser } from './browser.mjs';

process.env.CHROME_PATH = findBrowser();
// A loaded machine stretches frames, not the heap: said, so the frame figure is read with it.
console.log(`load average ${loadavg()[0].toFixed(2)}`);
const { status } = spawnSync('npx', ['web-test-runner', '--config', 'test/reliability/soak.config.mjs'], { stdio: 'inherit' });
try {
  console.log(readFileSync('.reliability/soak-4h.json', 'utf8'));
} catch {
  console.log('no figures recorded (.reliability/soak-4h.json)');
}
process.exit(status ?? 1);
