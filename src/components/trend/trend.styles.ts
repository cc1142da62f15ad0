import { css } from 'lit';
import { alarmFrameStyles, readoutStyles, srOnly, themeStyles } from '../kit/theme.styles.js';
import { uplotStyles } from '../kit/uplot.styles.js';

export const trendStyles = [
  themeStyles,
  srOnly,
  uplotStyles,
  alarmFrameStyles,
  readoutStyles,
  css`
  :host {
    --_line-width: var(--ir-trend-line-width, 1.5);
    --_axis-font: var(--ir-trend-axis-font, 12px system-ui, sans-serif);
    /* flow-root: the alarm marker's top margin stays inside the frame instead of collapsing out of it. */
    display: flow-root;
    position: relative;
    min-block-size: 160px;
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
  /* The series layer over the plot: the pointer goes through it to uPlot's cursor. */
  .u-over > canvas {
    pointer-events: none;
  }
`,
];
