import { css } from 'lit';
import { alarmFrameStyles, srOnly, themeStyles } from '../kit/theme.styles.js';

export const cementGaugeStyles = [
  themeStyles,
  srOnly,
  alarmFrameStyles,
  css`
    :host {
      --_track: var(--ir-cement-gauge-track-color, var(--_grid));
      --_fill: var(--ir-cement-gauge-fill-color, var(--_series-1));
      --_reached: var(--ir-cement-gauge-reached-color, var(--_series-3));
      --_tick: var(--ir-cement-gauge-planned-color, var(--_text));
      display: block;
      padding: 0.5rem;
    }
    [part='status'] {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 1.25rem;
      font-variant-numeric: tabular-nums;
    }
    [part='phase'] {
      font-size: 1.3em;
      font-weight: 700;
    }
    [part='countdown'] {
      font-size: 1.8em;
      font-weight: 800;
    }
    [part='phase'][data-phase='hardening'],
    [part='phase'][data-phase='set'] {
      color: var(--_stale);
    }
    [part='paused'] {
      padding: 0.1rem 0.6rem;
      font-size: 1.3em;
      font-weight: 800;
      color: var(--_on-medium);
      background: var(--_medium);
    }
    [part='paused'][data-leak] {
      color: var(--_on-high);
      background: var(--_high);
    }
    .value {
      font-size: 1.5em;
      font-weight: 700;
    }
    [part='total'] {
      margin: 0.4rem 0 0.2rem;
      font-variant-numeric: tabular-nums;
    }
    [part='total'] .value {
      font-size: 3em;
      line-height: 1;
    }
    [part='bars'] {
      display: block;
      inline-size: 100%;
    }
    [part='sites'] {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.15rem 1rem;
      margin: 0.4rem 0;
      padding: 0;
      list-style: none;
      font-variant-numeric: tabular-nums;
    }
    [part='site'] {
      display: contents;
    }
    [part='site'] .name {
      font-weight: 700;
    }
    [part='site'][data-status='done'] .name::before {
      content: '✓ ';
    }
    [part='site'][data-status='injecting'] .name::before {
      content: '▶ ';
    }
    [part='site'][data-stale],
    [part='site'][data-invalid] .volume {
      color: var(--_stale);
    }
    .flag {
      margin-inline-start: 0.5rem;
      padding: 0 0.3rem;
      font-weight: 700;
      color: var(--_on-high);
      background: var(--_high);
    }
    [part='technical'] {
      margin: 0.2rem 0;
      color: var(--_medium);
    }
    h3 {
      margin: 0.5rem 0 0;
      font-size: 0.9em;
      font-weight: 600;
    }
    ir-trend {
      --ir-trend-chart-height: var(--ir-cement-gauge-trace-height, 140px);
    }
  `,
];
