import type { ChannelDescriptor } from '../channel.js';
import { nameOf, naming, type Labelled, type Labels } from '../channel-label.js';
import { DEFAULT_CEMENT, type CementSpec } from './setting.js';

/** Where cement goes: a vertebral level, one end of a screw, a pelvic (or other) lesion. */
export type SiteKind = 'vertebra' | 'screw-end' | 'lesion';

export interface InjectionSite {
  /** Short id, used in events (`site=L2`). */
  id: string;
  label: string;
  /** Its name in other languages, by primary language subtag (`{ fr: 'Pointe de vis' }`). */
  labels?: Labels;
  kind: SiteKind;
  /** The volume planned for this site (mL). */
  plannedMl: number;
  /** The most this site may take (mL). */
  maxMl: number;
  /** The channel reporting the volume delivered to this site, cumulative. */
  channel: string;
  /**
   * When set, the channel reports plunger displacement (mm) of a syringe of
   * this inner diameter (mm), converted to mL; otherwise the channel reports mL.
   */
  plungerBoreMm?: number;
}

/** One injection: the sites, the cement and its channels. */
export interface InjectionPlan {
  /**
   * The procedure's cement channel: it carries the events (mix, site, done,
   * pause, resume, leak) and, published from them, the leak flag (1 while a
   * leak is reported and the injection held, else 0).
   */
  channel: string;
  sites: InjectionSite[];
  /** Injection pressure channel (kPa). */
  pressureChannel: string;
  /** Flow channel (mL/min) if the device reports one; otherwise flow is estimated from the volumes. */
  flowChannel?: string;
  cement?: CementSpec;
  /** Room temperature (°C); the cement's reference temperature when absent. */
  roomTemperatureC?: number;
}

/** The derived channel of the working time left (s), published from the cement channel's events. */
export const workingLeftChannel = (plan: InjectionPlan) => `${plan.channel}.working-left`;

/**
 * The derived channel of the volume delivered to a site (mL), as the record keeps it: a reading
 * that falls is refused and the last valid volume stays, so a chart of it never shows a dip.
 */
export const deliveredChannel = (site: InjectionSite) => `${site.channel}.delivered`;

/** The largest value a site's channel may carry: 100 mL, or 1000 mm of plunger travel. */
const siteChannelMax = (site: InjectionSite) => (site.plungerBoreMm ? 1000 : 100);

/** Volume (mL) pushed by a plunger of bore `boreMm` moved `mm`: pi r^2 x. */
export const plungerVolumeMl = (mm: number, boreMm: number) => (Math.PI * (boreMm / 2) ** 2 * mm) / 1000;

/** Plunger travel (mm) that delivers `ml` through a syringe of bore `boreMm`. */
export const plungerTravelMm = (ml: number, boreMm: number) => (ml * 1000) / (Math.PI * (boreMm / 2) ** 2);

/** Volume (mL) a site's channel value means. */
export const siteVolumeMl = (site: InjectionSite, value: number) => (site.plungerBoreMm ? plungerVolumeMl(value, site.plungerBoreMm) : value);

export const planCement = (plan: InjectionPlan): CementSpec => plan.cement ?? DEFAULT_CEMENT;

/** The volume planned for the whole injection (mL): every site's, added. */
export const plannedTotalMl = (plan: InjectionPlan): number => plan.sites.reduce((s, x) => s + x.plannedMl, 0);

/** The most the whole injection may take (mL): every site's maximum, added. */
export const maxTotalMl = (plan: InjectionPlan): number => plan.sites.reduce((s, x) => s + x.maxMl, 0);

/** What is wrong with a plan, one sentence each (empty when it is sound). */
export function checkPlan(plan: InjectionPlan): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  const channels = new Set<string>([plan.channel, plan.pressureChannel, plan.flowChannel ?? '']);
  if (!plan.sites.length) errors.push('the plan has no site');
  for (const s of plan.sites) {
    if (ids.has(s.id)) errors.push(`site '${s.id}' appears twice`);
    ids.add(s.id);
    if (channels.has(s.channel)) errors.push(`site '${s.id}': channel '${s.channel}' is used twice`);
    channels.add(s.channel);
    if (!(s.plannedMl > 0)) errors.push(`site '${s.id}': planned volume must be > 0 mL`);
    if (!(s.maxMl >= s.plannedMl)) errors.push(`site '${s.id}': maximum ${s.maxMl} mL is below the planned ${s.plannedMl} mL`);
    if (s.plungerBoreMm !== undefined && !(s.plungerBoreMm > 0)) errors.push(`site '${s.id}': plunger bore must be > 0 mm`);
  }
  return errors;
}

