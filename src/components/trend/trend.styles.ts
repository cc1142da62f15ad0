import { css } from 'lit';
import { srOnly, themeStyles } from '../kit/theme.styles.js';

export const trendStyles = [
  themeStyles,
  srOnly,
  css`
  :host {
    --_line-width: var(--ir-trend-line-width, 1.5);
    --_axis-font: var(--ir-trend-axis-font, 12px system-ui, sans-serif);
    display: block;
    position: relative;
    min-block-size: 160px;
  }
  :host([alarm]) {
    border: 4px solid var(--_frame);
  }
  /* Acknowledged: still framed while the condition lasts, but dashed and without urgency. */
  :host([alarm][acknowledged]) {
    border-style: dashed;
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
  /* In the flow, on its own line: a long message never covers a read-out. */
  [part='alarm'] {
    display: block;
    inline-size: fit-content;
    margin: 0.25rem 0.5rem 0 auto;
    padding: 0 0.4rem;
    font-weight: 800;
    background: var(--_frame);
    color: var(--_on-medium);
  }
  :host([alarm='hi']) [part='alarm'] {
    color: var(--_on-high);
  }
  [part='readouts'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0.25rem 0.5rem;
    list-style: none;
  }
  [part='hover'] {
    margin: 0;
    padding: 0 0.5rem;
    min-block-size: 1.2em;
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  [part='readout'] {
    font-variant-numeric: tabular-nums;
  }
  [part='readout'][data-stale] {
    color: var(--_stale);
  }
  .value {
    font-size: 1.4em;
    font-weight: 600;
  }
  [part='chart'] {
    position: relative;
    block-size: var(--ir-trend-chart-height, 200px);
  }
  /* The few uPlot rules a shadow root needs (its stylesheet lives in the page). */
  .u-wrap {
    position: relative;
    user-select: none;
  }
  .u-over,
  .u-under {
    position: absolute;
  }
  .uplot canvas {
    display: block;
    position: relative;
    inline-size: 100%;
    block-size: 100%;
  }
  .u-axis {
    position: absolute;
  }
  .u-select {
    position: absolute;
    pointer-events: none;
  }
`,
];
