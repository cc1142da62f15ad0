// Generated from custom-elements.json by scripts/generate.mjs (`npm run manifest`): do not edit.
// JSX types for the elements in React 19 (`import type {} from 'ir-monitor/jsx'` once, or list it in
// tsconfig "types"). Types only: this module has no runtime code. React 19 sets a prop as a
// property when the element is already defined when it first renders, so import the elements
// (`import 'ir-monitor'`) before the first render; or use the wrappers of `ir-monitor/react`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { IrAlarmBanner } from './components/alarm-banner.js';
import type { IrAlarmLog } from './components/alarm-log.js';
import type { IrCementGauge } from './components/cement-gauge.js';
import type { IrIceballCurve } from './components/iceball-curve.js';
import type { IrPulseTrace } from './components/pulse-trace.js';
import type { IrTelemetry } from './components/telemetry.js';
import type { IrThermalMap } from './components/thermal-map.js';
import type { IrTrend } from './components/trend.js';

/** The element tags this library defines. */
export type IrTag = 'ir-alarm-banner' | 'ir-alarm-log' | 'ir-cement-gauge' | 'ir-iceball-curve' | 'ir-pulse-trace' | 'ir-telemetry' | 'ir-thermal-map' | 'ir-trend';

/** The event a listener receives: the library's class for it where HTMLElementEventMap lists one. */
export type IrEvent<N extends string> = N extends keyof HTMLElementEventMap ? HTMLElementEventMap[N] : Event;

/** Properties and event listeners of `<ir-alarm-banner>`. */
export interface IrAlarmBannerProps {
  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  theme?: IrAlarmBanner['theme'];
  manager?: IrAlarmBanner['manager'];
  /** Every present alarm condition, when no manager drives the banner. */
  alarms?: IrAlarmBanner['alarms'];
  /** The alarm system's state, when no manager drives the banner. */
  system?: IrAlarmBanner['system'];
  /**
   * Opt-in alarm sound from this panel (consoles often own their speaker). Sound
   * starts only after a click on the 'enable sound' control.
   */
  sound?: IrAlarmBanner['sound'];
  /** The user asked to acknowledge, pause or resume (`AlarmCommandEvent`, cancelable). */
  'onir-alarm-command'?: (event: IrEvent<'ir-alarm-command'>) => void;
}

/** Properties and event listeners of `<ir-alarm-log>`. */
export interface IrAlarmLogProps {
  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  theme?: IrAlarmLog['theme'];
  capacity?: IrAlarmLog['capacity'];
  /** The alarm manager to record; without it, the nearest `ir-telemetry`'s, else only what `record()` is given. */
  manager?: IrAlarmLog['manager'];
  /** Fired with the CSV text before the download starts (`AlarmLogExportEvent`, `detail.csv`). */
  'onir-alarm-log-export'?: (event: IrEvent<'ir-alarm-log-export'>) => void;
}

/** Properties and event listeners of `<ir-cement-gauge>`. */
export interface IrCementGaugeProps {
  /** The injection plan: sites with planned and maximum volumes, channels, cement and room temperature. */
  plan?: IrCementGauge['plan'];
  /** With `.source`, the descriptors of what it sends: `cementChannels(plan)`. */
  channels?: IrCementGauge['channels'];
  /** Channel ids to read from the nearest `ir-telemetry`, if not the plan's own (`planChannelIds`). */
  channelIds?: IrCementGauge['channelIds'];
  /** The data: volume, pressure and flow batches and the cement channel's events. The panel then has a room of its own. */
  source?: IrCementGauge['source'];
  /** The alarm rules; by default `cementRules(plan, thresholds)`. An empty array: none. */
  rules?: IrCementGauge['rules'];
  /** Thresholds of the default rules (pressure limits, working-time warning). */
  thresholds?: IrCementGauge['thresholds'];
  /** The alarm manager to follow; without it, the room's. */
  manager?: IrCementGauge['manager'];
  /** Window of the volume curve (s). */
  window?: IrCementGauge['window'];
  /** Window of the pressure trace (s). */
  pressureWindow?: IrCementGauge['pressureWindow'];
  /** Colour theme: `dark` (default), `light` or `high-contrast`. */
  theme?: IrCementGauge['theme'];
  /** Priority of the most urgent alarm of this injection (set from the alarm manager). */
  alarm?: IrCementGauge['alarm'];
  /** Every alarm of this injection is acknowledged: the frame turns dashed. */
  acknowledged?: IrCementGauge['acknowledged'];
  /** The clock of the panel's own room and of its countdown; a VirtualTimeScheduler in tests. */
  scheduler?: IrCementGauge['scheduler'];
  /** A volume reading went down, a site or event the plan does not know, a volume rising once set (`IrCementTechnicalEvent`). */
  'onir-cement-technical'?: (event: IrEvent<'ir-cement-technical'>) => void;
  /** With a `.source`: data refused by the panel's own room (an unknown unit, a negative flow, an unknown channel), or a channel gone stale (`IrTechnicalEvent`). */
  'onir-technical'?: (event: IrEvent<'ir-technical'>) => void;
  /** The plan is unsound, a rule was refused, or a `.source` came without `channels` (`IrConfigErrorEvent`). */
  'onir-config-error'?: (event: IrEvent<'ir-config-error'>) => void;
}

