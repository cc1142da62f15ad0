// Generated from custom-elements.json by scripts/generate.mjs (`npm run manifest`): do not edit.
// JSX types for the elements in React 19 (`import type {} from 'ir-monitor/jsx'` once, or list it in
// tsconfig "types"). Types only: this module has no runtime code. React 19 sets a prop as a
// property when the element is already defined when it first renders, so import the elements
// (`import 'ir-monitor'`) before the first render; or use the wrappers of `ir-monitor/react`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
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

/** The element tags this library defines. */
export type IrTag = 'ir-activity-gauge' | 'ir-alarm-banner' | 'ir-alarm-log' | 'ir-cement-gauge' | 'ir-dose-gauge' | 'ir-iceball-curve' | 'ir-pulse-trace' | 'ir-telemetry' | 'ir-thermal-map' | 'ir-trend';

/** The event a listener receives: the library's class for it where HTMLElementEventMap lists one. */
export type IrEvent<N extends string> = N extends keyof HTMLElementEventMap ? HTMLElementEventMap[N] : Event;

/** Properties and event listeners of `<ir-activity-gauge>`. */
export interface IrActivityGaugeProps {
  /** The treatment plan: product, prescribed activity, vial activity and calibration time, lung shunt fraction, limits; given to the room's engine. */
  plan?: IrActivityGauge['plan'];
  /** With `.source`, the descriptors of the channels it sends; inside `ir-telemetry`, the channels to show when `channel` is not set. */
  channels?: IrActivityGauge['channels'];
  /** Channel ids, separated by spaces or commas, read from the nearest `ir-telemetry`. */
  channel?: IrActivityGauge['channel'];
  /** The data. The panel then has a room of its own, validated, stale-judged and alarmed as inside `ir-telemetry`. */
  source?: IrActivityGauge['source'];
  /** The alarm manager to follow; without it, the room's. */
  manager?: IrActivityGauge['manager'];
  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  theme?: IrActivityGauge['theme'];
  /** The clock of the panel's own room (stale detection) and of its read-outs; a VirtualTimeScheduler in tests. */
  scheduler?: IrActivityGauge['scheduler'];
  /**
   * Priority of the most urgent alarm on this panel's channels, if any: the panel
   * frames itself in the priority colour and shows the marker (`***`, `**`, `*`)
   * with the alarm's text. Set from the alarm manager when it has rules on these
   * channels; otherwise the host's to set.
   */
  alarm?: IrActivityGauge['alarm'];
  /** Every alarm on this panel's channels is acknowledged: the frame turns dashed. */
  acknowledged?: IrActivityGauge['acknowledged'];
  /**
   * The panel this one is drawn inside, set by that panel (`.framedBy=${this}`): the alarms it
   * frames already are not framed here a second time.
   */
  framedBy?: IrActivityGauge['framedBy'];
  /** Every alarm shown here is framed by `framedBy`: this panel shows the marker and text, not a frame of its own. Set by the panel. */
  framedOutside?: IrActivityGauge['framedOutside'];
  /** A `.source` came without `channels` (`IrConfigErrorEvent`). */
  'onir-config-error'?: (event: IrEvent<'ir-config-error'>) => void;
  /** With a `.source`: data refused by the gauge's own room, or a channel gone stale (`IrTechnicalEvent`). */
  'onir-technical'?: (event: IrEvent<'ir-technical'>) => void;
}

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
  /** The alarm rules the engine uses; by default `cementRules(plan, thresholds)`. An empty array: none. */
  rules?: IrCementGauge['rules'];
  /** Thresholds of the default rules (pressure limits, working-time warning). */
  thresholds?: IrCementGauge['thresholds'];
  /** Window of the volume curve (s). */
  window?: IrCementGauge['window'];
  /** Window of the pressure trace (s). */
  pressureWindow?: IrCementGauge['pressureWindow'];
  /** With `.source`, the descriptors of the channels it sends; inside `ir-telemetry`, the channels to show when `channel` is not set. */
  channels?: IrCementGauge['channels'];
  /** Channel ids, separated by spaces or commas, read from the nearest `ir-telemetry`. */
  channel?: IrCementGauge['channel'];
  /** The data. The panel then has a room of its own, validated, stale-judged and alarmed as inside `ir-telemetry`. */
  source?: IrCementGauge['source'];
  /** The alarm manager to follow; without it, the room's. */
  manager?: IrCementGauge['manager'];
  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  theme?: IrCementGauge['theme'];
  /** The clock of the panel's own room (stale detection) and of its read-outs; a VirtualTimeScheduler in tests. */
  scheduler?: IrCementGauge['scheduler'];
  /**
   * Priority of the most urgent alarm on this panel's channels, if any: the panel
   * frames itself in the priority colour and shows the marker (`***`, `**`, `*`)
   * with the alarm's text. Set from the alarm manager when it has rules on these
   * channels; otherwise the host's to set.
   */
  alarm?: IrCementGauge['alarm'];
  /** Every alarm on this panel's channels is acknowledged: the frame turns dashed. */
  acknowledged?: IrCementGauge['acknowledged'];
  /**
   * The panel this one is drawn inside, set by that panel (`.framedBy=${this}`): the alarms it
   * frames already are not framed here a second time.
   */
  framedBy?: IrCementGauge['framedBy'];
  /** Every alarm shown here is framed by `framedBy`: this panel shows the marker and text, not a frame of its own. Set by the panel. */
  framedOutside?: IrCementGauge['framedOutside'];
  /** A volume reading went down, a site or event the plan does not know, a volume rising once set (`IrCementTechnicalEvent`). */
  'onir-cement-technical'?: (event: IrEvent<'ir-cement-technical'>) => void;
  /** With a `.source`: data refused by the panel's own room (an unknown unit, a negative flow, an unknown channel), or a channel gone stale (`IrTechnicalEvent`). */
  'onir-technical'?: (event: IrEvent<'ir-technical'>) => void;
  /** The plan is unsound, a rule was refused, or a `.source` came without `channels` (`IrConfigErrorEvent`). */
  'onir-config-error'?: (event: IrEvent<'ir-config-error'>) => void;
}

