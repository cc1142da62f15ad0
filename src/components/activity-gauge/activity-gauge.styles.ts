import { css } from 'lit';
import { alarmFrameStyles, srOnly, themeStyles } from '../kit/theme.styles.js';

export const activityGaugeStyles = [
  themeStyles,
  srOnly,
  alarmFrameStyles,
  css`
    :host {
      --_track: var(--ir-activity-gauge-track-color, var(--_grid));
      --_prescribed: var(--ir-activity-gauge-prescribed-color, var(--_marker));
      --_available: var(--ir-activity-gauge-available-color, var(--_series-3));
      --_delivered: var(--ir-activity-gauge-delivered-color, var(--_series-1));
      --_residual: var(--ir-activity-gauge-residual-color, var(--_series-2));
      display: block;
      padding: 0.75rem 1rem;
    }
    [part='time-base'] {
      margin: 0;
      font-size: 1.1rem;
    }
    [part='delivered'] {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 1rem;
      margin: 0.25rem 0;
    }
    [part='delivered-value'] {
      font-size: var(--ir-activity-gauge-value-size, 3.5rem);
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      line-height: 1.1;
    }
    [part='deviation'] {
      font-size: 1.6rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    [part='deviation'][data-outside] {
      color: var(--_on-high);
      background: var(--_high);
      padding: 0 0.4rem;
    }
    [part='bars'] {
      display: block;
      inline-size: 100%;
      block-size: var(--ir-activity-gauge-bars-height, 140px);
    }
    [part='progress'],
    [part='lung'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.5rem;
      margin: 0.5rem 0 0;
      font-size: 1.15rem;
      font-variant-numeric: tabular-nums;
    }
    [part='phase'][data-phase='stalled'] {
      color: var(--_on-medium);
      background: var(--_medium);
      padding: 0 0.4rem;
      font-weight: 700;
    }
    .estimate {
      color: var(--_stale);
      font-style: italic;
    }
  `,
];
