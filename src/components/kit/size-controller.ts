import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Follows the size of one part of a panel (its chart area, say). The callback
 * gets the new size in CSS pixels; a panel resizes what it has (uPlot's
 * `setSize`), it never builds a new chart for a new size. uPlot follows a
 * change of `devicePixelRatio` by itself.
 */
export class SizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer?: ResizeObserver;
  private observed?: Element;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly target: () => Element | null | undefined,
    private readonly onResize: (width: number, height: number) => void,
  ) {
    host.addController(this);
  }

  /** The target exists once rendered: observe it then, and again if it was replaced. */
  hostUpdated(): void {
    const el = this.target();
    if (!el || el === this.observed) return;
    this.observer ??= new ResizeObserver(([entry]) => {
      const { inlineSize, blockSize } = entry.contentBoxSize[0];
      if (inlineSize === this.width && blockSize === this.height) return;
      this.width = inlineSize;
      this.height = blockSize;
      this.onResize(inlineSize, blockSize);
    });
    if (this.observed) this.observer.unobserve(this.observed);
    this.observer.observe(el);
    this.observed = el;
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observed = undefined;
  }
}
