import { css } from 'lit';

/** The few uPlot rules a chart needs inside a shadow root (uPlot's own stylesheet lives in the page). */
export const uplotStyles = css`
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
`;
