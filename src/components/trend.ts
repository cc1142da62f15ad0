import { define } from './define.js';
import { IrTrend } from './trend/trend.js';

export * from './trend/trend.js';
define('ir-trend', IrTrend);

declare global {
  interface HTMLElementTagNameMap {
    'ir-trend': IrTrend;
  }
}
