import { Observable, asyncScheduler, type OperatorFunction, type SchedulerLike } from 'rxjs';
import { Watchdog } from './watchdog.js';
import type { ChannelDescriptor, SampleBatch } from '../models/channel.js';
import type { QualityChange } from '../models/events.js';

/**
 * Quality of one channel: 'stale' once no data came for intervalMs * factor,
 * judged twice because either alone misses a case. On data time, a gap between
 * consecutive samples (a replay or a burst after a stall) shows as stale then
 * valid. On arrival, a scheduler watchdog catches a source that went silent,
 * which data time alone can never notice (an overview's points are a step apart:
 * a gap among them is judged at that step). The watchdog runs from subscription,
 * so a sensor that never sends is stale too (at data time NaN: none is known).
 * Emits only changes.
 */
export function staleAfter(
  descriptor: ChannelDescriptor,
  {
    factor = 3,
    /** Sources deliver in batches (every 100 ms or so): the watchdog waits at least this long on arrival. */
    minSilenceMs = 0,
    scheduler = asyncScheduler as SchedulerLike,
    /** The channel's samples up to `until` are an overview at `stepMs` (a late join): a gap there is judged at that step. */
    overview = (): { until: number; stepMs: number } | undefined => undefined,
  } = {},
): OperatorFunction<SampleBatch, QualityChange> {
  const limit = descriptor.intervalMs * factor;
  const silence = Math.max(limit, minSilenceMs);
  const channel = descriptor.id;
  return (source) =>
    new Observable<QualityChange>((out) => {
      let quality: 'valid' | 'stale' | undefined;
      let lastT = NaN;
      const set = (q: 'valid' | 'stale', t: number) => {
        if (q === quality) return;
        quality = q;
        out.next({ type: 'quality', channel, quality: q, t });
      };
      const watchdog = new Watchdog(scheduler, silence, () => set('stale', lastT + limit));
      watchdog.feed();
      const sub = source.subscribe({
        next(b) {
          const len = b.t.length;
          // Other channels' batches say nothing about this one.
          if (len === 0 || b.channel !== channel) return;
          const o = overview();
          const until = o ? o.until : -Infinity;
          const coarse = o ? Math.max(limit, o.stepMs * factor) : limit;
          for (let i = 0; i < len; i++) {
            const t = b.t[i];
            const gap = lastT <= until ? coarse : limit;
            if (t - lastT > gap) set('stale', lastT + gap);
            set('valid', t);
            if (!(t < lastT)) lastT = t;
          }
          watchdog.feed();
        },
        error: (e) => out.error(e),
        complete: () => out.complete(),
      });
      return () => {
        watchdog.stop();
        sub.unsubscribe();
      };
    });
}
