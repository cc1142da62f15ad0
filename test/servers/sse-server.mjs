// A real Server-Sent Events endpoint for tests (/sse), fed from the page through
// executeServerCommand: the middleware holds the open responses, the plugin writes to them.
import { PassThrough } from 'node:stream';

const clients = new Set();

/** Koa middleware for the test runner's server: GET /sse stays open as an event stream. */
export function sseMiddleware(ctx, next) {
  if (ctx.path !== '/sse') return next();
  ctx.request.socket.setTimeout(0);
  ctx.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  const stream = new PassThrough();
  clients.add(stream);
  stream.on('close', () => clients.delete(stream));
  ctx.req.on('close', () => (clients.delete(stream), stream.end()));
  ctx.status = 200;
  ctx.body = stream;
  stream.write(': open\n\n');
}

export function ssePlugin() {
  return {
    name: 'ir-sse-server',
    executeCommand({ command, payload }) {
      switch (command) {
        case 'sse-clients':
          return clients.size;
        case 'sse-send':
          // payload: { lines?: string[] (one message event), frames?: number[][] (bytes, one frame event each) }
          for (const c of clients) {
            if (payload?.lines?.length) c.write(`data: ${payload.lines.join('\ndata: ')}\n\n`);
            for (const f of payload?.frames ?? []) c.write(`event: frame\ndata: ${Buffer.from(f).toString('base64')}\n\n`);
          }
          return true;
        case 'sse-close-all':
          for (const c of clients) c.end();
          clients.clear();
          return true;
        default:
          return undefined;
      }
    },
  };
}
