// A real nats-server (Debian's package) for browser tests, and edges publishing to it, driven
// from the page through executeServerCommand. The NATS client packages are CommonJS: they are
// served to the page as one ES module bundled by esbuild (never part of the library's build).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NATS_USERS, startNats } from '../../scripts/nats-server.mjs';

const CLIENT_PATH = '/__nats-client.js';
const CLIENT_PACKAGES = ['@nats-io/nats-core', '@nats-io/jetstream'];

export function natsServerPlugin() {
  let nats;
  let edgeModule;
  let client;
  // Inside the project, so the bundle's imports resolve from its node_modules.
  const dir = join('node_modules', '.cache', 'ir-edge');
  const edges = new Map();

  /** The edge from the sources (no build needed before the browser tests), bundled for Node. */
  const loadEdge = async () => {
    if (edgeModule) return edgeModule;
    const out = await build({ entryPoints: ['src/edge/index.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, logLevel: 'silent' });
    const file = join(dir, 'edge.mjs');
    writeFileSync(file, out.outputFiles[0].text);
    return (edgeModule = await import(pathToFileURL(join(process.cwd(), file)).href));
  };

  return {
    name: 'ir-nats-server',
    // The broker starts on the first test that asks: the suites that need none pay nothing.
    serverStart() {
      mkdirSync(dir, { recursive: true });
    },
    async serverStop() {
      for (const e of edges.values()) await e.stop();
      await nats?.stop();
    },
    resolveImport({ source }) {
      if (CLIENT_PACKAGES.includes(source)) return CLIENT_PATH;
      return undefined;
    },
    async serve(context) {
      if (context.path !== CLIENT_PATH) return undefined;
      // esbuild cannot re-export a CommonJS module's names with `export *`: they are listed.
      const taken = new Set(['default', 'module.exports']);
      const lines = [];
      for (const p of CLIENT_PACKAGES) {
        const names = Object.keys(await import(p)).filter((n) => !taken.has(n) && /^[A-Za-z_$][\w$]*$/.test(n));
        for (const n of names) taken.add(n);
        lines.push(`export { ${names.join(', ')} } from '${p}';`);
      }
      client ??= (
        await build({
          stdin: { contents: lines.join('\n'), resolveDir: process.cwd() },
          bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent',
        })
      ).outputFiles[0].text;
      return { body: client, type: 'js' };
    },
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'nats-start':
          nats ??= await startNats();
          return { wsUrl: nats.wsUrl, users: NATS_USERS };
        case 'nats-edge-start': {
          // payload: { procedure, scenario, speed? }
          const { startEdge } = await loadEdge();
          await edges.get(payload.procedure)?.stop();
          const edge = await startEdge({ nats: nats.url, ...payload, ...NATS_USERS.edge });
          edges.set(payload.procedure, edge);
          return true;
        }
        case 'nats-edge-alarm': {
          // payload: { procedure, id }: the edge's own view of one alarm.
          const a = edges.get(payload.procedure)?.room.manager.present.value.find((x) => x.rule.id === payload.id);
          return a ? { presence: a.state.presence, occurrence: a.state.occurrence } : null;
        }
        case 'nats-edge-stop': {
          const e = edges.get(payload.procedure);
          edges.delete(payload.procedure);
          await e?.stop();
          return true;
        }
        default:
          return undefined;
      }
    },
  };
}
