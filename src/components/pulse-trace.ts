import { define } from './define.js';
import { IrPulseTrace } from './pulse-trace/pulse-trace.js';
import type { IrPairSelectEvent, IrPulseRefusedEvent } from './pulse-trace/pulse-events.js';

export * from './pulse-trace/pulse-trace.js';
export * from './pulse-trace/pulse-events.js';
define('ir-pulse-trace', IrPulseTrace);

declare global {
  interface HTMLElementTagNameMap {
    'ir-pulse-trace': IrPulseTrace;
  }
  interface HTMLElementEventMap {
    'ir-pulse-refused': IrPulseRefusedEvent;
    'ir-pair-select': IrPairSelectEvent;
  }
}
