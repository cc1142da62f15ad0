import { define } from './define.js';
import { IrTelemetry } from './telemetry/telemetry.js';

export * from './telemetry/telemetry.js';
define('ir-telemetry', IrTelemetry);

declare global {
  interface HTMLElementTagNameMap {
    'ir-telemetry': IrTelemetry;
  }
}
