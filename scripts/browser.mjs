// Finds a Chrome/Chromium for tests and benchmarks; installs Debian's when it can.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function found() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
  }
  return candidates.find((p) => existsSync(p));
}

/** Returns the path of a usable browser, installing Debian's chromium as root on Debian. */
export function findBrowser() {
  let path = found();
  if (path) return path;
  if (isRoot() && existsSync('/etc/debian_version')) {
    console.error('No Chrome/Chromium found: installing Debian\'s chromium (apt-get install -y chromium)...');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    path = found();
    if (path) return path;
  }
  const distro = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const hint = /debian|ubuntu/i.test(distro) ? 'run `sudo apt-get install -y chromium`' : 'install Chrome or Chromium';
  console.error(`No Chrome/Chromium found: ${hint}, or set CHROME_PATH to its executable.`);
  process.exit(1);
}

/** Flags for headless runs on a closed network; --no-sandbox only when root, as Chromium requires. */
export function browserArgs() {
  return [
    ...(isRoot() ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
    '--js-flags=--expose-gc',
    // Without it performance.memory is frozen, and a memory test could never fail.
    '--enable-precise-memory-info',
  ];
}
