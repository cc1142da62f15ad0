import { Observable, asyncScheduler, interval, type OperatorFunction, type SchedulerLike } from 'rxjs';
import { map } from 'rxjs';
import { encodeWireLine } from '../../models/wire.js';
import type { TelemetryEvent } from '../../models/channel.js';
import type { CryoItem, CryoSimulation } from './cryo-simulation.js';

const isEvent = (x: CryoItem): x is TelemetryEvent => 'type' in x && x.type === 'event';

/**
 * Plays a simulation: every `periodMs` of the clock, the next `periodMs × speed`
 * of data time, so the same procedure plays at 1x or 60x. With `fromMs`, the
 * first tick carries everything before it at once (a late start).
 */
export function cryoSource(sim: CryoSimulation, { periodMs = 100, speed = 1, fromMs = 0, scheduler = asyncScheduler as SchedulerLike } = {}): Observable<CryoItem> {
  return new Observable<CryoItem>((out) =>
    interval(periodMs, scheduler).subscribe((k) => {
      const from = k === 0 ? 0 : fromMs + k * periodMs * speed;
      const to = fromMs + (k + 1) * periodMs * speed;
      if (from >= sim.durationMs) return out.complete();
      // A second at a time, so channels stay interleaved on data time within a long stretch.
      for (let a = from; a < to; a += 1000) for (const x of sim.between(a, Math.min(to, a + 1000))) out.next(x);
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