/** Properties and event listeners of `<ir-dose-gauge>`. */
export interface IrDoseGaugeProps {
  /** Notification levels to change (the rest stay as the defaults); given to the room's dose engine. */
  levels?: IrDoseGauge['levels'];
  /** Channel ids, where the system names them otherwise; given to the room's dose engine. */
  doseChannels?: IrDoseGauge['doseChannels'];
  /** With `.source`, the descriptors of the channels it sends; inside `ir-telemetry`, the channels to show when `channel` is not set. */
  channels?: IrDoseGauge['channels'];
  /** Channel ids, separated by spaces or commas, read from the nearest `ir-telemetry`. */
  channel?: IrDoseGauge['channel'];
  /** The data. The panel then has a room of its own, validated, stale-judged and alarmed as inside `ir-telemetry`. */
  source?: IrDoseGauge['source'];
  /** The alarm manager to follow; without it, the room's. */
  manager?: IrDoseGauge['manager'];
  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  theme?: IrDoseGauge['theme'];
  /** The clock of the panel's own room (stale detection) and of its read-outs; a VirtualTimeScheduler in tests. */
  scheduler?: IrDoseGauge['scheduler'];
  /**
   * Priority of the most urgent alarm on this panel's channels, if any: the panel
   * frames itself in the priority colour and shows the marker (`***`, `**`, `*`)
   * with the alarm's text. Set from the alarm manager when it has rules on these
   * channels; otherwise the host's to set.
   */
  alarm?: IrDoseGauge['alarm'];
  /** Every alarm on this panel's channels is acknowledged: the frame turns dashed. */
  acknowledged?: IrDoseGauge['acknowledged'];
  /**
   * The panel this one is drawn inside, set by that panel (`.framedBy=${this}`): the alarms it
   * frames already are not framed here a second time.
   */
  framedBy?: IrDoseGauge['framedBy'];
  /** Every alarm shown here is framed by `framedBy`: this panel shows the marker and text, not a frame of its own. Set by the panel. */
  framedOutside?: IrDoseGauge['framedOutside'];
  /** A `.source` came without `channels` (`IrConfigErrorEvent`). */
  'onir-config-error'?: (event: IrEvent<'ir-config-error'>) => void;
  /** With a `.source`: data refused by the gauge's own room, or a channel gone stale (`IrTechnicalEvent`). */
  'onir-technical'?: (event: IrEvent<'ir-technical'>) => void;
}

