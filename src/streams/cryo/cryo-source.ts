import type { Observable, OperatorFunction } from 'rxjs';
import { playScript, type PlayOptions } from '../play-script.js';
import { map } from 'rxjs';
import { encodeWireLine } from '../../models/wire.js';
import type { TelemetryEvent } from '../../models/channel.js';
import type { CryoItem, CryoSimulation } from './cryo-simulation.js';

const isEvent = (x: CryoItem): x is TelemetryEvent => 'type' in x && x.type === 'event';

/** Plays a simulation at `speed` (see `playScript`); with `fromMs`, the first tick carries everything before it. */
export const cryoSource = (sim: CryoSimulation, options: PlayOptions = {}): Observable<CryoItem> => playScript(sim, options);

/** The simulation's items as wire-format NDJSON lines, numbered per channel (docs/wire-format.md). */
export function toWireLines(sim: CryoSimulation): OperatorFunction<CryoItem, string> {
  return map((x) =>
    isEvent(x)
      ? encodeWireLine({ type: 'event', channel: x.channel, seq: sim.nextSeq(x.channel), t: x.t, kind: x.kind, text: x.text })
      : encodeWireLine({ type: 'samples', channel: x.channel, seq: sim.nextSeq(x.channel), unit: x.unit ?? '', t: x.t, v: x.v }),
  );
}
