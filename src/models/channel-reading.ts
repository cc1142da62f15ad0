import type { ChannelDescriptor } from './channel.js';
import { labelOf } from './channel-label.js';
import { unitSymbol } from './units.js';

/** What reading a channel's values takes: its unit and precision, and the names of its codes or of what it counts. */
export type ReadingOf = Pick<ChannelDescriptor, 'unit' | 'decimals' | 'states' | 'count'>;

/** A number with a count of decimals, in the reader's language. */
export type NumberText = (v: number, decimals: number) => string;

/** Which way a value crossed its limit. */
export type Crossing = 'above' | 'below';

const counted = (n: number, c: ReadingOf, lang: string, number: NumberText) => {
  const noun = new Intl.PluralRules(lang).select(n) === 'one' ? c.count!.one : c.count!.other;
  return `${number(n, 0)} ${labelOf(noun, lang)}`;
};

/**
 * A value as people read it, in `lang`: a code by its state's name, a count with what it
 * counts (`2 pulses`), anything else as a number at the channel's precision and its unit's symbol.
 */
export function readingOf(v: number, c: ReadingOf, lang: string, number: NumberText): string {
  const state = c.states?.[v];
  if (state && Number.isInteger(v)) return labelOf(state, lang);
  if (c.count && Number.isInteger(v)) return counted(v, c, lang, number);
  return [number(v, c.decimals ?? 1), unitSymbol(c.unit)].filter(Boolean).join(' ');
}

/**
 * A limit as people read it, for a value that crossed it `crossing`: for a coded channel, the
 * states it allows (`synchronised`); for a count, the first whole count past it (`≥ 1 pulse`
 * for above 0.5); anything else as a value.
 */
export function limitReadingOf(limit: number, crossing: Crossing, c: ReadingOf, lang: string, number: NumberText): string {
  if (c.states) return c.states.filter((_, k) => (crossing === 'above' ? k <= limit : k >= limit)).map((s) => labelOf(s, lang)).join(' / ');
  if (c.count) return crossing === 'above' ? `≥ ${counted(Math.floor(limit) + 1, c, lang, number)}` : `≤ ${counted(Math.ceil(limit) - 1, c, lang, number)}`;
  return readingOf(limit, c, lang, number);
}
