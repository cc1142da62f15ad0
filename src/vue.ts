// Generated from custom-elements.json by scripts/generate.mjs (`npm run manifest`): do not edit.
// Vue 3 template types for the elements (`import type {} from 'ir-monitor/vue'` once, or list it
// in tsconfig "types"): vue-tsc and Volar check each property's type and each event's listener,
// and with `vueCompilerOptions.strictTemplates` reject unknown properties. Types only: this
// module has no runtime code; tell Vue the `ir-` tags are custom elements (`isCustomElement`).
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { IrActivityGauge } from './components/activity-gauge.js';
import type { IrAlarmBanner } from './components/alarm-banner.js';
import type { IrAlarmLog } from './components/alarm-log.js';
import type { IrCementGauge } from './components/cement-gauge.js';
import type { IrDoseGauge } from './components/dose-gauge.js';
import type { IrIceballCurve } from './components/iceball-curve.js';
import type { IrPulseTrace } from './components/pulse-trace.js';
import type { IrTelemetry } from './components/telemetry.js';
import type { IrThermalMap } from './components/thermal-map.js';
import type { IrTrend } from './components/trend.js';

/**
 * The event a listener receives: the library's class for it where HTMLElementEventMap lists one
 * (as in `ir-monitor/jsx`, declared again so that a Vue project loads no React types).
 */
export type IrEvent<N extends string> = N extends keyof HTMLElementEventMap ? HTMLElementEventMap[N] : Event;

/** An element as Vue's template type-checker reads a component: its properties and its events. */
export type IrVueElement<E extends HTMLElement, P extends keyof E, Events extends object> = new () => E & {
  /** @deprecated For template type-checking only: the element has no `$props`. */
  $props: HTMLAttributes & Partial<Pick<E, P>> & PublicProps;
  /** @deprecated For template type-checking only: the element has no `$emit`. */
  $emit: EmitFn<{ [N in keyof Events]: (event: Events[N]) => void }>;
};

/** The events of `<ir-activity-gauge>`. */
export interface IrActivityGaugeEvents {
  /** A `.source` came without `channels` (`IrConfigErrorEvent`). */
  'ir-config-error': IrEvent<'ir-config-error'>;
  /** With a `.source`: data refused by the gauge's own room, or a channel gone stale (`IrTechnicalEvent`). */
  'ir-technical': IrEvent<'ir-technical'>;
}

/** The events of `<ir-alarm-banner>`. */
export interface IrAlarmBannerEvents {
  /** The user asked to acknowledge, pause or resume (`AlarmCommandEvent`, cancelable). */
  'ir-alarm-command': IrEvent<'ir-alarm-command'>;
}

/** The events of `<ir-alarm-log>`. */
export interface IrAlarmLogEvents {
  /** Fired with the CSV text before the download starts (`AlarmLogExportEvent`, `detail.csv`). */
  'ir-alarm-log-export': IrEvent<'ir-alarm-log-export'>;
}

/** The events of `<ir-cement-gauge>`. */
export interface IrCementGaugeEvents {
  /** A volume reading went down, a site or event the plan does not know, a volume rising once set (`IrCementTechnicalEvent`). */
  'ir-cement-technical': IrEvent<'ir-cement-technical'>;
  /** With a `.source`: data refused by the panel's own room (an unknown unit, a negative flow, an unknown channel), or a channel gone stale (`IrTechnicalEvent`). */
  'ir-technical': IrEvent<'ir-technical'>;
  /** The plan is unsound, a rule was refused, or a `.source` came without `channels` (`IrConfigErrorEvent`). */
  'ir-config-error': IrEvent<'ir-config-error'>;
}

/** The events of `<ir-dose-gauge>`. */
export interface IrDoseGaugeEvents {
  /** A `.source` came without `channels` (`IrConfigErrorEvent`). */
  'ir-config-error': IrEvent<'ir-config-error'>;
  /** With a `.source`: data refused by the gauge's own room, or a channel gone stale (`IrTechnicalEvent`). */
  'ir-technical': IrEvent<'ir-technical'>;
}

/** The events of `<ir-iceball-curve>`. */
export interface IrIceballCurveEvents {
  /** A value kept and drawn but flagged: an ice ball shrinking in a freeze, a sensor colder than the tips, a position outside the field (`IrQuestionableEvent`). */
  'ir-questionable': IrEvent<'ir-questionable'>;
  /** An alarm rule was refused, or a `.source` came without `channels` (`IrConfigErrorEvent`). */
  'ir-config-error': IrEvent<'ir-config-error'>;
  /** With a `.source`: data refused by the panel's own room, an event the engine could not read, or a channel gone stale (`IrTechnicalEvent`). */
  'ir-technical': IrEvent<'ir-technical'>;
}

/** The events of `<ir-pulse-trace>`. */
export interface IrPulseTraceEvents {
  /** A pulse record refused: unknown pair, duplicated index, unreadable (`IrPulseRefusedEvent`, names it). */
  'ir-pulse-refused': IrEvent<'ir-pulse-refused'>;
  /** The operator chose another pair on the map or the table (`IrPairSelectEvent`). */
  'ir-pair-select': IrEvent<'ir-pair-select'>;
  /** With a `.source`: data refused by the panel's own room (a waveform with a bad sample rate, time going backwards), or a channel gone stale (`IrTechnicalEvent`). */
  'ir-technical': IrEvent<'ir-technical'>;
  /** An alarm rule refused, or a `.source` without a layout or channels (`IrConfigErrorEvent`). */
  'ir-config-error': IrEvent<'ir-config-error'>;
}

