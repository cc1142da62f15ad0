// Data times for fixtures, relative to the clock they are checked against: the room refuses
// data more than 24 h behind or 60 s ahead of its receiving clock, so a fixture stamped with
// a calendar date passes on the day it was written and fails ever after.

/** Whole minutes, so times print as round numbers in a failure message. */
const MINUTE = 60_000;

/**
 * The start of a procedure played in a test: `agoMs` (default one hour) before the wall
 * clock, on a whole minute. An hour back leaves room to play a whole scenario ahead of the
 * clock without any sample falling in the future.
 */
export function dataEpoch(agoMs = 3_600_000): number {
  return Math.floor((Date.now() - agoMs) / MINUTE) * MINUTE;
}

/**
 * Moves the page's wall clock (`Date.now`, which the room and RxJS's schedulers read) by
 * `ms`. Call it before the fixtures' modules are imported, so their epochs move with it.
 */
export function shiftWallClock(ms: number): void {
  const real = Date.now.bind(Date);
  Date.now = () => real() + ms;
}