/** Properties and event listeners of `<ir-iceball-curve>`. */
export interface IrIceballCurveProps {
  /** The procedure: probes, sensors, tumours with margins, protected structures, protocol and field of view (mm). Handed to the room's engine. */
  procedure?: IrIceballCurve['procedure'];
  /** Alarm defaults to change (the rest stay as `DEFAULT_CRYO_ALARMS`), handed to the engine with `procedure`. */
  alarms?: IrIceballCurve['alarms'];
  /** Width of the temperature traces' window, in seconds. */
  traceWindow?: IrIceballCurve['traceWindow'];
  /** With `.source`, the descriptors of the channels it sends; inside `ir-telemetry`, the channels to show when `channel` is not set. */
  channels?: IrIceballCurve['channels'];
  /** Channel ids, separated by spaces or commas, read from the nearest `ir-telemetry`. */
  channel?: IrIceballCurve['channel'];
  /** The data. The panel then has a room of its own, validated, stale-judged and alarmed as inside `ir-telemetry`. */
  source?: IrIceballCurve['source'];
  /** The alarm manager to follow; without it, the room's. */
  manager?: IrIceballCurve['manager'];
  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  theme?: IrIceballCurve['theme'];
  /** The clock of the panel's own room (stale detection) and of its read-outs; a VirtualTimeScheduler in tests. */
  scheduler?: IrIceballCurve['scheduler'];
  /**
   * Priority of the most urgent alarm on this panel's channels, if any: the panel
   * frames itself in the priority colour and shows the marker (`***`, `**`, `*`)
   * with the alarm's text. Set from the alarm manager when it has rules on these
   * channels; otherwise the host's to set.
   */
  alarm?: IrIceballCurve['alarm'];
  /** Every alarm on this panel's channels is acknowledged: the frame turns dashed. */
  acknowledged?: IrIceballCurve['acknowledged'];
  /**
   * The panel this one is drawn inside, set by that panel (`.framedBy=${this}`): the alarms it
   * frames already are not framed here a second time.
   */
  framedBy?: IrIceballCurve['framedBy'];
  /** Every alarm shown here is framed by `framedBy`: this panel shows the marker and text, not a frame of its own. Set by the panel. */
  framedOutside?: IrIceballCurve['framedOutside'];
  /** A value kept and drawn but flagged: an ice ball shrinking in a freeze, a sensor colder than the tips, a position outside the field (`IrQuestionableEvent`). */
  'onir-questionable'?: (event: IrEvent<'ir-questionable'>) => void;
  /** An alarm rule was refused, or a `.source` came without `channels` (`IrConfigErrorEvent`). */
  'onir-config-error'?: (event: IrEvent<'ir-config-error'>) => void;
  /** With a `.source`: data refused by the panel's own room, an event the engine could not read, or a channel gone stale (`IrTechnicalEvent`). */
  'onir-technical'?: (event: IrEvent<'ir-technical'>) => void;
}

