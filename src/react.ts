// Generated from custom-elements.json by scripts/generate.mjs (`npm run manifest`): do not edit.
// React components for the elements (`import { IrTrend } from 'ir-monitor/react'`), made with
// @lit/react: every prop is set as a property, before or after the element upgrades (importing
// this module registers the elements), and each event has a callback prop. Needs react and
// @lit/react (optional peer dependencies of this package).
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { IrEvent } from './jsx.js';
import { IrAlarmBanner as IrAlarmBannerElement } from './components/alarm-banner.js';
import { IrAlarmLog as IrAlarmLogElement } from './components/alarm-log.js';
import { IrCementGauge as IrCementGaugeElement } from './components/cement-gauge.js';
import { IrIceballCurve as IrIceballCurveElement } from './components/iceball-curve.js';
import { IrPulseTrace as IrPulseTraceElement } from './components/pulse-trace.js';
import { IrTelemetry as IrTelemetryElement } from './components/telemetry.js';
import { IrThermalMap as IrThermalMapElement } from './components/thermal-map.js';
import { IrTrend as IrTrendElement } from './components/trend.js';

/** `<ir-alarm-banner>` as a React component. Shows every present alarm, with acknowledge and audio pause. */
export const IrAlarmBanner = createComponent({
  tagName: 'ir-alarm-banner',
  elementClass: IrAlarmBannerElement,
  react: React,
  events: {
    onIrAlarmCommand: 'ir-alarm-command' as EventName<IrEvent<'ir-alarm-command'>>,
  },
});

/** `<ir-alarm-log>` as a React component. The history of alarm conditions and operator actions. */
export const IrAlarmLog = createComponent({
  tagName: 'ir-alarm-log',
  elementClass: IrAlarmLogElement,
  react: React,
  events: {
    onIrAlarmLogExport: 'ir-alarm-log-export' as EventName<IrEvent<'ir-alarm-log-export'>>,
  },
});

/** `<ir-cement-gauge>` as a React component. Cement volume per site and in total against plan and maximum, flow, pressure, setting countdown, leaks. */
export const IrCementGauge = createComponent({
  tagName: 'ir-cement-gauge',
  elementClass: IrCementGaugeElement,
  react: React,
  events: {
    onIrCementTechnical: 'ir-cement-technical' as EventName<IrEvent<'ir-cement-technical'>>,
    onIrTechnical: 'ir-technical' as EventName<IrEvent<'ir-technical'>>,
    onIrConfigError: 'ir-config-error' as EventName<IrEvent<'ir-config-error'>>,
  },
});

/** `<ir-iceball-curve>` as a React component. Cryoablation iceball: diameter per isotherm against time, phases and timer, target coverage, plan view, probe and sensor traces. */
export const IrIceballCurve = createComponent({
  tagName: 'ir-iceball-curve',
  elementClass: IrIceballCurveElement,
  react: React,
  events: {
    onIrQuestionable: 'ir-questionable' as EventName<IrEvent<'ir-questionable'>>,
    onIrConfigError: 'ir-config-error' as EventName<IrEvent<'ir-config-error'>>,
    onIrTechnical: 'ir-technical' as EventName<IrEvent<'ir-technical'>>,
  },
});

/** `<ir-pulse-trace>` as a React component. Electroporation pulse traces, train, electrode map, per-pair summary and ECG synchronisation. */
export const IrPulseTrace = createComponent({
  tagName: 'ir-pulse-trace',
  elementClass: IrPulseTraceElement,
  react: React,
  events: {
    onIrPulseRefused: 'ir-pulse-refused' as EventName<IrEvent<'ir-pulse-refused'>>,
    onIrPairSelect: 'ir-pair-select' as EventName<IrEvent<'ir-pair-select'>>,
    onIrTechnical: 'ir-technical' as EventName<IrEvent<'ir-technical'>>,
    onIrConfigError: 'ir-config-error' as EventName<IrEvent<'ir-config-error'>>,
  },
});

/** `<ir-telemetry>` as a React component. Connects telemetry and shares it with the panels inside. */
export const IrTelemetry = createComponent({
  tagName: 'ir-telemetry',
  elementClass: IrTelemetryElement,
  react: React,
  events: {
    onIrConnectionState: 'ir-connection-state' as EventName<IrEvent<'ir-connection-state'>>,
    onIrTechnical: 'ir-technical' as EventName<IrEvent<'ir-technical'>>,
    onIrConfigError: 'ir-config-error' as EventName<IrEvent<'ir-config-error'>>,
  },
});

/** `<ir-thermal-map>` as a React component. Colour-mapped temperature map with isotherms, lethal-dose contour, target coverage and protected structures. */
export const IrThermalMap = createComponent({
  tagName: 'ir-thermal-map',
  elementClass: IrThermalMapElement,
  react: React,
  events: {
    onIrConfigError: 'ir-config-error' as EventName<IrEvent<'ir-config-error'>>,
    onIrTechnical: 'ir-technical' as EventName<IrEvent<'ir-technical'>>,
  },
});

/** `<ir-trend>` as a React component. Multi-channel strip chart with read-outs, limits, alarms and stale marking. */
export const IrTrend = createComponent({
  tagName: 'ir-trend',
  elementClass: IrTrendElement,
  react: React,
  events: {
    onIrConfigError: 'ir-config-error' as EventName<IrEvent<'ir-config-error'>>,
    onIrTechnical: 'ir-technical' as EventName<IrEvent<'ir-technical'>>,
  },
});
