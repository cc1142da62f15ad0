// The queue that cuts long work into tasks, in Node: what it is given while nothing waits
// runs before push returns, whatever the clock says; the rest waits for the next slice.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { SlicedQueue } = await import('../../dist/streams/sliced-queue.js');

/** A clock that a whole slice passes between any two readings: the thread taken away each time. */
const starved = () => {
  let t = 0;
  return () => (t += 100);
};

test('work given while nothing waits runs before push returns, even when the thread was away since the slice began', () => {
  const q = new SlicedQueue(8, starved());
  const done = [];
  q.push(() => void done.push('a'));
  assert.deepEqual(done, ['a'], 'a job given to an idle queue');
  q.push(() => {
    done.push('b');
    return (function* () {
      yield;
      done.push('b, second step');
    })();
  });
  assert.deepEqual(done, ['a', 'b'], 'the first step of a job in steps');
  q.close();
});

test('a spent slice hands the thread back, and what waited then runs, in order', async () => {
  const q = new SlicedQueue(8, starved());
  const done = [];
  q.push(
    () => void done.push(1),
    () => void done.push(2),
    () => void done.push(3),
  );
  assert.deepEqual(done, [1], 'one job a slice on a clock where each slice is spent at once');
  for (let turn = 0; turn < 100 && done.length < 3; turn++) await new Promise((r) => setImmediate(r));
  assert.deepEqual(done, [1, 2, 3]);
  q.close();
});