/** Properties and event listeners of `<ir-pulse-trace>`. */
export interface IrPulseTraceProps {
  /** The needles and pairs (`hexagonLayout`, `rowsLayout`, `pairsLayout`). */
  layout?: IrPulseTrace['layout'];
  /** The plan: pulses per pair, width, repetition, field, generator limits. */
  protocol?: IrPulseTrace['protocol'];
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
  /** With `.source`, the descriptors of the channels it sends; inside `ir-telemetry`, the channels to show when `channel` is not set. */
  channels?: IrPulseTrace['channels'];
  /** Channel ids, separated by spaces or commas, read from the nearest `ir-telemetry`. */
  channel?: IrPulseTrace['channel'];
  /** The data. The panel then has a room of its own, validated, stale-judged and alarmed as inside `ir-telemetry`. */
  source?: IrPulseTrace['source'];
  /** The alarm manager to follow; without it, the room's. */
  manager?: IrPulseTrace['manager'];
  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  theme?: IrPulseTrace['theme'];
  /** The clock of the panel's own room (stale detection) and of its read-outs; a VirtualTimeScheduler in tests. */
  scheduler?: IrPulseTrace['scheduler'];
  /**
   * Priority of the most urgent alarm on this panel's channels, if any: the panel
   * frames itself in the priority colour and shows the marker (`***`, `**`, `*`)
   * with the alarm's text. Set from the alarm manager when it has rules on these
   * channels; otherwise the host's to set.
   */
  alarm?: IrPulseTrace['alarm'];
  /** Every alarm on this panel's channels is acknowledged: the frame turns dashed. */
  acknowledged?: IrPulseTrace['acknowledged'];
  /**
   * The panel this one is drawn inside, set by that panel (`.framedBy=${this}`): the alarms it
   * frames already are not framed here a second time.
   */
  framedBy?: IrPulseTrace['framedBy'];
  /** Every alarm shown here is framed by `framedBy`: this panel shows the marker and text, not a frame of its own. Set by the panel. */
  framedOutside?: IrPulseTrace['framedOutside'];
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
  /**
   * A gateway speaking the wire format: `ws://` or `wss://` (WebSocket, both ways), or
   * `http://` or `https://` (Server-Sent Events, one way: acknowledgements made here
   * stay here). Used when no `source` or `nats` is set.
   */
  src?: IrTelemetry['src'];
  /**
   * A NATS broker's WebSocket URL (`ws://host:port`). With `procedure`, the page
   * follows that procedure room as an edge publishes it (docs/nats.md): it replays
   * what it missed, then follows live; the alarms shown are the edge's decision, and
   * acknowledgements and pauses go to the edge, which decides. Needs the optional
   * peers `@nats-io/nats-core` and `@nats-io/jetstream`. Used when no `source` is
   * set; takes precedence over `src`.
   */
  nats?: IrTelemetry['nats'];
  /** The procedure room to follow on `nats` (letters, digits, `-`, `_`). */
  procedure?: IrTelemetry['procedure'];
  /**
   * What a viewer joining `nats` late replays of the samples: `overview` (default: the
   * room's overviews, the minimum and maximum of each 100 ms, up to the newest, then every
   * sample; a chart shows the same, and a 10 Hz or slower channel comes exactly) or
   * `every-sample` (every sample of the window: longer to join).
   */
  replay?: IrTelemetry['replay'];
  /** Credentials for `nats`: a property only, so they never stand in the page's HTML. */
  natsAuth?: IrTelemetry['natsAuth'];
  /**
   * The NATS client modules for `nats`, in a page built by a bundler:
   * `{ core: await import('@nats-io/nats-core'), jetstream: await import('@nats-io/jetstream') }`.
   * Without, they are imported by name when `nats` is set (a page with an import map).
   */
  natsClient?: IrTelemetry['natsClient'];
  /**
   * Messages still to replay before this viewer is live with the procedure (a
   * late join, a reconnect); 0 when live. Reflected as `catching-up` so a page
   * can say so, and panels inside read it from the room (`room.replaying`).
   */
  catchingUp?: IrTelemetry['catchingUp'];
  /** The source: an Observable of sample batches, waveforms, grids and events. Takes precedence over `nats` and `src`. */
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
   * the element is attached; it also names who acted in the alarm log (one left
   * unnamed shows there as a console and the first digits of its random id).
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
  /**
   * The procedure engines this room runs from the start, separated by spaces or
   * commas: `cryo`, `thermal`, `pulses`, `cement` (and any engine registered by
   * name). A panel inside finds its engine here and hands it its configuration;
   * a panel placed without one starts it. An unknown name is an `ir-config-error`.
   */
  procedures?: IrTelemetry['procedures'];
  /**
   * A module Worker started on `ir-monitor/worker` (or on a module of one's own that imports
   * its engines, then `ir-monitor/worker`): the room runs there, with its engines and the one
   * alarm manager, off this page's main thread, and this element's room follows it
   * (`followWorker`): panels draw what it decides.
   * `src` and `.source` are connected there; a `src` is checked against the wall clock,
   * a `.source`'s times only against each other; `nats` is not followed (an edge decides
   * there already: an `ir-config-error` says so). Set it with the other properties, before
   * the element's first update.
   */
  worker?: IrTelemetry['worker'];
  /** The clock of stale detection and alarm pauses; set before the element is attached (a VirtualTimeScheduler in tests). */
  scheduler?: IrTelemetry['scheduler'];
  /** The connection state changed (`IrConnectionStateEvent`, `detail.state`). */
  'onir-connection-state'?: (event: IrEvent<'ir-connection-state'>) => void;
  /** Invalid data, a refused batch or frame, a parse error, a gap or duplicate in a channel's sequence, or a channel gone stale or valid again (`IrTechnicalEvent`). */
  'onir-technical'?: (event: IrEvent<'ir-technical'>) => void;
  /** An alarm rule was refused, or the NATS broker or room could not be followed; `detail.message` says why (`IrConfigErrorEvent`). */
  'onir-config-error'?: (event: IrEvent<'ir-config-error'>) => void;
}

