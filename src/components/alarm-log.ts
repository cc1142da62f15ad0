import { define } from './define.js';
import { IrAlarmLog } from './alarm-log/alarm-log.js';

export * from './alarm-log/alarm-log.js';
define('ir-alarm-log', IrAlarmLog);

declare global {
  interface HTMLElementTagNameMap {
    'ir-alarm-log': IrAlarmLog;
  }
  interface HTMLElementEventMap {
    'ir-alarm-log-export': import('./alarm-log/alarm-log.js').AlarmLogExportEvent;
  }
}
