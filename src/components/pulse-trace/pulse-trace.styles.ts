import { css } from 'lit';
import { alarmFrameStyles, srOnly, themeStyles } from '../kit/theme.styles.js';
import { uplotStyles } from '../kit/uplot.styles.js';

export const pulseTraceStyles = [
  themeStyles,
  alarmFrameStyles,
  srOnly,
  uplotStyles,
  css`
  :host {
    --_axis-font: var(--ir-pulse-trace-axis-font, 12px system-ui, sans-serif);
    --_done: var(--ir-pulse-trace-done-color, var(--_series-3));
    display: block;
    position: relative;
  }
  [part='state'] {
    margin: 0.25rem 0.5rem 0;
    color: var(--_stale);
    font-weight: 600;
  }
  .grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(9rem, 14rem);
    gap: 0.5rem;
    padding: 0.5rem;
  }
  h3 {
    margin: 0;
    font-size: 0.85em;
    font-weight: 600;
  }
  [part='chart'] {
    position: relative;
    block-size: var(--ir-pulse-trace-chart-height, 250px);
  }
  [part='timeline'] {
    display: block;
    inline-size: 100%;
    block-size: var(--ir-pulse-trace-timeline-height, 70px);
  }
  .side {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  [part='map'] {
    inline-size: 100%;
    max-block-size: 14rem;
    overflow: visible;
  }
  [part='map'] .needle circle {
    fill: var(--_surface);
    stroke: var(--_text);
    stroke-width: 0.4;
  }
  [part='map'] .needle text {
    fill: var(--_text);
    font-size: 2.2px;
    text-anchor: middle;
  }
  [part='map'] .pair {
    cursor: pointer;
    outline: none;
  }
  [part='map'] .hit {
    stroke: transparent;
    stroke-width: 3;
  }
  [part='map'] .link {
    stroke: var(--_stale);
    stroke-width: 0.5;
    stroke-dasharray: 1 1;
  }
  [part='map'] .active .link {
    stroke: var(--_series-1);
    stroke-dasharray: none;
    stroke-width: 0.8;
  }
  [part='map'] .done .link {
    stroke: var(--_done);
    stroke-dasharray: none;
    stroke-width: 1.2;
  }
  [part='map'] .failed .link {
    stroke: var(--_limit);
    stroke-dasharray: 2 0.8;
    stroke-width: 1;
  }
  [part='map'] .cross {
    stroke: var(--_limit);
    stroke-width: 0.6;
  }
  [part='map'] .selected .hit,
  [part='map'] .pair:focus-visible .hit {
    stroke: var(--_text);
    stroke-opacity: 0.35;
  }
  .legend {
    margin: 0;
    font-size: 0.8em;
    color: var(--_text);
  }
  .v {
    color: var(--_series-1);
  }
  .i {
    color: var(--_series-2);
  }
  .lim {
    color: var(--_limit);
  }
  [part='ecg'] {
    grid-column: 1 / -1;
    /* The plot about 40 px per millivolt on the ECG's 3 mV axis (ECG paper's 10 mm/mV), under it the time axis. */
    --ir-trend-chart-height: var(--ir-pulse-trace-ecg-height, 180px);
  }
  [part='table'] {
    grid-column: 1 / -1;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
  }
  [part='table'] th,
  [part='table'] td {
    padding: 0.1rem 0.5rem;
    text-align: end;
    border-block-end: 1px solid var(--_grid);
  }
  [part='table'] th:first-child,
  [part='table'] td:first-child,
  [part='table'] td:last-child {
    text-align: start;
  }
  [part='table'] tr[aria-selected='true'] {
    background: color-mix(in srgb, var(--_series-1) 18%, transparent);
  }
  [part='table'] button {
    font: inherit;
    color: inherit;
    background: none;
    border: 1px solid var(--_grid);
    border-radius: 3px;
    cursor: pointer;
  }
  td[data-state='failed'] {
    color: var(--_limit);
    font-weight: 700;
  }
  td[data-state='done'] {
    color: var(--_done);
  }
  .uplot canvas.traces {
    position: absolute;
    inset: 0;
    pointer-events: none;
  }
`,
];
