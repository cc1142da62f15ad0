import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The name of the keyframes every alarm flash plays (`flashKeyframes` in theme.styles.ts). */
export const FLASH_ANIMATION = 'flash';

/**
 * Alarm flashes of one priority blink in phase on every panel and banner of the page.
 * A CSS animation counts from the moment its element starts it, so two alarms shown
 * at different moments would blink out of step. Each flash, as it starts, is set to
 * have started at the origin of the document timeline, the one clock every element
 * of the page shares: all flashes of one period are then at the same point of it,
 * and as the periods divide one another (0.5 s, 2 s) high and medium turn on together.
 * Under `prefers-reduced-motion` there is no flash, so nothing to align.
 */
export class FlashPhaseController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: EventTarget }) {
    host.addController(this);
  }

  // Animation events do not leave a shadow root: listen inside it.
  hostConnected(): void {
    this.host.renderRoot.addEventListener('animationstart', alignFlash);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('animationstart', alignFlash);
  }
}

function alignFlash(e: Event): void {
  if ((e as AnimationEvent).animationName !== FLASH_ANIMATION) return;
  for (const a of (e.target as Element).getAnimations()) if ((a as CSSAnimation).animationName === FLASH_ANIMATION) a.startTime = 0;
}
