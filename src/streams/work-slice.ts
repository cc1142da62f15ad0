import { now } from './yield-to-page.js';

/** A gap longer than this between two items was a wait (for a socket, a broker), not work. */
const WAITED_MS = 1;

/**
 * The slice of work of a loop that both waits and works (a broker's messages): it is spent
 * after `sliceMs` of work since the thread was last handed back or last waited, so an item
 * that arrives after a wait is handled at once, never held for a frame it does not need.
 */
export class WorkSlice {
  private start: number;
  private last: number;

  constructor(
    private readonly sliceMs: number,
    private readonly clock: () => number = now,
  ) {
    this.start = this.last = clock();
  }

  /** An item is about to be handled: after a wait, a new slice begins. */
  begin(): void {
    const t = this.clock();
    if (t - this.last > WAITED_MS) this.start = t;
  }

  /** The item is handled: whether the slice is spent, and the thread due back to the page. */
  spent(): boolean {
    this.last = this.clock();
    return this.last - this.start > this.sliceMs;
  }

  /** The thread was handed back and is this loop's again. */
  restart(): void {
    this.start = this.last = this.clock();
  }
}
