// `npm start`: the training demo on Vite's dev server, run in this process (no child to
// leave behind). npm runs a script through `sh -c`, and on SIGTERM it signals that shell,
// which dies without passing the signal on: so the server also closes when this process's
// parent goes away, as well as on SIGINT, SIGTERM and SIGHUP.
import { createServer } from 'vite';

const server = await createServer({ configFile: 'vite.config.ts' });
await server.listen();
server.printUrls();

const parent = process.ppid;
let closing = false;
const stop = async () => {
  if (closing) return;
  closing = true;
  await server.close();
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
// Orphaned processes are adopted by another (init or a subreaper): the parent id changes.
setInterval(() => process.ppid !== parent && stop(), 500).unref();
