import { define } from './define.js';
import { IrTelemetry } from './telemetry/telemetry.js';

export * from './telemetry/telemetry.js';
define('ir-telemetry', IrTelemetry);

declare global {
  interface HTMLElementTagNameMap {
    'ir-telemetry': IrTelemetry;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ir-technical': import('./telemetry/telemetry.js').IrTechnicalEvent;
    'ir-connection-state': import('./telemetry/telemetry.js').ConnectionStateEvent;
    'ir-config-error': import('./alarm-controller.js').ConfigErrorEvent;
  }
}