/** Properties and event listeners of `<ir-iceball-curve>`. */
export interface IrIceballCurveProps {
  /** The procedure: probes, sensors, tumours with margins, protected structures, protocol and field of view (mm). */
  procedure?: IrIceballCurve['procedure'];
  /** With `.source`, the descriptors of the channels it sends. */
  channels?: IrIceballCurve['channels'];
  /**
   * Channel ids, separated by spaces or commas, read from the nearest
   * `ir-telemetry`; by default those of `procedure` and `ice.0 ice.-20 ice.-40`.
   */
  channel?: IrIceballCurve['channel'];
  /** The data: sample batches and events. The panel then has a room of its own. */
  source?: IrIceballCurve['source'];
  /** Alarm defaults to change (the rest stay as `DEFAULT_CRYO_ALARMS`). */
  alarms?: IrIceballCurve['alarms'];
  /** The alarm manager to follow; without it, the room's. */
  manager?: IrIceballCurve['manager'];
  /** Colour theme: `dark` (default), `light` or `high-contrast`. */
  theme?: IrIceballCurve['theme'];
  /** Width of the temperature traces' window, in seconds. */
  traceWindow?: IrIceballCurve['traceWindow'];
  /** The clock of the panel's own room and its read-outs; a VirtualTimeScheduler in tests. */
  scheduler?: IrIceballCurve['scheduler'];
  /** A value kept and drawn but flagged: an ice ball shrinking in a freeze, a sensor colder than the tips, a position outside the field (`IrQuestionableEvent`). */
  'onir-questionable'?: (event: IrEvent<'ir-questionable'>) => void;
  /** An alarm rule was refused, or a `.source` came without `channels` (`IrConfigErrorEvent`). */
  'onir-config-error'?: (event: IrEvent<'ir-config-error'>) => void;
  /** With a `.source`: data refused by the panel's own room, or a channel gone stale (`IrTechnicalEvent`). */
  'onir-technical'?: (event: IrEvent<'ir-technical'>) => void;
}

/** Properties and event listeners of `<ir-pulse-trace>`. */
export interface IrPulseTraceProps {
  /** The needles and pairs (`hexagonLayout`, `rowsLayout`, `pairsLayout`). */
  layout?: IrPulseTrace['layout'];
  /** The plan: pulses per pair, width, repetition, field, generator limits. */
  protocol?: IrPulseTrace['protocol'];
  /** With `.source`, the descriptors of what it sends (default: `pulseChannels(layout)`). */
  channels?: IrPulseTrace['channels'];
  /**
   * Not needed: the panel reads the channels its layout names (`pulseChannels`,
   * docs/wire-format.md) from its room. Kept for the common panel interface.
   */
  channel?: IrPulseTrace['channel'];
  /** The data: pulse records, waveforms, status and ECG (`procedureSource`, or a gateway). The panel then has a room of its own. */
  source?: IrPulseTrace['source'];
  /** The pair whose pulses are traced; unset, the pair of the latest pulse. */
  pair?: IrPulseTrace['pair'];
  /** How many of the latest pulses of the pair are overlaid. */
  overlay?: IrPulseTrace['overlay'];
  /** Width of the ECG strip, seconds. */
  ecgWindow?: IrPulseTrace['ecgWindow'];
  /**
   * Alarm rules; unset, the defaults of the protocol's modality
   * (`pulseAlarmRules`, sources in docs/clinical-defaults.md); `[]` for none.
   */
  rules?: IrPulseTrace['rules'];
  /** The alarm manager to follow; without it, the room's. */
  manager?: IrPulseTrace['manager'];
  /** Colour theme: `dark` (default), `light` or `high-contrast`. */
  theme?: IrPulseTrace['theme'];
  /** The clock of the panel's own room and read-outs; a VirtualTimeScheduler in tests. */
  scheduler?: IrPulseTrace['scheduler'];
  /** Priority of the most urgent electroporation alarm present: the panel frames itself in its colour. */
  alarm?: IrPulseTrace['alarm'];
  /** A pulse record refused: unknown pair, duplicated index, unreadable (`IrPulseRefusedEvent`, names it). */
  'onir-pulse-refused'?: (event: IrEvent<'ir-pulse-refused'>) => void;
  /** The operator chose another pair on the map or the table (`IrPairSelectEvent`). */
  'onir-pair-select'?: (event: IrEvent<'ir-pair-select'>) => void;
  /** With a `.source`: data refused by the panel's own room (a waveform with a bad sample rate, time going backwards), or a channel gone stale (`IrTechnicalEvent`). */
  'onir-technical'?: (event: IrEvent<'ir-technical'>) => void;
  /** An alarm rule refused, or a `.source` without a layout or channels (`IrConfigErrorEvent`). */
  'onir-config-error'?: (event: IrEvent<'ir-config-error'>) => void;
}

