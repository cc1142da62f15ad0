import { EP } from './channels.js';
import { SYNC_CODE, type SyncState } from './ecg.js';
import type { PulseLedger } from './ledger.js';
import { voltageErrorPct, type PulseRecord } from './record.js';

/** One status period's values, by status channel id. */
export type StatusValues = Record<(typeof EP)[Exclude<keyof typeof EP, 'ecg'>], number>;

/**
 * Folds the pulses of one status period into the values of the status
 * channels (`EP`), so ordinary limit rules watch them: a gateway that sends
 * only records and waveforms can derive them with this.
 */
export class PulseStatus {
  private maxI = 0;
  private maxErr = 0;
  private failed = 0;
  sync: SyncState = 'synchronised';

  constructor(private readonly ledger: PulseLedger) {}

  /** A record accepted by the ledger, with the indices it revealed missing. */
  pulse(r: PulseRecord, newlyMissing: number): void {
    this.failed += newlyMissing + (r.delivered ? 0 : 1);
    // A pulse cut short by the current limit reached it: its current counts too.
    if (r.meanI > this.maxI) this.maxI = r.meanI;
    if (!r.delivered) return;
    const e = Math.abs(voltageErrorPct(r));
    if (e > this.maxErr) this.maxErr = e;
  }

  /** The period's values; the next period starts from zero. */
  take(): StatusValues {
    const v: StatusValues = {
      [EP.current]: this.maxI,
      [EP.voltageError]: this.maxErr,
      [EP.failed]: this.failed,
      [EP.sync]: SYNC_CODE[this.sync],
      [EP.incomplete]: this.ledger.incomplete().length,
    } as StatusValues;
    this.maxI = this.maxErr = this.failed = 0;
    return v;
  }
}
