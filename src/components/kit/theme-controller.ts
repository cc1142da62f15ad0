import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a panel offers: a `theme` attribute switching the token set. */
export interface ThemeHost extends ReactiveControllerHost, HTMLElement {
  theme: 'dark' | 'light' | 'high-contrast';
}

const QUERIES = ['(forced-colors: active)', '(prefers-contrast: more)'];

/**
 * Canvas colours come from the theme tokens, read from CSS once per change: a
 * new `theme`, a forced-colour mode switched on. `read` is cheap to call every
 * frame; it touches the style only after a change.
 */
export class ThemeController implements ReactiveController {
  private colours = new Map<string, string>();
  private theme?: string;
  private media: MediaQueryList[] = [];
  private readonly onMedia = () => this.invalidate();

  constructor(
    private readonly host: ThemeHost,
    private readonly onChange: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.media = QUERIES.map((q) => matchMedia(q));
    for (const m of this.media) m.addEventListener('change', this.onMedia);
  }

  hostDisconnected(): void {
    for (const m of this.media) m.removeEventListener('change', this.onMedia);
    this.media = [];
  }

  hostUpdated(): void {
    if (this.host.theme !== this.theme) {
      this.theme = this.host.theme;
      this.invalidate();
    }
  }

  /** The computed value of a token (`--_series-1`), as a canvas colour. */
  read(token: string): string {
    let c = this.colours.get(token);
    if (c === undefined) {
      c = getComputedStyle(this.host).getPropertyValue(token).trim();
      this.colours.set(token, c);
    }
    return c;
  }

  private invalidate(): void {
    this.colours.clear();
    this.onChange();
  }
}
