import { Observable, asyncScheduler, type SchedulerLike } from 'rxjs';
import type { TechnicalEvent, UnitBatch } from '../models/events.js';
import { parseWireLine } from '../models/wire.js';

export interface ReplayOptions {
  /** Data-time speed factor: 10 plays a 10 s recording in 1 s. */
  speed?: number;
  scheduler?: SchedulerLike;
}

type Item = { due: number; value: UnitBatch | TechnicalEvent };

const malformed = (): TechnicalEvent => ({ type: 'technical', channel: null, reason: 'malformed-json', count: 1, t: NaN });

/** A recorded line in the wire format; anything else is malformed here. */
function parseLine(line: string): UnitBatch | null {
  const r = parseWireLine(line);
  return r.ok && r.value.type === 'samples' ? r.value : null;
}

/**
 * Replays a recorded NDJSON session on its own data time, scaled by `speed`,
 * so downstream (alarms, dose, stale detection) behaves as it did live.
 * Batches go out in data-time order; a bad line becomes a technical event in
 * its place in the file, never an error.
 */
export function ndjsonReplay(text: string, { speed = 1, scheduler = asyncScheduler }: ReplayOptions = {}): Observable<UnitBatch | TechnicalEvent> {
  if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
  const items: Item[] = [];
  let t0 = NaN;
  let prev = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const b = parseLine(line);
    if (!b) {
      items.push({ due: prev, value: malformed() });
      continue;
    }
    if (Number.isNaN(t0)) t0 = b.t[0];
    prev = (b.t[0] - t0) / speed;
    items.push({ due: prev, value: b });
  }
  // Stable sort: recordings may interleave channels slightly out of order.
  items.sort((a, b) => a.due - b.due);
  for (const it of items) it.due = Math.max(0, it.due);

  return new Observable((out) => {
    const start = scheduler.now();
    let i = 0;
    return scheduler.schedule(function step() {
      const now = scheduler.now() - start;
      while (i < items.length && items[i].due <= now) out.next(items[i++].value);
      if (i < items.length) this.schedule(undefined, items[i].due - now);
      else out.complete();
    }, items.length ? items[0].due : 0);
  });
}