/** The ids of every channel a plan reads or publishes. */
export function planChannelIds(plan: InjectionPlan): string[] {
  return [...plan.sites.map((s) => s.channel), plan.pressureChannel, ...(plan.flowChannel ? [plan.flowChannel] : []), plan.channel, workingLeftChannel(plan), ...plan.sites.map(deliveredChannel)];
}

/** Expected intervals of the channels `cementChannels` declares, unless given. */
export interface CementChannelRates {
  volumeMs?: number;
  pressureMs?: number;
  flowMs?: number;
}

/**
 * Default interval of the measured channels (volume, pressure, flow): the longest gap between
 * readings of an ordinary injector or transducer feed, 2 Hz. A channel goes stale after three
 * intervals without data, so a 2 Hz (or 1 Hz) feed stays valid and a faster one just gives finer
 * data; at 3.5 mL/min the volume moves 0.03 mL per half second, below the 0.1 mL shown, and
 * pressure rises over minutes (Krebs et al., Spine 2005).
 */
export const INJECTOR_INTERVAL_MS = 500;

/** The plan's other channels as people name them, in English and French. */
const LABELS = {
  leak: { label: 'Leak reported', labels: { fr: 'Fuite signalée' } },
  workingLeft: { label: 'Working time left', labels: { fr: 'Temps de travail restant' } },
  pressure: { label: 'Pressure', labels: { fr: 'Pression' } },
  flow: { label: 'Flow', labels: { fr: 'Débit' } },
} satisfies Record<string, Labelled>;

/** A site's delivered volume named apart from its readings ("T12 delivered" beside "T12"): both are channels of the room. */
function deliveredName(site: InjectionSite): Labelled {
  const { en, fr } = naming(site, { en: (l) => `${l} delivered`, fr: (l) => `${l} : volume injecté` });
  return { label: en, labels: { fr } };
}

/** Interval of the derived channels (ms of data time between published values). */
export const DERIVED_INTERVAL_MS = 250;

/**
 * The channels a cement engine publishes: the leak flag (on the cement channel), the working
 * time left (s), and each site's delivered volume (mL, `deliveredChannel`), published with the
 * site's readings (at most every `DERIVED_INTERVAL_MS`), so it goes quiet when they do;
 * `volumeMs` is the site channel's interval (default `INJECTOR_INTERVAL_MS`).
 */
export function cementDerivedChannels(plan: InjectionPlan, volumeMs: (site: InjectionSite) => number = () => INJECTOR_INTERVAL_MS): ChannelDescriptor[] {
  return [
    { id: plan.channel, ...LABELS.leak, unit: '1', intervalMs: DERIVED_INTERVAL_MS, range: [0, 1], decimals: 0 },
    { id: workingLeftChannel(plan), ...LABELS.workingLeft, unit: 's', intervalMs: DERIVED_INTERVAL_MS, range: [0, 24 * 3600], decimals: 0 },
    ...plan.sites.map((s): ChannelDescriptor => ({
      id: deliveredChannel(s),
      ...deliveredName(s),
      unit: 'mL',
      intervalMs: Math.max(DERIVED_INTERVAL_MS, volumeMs(s)),
      range: [0, siteVolumeMl(s, siteChannelMax(s))],
      decimals: 1,
    })),
  ];
}

/**
 * Descriptors of every channel of a plan, for `ir-telemetry`'s `channels` or a
 * gauge's `.channels`: site volumes (mL, or mm of plunger travel), pressure
 * (kPa), flow (mL/min, never negative), and the derived channels
 * (`cementDerivedChannels`, which the engine declares itself). Intervals default
 * to `INJECTOR_INTERVAL_MS`; give a device's own rate in `rates`.
 */
export function cementChannels(plan: InjectionPlan, rates: CementChannelRates = {}): ChannelDescriptor[] {
  const { volumeMs = INJECTOR_INTERVAL_MS, pressureMs = INJECTOR_INTERVAL_MS, flowMs = INJECTOR_INTERVAL_MS } = rates;
  return [
    ...plan.sites.map((s): ChannelDescriptor => ({
      id: s.channel,
      ...nameOf(s),
      unit: s.plungerBoreMm ? 'mm' : 'mL',
      intervalMs: volumeMs,
      range: [0, siteChannelMax(s)],
      decimals: 1,
    })),
    { id: plan.pressureChannel, ...LABELS.pressure, unit: 'kPa', intervalMs: pressureMs, range: [0, 20_000], decimals: 0 },
    ...(plan.flowChannel ? [{ id: plan.flowChannel, ...LABELS.flow, unit: 'mL/min', intervalMs: flowMs, range: [0, 60], decimals: 1 } as ChannelDescriptor] : []),
    ...cementDerivedChannels(plan, () => volumeMs),
  ];
}
