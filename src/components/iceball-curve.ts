import { define } from './define.js';
import { IrIceballCurve } from './iceball-curve/iceball-curve.js';
import type { IrQuestionableEvent } from './iceball-curve/iceball-events.js';

export * from './iceball-curve/iceball-curve.js';
export * from './iceball-curve/iceball-events.js';
define('ir-iceball-curve', IrIceballCurve);

declare global {
  interface HTMLElementTagNameMap {
    'ir-iceball-curve': IrIceballCurve;
  }
  interface HTMLElementEventMap {
    'ir-questionable': IrQuestionableEvent;
  }
}
