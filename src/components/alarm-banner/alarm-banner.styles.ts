import { css } from 'lit';
import { flashStyles, srOnly, themeStyles } from '../kit/theme.styles.js';

/* IEC 60601-1-8:2006+A1:2012 Table 2 (alarm indicator lights): high = red, flashing; medium =
   yellow, flashing; low = cyan or yellow, steady (rates and phase: flashStyles). The band and
   every line carry the signal of their own alarm (class 'signal'). */
export const alarmBannerStyles = [
  themeStyles,
  srOnly,
  flashStyles,
  css`
  :host {
    --_quiet: var(--_surface);
    display: block;
    font: var(--ir-font, 16px system-ui, sans-serif);
  }
  [part='banner'],
  .line {
    display: flex;
    align-items: center;
    gap: 1rem;
    padding: 0.5rem 1rem;
    min-block-size: 2.5rem;
    background: var(--_quiet);
    color: var(--_text);
    border: 3px solid transparent;
  }
  .line {
    min-block-size: 2rem;
    padding-block: 0.25rem;
    border-block-start: 1px solid var(--_quiet);
  }
  .signal[data-priority='hi'] {
    background: var(--_high);
    color: var(--_on-high);
    animation: flash var(--_flash-hi) steps(1) infinite;
  }
  .signal[data-priority='me'] {
    background: var(--_medium);
    color: var(--_on-medium);
    animation: flash var(--_flash-me) steps(1) infinite;
  }
  .signal[data-priority='lo'] {
    background: var(--_low);
    color: var(--_on-low);
  }
  /* Acknowledged: the colour stays, the flashing stops. */
  .signal[data-acknowledged] {
    animation: none;
  }
  /* ALARM PAUSED: no alarm colour, a dashed frame as on the IEC 60417-5319 symbol. */
  [part='banner'][data-paused] {
    border: 3px dashed var(--_text);
  }
  /* No flashing for those who asked for less motion; the priority stays legible
     through the colour, the marker, the word and a heavy border. */
  @media (prefers-reduced-motion: reduce) {
    .signal {
      animation: none !important;
    }
    .signal[data-priority='hi']:not([data-acknowledged]) {
      border: 6px double var(--_on-high);
    }
    .signal[data-priority='me']:not([data-acknowledged]) {
      border: 4px double var(--_on-medium);
    }
  }
  [part='marker'],
  .marker {
    font-weight: 800;
    letter-spacing: 0.1em;
    min-inline-size: 3ch;
  }
  [part='message'],
  .message {
    flex: 1;
    font-weight: 600;
  }
  [part='paused-list'] {
    margin: 0;
    padding-block: 0.25rem;
    padding-inline: 2.5rem 1rem;
    color: var(--_text);
    background: var(--_quiet);
  }
  button {
    font: inherit;
    padding: 0.25rem 0.75rem;
    border: 2px solid currentColor;
    border-radius: 4px;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--_low);
    outline-offset: 2px;
  }
`,
];
