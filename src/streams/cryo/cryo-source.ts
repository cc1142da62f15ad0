import { Observable, asyncScheduler, interval, type OperatorFunction, type SchedulerLike } from 'rxjs';
import { map } from 'rxjs';
import { encodeWireLine } from '../../models/wire.js';
import type { TelemetryEvent } from '../../models/channel.js';
import type { CryoItem, CryoSimulation } from './cryo-simulation.js';

const isEvent = (x: CryoItem): x is TelemetryEvent => 'type' in x && x.type === 'event';

/**
 * Plays a simulation: every `periodMs` of the clock, the next `periodMs × speed`
 * of data time, so the same procedure plays at 1x or 60x.
 */
export function cryoSource(sim: CryoSimulation, { periodMs = 100, speed = 1, scheduler = asyncScheduler as SchedulerLike } = {}): Observable<CryoItem> {
  return new Observable<CryoItem>((out) =>
    interval(periodMs, scheduler).subscribe((k) => {
      const from = k * periodMs * speed;
      if (from >= sim.durationMs) return out.complete();
      for (const x of sim.between(from, from + periodMs * speed)) out.next(x);
    }),
  );
}

/** The simulation's items as wire-format NDJSON lines, numbered per channel (docs/wire-format.md). */
export function toWireLines(sim: CryoSimulation): OperatorFunction<CryoItem, string> {
  return map((x) =>
    isEvent(x)
      ? encodeWireLine({ type: 'event', channel: x.channel, seq: sim.nextSeq(x.channel), t: x.t, kind: x.kind, text: x.text })
      : encodeWireLine({ type: 'samples', channel: x.channel, seq: sim.nextSeq(x.channel), unit: x.unit ?? '', t: x.t, v: x.v }),
  );
}
