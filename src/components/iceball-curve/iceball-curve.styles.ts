import { css } from 'lit';
import { alarmFrameStyles, readoutStyles, srOnly, themeStyles } from '../kit/theme.styles.js';

export const iceballStyles = [
  themeStyles,
  alarmFrameStyles,
  srOnly,
  readoutStyles,
  css`
    :host {
      --_timer-size: var(--ir-iceball-timer-size, 3rem);
      --_iso-0: var(--ir-iceball-isotherm-0-color, var(--_series-1));
      --_iso-20: var(--ir-iceball-isotherm-20-color, var(--_series-3));
      --_iso-40: var(--ir-iceball-isotherm-40-color, var(--_series-5));
      --_nerve: var(--ir-iceball-nerve-color, var(--_series-6));
      --_sensor: var(--ir-iceball-sensor-color, var(--_series-2));
      --_target: var(--ir-iceball-target-color, var(--_text));
      display: block;
      position: relative;
    }
    [part='header'] {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem 2rem;
      padding: 0.25rem 0.5rem;
    }
    [part='timer'] {
      display: flex;
      align-items: baseline;
      gap: 0.75rem;
      font-variant-numeric: tabular-nums;
    }
    .phase {
      font-size: calc(var(--_timer-size) * 0.6);
      font-weight: 700;
      text-transform: uppercase;
    }
    .clock {
      font-size: var(--_timer-size);
      font-weight: 700;
      line-height: 1;
    }
    .clock small {
      font-size: 0.35em;
      font-weight: 400;
      margin-inline-start: 0.25em;
    }
    .overrun {
      color: var(--_medium);
    }
    .readout small {
      display: block;
      font-size: 0.85em;
    }
    .readout .value {
      font-size: 1.4em;
      font-weight: 600;
    }
    /* The alarm colour as a background, its text colour on it: yellow text is unreadable on a light theme. */
    [part='supply'][data-low] .value {
      background: var(--_medium);
      color: var(--_on-medium);
      padding: 0 0.2em;
    }
    [part='supply'][data-stale] {
      color: var(--_stale);
    }
    .readout[data-iso='0'] .swatch { background: var(--_iso-0); }
    .readout[data-iso='-20'] .swatch { background: var(--_iso-20); }
    .readout[data-iso='-40'] .swatch { background: var(--_iso-40); }
    .swatch {
      display: inline-block;
      inline-size: 0.8em;
      block-size: 0.8em;
      margin-inline-end: 0.3em;
      border-radius: 2px;
    }
    .est {
      color: var(--_stale);
    }
    [part='views'] {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: 0.5rem;
      padding: 0 0.5rem;
    }
    [part='curve'],
    [part='plan'] {
      position: relative;
      block-size: var(--ir-iceball-chart-height, 280px);
    }
    canvas {
      display: block;
      inline-size: 100%;
      block-size: 100%;
    }
    [part='status'] {
      margin: 0.25rem 0.5rem;
      font-variant-numeric: tabular-nums;
    }
    [part='questionable'] {
      margin: 0.25rem 0.5rem;
      color: var(--_medium);
    }
    [part='traces'] {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 0.5rem;
      padding: 0 0.5rem 0.5rem;
    }
    [part='traces'] h3 {
      margin: 0.25rem 0;
      font-size: 0.9em;
      font-weight: 600;
    }
    ir-trend {
      --ir-trend-chart-height: var(--ir-iceball-trace-height, 140px);
    }
    @media (max-width: 700px) {
      [part='views'],
      [part='traces'] {
        grid-template-columns: 1fr;
      }
    }
  `,
];
