// A real nats-server (Debian's package) for tests, benchmarks and a developer's edge: loopback
// only, a WebSocket listener for browsers, JetStream in a store directory of its own.
// `node scripts/nats-server.mjs` runs one in the foreground (4222, WebSocket 9222) until Ctrl-C;
// `node scripts/nats-server.mjs --install` installs the package when missing (as root).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The users every broker here knows; docs/nats.md states their rights. */
export const NATS_USERS = {
  edge: { user: 'edge', pass: 'edge-secret' },
  viewer: { user: 'viewer', pass: 'viewer-secret' },
  readonly: { user: 'readonly', pass: 'readonly-secret' },
};

export function natsServerPath() {
  for (const p of ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server']) {
    if (spawnSync(p, ['--version']).status === 0) return p;
  }
  return undefined;
}

/**
 * Installs Debian's nats-server when it is missing and we are root; otherwise says what to do.
 * Returns the path, or undefined with the reason printed.
 */
export function ensureNatsServer() {
  const found = natsServerPath();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    console.error('nats-server is missing: run `sudo apt-get update && sudo apt-get install -y nats-server` (Debian package), then the tests again.');
    return undefined;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-qq', 'nats-server'], { stdio: 'inherit', env });
  const path = natsServerPath();
  if (!path) console.error('nats-server could not be installed with apt-get: install the Debian package nats-server by hand.');
  return path;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const accepts = (port) =>
  new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => (c.destroy(), resolve(true)));
    c.once('error', () => resolve(false));
  });

/**
 * Whether JetStream answers on `port`: the account information asked as the edge, in the
 * client protocol itself (no client library here). Ports accept before JetStream may be up.
 */
const jetStreamAnswers = (port) =>
  new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    const done = (ok) => (c.destroy(), clearTimeout(timer), resolve(ok));
    const timer = setTimeout(() => done(false), 2000);
    let got = '';
    c.once('error', () => done(false));
    c.on('data', (d) => {
      got += d;
      if (/account_info_response/.test(got)) done(true);
      else if (/-ERR|NATS\/1\.0 503/.test(got)) done(false);
    });
    const { user, pass } = NATS_USERS.edge;
    c.write(`CONNECT ${JSON.stringify({ verbose: false, pedantic: false, user, pass, headers: true, no_responders: true })}\r\nSUB _INBOX.ready 1\r\nPUB $JS.API.INFO _INBOX.ready 0\r\n\r\n`);
  });

function config({ port, wsPort, dir }) {
  const u = NATS_USERS;
  // The read-only user may read streams (JetStream API for its consumers) but publish nothing
  // under ir. (no commands, no data) and may not delete or purge a stream.
  return `listen: 127.0.0.1:${port}
websocket { listen: "127.0.0.1:${wsPort}", no_tls: true }
jetstream { store_dir: "${dir}", max_memory_store: 268435456, max_file_store: 68719476736 }
accounts {
  IR {
    jetstream: enabled
    users: [
      { user: ${u.edge.user}, password: ${u.edge.pass} }
      { user: ${u.viewer.user}, password: ${u.viewer.pass}, permissions: { publish: { deny: ["ir.*.samples", "ir.*.samples.>", "ir.*.overview", "ir.*.frames.>", "ir.*.events.>", "ir.*.alarms", "ir.*.channels", "$JS.API.STREAM.DELETE.>", "$JS.API.STREAM.PURGE.>"] } } }
      { user: ${u.readonly.user}, password: ${u.readonly.pass}, permissions: { publish: { deny: ["ir.>", "$JS.API.STREAM.DELETE.>", "$JS.API.STREAM.PURGE.>"] } } }
    ]
  }
}
no_auth_user: ${u.viewer.user}
`;
}

/**
 * Starts nats-server on free loopback ports with JetStream in a new temporary directory
 * (file store, so it survives `kill()` then `restart()`). `stop()` ends it and removes the store.
 */
export async function startNats({ port, wsPort } = {}) {
  const bin = ensureNatsServer();
  if (!bin) throw new Error('nats-server is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'ir-nats-'));
  const ports = { port: port ?? (await freePort()), wsPort: wsPort ?? (await freePort()) };
  const conf = join(dir, 'nats.conf');
  writeFileSync(conf, config({ ...ports, dir: join(dir, 'js') }));
  let child;
  let log = '';
  const launch = async () => {
    child = spawn(bin, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    log = '';
    child.stderr.on('data', (d) => (log = (log + d).slice(-4000)));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for (let i = 0; i < 200; i++) {
      if ((await accepts(ports.port)) && (await accepts(ports.wsPort)) && (await jetStreamAnswers(ports.port))) return;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await exited;
    throw new Error(`nats-server did not start:\n${log}`);
  };
  const ended = () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r)));
  await launch();
  return {
    ...ports,
    url: `nats://127.0.0.1:${ports.port}`,
    wsUrl: `ws://127.0.0.1:${ports.wsPort}`,
    dir,
    /** The end of the broker's own log (its standard error), for a failure's report. */
    get log() {
      return log;
    },
    /** kill -9: no goodbye to clients, whatever was not yet synced to the store is the store's problem. */
    async kill() {
      child.kill('SIGKILL');
      await ended();
    },
    async restart() {
      await launch();
    },
    async stop() {
      child.kill('SIGTERM');
      await ended();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--install')) process.exit(ensureNatsServer() ? 0 : 1);
  const nats = await startNats({ port: 4222, wsPort: 9222 });
  console.error(`nats-server on ${nats.url} (WebSocket ${nats.wsUrl}), JetStream in ${nats.dir}; Ctrl-C stops it.`);
  const stop = () => nats.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
