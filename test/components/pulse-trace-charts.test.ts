import { expect } from '@esm-bundle/chai';
import { VirtualTimeScheduler } from 'rxjs';
import type { IrPulseTrace } from '../../src/components/pulse-trace/pulse-trace.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import { EP, inRefractoryWindow } from '../../src/models/index.js';
import { hepaticEct, ire, procedureSource, type Scenario } from '../../src/sim.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { canvasOf, countColour, drawn, rgbOf, rowsWith } from '../kit/fixture.js';
import { T0, chartCanvas, mountFed } from './pulse-helpers.js';

/** What the demo's source sends in `wallMs` of wall time at `speed` (its ticks every 50 ms), on virtual time. */
function playedAt(s: Scenario, speed: number, wallMs: number): RoomInput[] {
  const scheduler = new VirtualTimeScheduler(undefined, wallMs);
  const out: RoomInput[] = [];
  const sub = procedureSource(s, { speed, scheduler }).subscribe((x) => out.push(x));
  scheduler.flush();
  sub.unsubscribe();
  return out;
}

/** The texts written on canvases while `draw` runs, with where and on which canvas. */
async function textsDrawn(draw: () => Promise<void>): Promise<{ canvas: HTMLCanvasElement; text: string; x: number; y: number }[]> {
  const texts: { canvas: HTMLCanvasElement; text: string; x: number; y: number }[] = [];
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, w?: number) {
    // uPlot translates to each label's place: the point drawn at, in canvas pixels.
    const at = this.getTransform().transformPoint(new DOMPoint(x, y));
    texts.push({ canvas: this.canvas, text, x: at.x, y: at.y });
    return fillText.call(this, text, x, y, w);
  };
  try {
    await draw();
  } finally {
    CanvasRenderingContext2D.prototype.fillText = fillText;
  }
  return texts;
}

/** Draws `el` again in the light theme: its charts' axes are written anew. */
async function redrawnLight(el: IrPulseTrace): Promise<void> {
  el.theme = 'light';
  await drawn(el);
  await drawn(ecgStrip(el));
}

/** A tick label as a number ("−1" with a minus sign, "1,5" in French), or NaN. */
const tickValue = (text: string) => (/^[−-]?[\d\s\u202f\u00a0.,]+$/.test(text) ? Number(text.replace('−', '-').replace(/[\s\u202f\u00a0]/g, '').replace(',', '.')) : NaN);

const ecgStrip = (el: IrPulseTrace) => el.shadowRoot!.querySelector('ir-trend') as IrTrend;

/** The strip's gain as last drawn: device pixels a millivolt. */
const pxPerMv = (el: IrPulseTrace) => ecgStrip(el).positionOf(EP.ecg, 0, 0)!.y - ecgStrip(el).positionOf(EP.ecg, 0, 1)!.y;

/** How far apart the ECG trace's highest and lowest drawn pixels are, in mV, on the strip as drawn. */
function drawnEcgSpanMv(el: IrPulseTrace): number {
  const rows = rowsWith(canvasOf(ecgStrip(el)), rgbOf(getComputedStyle(el).getPropertyValue('--_series-1')));
  return rows.length ? (Math.max(...rows) - Math.min(...rows)) / pxPerMv(el) : 0;
}

/** The time of the latest ECG sample among `items`. */
const lastEcgT = (items: RoomInput[]) => Math.max(...items.flatMap((x) => ('v' in x && x.channel === EP.ecg ? [x.t[x.t.length - 1]] : [])));

describe('ir-pulse-trace ECG strip at training speeds', () => {
  it('at 60x, long after the planned beats, still shows QRS complexes on a fixed -1 to +2 mV axis', async () => {
    // Five wall seconds at 60x: five minutes of data, the planned ECT long over; the heart beats on.
    const s = hepaticEct(T0);
    const items = playedAt(s, 60, 5000);
    expect(lastEcgT(items) - s.t0, 'played').to.be.above(290_000);
    const { el } = await mountFed(s, items);
    try {
      expect(drawnEcgSpanMv(el), 'R peak to S trough, drawn').to.be.within(1.3, 1.8);
      // ECG paper's gain, near enough: at least 30 CSS pixels a millivolt at the default height.
      expect(pxPerMv(el) / devicePixelRatio).to.be.at.least(30);
      const texts = await textsDrawn(() => redrawnLight(el));
      const ticks = new Set(texts.filter((x) => x.canvas === canvasOf(ecgStrip(el))).map((x) => tickValue(x.text)).filter(Number.isFinite));
      expect([...ticks], 'value ticks, one a millivolt').to.deep.equal([-1, 0, 1, 2]);
    } finally {
      el.remove();
    }
  });

  it('draws the newest R wave’s mark in the same frame as its complex, however fast the playback', async () => {
    const s = hepaticEct(T0);
    const { el } = await mountFed(s, playedAt(s, 60, 1000));
    try {
      const strip = ecgStrip(el);
      const newest = el.ecgMarks.filter((m) => m.kind === 'r-wave').at(-1)!;
      const x = Math.round(strip.positionOf(EP.ecg, newest.t, 0)!.x);
      const marker = rgbOf(getComputedStyle(el).getPropertyValue('--_marker'));
      expect(countColour(canvasOf(strip), marker, x - 2, x + 3), 'the mark\'s line').to.be.above(20);
    } finally {
      el.remove();
    }
  });

  it('at 60x mid-train (IRE), keeps the burst marks within the refractory window of their R wave beside complexes', async () => {
    const s = ire(T0);
    const { el } = await mountFed(s, playedAt(s, 60, 2000));
    try {
      const marks = el.ecgMarks;
      const rWaves = marks.filter((m) => m.kind === 'r-wave').map((m) => m.t);
      // Bursts whose R wave is on the strip too (the oldest may have scrolled off without it).
      const bursts = marks.filter((m) => m.kind === 'pulse' && m.t > rWaves[0]);
      expect(bursts.length, 'bursts on the strip').to.be.at.least(5);
      for (const b of bursts) expect(inRefractoryWindow(b.t, Math.max(...rWaves.filter((r) => r <= b.t)), s.refractoryWindowMs)).to.equal(true);
      expect(drawnEcgSpanMv(el)).to.be.within(1.3, 1.8);
    } finally {
      el.remove();
    }
  });
});

describe('ir-pulse-trace pulse chart time axis', () => {
  for (const lang of ['en', 'fr']) {
    it(`ticks the pulse chart's time in µs from the pulse start, named "µs" (${lang})`, async () => {
      const s = hepaticEct(T0);
      const { el } = await mountFed(s, playedAt(s, 10, 1000), (el) => (el.lang = lang));
      try {
        const canvas = chartCanvas(el);
        const texts = (await textsDrawn(() => redrawnLight(el))).filter((x) => x.canvas === canvas);
        const below = el.positionOf('V', 0, 0)!.y;
        expect(texts.some((x) => x.text === 'µs' && x.y > below), 'the unit under the axis').to.equal(true);
        const ticks = texts.filter((x) => x.y > below && Number.isFinite(tickValue(x.text)));
        // The pulse is 100 µs: its start and end ticked, each tick under the time it names.
        expect(ticks.map((x) => tickValue(x.text))).to.include.members([0, 100]);
        for (const x of ticks) expect(x.x, x.text).to.be.closeTo(el.positionOf('V', tickValue(x.text), 0)!.x, 2 * devicePixelRatio);
      } finally {
        el.remove();
      }
    });
  }
});