/** Properties and event listeners of `<ir-telemetry>`. */
export interface IrTelemetryProps {
  /** A `ws://` or `wss://` URL of a gateway speaking the wire format; used when no `source` is set. */
  src?: IrTelemetry['src'];
  /** The source: an Observable of sample batches, waveforms, grids and events. Takes precedence over `src`. */
  source?: IrTelemetry['source'];
  /** The channels this source may send. Data of any other channel is refused as a technical event. */
  channels?: IrTelemetry['channels'];
  /** The connection state: connecting, live, stale, reconnecting or closed. */
  state?: IrTelemetry['state'];
  /** How much recent data each channel keeps, in seconds, so a panel attached late starts full (panels may ask for more). */
  window?: IrTelemetry['window'];
  /**
   * Alarm rules for this room; panels inside add their own. Every channel with
   * a rule also gets stale and invalid technical alarms. A bad rule is refused
   * with `ir-config-error`, naming it.
   */
  rules?: IrTelemetry['rules'];
  /**
   * This viewer's id on the wire. With `src`, acknowledgements and pauses made
   * here are sent to the gateway as commands, and those of other viewers are
   * carried out here (an IEC 60601-1-8 distributed alarm system). Set before
   * the element is attached; it also names who acted in the alarm log.
   */
  viewer?: IrTelemetry['viewer'];
  /**
   * The receiving clock data times are checked against: a time implausibly far
   * from it (60 s ahead, 24 h behind by default) is refused as `clock-skew` and
   * never becomes a channel's reference. With `src`, the wall clock unless set;
   * with `.source`, none unless set (give `WALL_CLOCK` for a live source, a
   * replay's or simulator's own clock for recorded or accelerated data).
   */
  clock?: IrTelemetry['clock'];
  /** The clock of stale detection and alarm pauses; set before the element is attached (a VirtualTimeScheduler in tests). */
  scheduler?: IrTelemetry['scheduler'];
  /** The connection state changed (`IrConnectionStateEvent`, `detail.state`). */
  'onir-connection-state'?: (event: IrEvent<'ir-connection-state'>) => void;
  /** Invalid data, a refused batch or frame, a parse error, a gap or duplicate in a channel's sequence, or a channel gone stale or valid again (`IrTechnicalEvent`). */
  'onir-technical'?: (event: IrEvent<'ir-technical'>) => void;
  /** An alarm rule was refused; `detail.message` names it (`IrConfigErrorEvent`). */
  'onir-config-error'?: (event: IrEvent<'ir-config-error'>) => void;
}

