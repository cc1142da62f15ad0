import { Observable, asyncScheduler, type SchedulerLike } from 'rxjs';
import type { TechnicalEvent, UnitBatch } from '../models/events.js';
import { DEFAULT_MAX_AHEAD_MS } from '../models/validate.js';
import { parseWireLine } from '../models/wire.js';
import { boundedName } from './validate-samples.js';

export interface ReplayOptions {
  /** Data-time speed factor: 10 plays a 10 s recording in 1 s. */
  speed?: number;
  scheduler?: SchedulerLike;
  /**
   * A line whose time is further than this from the line before it, when the line after does
   * not follow it, is a clock fault: refused as 'clock-skew', not scheduled. Default 60 s.
   */
  maxSkewMs?: number;
}

/** A replay, and the data time it has reached: the receiving clock to validate it against. */
export interface Replay extends Observable<UnitBatch | TechnicalEvent> {
  /** Data time now, in epoch ms, of the latest subscription; NaN before the first. */
  clock(): number;
}

type Item = { due: number; value: UnitBatch | TechnicalEvent };
type Line = { value: UnitBatch | TechnicalEvent; t: number };

const malformed = (channel: string | null): TechnicalEvent => ({ type: 'technical', channel, reason: 'malformed-json', count: 1, t: NaN });

/** A recorded line in the wire format; anything else is malformed here. */
function parseLine(line: string): Line {
  const r = parseWireLine(line);
  if (!r.ok) return { value: malformed(r.error.channel ?? null), t: NaN };
  if (r.value.type !== 'samples') return { value: malformed(r.value.type === 'command' || r.value.type === 'hello' ? null : boundedName(r.value.channel)), t: NaN };
  const t = r.value.t.find(Number.isFinite);
  return { value: r.value, t: t ?? NaN };
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

/**
 * Replays a recorded NDJSON session on its own data time, scaled by `speed`,
 * so downstream (alarms, dose, stale detection) behaves as it did live.
 * Batches go out in data-time order; a bad line becomes a technical event in
 * its place in the file, never an error. One line stamped far from its neighbours
 * (a clock fault) is refused, so it neither stalls the replay nor moves its clock.
 */
export function ndjsonReplay(text: string, { speed = 1, scheduler = asyncScheduler, maxSkewMs = DEFAULT_MAX_AHEAD_MS }: ReplayOptions = {}): Replay {
  if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
  const lines = text.split('\n').filter((l) => l.trim() !== '').map(parseLine);
  const timed = lines.filter((l) => Number.isFinite(l.t));
  // The first reference is the median of the first few lines, so a bad first line cannot be it.
  let ref = timed.length ? median(timed.slice(0, 5).map((l) => l.t)) : NaN;
  let t0 = NaN;
  const items: Item[] = [];
  let prev = 0;
  let k = 0; // index into `timed` of the line after the current one
  for (const l of lines) {
    if (!Number.isFinite(l.t)) {
      items.push({ due: prev, value: l.value });
      continue;
    }
    k++;
    const next = timed[k]?.t;
    const far = Math.abs(l.t - ref) > maxSkewMs;
    // A jump the next line follows is a pause in the recording; one it does not is a fault.
    if (far && !(next !== undefined && Math.abs(next - l.t) <= maxSkewMs)) {
      const b = l.value as UnitBatch;
      items.push({ due: prev, value: { type: 'technical', channel: boundedName(b.channel), reason: 'clock-skew', count: b.t.length, t: l.t } });
      continue;
    }
    ref = l.t;
    if (Number.isNaN(t0)) t0 = l.t;
    prev = (l.t - t0) / speed;
    items.push({ due: prev, value: l.value });
  }
  // Stable sort: recordings may interleave channels slightly out of order.
  items.sort((a, b) => a.due - b.due);
  for (const it of items) it.due = Math.max(0, it.due);

  let clock = (): number => NaN;
  const replay = new Observable<UnitBatch | TechnicalEvent>((out) => {
    const start = scheduler.now();
    clock = () => t0 + (scheduler.now() - start) * speed;
    let i = 0;
    return scheduler.schedule(function step() {
      const now = scheduler.now() - start;
      while (i < items.length && items[i].due <= now) out.next(items[i++].value);
      if (i < items.length) this.schedule(undefined, items[i].due - now);
      else out.complete();
    }, items.length ? items[0].due : 0);
  }) as Replay;
  replay.clock = () => clock();
  return replay;
}
