import { Observable, asyncScheduler, interval, type SchedulerLike } from 'rxjs';

/** A scripted procedure: everything it sends from `a` to `b` (ms since its start), in data-time order. */
export interface Script<T> {
  readonly durationMs: number;
  between(fromMs: number, toMs: number): T[];
}

export interface PlayOptions {
  /** Real time between batches (ms). */
  periodMs?: number;
  /** Data time played per real time: 60 plays an hour in a minute. */
  speed?: number;
  /** Start this far into the script (ms): the first tick carries everything before it at once. */
  fromMs?: number;
  scheduler?: SchedulerLike;
}

/**
 * Plays a script: every `periodMs` of the clock, the next `periodMs × speed` of
 * data time, so the same procedure plays at 1x or 60x, a second of data at a
 * time so channels stay interleaved on data time within a long stretch.
 */
export function playScript<T>(script: Script<T>, { periodMs = 100, speed = 1, fromMs = 0, scheduler = asyncScheduler }: PlayOptions = {}): Observable<T> {
  return new Observable<T>((out) =>
    interval(periodMs, scheduler).subscribe((k) => {
      const from = k === 0 ? 0 : fromMs + k * periodMs * speed;
      const to = fromMs + (k + 1) * periodMs * speed;
      if (from >= script.durationMs) return out.complete();
      for (let a = from; a < to; a += 1000) for (const x of script.between(a, Math.min(to, a + 1000))) out.next(x);
    }),
  );
}
