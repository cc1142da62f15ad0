import type { Protocol } from './procedure.js';

export type PhaseKind = 'freeze' | 'thaw' | 'end';

/** A phase that started at data time `t`. */
export interface PhaseMark {
  t: number;
  kind: PhaseKind;
}

/** Where the procedure stands at a data time. */
export interface PhaseNow {
  /** Index in the protocol (-1 before the start; phases.length after the end). */
  index: number;
  kind: PhaseKind | 'before';
  /** Which freeze, counting from 1 (0 outside a freeze). */
  freeze: number;
  start: number;
  elapsedMs: number;
  plannedMs: number;
  /** Planned minus elapsed; negative when the phase overruns. */
  remainingMs: number;
}

/**
 * The phases as they happened (from `phase` events), against the planned
 * protocol: the timer's elapsed and remaining time, and the planned timeline.
 */
export class PhaseLog {
  readonly marks: PhaseMark[] = [];

  constructor(public protocol: Protocol) {}

  /** Adds a phase start; one older than the last is refused (false). */
  add(m: PhaseMark): boolean {
    const last = this.marks[this.marks.length - 1];
    if (last && m.t < last.t) return false;
    this.marks.push(m);
    return true;
  }

  /** Data time of the first phase (NaN before). */
  get startT(): number {
    return this.marks[0]?.t ?? NaN;
  }

  at(t: number): PhaseNow {
    let i = -1;
    while (i + 1 < this.marks.length && this.marks[i + 1].t <= t) i++;
    if (i < 0) return { index: -1, kind: 'before', freeze: 0, start: NaN, elapsedMs: 0, plannedMs: 0, remainingMs: 0 };
    const m = this.marks[i];
    const phases = this.protocol.phases;
    const index = m.kind === 'end' ? phases.length : Math.min(i, phases.length - 1);
    const plannedMs = m.kind === 'end' ? 0 : (phases[index]?.durationMs ?? 0);
    const elapsedMs = t - m.t;
    const freeze = m.kind === 'freeze' ? this.marks.slice(0, i + 1).filter((x) => x.kind === 'freeze').length : 0;
    return { index, kind: m.kind, freeze, start: m.t, elapsedMs, plannedMs, remainingMs: plannedMs - elapsedMs };
  }

  /** Data time the freeze under way at t began, or the last one before it (NaN before any). */
  freezeStart(t: number): number {
    let start = NaN;
    for (const m of this.marks) {
      if (m.t > t) break;
      if (m.kind === 'freeze') start = m.t;
    }
    return start;
  }

  /** The planned phases laid out from the first start (or `t0`): [start, end, kind] each. */
  planned(t0 = this.startT): { start: number; end: number; kind: 'freeze' | 'thaw' }[] {
    let t = t0;
    return this.protocol.phases.map((p) => {
      const band = { start: t, end: t + p.durationMs, kind: p.kind };
      t += p.durationMs;
      return band;
    });
  }

  /** The phases as they happened, up to `now`: [start, end, kind]. */
  actual(now: number): { start: number; end: number; kind: PhaseKind }[] {
    return this.marks.map((m, i) => ({ start: m.t, end: this.marks[i + 1]?.t ?? now, kind: m.kind }));
  }
}

/** Parses a phase event text: `freeze`, `thaw`, `end` in any case (a label may follow). */
export function parsePhase(text: string): PhaseKind | undefined {
  const word = text.trim().split(/\s+/)[0].toLowerCase();
  return word === 'freeze' || word === 'thaw' || word === 'end' ? word : undefined;
}
