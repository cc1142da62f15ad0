import { expect } from '@esm-bundle/chai';
import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { websocketSource } from '../../src/streams/websocket-source.js';

/** A socket whose server is never there: the constructor refuses at once. */
class Refused {
  constructor() {
    throw new Error('refused');
  }
}

describe('websocketSource backoff on virtual time', () => {
  it('retries after 10, 20, 40 then 40 ms (capped), for as long as it is subscribed', () => {
    const ts = new TestScheduler((a, b) => void expect(a).to.deep.equal(b));
    ts.run(({ expectObservable }) => {
      const states = websocketSource('ws://127.0.0.1:1', {
        backoff: { initialMs: 10, maxMs: 40, factor: 2, jitter: 0 },
        WebSocketCtor: Refused as unknown as typeof WebSocket,
        scheduler: ts,
      }).pipe(map((i) => (i.type === 'state' ? `${i.state}${i.delayMs ?? ''}` : i.type)));
      expectObservable(states, '^ 120ms !').toBe('(ab) 6ms (ac) 16ms (ad) 36ms (ad) 36ms (ad)', {
        a: 'connecting',
        b: 'reconnecting10',
        c: 'reconnecting20',
        d: 'reconnecting40',
      });
    });
  });
});
