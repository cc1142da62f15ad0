import type { ChannelDescriptor } from '../channel.js';
import type { Labelled } from '../channel-label.js';
import type { ElectrodeLayout } from './layout.js';

/**
 * The channels of an electroporation procedure (docs/wire-format.md,
 * "Electroporation"). Waveforms are per pair and quantity, so the room keeps
 * the latest pulses of each pair; per-pulse records travel as `pulse` events
 * on `ep.current`; status channels, sent every `STATUS_PERIOD_MS`, carry what
 * the default alarm rules watch, so ordinary limit rules apply.
 */
export const EP = {
  /** Highest mean plateau current of the pulses (failed ones included) in the last status period, A (0 when none). Carries the `pulse` and `train` events. */
  current: 'ep.current',
  /** Largest |measured - set| / set of the delivered pulses in the last period, % (0 when none). */
  voltageError: 'ep.voltage-error',
  /** Pulses failed or found missing in the last period. */
  failed: 'ep.failed',
  /** 0 synchronised, 1 ECG synchronisation lost, 2 arrhythmia blocking delivery. */
  sync: 'ep.sync',
  /** Pairs short of their planned pulses when the last train ended (0 while a train runs). */
  incomplete: 'ep.incomplete',
  /** The ECG lead the generator synchronises on, mV; carries `r-wave` events. */
  ecg: 'ecg',
} as const;

/** Event kinds: a pulse record (text: its JSON), a train starting or ending (text `start` / `end`), an R wave. */
export const EP_EVENT = { pulse: 'pulse', train: 'train', rWave: 'r-wave' } as const;

/** Status channels are sent this often (data time). */
export const STATUS_PERIOD_MS = 250;

export type Quantity = 'V' | 'I';

/** `ep.V.1-2`: the voltage waveforms of pair 1-2. */
export const waveformChannel = (q: Quantity, pair: string): string => `ep.${q}.${pair}`;

/** The quantity and pair of a waveform channel id, or undefined when it is not one. */
export function parseWaveformChannel(id: string): { quantity: Quantity; pair: string } | undefined {
  const m = /^ep\.([VI])\.(.+)$/.exec(id);
  return m ? { quantity: m[1] as Quantity, pair: m[2] } : undefined;
}

/**
 * Sample rates a pulse waveform may carry: 100 kHz (ten points on a 100 µs plateau) to
 * 100 MHz; a frame outside (a Hz/MHz mix-up) is refused, not drawn on a wrong time base.
 */
export const PULSE_SAMPLE_RATES = [1e5, 1e8] as const;

/** The status channels and the ECG as people name them, in English and French. */
const LABELS = {
  current: { label: 'Pulse current', labels: { fr: 'Courant d’impulsion' } },
  voltageError: { label: 'Voltage error', labels: { fr: 'Écart de tension' } },
  failed: { label: 'Failed pulses', labels: { fr: 'Impulsions échouées' } },
  sync: { label: 'ECG sync', labels: { fr: 'Synchronisation ECG' } },
  incomplete: { label: 'Incomplete pairs', labels: { fr: 'Paires incomplètes' } },
  ecg: { label: 'ECG' },
} satisfies Record<string, Labelled>;

/** What `ep.sync`'s codes 0, 1, 2 mean (`SYNC_CODE`), and what `ep.failed` and `ep.incomplete` count, in English and French. */
const SYNC_STATES: readonly Labelled[] = [
  { label: 'synchronised', labels: { fr: 'synchronisée' } },
  { label: 'synchronisation lost', labels: { fr: 'synchronisation perdue' } },
  { label: 'arrhythmia, delivery blocked', labels: { fr: 'arythmie, délivrance bloquée' } },
];
const PULSES = { one: { label: 'pulse', labels: { fr: 'impulsion' } }, other: { label: 'pulses', labels: { fr: 'impulsions' } } };
const PAIRS = { one: { label: 'pair', labels: { fr: 'paire' } }, other: { label: 'pairs', labels: { fr: 'paires' } } };

/**
 * Descriptors of every channel of a procedure over `layout`: status channels,
 * the ECG, and a voltage and a current waveform channel per pair, named in English
 * and French; a label given in `labels` replaces that channel's names in every language.
 */
export function pulseChannels(layout: ElectrodeLayout, labels: { current?: string; ecg?: string } = {}): ChannelDescriptor[] {
  const status = (id: string, name: Labelled, unit: string, range: [number, number], decimals = 0): ChannelDescriptor => ({ id, ...name, unit, intervalMs: STATUS_PERIOD_MS, range, decimals });
  // A label given replaces the channel's names in every language.
  const given = (k: 'current' | 'ecg'): Labelled => (labels[k] === undefined ? LABELS[k] : { label: labels[k] });
  return [
    status(EP.current, given('current'), 'A', [0, 200], 1),
    status(EP.voltageError, LABELS.voltageError, '%', [0, 1000], 1),
    { ...status(EP.failed, LABELS.failed, '{pulse}', [0, 10_000]), count: PULSES },
    { ...status(EP.sync, LABELS.sync, '{code}', [0, 2]), states: SYNC_STATES },
    { ...status(EP.incomplete, LABELS.incomplete, '{pair}', [0, 100]), count: PAIRS },
    // At a fixed gain, as on ECG paper (10 mm/mV, Kligfield et al., Circulation 2007): -1 to +2 mV holds a normal lead II (R ~1.3 mV, S ~-0.3 mV).
    { id: EP.ecg, ...given('ecg'), unit: 'mV', intervalMs: 4, range: [-10, 10], decimals: 2, axis: [-1, 2] },
    ...layout.pairs.flatMap((p): ChannelDescriptor[] => [
      { id: waveformChannel('V', p.id), label: `V ${p.id}`, unit: 'V', intervalMs: 60_000, range: [-5000, 5000], sampleRateHz: PULSE_SAMPLE_RATES },
      { id: waveformChannel('I', p.id), label: `I ${p.id}`, unit: 'A', intervalMs: 60_000, range: [-200, 200], sampleRateHz: PULSE_SAMPLE_RATES },
    ]),
  ];
}
