import { css } from 'lit';
import { alarmFrameStyles, srOnly, themeStyles } from '../kit/theme.styles.js';

export const doseGaugeStyles = [
  themeStyles,
  srOnly,
  alarmFrameStyles,
  css`
    :host {
      --_track: var(--ir-dose-gauge-track-color, var(--_grid));
      --_fill: var(--ir-dose-gauge-fill-color, var(--_series-1));
      --_tick: var(--ir-dose-gauge-level-color, var(--_text));
      display: block;
      padding: 0.75rem 1rem;
      background: var(--_surface);
      color: var(--_text);
      font: var(--ir-font, 1rem system-ui, sans-serif);
    }
    [part='kar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 1rem;
      margin: 0;
    }
    [part='kar'] .label {
      font-size: 1.1rem;
    }
    [part='kar-value'] {
      font-size: var(--ir-dose-gauge-value-size, 3.5rem);
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      line-height: 1.1;
    }
    :host([data-stale]) [part='kar-value'] {
      color: var(--_stale);
    }
    [part='next'] {
      margin: 0.25rem 0;
      font-size: 1.25rem;
    }
    [part='scale'] {
      display: block;
      inline-size: 100%;
      block-size: var(--ir-dose-gauge-scale-height, 56px);
    }
    [part='readouts'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.5rem;
      margin: 0.5rem 0 0;
      padding: 0;
      list-style: none;
      font-size: 1.15rem;
      font-variant-numeric: tabular-nums;
    }
    [part='crossings'] {
      margin: 0.5rem 0 0;
      color: var(--_text);
    }
    .estimate {
      color: var(--_stale);
      font-style: italic;
    }
  `,
];
