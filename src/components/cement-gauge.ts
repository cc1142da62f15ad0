import { define } from './define.js';
import { IrCementGauge, type IrCementTechnicalEvent } from './cement-gauge/cement-gauge.js';

export * from './cement-gauge/cement-gauge.js';
define('ir-cement-gauge', IrCementGauge);

declare global {
  interface HTMLElementTagNameMap {
    'ir-cement-gauge': IrCementGauge;
  }
  interface HTMLElementEventMap {
    'ir-cement-technical': IrCementTechnicalEvent;
  }
}
