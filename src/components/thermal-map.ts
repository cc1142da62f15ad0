import { define } from './define.js';
import { IrThermalMap } from './thermal-map/thermal-map.js';

export * from './thermal-map/thermal-map.js';
define('ir-thermal-map', IrThermalMap);

declare global {
  interface HTMLElementTagNameMap {
    'ir-thermal-map': IrThermalMap;
  }
}
