import { define } from './define.js';
import { IrDoseGauge } from './dose-gauge/dose-gauge.js';

export * from './dose-gauge/dose-gauge.js';
define('ir-dose-gauge', IrDoseGauge);

declare global {
  interface HTMLElementTagNameMap {
    'ir-dose-gauge': IrDoseGauge;
  }
}
