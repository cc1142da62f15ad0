// An engine's state as a panel reads it (`EngineView.state`, through a RemoteEngine that is
// given its snapshots): the latest on subscribing, then each new one, as a ReplaySubject of one.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { RemoteEngine } = await import('../../dist/streams/engines/remote-engine.js');

test('a view subscribing gets the latest snapshot first, then each new one; before any, nothing', () => {
  const e = new RemoteEngine('cement', () => {});
  const early = [];
  e.state.subscribe((s) => early.push(s));
  assert.deepEqual(early, [], 'nothing before the first snapshot');
  e.receive({ ml: 1 });
  e.receive({ ml: 2 });
  const late = [];
  e.state.subscribe((s) => late.push(s));
  e.receive({ ml: 3 });
  assert.deepEqual(early, [{ ml: 1 }, { ml: 2 }, { ml: 3 }]);
  assert.deepEqual(late, [{ ml: 2 }, { ml: 3 }], 'the latest, then each new one');
});

test('an undefined snapshot is a snapshot; a view subscribing after the engine closed gets the latest, then the end', () => {
  const e = new RemoteEngine('y90', () => {});
  e.receive(undefined);
  const seen = [];
  e.state.subscribe((s) => seen.push(s));
  assert.deepEqual(seen, [undefined]);
  e.receive({ gbq: 1 });
  e.close();
  const after = [];
  let ended = false;
  e.state.subscribe({ next: (s) => after.push(s), complete: () => (ended = true) });
  assert.deepEqual(after, [{ gbq: 1 }]);
  assert.equal(ended, true);
});
