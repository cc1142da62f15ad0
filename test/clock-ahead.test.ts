// Every fixture that meets the room's receiving clock, run again with the wall clock a year
// ahead: a fixture stamped with a calendar date is refused as clock skew here and fails,
// today, instead of on the day its date falls more than 24 h behind.
import { expect } from '@esm-bundle/chai';
import { dataEpoch, shiftWallClock } from './kit/clock.js';

const YEAR = 365 * 86_400_000;
const before = dataEpoch(0);
shiftWallClock(YEAR);

describe('the wall clock a year ahead', () => {
  it('is in force for the fixtures below', () => {
    expect(dataEpoch(0) - before).to.be.at.least(YEAR - 60_000);
  });
});

await import('./components/pulse-trace-wire.test.js');
await import('./components/cement-gauge-wire.test.js');
await import('./components/telemetry.test.js');
await import('./components/iceball-curve.test.js');
await import('./components/thermal-map.test.js');
await import('./streams/data-path-faults.test.js');
await import('./streams/room.test.js');
