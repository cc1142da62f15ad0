import { css } from 'lit';

export const trendStyles = css`
  :host {
    display: block;
    position: relative;
    min-block-size: 160px;
    color: var(--ir-color-text, #d8e1ea);
    background: var(--ir-color-surface, #0b0f14);
    font: var(--ir-font, 14px system-ui, sans-serif);
    border: var(--ir-trend-border-width, 2px) solid transparent;
  }
  :host([lang='fr']) {
    font-variant-numeric: tabular-nums;
  }
  [part='readouts'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0.25rem 0.5rem;
    list-style: none;
  }
  [part='readout'] {
    font-variant-numeric: tabular-nums;
  }
  [part='readout'][data-stale] {
    color: var(--ir-color-stale, #6b7785);
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
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
`;
