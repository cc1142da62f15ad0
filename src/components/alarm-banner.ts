import { define } from './define.js';
import { IrAlarmBanner } from './alarm-banner/alarm-banner.js';

export * from './alarm-banner/alarm-banner.js';
define('ir-alarm-banner', IrAlarmBanner);

declare global {
  interface HTMLElementTagNameMap {
    'ir-alarm-banner': IrAlarmBanner;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ir-alarm-command': import('./alarm-banner/alarm-banner.js').AlarmCommandEvent;
  }
}
