// The load scenario samples on its own clock, as a device does: a late timer (a loaded
// machine) brings more samples at once, and data time never falls behind the clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { EDGE_SCENARIOS } = await import('../../dist/edge/index.js');

test('load: every millisecond sampled once, in order, and data time keeps up with the clock after a stall', async () => {
  const t0 = Date.now();
  const times = [];
  let stalled = false;
  let afterStall;
  await new Promise((resolve) => {
    const sub = EDGE_SCENARIOS.load().source(t0, 1).subscribe((b) => {
      if (b.channel !== 'load.00') return;
      times.push(...b.t);
      if (stalled) return (afterStall = { wall: Date.now(), last: b.t[b.t.length - 1] }), sub.unsubscribe(), resolve();
      // Hold the event loop 300 ms, as a loaded machine would: the timer fires late.
      const until = Date.now() + 300;
      while (Date.now() < until);
      stalled = true;
    });
  });
  assert.ok(afterStall.wall - afterStall.last < 100, `data time ${afterStall.wall - afterStall.last} ms behind the clock after a 300 ms stall`);
  times.forEach((t, i) => assert.equal(t, t0 + i, `sample ${i}`));
});
