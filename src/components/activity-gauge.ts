import { define } from './define.js';
import { IrActivityGauge } from './activity-gauge/activity-gauge.js';

export * from './activity-gauge/activity-gauge.js';
define('ir-activity-gauge', IrActivityGauge);

declare global {
  interface HTMLElementTagNameMap {
    'ir-activity-gauge': IrActivityGauge;
  }
}