/** Properties and event listeners of `<ir-thermal-map>`. */
export interface IrThermalMapProps {
  /** With `.source`: descriptors of what it sends (the map first, then structure and thermocouple channels). */
  channels?: IrThermalMap['channels'];
  /** The map channel, read from the nearest `ir-telemetry` (or picked among `channels`). */
  channel?: IrThermalMap['channel'];
  /** The data: grid frames of the map, and samples of thermocouples and derived channels. */
  source?: IrThermalMap['source'];
  /** Bottom of the colour scale (°C). */
  min?: IrThermalMap['min'];
  /** Top of the colour scale (°C). */
  max?: IrThermalMap['max'];
  /** Isotherms drawn (°C). */
  isotherms?: IrThermalMap['isotherms'];
  /** The lethal-dose criterion drawn and used for coverage: `cem43` (CEM43 ≥ `lethal-cem43`) or `omega` (Ω ≥ 1). */
  lethalDose?: IrThermalMap['lethalDose'];
  /** The lethal thermal dose, CEM43 minutes (default 240, Sapareto & Dewey 1984). */
  lethalCem43?: IrThermalMap['lethalCem43'];
  /** The tumour, in mm in the map's frame. */
  tumour?: IrThermalMap['tumour'];
  /** The ablation margin around the tumour (mm): coverage is of tumour plus margin. */
  marginMm?: IrThermalMap['marginMm'];
  /** Structures to protect from heat. */
  structures?: IrThermalMap['structures'];
  /** Point probes shown with their readings. */
  thermocouples?: IrThermalMap['thermocouples'];
  /** Arrhenius parameters of the tissue (default liver). */
  tissue?: IrThermalMap['tissue'];
  /** Thresholds of the default structure alarms. */
  limits?: IrThermalMap['limits'];
  /** The panel's alarm rules; by default those of each structure (`structureRules`). */
  rules?: IrThermalMap['rules'];
  /** The alarm manager to use; without it, the `ir-telemetry`'s or the panel's own room's. */
  manager?: IrThermalMap['manager'];
  /** Colour theme: `dark` (default), `light` or `high-contrast`. */
  theme?: IrThermalMap['theme'];
  /** The clock of the panel's own room and read-outs; a VirtualTimeScheduler in tests. */
  scheduler?: IrThermalMap['scheduler'];
  /** A rule was refused (a structure's derived channels not declared, say), or a `.source` came without `channels` (`IrConfigErrorEvent`). */
  'onir-config-error'?: (event: IrEvent<'ir-config-error'>) => void;
  /** With a `.source`: a map refused (out of order, geometry changed), masked pixels counted, or the map gone stale (`IrTechnicalEvent`). */
  'onir-technical'?: (event: IrEvent<'ir-technical'>) => void;
}

/** Properties and event listeners of `<ir-trend>`. */
export interface IrTrendProps {
  /**
   * With `.source`, the descriptors of the channels it sends (validated against
   * them). Inside `ir-telemetry`, the channels to show, when `channel` is not set.
   */
  channels?: IrTrend['channels'];
  /** Channel ids, separated by spaces or commas, read from the nearest `ir-telemetry`. */
  channel?: IrTrend['channel'];
  /** The data: sample batches (and events) for `channels`. The panel then has a room of its own. */
  source?: IrTrend['source'];
  /** Width of the visible window, in seconds. */
  window?: IrTrend['window'];
  /**
   * Limits drawn as dashed lines, with the band beyond each limit shaded, besides
   * those of the alarm rules on this panel's channels, which are always drawn.
   */
  limits?: IrTrend['limits'];
  /** This panel's alarm rules, added to the alarm manager of its room (or `manager`). */
  rules?: IrTrend['rules'];
  /** The alarm manager to follow; without it, the room's. */
  manager?: IrTrend['manager'];
  /** Event markers (phase change, pulse, operator note): a vertical line with its label, on data time. */
  markers?: IrTrend['markers'];
  /**
   * Priority of the most urgent alarm on this panel's channels, if any: the panel
   * frames itself in the priority colour and shows the marker (`***`, `**`, `*`).
   * Set from the alarm manager when it has rules on these channels; otherwise the host's to set.
   */
  alarm?: IrTrend['alarm'];
  /** Every alarm on this panel's channels is acknowledged: the frame turns dashed. */
  acknowledged?: IrTrend['acknowledged'];
  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  theme?: IrTrend['theme'];
  /** The clock of the panel's own room (stale detection) and of its read-outs; a VirtualTimeScheduler in tests. */
  scheduler?: IrTrend['scheduler'];
  /** One of `rules` was refused, or a `.source` came without `channels` (`IrConfigErrorEvent`). */
  'onir-config-error'?: (event: IrEvent<'ir-config-error'>) => void;
  /** With a `.source`: data refused by the panel's own room, or a channel gone stale (`IrTechnicalEvent`). */
  'onir-technical'?: (event: IrEvent<'ir-technical'>) => void;
}

/** What JSX accepts on an element: its properties and events, and React's HTML attributes. */
export type IrElementProps<E extends HTMLElement, P> = P & Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof P> & { class?: string };

/** The JSX intrinsic elements of this library. */
export interface IrIntrinsicElements {
  'ir-alarm-banner': IrElementProps<IrAlarmBanner, IrAlarmBannerProps>;
  'ir-alarm-log': IrElementProps<IrAlarmLog, IrAlarmLogProps>;
  'ir-cement-gauge': IrElementProps<IrCementGauge, IrCementGaugeProps>;
  'ir-iceball-curve': IrElementProps<IrIceballCurve, IrIceballCurveProps>;
  'ir-pulse-trace': IrElementProps<IrPulseTrace, IrPulseTraceProps>;
  'ir-telemetry': IrElementProps<IrTelemetry, IrTelemetryProps>;
  'ir-thermal-map': IrElementProps<IrThermalMap, IrThermalMapProps>;
  'ir-trend': IrElementProps<IrTrend, IrTrendProps>;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends IrIntrinsicElements {}
  }
}
