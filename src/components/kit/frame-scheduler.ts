import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Drawing time an animation frame gives panels; those left draw first in the next frame. */
const FRAME_BUDGET_MS = 10;

/**
 * One animation frame for the whole page: every panel with something new draws
 * in it, so a dashboard of eight panels costs one frame, not eight. Panels that
 * all draw at once (a room live again after catching up, a new theme) share
 * frames instead: each frame draws until its budget is spent, so no frame holds
 * them all and the page keeps answering. A panel
 * off-screen or in a hidden tab stays pending and draws when it is seen again;
 * data keeps flowing into the stores and alarms meanwhile. A panel draws once
 * when first laid out, seen or not, and every pending one draws before the page
 * is printed: a print or a capture of a long page never shows an empty chart.
 */
class FrameScheduler {
  private readonly pending = new Set<FrameController>();
  private handle = 0;
  private observer?: IntersectionObserver;
  private readonly watched = new Set<FrameController>();
  private readonly onVisibility = () => !document.hidden && this.schedule();
  private readonly onPrint = () => this.flush(true);
  /** When the frame being drawn stops drawing panels (Infinity: a flush draws them all). */
  until = Infinity;

  request(c: FrameController): void {
    this.pending.add(c);
    this.schedule();
  }

  /**
   * Draws every pending, visible panel now, in this task (benchmarks and tests); `all`: the
   * unseen ones too. Unbudgeted, a panel that asks again while it draws (a chart built, its
   * data next) is drawn again, up to twice.
   */
  flush(all = false, budgetMs = Infinity): void {
    if (this.handle) cancelAnimationFrame(this.handle);
    this.handle = 0;
    this.until = performance.now() + budgetMs;
    const passes = budgetMs === Infinity ? 3 : 1;
    for (let pass = 0; pass < passes; pass++)
      for (const c of [...this.pending]) {
        if (!all && !c.canDraw()) continue;
        // Spent: the rest stay pending, first in line for the next frame.
        if (performance.now() > this.until) return this.schedule();
        this.pending.delete(c);
        c.run();
      }
  }

  watch(c: FrameController): void {
    if (!this.watched.size) {
      document.addEventListener('visibilitychange', this.onVisibility);
      addEventListener('beforeprint', this.onPrint);
    }
    this.watched.add(c);
    this.observer ??= new IntersectionObserver((entries) => {
      for (const e of entries) FrameController.of(e.target)?.setIntersecting(e.isIntersecting);
      this.schedule();
    });
    this.observer.observe(c.host);
  }

  unwatch(c: FrameController): void {
    this.pending.delete(c);
    this.watched.delete(c);
    this.observer?.unobserve(c.host);
    if (!this.watched.size) {
      document.removeEventListener('visibilitychange', this.onVisibility);
      removeEventListener('beforeprint', this.onPrint);
    }
  }

  private schedule(): void {
    if (!this.handle && this.pending.size && !document.hidden) this.handle = requestAnimationFrame(() => this.flush(false, FRAME_BUDGET_MS));
  }
}

// Made on first use, so importing the library in Node (server-side rendering) touches no DOM.
let instance: FrameScheduler | undefined;
const page = () => (instance ??= new FrameScheduler());

const controllers = new WeakMap<Element, FrameController>();

/** Draws all pending panels of the page now; the next animation frame would have. */
export const flushFrames = (): void => page().flush();

/**
 * A panel's place in the page's frame: `request()` after new data, and `draw`
 * runs once in the next frame the panel is visible in.
 */
export class FrameController implements ReactiveController {
  private intersecting = true;
  private drawnOnce = false;
  private held = false;

  static of(el: Element): FrameController | undefined {
    return controllers.get(el);
  }

  constructor(
    readonly host: ReactiveControllerHost & HTMLElement,
    private readonly draw: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.set(this.host, this);
    page().watch(this);
    this.request();
  }

  hostDisconnected(): void {
    page().unwatch(this);
    controllers.delete(this.host);
  }

  /** Something new to draw. */
  request(): void {
    if (this.host.isConnected) page().request(this);
  }

  /** Drawing makes sense: on screen (or never drawn yet), in a visible tab, not held. */
  canDraw(): boolean {
    return (this.intersecting || !this.drawnOnce) && !document.hidden && !this.held;
  }

  /**
   * Held, the panel stays pending: while its room replays what it missed, each frame
   * would draw a state already past, at the cost of the replay. Let go, it draws the latest.
   */
  hold(on: boolean): void {
    if (on === this.held) return;
    this.held = on;
    if (!on) this.request();
  }

  /**
   * Spends the rest of this frame: this draw costs more than its script, since what it made is
   * allocated and painted when the frame is committed (a new chart's canvases), after the
   * budget was counted. No other panel draws in this frame: a dashboard's charts come one a
   * frame when a room's channels arrive, where four made and painted in one frame held it for
   * up to 100 ms on two cores.
   */
  spend(): void {
    // A frame's end becomes -Infinity: no other panel. A flush's (Infinity) becomes NaN, which
    // no time is past: a flush still draws every panel.
    page().until -= Infinity;
  }

  setIntersecting(on: boolean): void {
    this.intersecting = on;
  }

  run(): void {
    this.drawnOnce = true;
    this.draw();
  }
}
