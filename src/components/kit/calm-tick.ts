import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asyncScheduler, type SchedulerLike, type Subscription } from 'rxjs';

/**
 * Read-outs and text equivalents refresh at a calm rate, never per sample:
 * a Lit update every `ms` on the panel's clock (a VirtualTimeScheduler in
 * tests), so an age ("12 s") keeps counting while no data comes.
 */
export class CalmTickController implements ReactiveController {
  private subscription?: Subscription;
  private clock?: SchedulerLike;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { scheduler?: SchedulerLike },
    private readonly ms = 500,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.start();
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  /** A new `scheduler` on the host: tick on the new clock. */
  hostUpdate(): void {
    if (this.host.scheduler !== this.clock && this.subscription) {
      this.hostDisconnected();
      this.start();
    }
  }

  private start(): void {
    const host = this.host;
    const ms = this.ms;
    this.clock = host.scheduler;
    this.subscription = (host.scheduler ?? asyncScheduler).schedule(function () {
      host.requestUpdate();
      this.schedule(undefined, ms);
    }, ms);
  }
}
