import { ISOTHERMS } from '../../models/cryo/iceball-estimate.js';
import type { QuestionableSample } from '../../models/cryo/questionable.js';
import type { IceballWords } from './iceball-curve.messages.js';
import type { IceballStatus } from './iceball-status.js';

/** A number with `decimals` decimals in the element's language (`LanguageController.number`). */
export type NumberFormat = (v: number, decimals: number) => string;

/** mm:ss; with `overrun`, a negative time reads as "+mm:ss" (past the plan). */
export function clock(ms: number, overrun = false): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const text = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  return overrun && ms < 0 ? `+${text}` : text;
}

/** "Freeze 2", "Thaw", "Done", "Not started". */
export function phaseName(w: IceballWords, st: IceballStatus): string {
  const k = st.phase.kind;
  return k === 'freeze' ? `${w.freeze} ${st.phase.freeze}` : k === 'thaw' ? w.thaw : k === 'end' ? w.end : w.before;
}

/** "estimate", or the fit's label while the fallback fit makes the estimates. */
export const estimateLabel = (w: IceballWords, st: IceballStatus | undefined) => (st?.estimateSource === 'fit' ? w.fitEstimate : w.estimate);

/** Why a value is questionable, with the value when it has one. */
export function reasonText(w: IceballWords, q: QuestionableSample, format: (v: number) => string): string {
  const why = q.reason === 'outside-field' ? w.outsideField : q.reason === 'ice-shrinking' ? w.iceShrinking : w.colderThanTip;
  return Number.isFinite(q.v) ? `${format(q.v)} (${why})` : `(${why})`;
}

/** The panel in words: phase and timer, each isotherm (measured first, estimates labelled), coverage, distance to the nerve. */
export function summary(st: IceballStatus | undefined, w: IceballWords, number: NumberFormat): string {
  if (!st || !Number.isFinite(st.now)) return `${w.diameter}${w.colon}${w.noData}.`;
  const mm = (v: number) => `${number(v, 0)} mm`;
  const phase = st.phase.kind === 'freeze' || st.phase.kind === 'thaw' ? `${phaseName(w, st)}, ${clock(st.phase.elapsedMs)} ${w.elapsed}, ${clock(st.phase.remainingMs)} ${st.phase.remainingMs < 0 ? w.overrun : w.remaining}.` : `${phaseName(w, st)}.`;
  const estimate = estimateLabel(w, st);
  const isos = ISOTHERMS.map((i) => {
    const s = st.isotherms[i];
    return Number.isFinite(s.measuredMm) ? `${i} °C ${mm(s.measuredMm)} ${w.measured} (${estimate} ${mm(s.estimatedMm)})` : `${i} °C ${mm(s.estimatedMm)} (${estimate})`;
  }).join(', ');
  return `${phase} ${isos}. ${st.covered ? w.covered : w.notCovered}, ${w.target} ${mm(st.targetMm)}. ${w.toNerve}${w.colon}${Number.isFinite(st.nerveClearanceMm) ? mm(st.nerveClearanceMm) : '--'} (${estimate}).`;
}
