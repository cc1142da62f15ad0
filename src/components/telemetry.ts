import { define } from './define.js';
import { IrTelemetry } from './telemetry/telemetry.js';

export * from './telemetry/telemetry.js';
export * from './kit/events.js';
define('ir-telemetry', IrTelemetry);

declare global {
  interface HTMLElementTagNameMap {
    'ir-telemetry': IrTelemetry;
  }
  interface HTMLElementEventMap {
    'ir-technical': import('./kit/events.js').IrTechnicalEvent;
    'ir-connection-state': import('./kit/events.js').IrConnectionStateEvent;
    'ir-config-error': import('./kit/events.js').IrConfigErrorEvent;
  }
}
