/**
 * A log with a fixed capacity that, when full, drops the oldest entry of the
 * lowest rank, so high-priority alarm history outlives low-priority chatter
 * (IEC 60601-1-8 6.12 requires high-priority conditions to be logged).
 */
export class BoundedLog<T> {
  private readonly items: T[] = [];

  constructor(
    readonly capacity: number,
    private readonly rank: (item: T) => number,
  ) {
    if (!Number.isInteger(capacity) || capacity <= 0) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  get entries(): readonly T[] {
    return this.items;
  }

  /** Adds an entry; when full, the new entry competes too, so a low one never pushes out a high one. */
  add(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) this.evict();
  }

  /** Replaces the entry for which `same` holds (an alarm acknowledged or ended), or adds it. */
  upsert(item: T, same: (a: T) => boolean): void {
    const i = this.items.findIndex(same);
    if (i >= 0) this.items[i] = item;
    else this.add(item);
  }

  /** Drops every entry. */
  clear(): void {
    this.items.length = 0;
  }

  private evict(): void {
    // Entries are in insertion order: the first of the lowest rank is the oldest of it.
    let victim = 0;
    for (let i = 1; i < this.items.length; i++) if (this.rank(this.items[i]) < this.rank(this.items[victim])) victim = i;
    this.items.splice(victim, 1);
  }
}
