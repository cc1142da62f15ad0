import type { SchedulerLike, Subscription } from 'rxjs';

/**
 * Calls `onSilent` once nothing has fed it for `ms` on the scheduler's clock.
 * Fed on every batch, it keeps one timer per silence period instead of one per
 * feed: when the timer fires early (fed meanwhile), it sleeps the rest.
 */
export class Watchdog {
  private last = NaN;
  private timer?: Subscription;

  constructor(
    private readonly scheduler: SchedulerLike,
    private readonly ms: number,
    private readonly onSilent: () => void,
  ) {}

  /** Something arrived: silence counts from now. */
  feed(): void {
    this.last = this.scheduler.now();
    if (!this.timer) this.arm(this.ms);
  }

  stop(): void {
    this.timer?.unsubscribe();
    this.timer = undefined;
  }

  private arm(delay: number): void {
    this.timer = this.scheduler.schedule(() => {
      const quiet = this.scheduler.now() - this.last;
      this.timer = undefined;
      if (quiet >= this.ms) this.onSilent();
      else this.arm(this.ms - quiet);
    }, delay);
  }
}
