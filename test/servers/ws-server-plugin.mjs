// A real WebSocket server for tests, driven from the browser through executeServerCommand.
import { WebSocketServer } from 'ws';

export function wsServerPlugin() {
  let wss;
  let port = 0;
  return {
    name: 'ir-ws-server',
    async serverStart() {
      wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
      await new Promise((resolve, reject) => {
        wss.once('listening', resolve);
        wss.once('error', reject);
      });
      port = wss.address().port;
    },
    async serverStop() {
      if (!wss) return;
      for (const c of wss.clients) c.terminate();
      await new Promise((resolve) => wss.close(() => resolve()));
    },
    async executeCommand({ command, payload }) {
      const clients = () => [...wss.clients];
      switch (command) {
        case 'ws-port':
          return port;
        case 'ws-clients':
          return clients().filter((c) => c.readyState === 1).length;
        case 'ws-send': {
          // payload: { lines?: string[], binary?: number[][] (bytes) }
          for (const c of clients()) {
            if (c.readyState !== 1) continue;
            if (payload?.lines?.length) c.send(payload.lines.join('\n'));
            for (const b of payload?.binary ?? []) c.send(Buffer.from(b), { binary: true });
          }
          return true;
        }
        case 'ws-close-all':
          for (const c of clients()) c.close(1000, 'bye');
          return true;
        case 'ws-terminate-all':
          for (const c of clients()) c.terminate();
          return true;
        default:
          return undefined;
      }
    },
  };
}
