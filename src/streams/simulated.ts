import { Observable, interval, map, type SchedulerLike, asyncScheduler } from 'rxjs';
import type { SampleBatch } from '../models/channel.js';

export interface SimulatedChannel {
  channel: string;
  /** Value at data time t (ms since epoch). */
  f: (t: number) => number;
}

/**
 * Batches of simulated samples every `periodMs`, each holding `perBatch`
 * samples evenly spaced on data time that starts at `t0`. At `speed` 10, a
 * batch covers ten times `periodMs` of data time: a procedure replayed faster.
 */
export function simulatedSource(
  channels: readonly SimulatedChannel[],
  { t0 = Date.now(), periodMs = 100, perBatch = 10, speed = 1, scheduler = asyncScheduler as SchedulerLike } = {},
): Observable<SampleBatch> {
  const dt = (periodMs * speed) / perBatch;
  return new Observable<SampleBatch>((subscriber) =>
    interval(periodMs, scheduler)
      .pipe(
        map((k) => {
          for (const { channel, f } of channels) {
            const t = new Float64Array(perBatch);
            const v = new Float32Array(perBatch);
            for (let i = 0; i < perBatch; i++) {
              t[i] = t0 + (k * perBatch + i) * dt;
              v[i] = f(t[i]);
            }
            subscriber.next({ channel, t, v });
          }
        }),
      )
      .subscribe({ error: (e) => subscriber.error(e) }),
  );
}
