import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { leadIn, SpanRaster } from '../../src/components/kit/strip-raster.js';
import { SLOTS, type Column } from '../../src/models/column-aggregator.js';

const HEIGHT = 40;
const COLOURS = ['rgb(79, 195, 247)', 'rgb(255, 183, 77)'];
/** One column: no data, or a gap mark and two values. */
const column = fc.oneof(
  fc.constant<Column[]>([undefined, undefined, undefined]),
  fc.tuple(fc.constantFrom<Column>(null, undefined), fc.integer({ min: -12, max: 12 }), fc.integer({ min: -12, max: 12 })).map((c) => c as Column[]),
);
const series = (n: number) => fc.array(column, { minLength: n, maxLength: n }).map((cs) => cs.flat());

/** Draws `ys` (one array a series) with `raster` into `ctx`, which keeps what it showed; returns its pixels. */
function frame(raster: SpanRaster, ctx: OffscreenCanvasRenderingContext2D, ys: Column[][], keep?: { columns: number; from: number; scrolled?: number; leadIn?: number }): Uint8ClampedArray {
  const { width, height } = ctx.canvas;
  raster.begin(width, height, keep && { ...keep, key: 'same ranges and colours' });
  ys.forEach((y, i) => raster.series(y, { left: 0, top: 0, width, height, yMin: -10, yMax: 10 }, COLOURS[i]));
  raster.put(ctx);
  return ctx.getImageData(0, 0, width, height).data;
}

describe('SpanRaster', () => {
  it('a frame that keeps the columns drawn (moved with the window) and writes the rest equals the same frame drawn whole (property, 300 runs)', () => {
    const setup = fc.integer({ min: 2, max: 40 }).chain((columns) =>
      fc.record({
        columns: fc.constant(columns),
        pxPerColumn: fc.integer({ min: 1, max: 3 }),
        before: fc.array(series(columns), { minLength: 2, maxLength: 2 }),
        scrolled: fc.integer({ min: 0, max: columns }),
        from: fc.integer({ min: 0, max: columns }),
        fresh: fc.array(series(columns), { minLength: 2, maxLength: 2 }),
      }),
    );
    fc.assert(
      fc.property(setup, ({ columns, pxPerColumn, before, scrolled, from, fresh }) => {
        // After: the window moved `scrolled` columns; every column from `from` on (and the new ones) new, those before as they were.
        const after = before.map((ys, i) =>
          Array.from({ length: columns * SLOTS }, (_, k) => (Math.floor(k / SLOTS) >= Math.min(from, columns - scrolled) ? fresh[i][k] : ys[k + scrolled * SLOTS])),
        );
        const kept = new OffscreenCanvas(columns * pxPerColumn, HEIGHT).getContext('2d')!;
        const raster = new SpanRaster();
        frame(raster, kept, before, { columns, from: 0 });
        const incremental = frame(raster, kept, after, { columns, from, scrolled, leadIn: Math.max(...after.map(leadIn)) });
        const whole = frame(new SpanRaster(), new OffscreenCanvas(columns * pxPerColumn, HEIGHT).getContext('2d')!, after);
        expect(incremental.every((x, k) => x === whole[k])).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('draws everything again when the key changes (another range or colour)', () => {
    const ctx = new OffscreenCanvas(10, HEIGHT).getContext('2d')!;
    const raster = new SpanRaster();
    const ys: Column[] = Array.from({ length: 10 }, () => [undefined, -5, 5]).flat();
    raster.begin(10, HEIGHT);
    raster.series(ys, { left: 0, top: 0, width: 10, height: HEIGHT, yMin: -10, yMax: 10 }, COLOURS[0]);
    raster.put(ctx);
    // The same columns, nothing changed but the range: a kept frame would copy nothing.
    raster.begin(10, HEIGHT, { columns: 10, key: 'another range', from: 10 });
    raster.series(ys, { left: 0, top: 0, width: 10, height: HEIGHT, yMin: -100, yMax: 100 }, COLOURS[0]);
    expect(raster.put(ctx), 'every column written').to.deep.equal([[0, 10]]);
    const lit = [...Array(HEIGHT).keys()].filter((y) => ctx.getImageData(5, y, 1, 1).data[3] > 0);
    expect(lit.length, 'the span of ±5 on a ±100 range').to.be.below(5);
  });

  it('writes each series in exactly its own colour, frame after frame, whatever the colour', () => {
    const ys: Column[] = Array.from({ length: 4 }, () => [undefined, -5, 5]).flat();
    const colours = Array.from({ length: 300 }, (_, i) => `rgb(${i % 256}, ${(i * 7) % 256}, ${255 - (i % 256)})`);
    const ctx = new OffscreenCanvas(4, HEIGHT).getContext('2d')!;
    const raster = new SpanRaster();
    for (const colour of [...colours, ...colours]) {
      raster.begin(4, HEIGHT);
      raster.series(ys, { left: 0, top: 0, width: 4, height: HEIGHT, yMin: -10, yMax: 10 }, colour);
      raster.put(ctx);
      const [r, g, b, a] = ctx.getImageData(1, HEIGHT / 2, 1, 1).data;
      expect(`rgb(${r}, ${g}, ${b})`, colour).to.equal(colour);
      expect(a).to.equal(255);
    }
  });
});
