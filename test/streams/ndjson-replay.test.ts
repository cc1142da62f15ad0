import { expect } from '@esm-bundle/chai';
import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { isTechnicalEvent } from '../../src/models/events.js';
import { ndjsonReplay } from '../../src/streams/ndjson-replay.js';

const fixture = () => fetch(new URL('../fixtures/cryo.ndjson', import.meta.url)).then((r) => r.text());

describe('ndjsonReplay', () => {
  it('replays a 10 s recording at 10x in 1 s of virtual time, in order, bad lines as events', async () => {
    const text = await fixture();
    const ts = new TestScheduler((a, b) => void expect(a).to.deep.equal(b));
    ts.run(({ expectObservable }) => {
      const out = ndjsonReplay(text, { speed: 10, scheduler: ts }).pipe(
        map((x) => (isTechnicalEvent(x) ? x.reason : `${x.channel}:${x.t[0] - 1700000000000}`)),
      );
      // Lines at 0, 2, (bad), 5, 10 s of data time -> 0, 200, 200, 500, 1000 ms.
      expectObservable(out).toBe('a 199ms (bc) 296ms d 499ms (e|)', {
        a: 'probe:0', b: 'probe:2000', c: 'malformed-json', d: 'probe:5000', e: 'probe:10000',
      });
    });
  });

  it('keeps data-time order when lines are out of order, and never errors', () => {
    const line = (t: number) => `{"ver":1,"type":"samples","channel":"p","seq":1,"unit":"Cel","t":[${t}],"v":[1]}`;
    const text = [line(1000), line(3000), line(2000), 'not json', '{"type":"samples"}'].join('\n');
    const ts = new TestScheduler((a, b) => void expect(a).to.deep.equal(b));
    ts.run(({ expectObservable }) => {
      const out = ndjsonReplay(text, { speed: 1, scheduler: ts }).pipe(map((x) => (isTechnicalEvent(x) ? 'bad' : x.t[0])));
      expectObservable(out).toBe('a 999ms (bde) 995ms (c|)', { a: 1000, b: 2000, c: 3000, d: 'bad', e: 'bad' });
    });
  });
});
