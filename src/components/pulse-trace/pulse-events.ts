import { IrEvent } from '../kit/events.js';
import type { PulseRefusal } from '../../models/pulses/ledger.js';

/** A pulse record refused (unknown pair, duplicated index, unreadable record), named; every other pulse is kept. */
export class IrPulseRefusedEvent extends IrEvent<PulseRefusal> {
  static readonly type = 'ir-pulse-refused';
  constructor(detail: PulseRefusal) {
    super(IrPulseRefusedEvent.type, detail);
  }
}

/** The pair shown changed, by a click or a key on the map or the table (`detail.pair`). */
export class IrPairSelectEvent extends IrEvent<{ pair: string }> {
  static readonly type = 'ir-pair-select';
  constructor(pair: string) {
    super(IrPairSelectEvent.type, { pair });
  }
}