/** Properties and event listeners of `<ir-thermal-map>`. */
export interface IrThermalMapProps {
  /** Bottom of the colour scale (°C). */
  min?: IrThermalMap['min'];
  /** Top of the colour scale (°C). */
  max?: IrThermalMap['max'];
  /** Isotherms drawn (°C). */
  isotherms?: IrThermalMap['isotherms'];
  /** The lethal-dose criterion drawn and used for coverage: `cem43` (CEM43 ≥ `lethal-cem43`) or `omega` (Ω ≥ 1). */
  lethalDose?: IrThermalMap['lethalDose'];
  /** The lethal thermal dose, CEM43 minutes (default 240: `LETHAL_CEM43`, a project default). */
  lethalCem43?: IrThermalMap['lethalCem43'];
  /** The tumour, in mm in the map's frame. */
  tumour?: IrThermalMap['tumour'];
  /** The ablation margin around the tumour (mm): coverage is of tumour plus margin. */
  marginMm?: IrThermalMap['marginMm'];
  /** Structures to protect from heat. */
  structures?: IrThermalMap['structures'];
  /** Point probes shown with their readings. */
  thermocouples?: IrThermalMap['thermocouples'];
  /** Arrhenius parameters of the tissue (default liver); a change starts the dose again. */
  tissue?: IrThermalMap['tissue'];
  /** Thresholds of the default structure alarms. */
  limits?: IrThermalMap['limits'];
  /** An RF generator's impedance channel: the engine alarms on a roll-off not recovering, or repeated (none for a microwave antenna). */
  impedance?: IrThermalMap['impedance'];
  /** The generator's other channels (power, tip temperature, thermocouples): after its `phase end` event their silence, and the map's, is planned, not a lost signal. */
  generator?: IrThermalMap['generator'];
  /** The engine's alarm rules; by default those of each structure (`structureRules`). */
  rules?: IrThermalMap['rules'];
  /** With `.source`, the descriptors of the channels it sends; inside `ir-telemetry`, the channels to show when `channel` is not set. */
  channels?: IrThermalMap['channels'];
  /** Channel ids, separated by spaces or commas, read from the nearest `ir-telemetry`. */
  channel?: IrThermalMap['channel'];
  /** The data. The panel then has a room of its own, validated, stale-judged and alarmed as inside `ir-telemetry`. */
  source?: IrThermalMap['source'];
  /** The alarm manager to follow; without it, the room's. */
  manager?: IrThermalMap['manager'];
  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  theme?: IrThermalMap['theme'];
  /** The clock of the panel's own room (stale detection) and of its read-outs; a VirtualTimeScheduler in tests. */
  scheduler?: IrThermalMap['scheduler'];
  /**
   * Priority of the most urgent alarm on this panel's channels, if any: the panel
   * frames itself in the priority colour and shows the marker (`***`, `**`, `*`)
   * with the alarm's text. Set from the alarm manager when it has rules on these
   * channels; otherwise the host's to set.
   */
  alarm?: IrThermalMap['alarm'];
  /** Every alarm on this panel's channels is acknowledged: the frame turns dashed. */
  acknowledged?: IrThermalMap['acknowledged'];
  /**
   * The panel this one is drawn inside, set by that panel (`.framedBy=${this}`): the alarms it
   * frames already are not framed here a second time.
   */
  framedBy?: IrThermalMap['framedBy'];
  /** Every alarm shown here is framed by `framedBy`: this panel shows the marker and text, not a frame of its own. Set by the panel. */
  framedOutside?: IrThermalMap['framedOutside'];
  /** With a `.source`: a rule was refused, or the source came without `channels` (`IrConfigErrorEvent`). */
  'onir-config-error'?: (event: IrEvent<'ir-config-error'>) => void;
  /** With a `.source`: a map refused (out of order, geometry changed) or reduced, masked pixels counted (`IrTechnicalEvent`). */
  'onir-technical'?: (event: IrEvent<'ir-technical'>) => void;
}

