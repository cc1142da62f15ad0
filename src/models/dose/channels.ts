import type { ChannelDescriptor } from '../channel.js';
import type { Labelled } from '../channel-label.js';

/** The channel ids a dose engine reads, and the one it publishes. */
export interface DoseChannelIds {
  /** Cumulative reference air kerma, Ka,r. */
  kar: string;
  /** Cumulative kerma-area product. */
  kap: string;
  /** Cumulative fluoroscopy time. */
  fluoroTime: string;
  /** Peak skin dose, where the system estimates it. */
  psd: string;
  /** Derived: the Ka,r rate over the last minute. */
  rate: string;
}

export const DOSE_CHANNEL_IDS: Readonly<DoseChannelIds> = { kar: 'kar', kap: 'kap', fluoroTime: 'fluoro.time', psd: 'psd', rate: 'kar.rate' };

/**
 * Descriptors for an angiography system's dose report at `intervalMs` (default
 * 1 s, as systems report over DICOM RDSR or a serial feed). Ranges are physical
 * bounds, not limits: 50 Gy Ka,r is far beyond any procedure. Named in English and
 * French; `lang` is the language of `label`, read where a language has no entry.
 */
export function doseChannels(ids: Readonly<DoseChannelIds> = DOSE_CHANNEL_IDS, intervalMs = 1000, lang: 'en' | 'fr' = 'en'): ChannelDescriptor[] {
  return [
    { id: ids.kar, ...named('kar', lang), unit: 'Gy', intervalMs, range: [0, 50], decimals: 2 },
    { id: ids.kap, ...named('kap', lang), unit: 'Gy.cm2', intervalMs, range: [0, 5000], decimals: 1 },
    { id: ids.fluoroTime, ...named('fluoroTime', lang), unit: 's', intervalMs, range: [0, 86_400], decimals: 0 },
    { id: ids.psd, ...named('psd', lang), unit: 'Gy', intervalMs, range: [0, 50], decimals: 2 },
  ];
}

const LABELS = {
  en: { kar: 'Reference air kerma', kap: 'Kerma-area product', fluoroTime: 'Fluoroscopy time', psd: 'Peak skin dose', rate: 'Air kerma rate', injected: 'Injected', residual: 'Residual activity', delivered: 'Delivered activity', deviation: 'Deviation from prescription' },
  fr: { kar: 'Kerma de référence', kap: 'Produit kerma-surface', fluoroTime: 'Temps de scopie', psd: 'Dose cutanée maximale', rate: 'Débit de kerma', injected: 'Injecté', residual: 'Activité résiduelle', delivered: 'Activité délivrée', deviation: 'Écart à la prescription' },
} as const;

/** A channel's names: `label` in `lang`, and an entry for each language. */
const named = (key: keyof (typeof LABELS)['en'], lang: 'en' | 'fr' = 'en'): Labelled => ({ label: LABELS[lang][key], labels: { en: LABELS.en[key], fr: LABELS.fr[key] } });

/** The derived Ka,r rate the dose engine publishes. */
export const doseRateChannel = (ids: Readonly<DoseChannelIds> = DOSE_CHANNEL_IDS, intervalMs = 1000): ChannelDescriptor => ({
  id: ids.rate, ...named('rate'), unit: 'mGy/min', intervalMs, range: [0, 10_000], decimals: 0,
});

/** The channel ids a radioembolisation engine reads, and those it publishes. */
export interface Y90ChannelIds {
  /** Fraction of the vial's contents injected, from the delivery set's detector (%). */
  injected: string;
  /** Activity left in the vial and the set, measured after the injection (GBq). */
  residual: string;
  /** Derived: the activity delivered (GBq), decay-corrected to its data time. */
  delivered: string;
  /** Derived: the deviation of the delivered activity from the prescription (%). */
  deviation: string;
}

export const Y90_CHANNEL_IDS: Readonly<Y90ChannelIds> = { injected: 'y90.injected', residual: 'y90.residual', delivered: 'y90.delivered', deviation: 'y90.deviation' };

export function y90Channels(ids: Readonly<Y90ChannelIds> = Y90_CHANNEL_IDS, intervalMs = 1000, lang: 'en' | 'fr' = 'en'): ChannelDescriptor[] {
  return [
    { id: ids.injected, ...named('injected', lang), unit: '%', intervalMs, range: [0, 100], decimals: 0 },
    // Measured once, after the injection: never stale for want of a second reading.
    { id: ids.residual, ...named('residual', lang), unit: 'GBq', intervalMs: 86_400_000, range: [0, 30], decimals: 2 },
  ];
}

export function y90DerivedChannels(ids: Readonly<Y90ChannelIds> = Y90_CHANNEL_IDS, intervalMs = 1000): ChannelDescriptor[] {
  return [
    { id: ids.delivered, ...named('delivered'), unit: 'GBq', intervalMs, range: [0, 30], decimals: 2 },
    { id: ids.deviation, ...named('deviation'), unit: '%', intervalMs, range: [-100, 1000], decimals: 0 },
  ];
}