/** The events of `<ir-telemetry>`. */
export interface IrTelemetryEvents {
  /** The connection state changed (`IrConnectionStateEvent`, `detail.state`). */
  'ir-connection-state': IrEvent<'ir-connection-state'>;
  /** Invalid data, a refused batch or frame, a parse error, a gap or duplicate in a channel's sequence, or a channel gone stale or valid again (`IrTechnicalEvent`). */
  'ir-technical': IrEvent<'ir-technical'>;
  /** An alarm rule was refused, or the NATS broker or room could not be followed; `detail.message` says why (`IrConfigErrorEvent`). */
  'ir-config-error': IrEvent<'ir-config-error'>;
}

/** The events of `<ir-thermal-map>`. */
export interface IrThermalMapEvents {
  /** With a `.source`: a rule was refused, or the source came without `channels` (`IrConfigErrorEvent`). */
  'ir-config-error': IrEvent<'ir-config-error'>;
  /** With a `.source`: a map refused (out of order, geometry changed) or reduced, masked pixels counted (`IrTechnicalEvent`). */
  'ir-technical': IrEvent<'ir-technical'>;
}

/** The events of `<ir-trend>`. */
export interface IrTrendEvents {
  /** One of `rules` was refused, or a `.source` came without `channels` (`IrConfigErrorEvent`). */
  'ir-config-error': IrEvent<'ir-config-error'>;
  /** With a `.source`: data refused by the panel's own room, or a channel gone stale (`IrTechnicalEvent`). */
  'ir-technical': IrEvent<'ir-technical'>;
}

/** The elements of this library as Vue's global components. */
export interface IrGlobalComponents {
  /** Y-90 activity: prescribed, decay-corrected, delivered, residual, deviation, progress, lung dose. */
  'ir-activity-gauge': IrVueElement<IrActivityGauge, 'plan' | 'channels' | 'channel' | 'source' | 'manager' | 'theme' | 'scheduler' | 'alarm' | 'acknowledged' | 'framedBy' | 'framedOutside', IrActivityGaugeEvents>;
  /** Shows every present alarm, with acknowledge and audio pause. */
  'ir-alarm-banner': IrVueElement<IrAlarmBanner, 'theme' | 'manager' | 'alarms' | 'system' | 'sound', IrAlarmBannerEvents>;
  /** The history of alarm conditions and operator actions. */
  'ir-alarm-log': IrVueElement<IrAlarmLog, 'theme' | 'capacity' | 'manager', IrAlarmLogEvents>;
  /** Cement volume per site and in total against plan and maximum, flow, pressure, setting countdown, leaks. */
  'ir-cement-gauge': IrVueElement<IrCementGauge, 'plan' | 'rules' | 'thresholds' | 'window' | 'pressureWindow' | 'channels' | 'channel' | 'source' | 'manager' | 'theme' | 'scheduler' | 'alarm' | 'acknowledged' | 'framedBy' | 'framedOutside', IrCementGaugeEvents>;
  /** Radiation dose: reference air kerma against its notification levels, rate and time to the next, KAP, fluoroscopy time. */
  'ir-dose-gauge': IrVueElement<IrDoseGauge, 'levels' | 'doseChannels' | 'channels' | 'channel' | 'source' | 'manager' | 'theme' | 'scheduler' | 'alarm' | 'acknowledged' | 'framedBy' | 'framedOutside', IrDoseGaugeEvents>;
  /** Cryoablation iceball: diameter per isotherm against time, phases and timer, target coverage, plan view, probe and sensor traces. */
  'ir-iceball-curve': IrVueElement<IrIceballCurve, 'procedure' | 'alarms' | 'traceWindow' | 'channels' | 'channel' | 'source' | 'manager' | 'theme' | 'scheduler' | 'alarm' | 'acknowledged' | 'framedBy' | 'framedOutside', IrIceballCurveEvents>;
  /** Electroporation pulse traces, train, electrode map, per-pair summary and ECG synchronisation. */
  'ir-pulse-trace': IrVueElement<IrPulseTrace, 'layout' | 'protocol' | 'pair' | 'overlay' | 'ecgWindow' | 'rules' | 'channels' | 'channel' | 'source' | 'manager' | 'theme' | 'scheduler' | 'alarm' | 'acknowledged' | 'framedBy' | 'framedOutside', IrPulseTraceEvents>;
  /** Connects telemetry and shares it with the panels inside. */
  'ir-telemetry': IrVueElement<IrTelemetry, 'src' | 'nats' | 'procedure' | 'replay' | 'natsAuth' | 'natsClient' | 'catchingUp' | 'source' | 'channels' | 'state' | 'window' | 'rules' | 'viewer' | 'clock' | 'procedures' | 'worker' | 'scheduler', IrTelemetryEvents>;
  /** Colour-mapped temperature map with isotherms, lethal-dose contour, target coverage and protected structures. */
  'ir-thermal-map': IrVueElement<IrThermalMap, 'min' | 'max' | 'isotherms' | 'lethalDose' | 'lethalCem43' | 'tumour' | 'marginMm' | 'structures' | 'thermocouples' | 'tissue' | 'limits' | 'impedance' | 'generator' | 'rules' | 'channels' | 'channel' | 'source' | 'manager' | 'theme' | 'scheduler' | 'alarm' | 'acknowledged' | 'framedBy' | 'framedOutside', IrThermalMapEvents>;
  /** Multi-channel strip chart with read-outs, limits, alarms and stale marking. */
  'ir-trend': IrVueElement<IrTrend, 'window' | 'limits' | 'rules' | 'markers' | 'channels' | 'channel' | 'source' | 'manager' | 'theme' | 'scheduler' | 'alarm' | 'acknowledged' | 'framedBy' | 'framedOutside', IrTrendEvents>;
}

declare module 'vue' {
  interface GlobalComponents extends IrGlobalComponents {}
}
