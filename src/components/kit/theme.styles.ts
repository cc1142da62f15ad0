import { css } from 'lit';

/**
 * The colour tokens of every element, in one place. Each private `--_*` value
 * falls back to the theme's default, so a page-level `--ir-*` value (on :root or
 * any ancestor) always wins. Dark by default: procedure rooms are dim.
 * Alarm colours follow IEC 60601-1-8:2006+A1:2012 Table 2 (high red, medium
 * yellow, low cyan or yellow) in every theme.
 */
export const themeStyles = css`
  :host {
    --_text: var(--ir-color-text, #d8e1ea);
    --_surface: var(--ir-color-surface, #0b0f14);
    --_grid: var(--ir-color-grid, #2a3440);
    --_stale: var(--ir-color-stale, #6b7785);
    --_limit: var(--ir-color-limit, #ff5252);
    --_marker: var(--ir-color-marker, #b0bec5);
    --_series-1: var(--ir-color-series-1, #4fc3f7);
    --_series-2: var(--ir-color-series-2, #ffb74d);
    --_series-3: var(--ir-color-series-3, #81c784);
    --_series-4: var(--ir-color-series-4, #e57373);
    --_series-5: var(--ir-color-series-5, #ba68c8);
    --_series-6: var(--ir-color-series-6, #fff176);
    --_high: var(--ir-alarm-high-color, #d50000);
    --_medium: var(--ir-alarm-medium-color, #ffd600);
    --_low: var(--ir-alarm-low-color, #00e5ff);
    --_on-high: var(--ir-alarm-high-text-color, #ffffff);
    --_on-medium: var(--ir-alarm-medium-text-color, #000000);
    --_on-low: var(--ir-alarm-low-text-color, #000000);
    --_font: var(--ir-font, 14px system-ui, sans-serif);
    color: var(--_text);
    background: var(--_surface);
    font: var(--_font);
  }
  :host([theme='light']) {
    --_text: var(--ir-color-text, #1b232c);
    --_surface: var(--ir-color-surface, #ffffff);
    --_grid: var(--ir-color-grid, #d5dbe1);
    --_stale: var(--ir-color-stale, #8a96a3);
    --_limit: var(--ir-color-limit, #c62828);
    --_marker: var(--ir-color-marker, #546e7a);
    --_series-1: var(--ir-color-series-1, #0277bd);
    --_series-2: var(--ir-color-series-2, #e65100);
    --_series-3: var(--ir-color-series-3, #2e7d32);
    --_series-4: var(--ir-color-series-4, #ad1457);
    --_series-5: var(--ir-color-series-5, #6a1b9a);
    --_series-6: var(--ir-color-series-6, #795548);
  }
  :host([theme='high-contrast']) {
    --_text: var(--ir-color-text, #ffffff);
    --_surface: var(--ir-color-surface, #000000);
    --_grid: var(--ir-color-grid, #808080);
    --_stale: var(--ir-color-stale, #b0b0b0);
    --_limit: var(--ir-color-limit, #ff0000);
    --_marker: var(--ir-color-marker, #ffffff);
    --_series-1: var(--ir-color-series-1, #00ffff);
    --_series-2: var(--ir-color-series-2, #ffff00);
    --_series-3: var(--ir-color-series-3, #00ff00);
    --_series-4: var(--ir-color-series-4, #ff80ff);
    --_series-5: var(--ir-color-series-5, #ff8000);
    --_series-6: var(--ir-color-series-6, #ffffff);
  }
  /* Windows high contrast and other forced palettes: system colours only; the
     alarm priority still reads from its text marker. */
  @media (forced-colors: active) {
    :host {
      --_text: CanvasText;
      --_surface: Canvas;
      --_grid: GrayText;
      --_stale: GrayText;
      --_limit: Mark;
      --_marker: CanvasText;
      --_series-1: Highlight;
      --_series-2: LinkText;
      --_series-3: CanvasText;
      --_series-4: Highlight;
      --_series-5: LinkText;
      --_series-6: CanvasText;
      --_high: Mark;
      --_medium: Mark;
      --_low: Highlight;
      --_on-high: MarkText;
      --_on-medium: MarkText;
      --_on-low: HighlightText;
    }
  }
`;

/** Text for screen readers only: laid out, read, never seen. */
export const srOnly = css`
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
`;

/**
 * The flash of an unacknowledged alarm, IEC 60601-1-8:2006+A1:2012 Table 2: high 1.4-2.8 Hz,
 * medium 0.4-0.8 Hz; we use 2 Hz and 0.5 Hz at 50 % duty (`--_flash-hi`, `--_flash-me`), low
 * steady. Half of each period the element shows the surface. Its phase is the page's
 * (`FlashPhaseController`, which names these keyframes `FLASH_ANIMATION`), so flashes of one
 * priority blink together wherever they are shown.
 */
export const flashStyles = css`
  :host {
    --_flash-hi: 0.5s;
    --_flash-me: 2s;
  }
  @keyframes flash {
    50% {
      background: var(--_surface);
      color: var(--_text);
    }
  }
`;

/**
 * A panel in alarm frames itself in the priority colour (`alarm` attribute:
 * `hi`, `me`, `lo`), dashed once acknowledged, not at all when the panel it is
 * drawn inside frames the same alarms (`framed-outside`); `[part='alarm']` is the marker
 * and message, on its own line so it never covers a read-out, flashing at the
 * priority until acknowledged (steady under `prefers-reduced-motion`, where the
 * marker, the colour and the frame still give the priority).
 */
export const alarmFrameStyles = css`
  ${flashStyles}
  :host([alarm]) {
    outline: 4px solid var(--_frame);
    outline-offset: -4px;
  }
  :host([alarm][acknowledged]) {
    outline-style: dashed;
  }
  :host([alarm='hi']) {
    --_frame: var(--_high);
  }
  :host([alarm='me']) {
    --_frame: var(--_medium);
  }
  :host([alarm='lo']) {
    --_frame: var(--_low);
  }
  /* Inside a panel that frames the same alarms: one frame, the outer panel's. */
  :host([alarm][framed-outside]) {
    outline: none;
  }
  /* Clear of the 4 px frame drawn inside the panel's edge. */
  [part='alarm'] {
    display: block;
    inline-size: fit-content;
    margin: calc(4px + 0.25rem) calc(4px + 0.5rem) 0 auto;
    padding: 0 0.4rem;
    font-weight: 800;
    background: var(--_frame);
    color: var(--_on-medium);
  }
  :host([alarm='hi']) [part='alarm'] {
    color: var(--_on-high);
  }
  :host([alarm='hi']:not([acknowledged])) [part='alarm'] {
    animation: flash var(--_flash-hi) steps(1) infinite;
  }
  :host([alarm='me']:not([acknowledged])) [part='alarm'] {
    animation: flash var(--_flash-me) steps(1) infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    [part='alarm'] {
      animation: none !important;
    }
  }
  /* Not live yet: said quietly, where the alarm marker goes. */
  [part='catching-up'] {
    display: block;
    inline-size: fit-content;
    margin: calc(4px + 0.25rem) calc(4px + 0.5rem) 0 auto;
    font-style: italic;
    color: var(--_stale);
  }
  /* Everything after the note is a past being replayed (a volume still 0 while the hour comes in): hidden, never read as now. */
  [part='catching-up'] ~ * {
    visibility: hidden;
  }
`;

/** A row of read-outs (label, large value, unit), wrapping on narrow panels. */
export const readoutStyles = css`
  [part='readouts'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0.25rem 0.5rem;
    list-style: none;
    font-variant-numeric: tabular-nums;
  }
`;
