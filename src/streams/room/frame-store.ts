import { Subject, type Observable } from 'rxjs';

/**
 * The latest few waveforms or grids of one channel, so a panel attached late
 * starts with them, then follows `live`. Bounded: a grid is large and only the
 * newest matters to a picture; a few waveforms let a trace overlay the last pulses.
 */
export class FrameStore<T> {
  private readonly held: T[] = [];
  private readonly subject = new Subject<T>();
  readonly live: Observable<T> = this.subject.asObservable();

  constructor(private readonly capacity: number) {}

  /** Oldest first. */
  get items(): readonly T[] {
    return this.held;
  }

  get latest(): T | undefined {
    return this.held[this.held.length - 1];
  }

  push(x: T): void {
    this.held.push(x);
    if (this.held.length > this.capacity) this.held.shift();
    this.subject.next(x);
  }

  close(): void {
    this.subject.complete();
  }
}
