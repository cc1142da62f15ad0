import { css } from 'lit';
import { alarmFrameStyles, readoutStyles, srOnly, themeStyles } from '../kit/theme.styles.js';

export const thermalMapStyles = [
  themeStyles,
  alarmFrameStyles,
  srOnly,
  readoutStyles,
  css`
    :host {
      --_isotherm: var(--ir-thermal-map-isotherm-color, #00e5ff);
      --_lethal: var(--ir-thermal-map-lethal-color, #ffffff);
      --_tumour: var(--ir-thermal-map-tumour-color, #7cff6b);
      --_structure: var(--ir-thermal-map-structure-color, #ff80ff);
      --_masked-a: var(--ir-thermal-map-masked-color, #5a6470);
      --_masked-b: var(--ir-thermal-map-masked-alt-color, #2e343b);
      --_axis-font: var(--ir-thermal-map-font, 12px system-ui, sans-serif);
      /* Labels over the map: the colour scale starts dark in every theme, so light on a dark halo. */
      --_map-label: var(--ir-thermal-map-label-color, #ffffff);
      --_map-halo: var(--ir-thermal-map-label-halo-color, #000000);
      display: block;
      position: relative;
    }
    :host([theme='light']) {
      --_isotherm: var(--ir-thermal-map-isotherm-color, #00b8d4);
      --_tumour: var(--ir-thermal-map-tumour-color, #00c853);
      --_lethal: var(--ir-thermal-map-lethal-color, #ffffff);
    }
    @media (forced-colors: active) {
      :host {
        --_isotherm: Highlight;
        --_lethal: CanvasText;
        --_tumour: LinkText;
        --_structure: Mark;
        --_masked-a: GrayText;
        --_masked-b: Canvas;
        --_map-label: CanvasText;
        --_map-halo: Canvas;
      }
    }
    [part='map'] {
      position: relative;
      block-size: var(--ir-thermal-map-height, 360px);
    }
    canvas {
      display: block;
      inline-size: 100%;
      block-size: 100%;
      cursor: crosshair;
    }
    [part='coverage'] .value {
      font-size: 1.4em;
      font-weight: 600;
    }
    [part='status'] {
      color: var(--_stale);
      font-weight: 600;
    }
    [part='legend'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.1rem 1rem;
      margin: 0;
      padding: 0.25rem 0.5rem 0;
      list-style: none;
      font-size: 0.85em;
    }
    /* Each line on a chip of the map's dark, as it is seen on the map. */
    .swatch {
      display: inline-block;
      inline-size: 1.6em;
      block-size: 0.3em;
      margin-inline-end: 0.35em;
      vertical-align: middle;
      background: var(--_map-halo);
      box-shadow: 0 -0.3em 0 var(--_map-halo);
      border-block-start: 2px solid var(--_isotherm);
    }
    .lethal {
      border-block-start: 3px solid var(--_lethal);
    }
    .tumour {
      border-block-start-color: var(--_tumour);
    }
    .margin {
      border-block-start: 2px dashed var(--_tumour);
    }
    .structure {
      border-block-start: 2px dotted var(--_structure);
    }
    .masked {
      block-size: 0.8em;
      border: none;
      box-shadow: none;
      background: repeating-conic-gradient(var(--_masked-a) 0 25%, var(--_masked-b) 0 50%) 0 0 / 0.4em 0.4em;
    }
    [part='cursor'] {
      margin: 0;
      padding: 0 0.5rem;
      min-block-size: 1.2em;
      font-size: 0.85em;
      font-variant-numeric: tabular-nums;
    }
  `,
];
