import { css } from 'lit';
import { srOnly } from '../shared.styles.js';

export const trendStyles = [
  srOnly,
  css`
  /* Private --_* values: each falls back to the theme's default, so a page-level
     --ir-* value (set on :root or any ancestor) always wins. */
  :host {
    --_text: var(--ir-color-text, #d8e1ea);
    --_surface: var(--ir-color-surface, #0b0f14);
    --_grid: var(--ir-color-grid, #2a3440);
    --_stale: var(--ir-color-stale, #6b7785);
    --_limit: var(--ir-trend-limit-color, #ff5252);
    --_marker: var(--ir-trend-marker-color, #b0bec5);
    --_line-width: var(--ir-trend-line-width, 1.5);
    --_axis-font: var(--ir-trend-axis-font, 12px system-ui, sans-serif);
    --_series-1: var(--ir-trend-series-1, #4fc3f7);
    --_series-2: var(--ir-trend-series-2, #ffb74d);
    --_series-3: var(--ir-trend-series-3, #81c784);
    --_series-4: var(--ir-trend-series-4, #e57373);
    --_series-5: var(--ir-trend-series-5, #ba68c8);
    --_series-6: var(--ir-trend-series-6, #fff176);
    display: block;
    position: relative;
    min-block-size: 160px;
    color: var(--_text);
    background: var(--_surface);
    font: var(--ir-font, 14px system-ui, sans-serif);
  }
  :host([theme='light']) {
    --_text: var(--ir-color-text, #1b232c);
    --_surface: var(--ir-color-surface, #ffffff);
    --_grid: var(--ir-color-grid, #d5dbe1);
    --_stale: var(--ir-color-stale, #8a96a3);
    --_limit: var(--ir-trend-limit-color, #c62828);
    --_series-1: var(--ir-trend-series-1, #0277bd);
    --_series-2: var(--ir-trend-series-2, #e65100);
    --_series-3: var(--ir-trend-series-3, #2e7d32);
  }
  :host([theme='high-contrast']) {
    --_text: var(--ir-color-text, #ffffff);
    --_surface: var(--ir-color-surface, #000000);
    --_grid: var(--ir-color-grid, #808080);
    --_stale: var(--ir-color-stale, #b0b0b0);
    --_limit: var(--ir-trend-limit-color, #ff0000);
    --_series-1: var(--ir-trend-series-1, #00ffff);
    --_series-2: var(--ir-trend-series-2, #ffff00);
    --_series-3: var(--ir-trend-series-3, #00ff00);
  }
  :host([alarm]) {
    border: 4px solid var(--_frame);
  }
  /* Acknowledged: still framed while the condition lasts, but dashed and without urgency. */
  :host([alarm][acknowledged]) {
    border-style: dashed;
  }
  :host([alarm='hi']) {
    --_frame: var(--ir-alarm-high-color, #d50000);
  }
  :host([alarm='me']) {
    --_frame: var(--ir-alarm-medium-color, #ffd600);
  }
  :host([alarm='lo']) {
    --_frame: var(--ir-alarm-low-color, #00e5ff);
  }
  /* In the flow, on its own line: a long message never covers a read-out. */
  [part='alarm'] {
    display: block;
    inline-size: fit-content;
    margin: 0.25rem 0.5rem 0 auto;
    padding: 0 0.4rem;
    font-weight: 800;
    background: var(--_frame);
    color: #000;
  }
  :host([alarm='hi']) [part='alarm'] {
    color: #fff;
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
