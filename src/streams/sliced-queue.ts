import { now, yieldToPage } from './yield-to-page.js';

/** Characters of a message's text taken as one piece of work: larger texts are cut at line ends. */
export const PIECE_CHARS = 1 << 18;

/**
 * `text` cut just after a newline once a piece holds `size` characters, so every piece but
 * the last ends a line; a line longer than `size` stays whole. A shorter text is one piece.
 */
export function linePieces(text: string, size = PIECE_CHARS): string[] {
  if (text.length <= size) return [text];
  const pieces: string[] = [];
  for (let from = 0; from < text.length; ) {
    const nl = text.indexOf('\n', from + size - 1);
    const end = nl === -1 ? text.length : nl + 1;
    pieces.push(text.slice(from, end));
    from = end;
  }
  return pieces;
}

/**
 * A piece of work. One that returns an iterator (a generator) runs a step at a time, each
 * `next()`, the clock looked at between steps: a long line parsed in steps is one job.
 */
export type Job = () => Iterator<unknown, unknown, undefined> | void;

/**
 * Work run in the order given, handing the thread back whenever a slice has run `sliceMs`:
 * a 50 MB message becomes many short tasks, with drawing and input between them, instead
 * of one that stalls the page for seconds. Work given while nothing waits runs at once, so
 * a small message is handled within its own task, as before.
 */
export class SlicedQueue {
  private jobs: Job[] = [];
  private next = 0;
  /** The job being run a step at a time; the ones after it wait for its end. */
  private stepping: Iterator<unknown, unknown, undefined> | undefined;
  private running = false;
  private closed = false;

  /** `clock`: milliseconds, the slices measured on it (`performance.now()`; a test's own). */
  constructor(
    private readonly sliceMs = 8,
    private readonly clock = now,
  ) {}

  /** Runs the jobs after any still waiting, in order. */
  push(...jobs: Job[]): void {
    if (this.closed) return;
    this.jobs.push(...jobs);
    if (!this.running) this.drain();
  }

  /** Drops what waits; nothing more runs. */
  close(): void {
    this.closed = true;
    this.jobs = [];
    this.next = 0;
    this.stepping = undefined;
  }

  private drain(): void {
    this.running = true;
    const start = this.clock();
    let ran = false;
    try {
      while (!this.closed && (this.stepping || this.next < this.jobs.length)) {
        // A step at least each slice, the clock looked at only after it: work given while
        // nothing waits starts in its own task, even when the thread was taken away between.
        if (ran && this.clock() - start > this.sliceMs) {
          void yieldToPage().then(() => !this.closed && this.drain());
          return;
        }
        ran = true;
        // Taken before it runs, so a job or step that throws is not run again.
        const it = this.stepping ?? this.jobs[this.next++]();
        this.stepping = undefined;
        if (it && !it.next().done && !this.closed) this.stepping = it;
      }
      this.jobs = [];
      this.next = 0;
      this.running = false;
    } catch (e) {
      // A job that threw ends its slice; what follows it still runs, on the next push.
      this.running = false;
      throw e;
    }
  }
}
