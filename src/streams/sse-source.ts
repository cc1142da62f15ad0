import { Observable } from 'rxjs';
import { parseWireLineInSteps } from '../models/wire.js';
import type { SequenceOptions } from '../models/sequence.js';
import { wireReader, type WsItem } from './websocket-source.js';
import { PIECE_CHARS, SlicedQueue, linePieces } from './sliced-queue.js';

export interface SseSourceOptions {
  EventSourceCtor?: typeof EventSource;
  sequence?: SequenceOptions;
}

/** A base64 text as bytes. */
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * The wire format over Server-Sent Events, for networks that let only plain HTTP through:
 * each `message` event holds whole NDJSON lines (docs/wire-format.md), each `frame`
 * event one binary frame in base64. One way only: commands cannot go back on it
 * (a page that must acknowledge uses a WebSocket gateway or NATS). The browser's
 * EventSource reconnects by itself; the items are those of `websocketSource`, so a
 * room treats both alike (sequence checks, a restarted sender's new stream).
 */
export function sseSource(url: string, opts: SseSourceOptions = {}): Observable<WsItem> {
  const Ctor = opts.EventSourceCtor ?? EventSource;
  return new Observable<WsItem>((sub) => {
    const reader = wireReader((x) => sub.next(x), opts.sequence);
    // In order, a large message in slices (`SlicedQueue`): the page is never stalled by one,
    // even a single long line.
    const work = new SlicedQueue();
    let attempt = 0;
    sub.next({ type: 'state', state: 'connecting', attempt });
    const es = new Ctor(url);
    es.onopen = () =>
      // After the messages of the last connection still being read.
      work.push(() => {
        attempt = 0;
        reader.newConnection();
        sub.next({ type: 'state', state: 'live', attempt });
      });
    es.onerror = () => {
      // CLOSED: the server refused for good (an HTTP error, a wrong type); otherwise it retries.
      const closed = es.readyState === 2;
      work.push(() => {
        sub.next({ type: 'state', state: closed ? 'closed' : 'reconnecting', attempt: attempt++ });
        if (closed) sub.complete();
      });
    };
    // A long line is parsed in steps, each a step of the queue.
    const lines = (text: string) =>
      function* () {
        for (const line of text.split('\n')) if (line.trim() !== '') reader.line(yield* parseWireLineInSteps(line, PIECE_CHARS));
      };
    es.onmessage = (e: MessageEvent<string>) => work.push(...linePieces(e.data).map(lines));
    es.addEventListener('frame', (e) =>
      work.push(() => {
        try {
          reader.frame(fromBase64((e as MessageEvent<string>).data));
        } catch {
          sub.next({ type: 'parse-error', reason: 'bad-magic', detail: 'frame event: not base64' });
        }
      }),
    );
    return () => {
      work.close();
      es.close();
    };
  });
}