/** Properties and event listeners of `<ir-trend>`. */
export interface IrTrendProps {
  /** Width of the visible window, in seconds. */
  window?: IrTrend['window'];
  /**
   * Limits drawn as dashed lines in their channel's colour, with a narrow band
   * shaded beyond each, besides those of the alarm rules on this panel's
   * channels, which are always drawn.
   */
  limits?: IrTrend['limits'];
  /** This panel's alarm rules, added to the alarm manager of its room (or `manager`). */
  rules?: IrTrend['rules'];
  /** Event markers (phase change, pulse, operator note): a vertical line with its label, on data time. */
  markers?: IrTrend['markers'];
  /** With `.source`, the descriptors of the channels it sends; inside `ir-telemetry`, the channels to show when `channel` is not set. */
  channels?: IrTrend['channels'];
  /** Channel ids, separated by spaces or commas, read from the nearest `ir-telemetry`. */
  channel?: IrTrend['channel'];
  /** The data. The panel then has a room of its own, validated, stale-judged and alarmed as inside `ir-telemetry`. */
  source?: IrTrend['source'];
  /** The alarm manager to follow; without it, the room's. */
  manager?: IrTrend['manager'];
  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  theme?: IrTrend['theme'];
  /** The clock of the panel's own room (stale detection) and of its read-outs; a VirtualTimeScheduler in tests. */
  scheduler?: IrTrend['scheduler'];
  /**
   * Priority of the most urgent alarm on this panel's channels, if any: the panel
   * frames itself in the priority colour and shows the marker (`***`, `**`, `*`)
   * with the alarm's text. Set from the alarm manager when it has rules on these
   * channels; otherwise the host's to set.
   */
  alarm?: IrTrend['alarm'];
  /** Every alarm on this panel's channels is acknowledged: the frame turns dashed. */
  acknowledged?: IrTrend['acknowledged'];
  /**
   * The panel this one is drawn inside, set by that panel (`.framedBy=${this}`): the alarms it
   * frames already are not framed here a second time.
   */
  framedBy?: IrTrend['framedBy'];
  /** Every alarm shown here is framed by `framedBy`: this panel shows the marker and text, not a frame of its own. Set by the panel. */
  framedOutside?: IrTrend['framedOutside'];
  /** One of `rules` was refused, or a `.source` came without `channels` (`IrConfigErrorEvent`). */
  'onir-config-error'?: (event: IrEvent<'ir-config-error'>) => void;
  /** With a `.source`: data refused by the panel's own room, or a channel gone stale (`IrTechnicalEvent`). */
  'onir-technical'?: (event: IrEvent<'ir-technical'>) => void;
}

/** What JSX accepts on an element: its properties and events, and React's HTML attributes. */
export type IrElementProps<E extends HTMLElement, P> = P & Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof P> & { class?: string };

/** The JSX intrinsic elements of this library. */
export interface IrIntrinsicElements {
  'ir-activity-gauge': IrElementProps<IrActivityGauge, IrActivityGaugeProps>;
  'ir-alarm-banner': IrElementProps<IrAlarmBanner, IrAlarmBannerProps>;
  'ir-alarm-log': IrElementProps<IrAlarmLog, IrAlarmLogProps>;
  'ir-cement-gauge': IrElementProps<IrCementGauge, IrCementGaugeProps>;
  'ir-dose-gauge': IrElementProps<IrDoseGauge, IrDoseGaugeProps>;
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
