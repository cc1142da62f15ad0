// A real WebSocket server for tests, driven from the browser through executeServerCommand.
import { WebSocketServer } from 'ws';

export function wsServerPlugin() {
  let wss;
  let port = 0;
  // A minimal gateway: with relay on, each text message from a client goes to all the others.
  let relay = false;
  let received = [];
  /** Maps made by 'ws-make-heated-maps', sent by 'ws-send-heated-map'. */
  let heated = [];
  return {
    name: 'ir-ws-server',
    async serverStart() {
      wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
      await new Promise((resolve, reject) => {
        wss.once('listening', resolve);
        wss.once('error', reject);
      });
      port = wss.address().port;
      wss.on('connection', (ws) => {
        ws.on('message', (data, isBinary) => {
          if (isBinary) return;
          const text = data.toString();
          received.push(...text.split('\n').filter((l) => l.trim() !== ''));
          if (!relay) return;
          for (const c of wss.clients) if (c !== ws && c.readyState === 1) c.send(text);
        });
      });
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
        case 'ws-send-messages': {
          // payload: (string | number[] | { template, fill })[]: each its own WebSocket message,
          // exactly as given (text cut anywhere, or binary bytes), in order, to every open
          // client. A template has '{fill}' replaced by `fill` x characters (megabytes made here).
          const text = (m) => (typeof m === 'string' ? m : m.template.replaceAll('{fill}', 'x'.repeat(m.fill)));
          for (const c of clients()) {
            if (c.readyState !== 1) continue;
            for (const m of payload ?? []) Array.isArray(m) ? c.send(Buffer.from(m), { binary: true }) : c.send(text(m));
          }
          return true;
        }
        case 'ws-make-heated-maps': {
          // payload: number of maps: maps 0..n-1 of test/kit/heated-map.mjs, made before a
          // timed window (16 MB each; made here, so the page under test never holds them).
          const { heatedMap } = await import('../kit/heated-map.mjs');
          heated = Array.from({ length: payload }, (_, k) => heatedMap(k, 5 + k));
          return true;
        }
        case 'ws-send-heated-map': {
          // payload: { channel, seq, k, t }: heated map k as a binary grid frame (docs/wire-format.md,
          // encoded by the built package: `npm test` builds it first).
          const { HEATED_SIZE, HEATED_SPACING_MM } = await import('../kit/heated-map.mjs');
          const { encodeBinaryFrame } = await import('../../dist/models/wire-frame.js');
          const { channel, seq, k, t } = payload;
          const frame = encodeBinaryFrame({ kind: 'grid', channel, seq, t, width: HEATED_SIZE, height: HEATED_SIZE, spacingMm: [HEATED_SPACING_MM, HEATED_SPACING_MM], originMm: [0, 0], data: heated[k] });
          for (const c of clients()) if (c.readyState === 1) c.send(Buffer.from(frame), { binary: true });
          return true;
        }
        case 'ws-close-all':
          for (const c of clients()) c.close(1000, 'bye');
          return true;
        case 'ws-relay':
          // payload: boolean
          relay = payload === true;
          return true;
        case 'ws-received': {
          // The text lines clients sent since the last call.
          const lines = received;
          received = [];
          return lines;
        }
        case 'ws-terminate-all':
          for (const c of clients()) c.terminate();
          return true;
        default:
          return undefined;
      }
    },
  };
}
