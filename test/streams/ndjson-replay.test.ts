import { expect } from '@esm-bundle/chai';
import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { isTechnicalEvent } from '../../src/models/events.js';
import { ndjsonReplay } from '../../src/streams/ndjson-replay.js';
import { validateSamples } from '../../src/streams/validate-samples.js';
import { dataEpoch } from '../kit/clock.js';

/** The recording's first data time: it is replayed against its own clock, so any time does; relative to now as every fixture. */
const RECORDED_AT = dataEpoch();
/** A 10 s recording of a probe cooling, with one line cut short (a recorder stopped mid-line). */
const fixture = async () =>
  [
    [1, [0, 1000], [36.5, 20.1]],
    [2, [2000, 3000], [-10.2, -40.8]],
    [3, [4000], null],
    [4, [5000, 7000], [-80.4, -110.3]],
    [5, [10_000], [-130.0]],
  ]
    .map(([seq, t, v]) => {
      const line = JSON.stringify({ ver: 1, type: 'samples', channel: 'probe', seq, unit: 'Cel', t: (t as number[]).map((x) => RECORDED_AT + x), v });
      return v ? line : line.slice(0, line.indexOf('"t":[') + 18);
    })
    .join('\n');

describe('ndjsonReplay', () => {
  it('replays a 10 s recording at 10x in 1 s of virtual time, in order, bad lines as events', async () => {
    const text = await fixture();
    const ts = new TestScheduler((a, b) => void expect(a).to.deep.equal(b));
    ts.run(({ expectObservable }) => {
      const out = ndjsonReplay(text, { speed: 10, scheduler: ts }).pipe(
        map((x) => (isTechnicalEvent(x) ? x.reason : `${x.channel}:${x.t[0] - RECORDED_AT}`)),
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

  it('replays an old recording at 60x against its own clock: every valid sample kept, a clock fault refused', () => {
    const t0 = 1_600_000_000_000; // September 2020: years behind the wall clock
    const line = (seq: number, t: number[], v = t.map(() => 36.6)) =>
      JSON.stringify({ ver: 1, type: 'samples', channel: 'probe', seq, unit: 'Cel', t, v });
    const future = t0 + 5 * 365 * 86_400_000;
    const text = [
      line(0, [t0, t0 + 1000]),
      line(1, [t0 + 3000, future, t0 + 3600]), // one sample from a broken clock inside a good batch
      line(2, [future + 1000]), // a whole line from it: refused by the replay, not scheduled
      line(3, [t0 + 60_000, t0 + 61_000]),
    ].join('\n');
    const ts = new TestScheduler((a, b) => void expect(a).to.deep.equal(b));
    ts.run(({ expectObservable }) => {
      const replay = ndjsonReplay(text, { speed: 60, scheduler: ts });
      const op = validateSamples([{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 1000, range: [-200, 150] }], { clock: { clock: replay.clock } });
      const out = replay.pipe(op, map((x) => (isTechnicalEvent(x) ? `${x.reason}:${x.channel}:${x.count}` : Array.from(x.t, (t) => (t - t0) / 1000).join(','))));
      // Data times 0, 3, 60 s at 60x: 0, 50, 1000 ms; the faults in their place.
      expectObservable(out).toBe('a 49ms (bcd) 945ms (e|)', {
        a: '0,1', b: '3,3.6', c: 'clock-skew:probe:1', d: 'clock-skew:probe:1', e: '60,61',
      });
    });
  });
});
