import { expect } from '@esm-bundle/chai';
import { ReactiveElement } from 'lit';
import { Subject } from 'rxjs';
import '../../src/components/telemetry.js';
import '../../src/components/trend.js';
import type { IrTelemetry } from '../../src/components/telemetry/telemetry.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import { FrameController, flushFrames } from '../../src/components/kit/frame-scheduler.js';
import type { SampleBatch } from '../../src/models/channel.js';
import { canvasOf, drawn, fixture, laidOut, nextFrame, rowsWith, waitUntil } from '../kit/fixture.js';

/** A panel whose every draw takes longer than a frame's drawing budget, and says so in `draws`. */
class SlowPanel extends ReactiveElement {
  static draws: string[] = [];
  readonly frame = new FrameController(this, () => {
    const until = performance.now() + 12;
    while (performance.now() < until);
    SlowPanel.draws.push(this.id);
  });
}
customElements.define('x-slow-panel', SlowPanel);

/** A panel whose draws are quick: what each does is up to the test (`drawn`). */
class QuickPanel extends ReactiveElement {
  drawn = () => {};
  readonly frame = new FrameController(this, () => this.drawn());
}
customElements.define('x-quick-panel', QuickPanel);

describe('the page\'s animation frame', () => {
  it('shares frames among panels that all draw at once, in the order they asked, none left behind', async () => {
    const panels = ['a', 'b', 'c'].map((id) => Object.assign(document.createElement('x-slow-panel') as SlowPanel, { id }));
    document.body.append(...panels);
    try {
      await nextFrame();
      // Their first draws are done (a frame or a few); now all three ask in one task.
      await waitUntil(() => SlowPanel.draws.length === 3, 'first draws', 5000);
      SlowPanel.draws = [];
      for (const p of panels) p.frame.request();
      await nextFrame();
      expect(SlowPanel.draws, 'one frame, one panel over budget').to.deep.equal(['a']);
      await nextFrame();
      expect(SlowPanel.draws, 'the next frame: the next in line').to.deep.equal(['a', 'b']);
      panels[0].frame.request();
      flushFrames();
      expect(SlowPanel.draws, 'a flush draws all that wait, the oldest first').to.deep.equal(['a', 'b', 'c', 'a']);
    } finally {
      for (const p of panels) p.remove();
    }
  });

  it('a panel whose draw spends its frame draws alone in it; a flush still draws every panel', async () => {
    const order: string[] = [];
    let spending = 'a';
    const panels = ['a', 'b', 'c'].map((id) => {
      const el = Object.assign(document.createElement('x-quick-panel') as QuickPanel, { id });
      el.drawn = () => {
        order.push(id);
        if (id === spending) el.frame.spend();
      };
      return el;
    });
    document.body.append(...panels);
    try {
      await waitUntil(() => ['a', 'b', 'c'].every((id) => order.includes(id)), 'first draws', 5000);
      order.length = 0;
      for (const p of panels) p.frame.request();
      await nextFrame();
      expect(order, 'a spent its frame').to.deep.equal(['a']);
      await nextFrame();
      expect(order, 'the others, quick, share the next').to.deep.equal(['a', 'b', 'c']);
      spending = 'b';
      for (const p of panels) p.frame.request();
      flushFrames();
      expect(order, 'a flush is not a frame: all drawn').to.deep.equal(['a', 'b', 'c', 'a', 'b', 'c']);
    } finally {
      for (const p of panels) p.remove();
    }
  });

  it('four trends given their channels in one task make and paint their charts one a frame, and paint them no more until data comes', async () => {
    const room = document.createElement('ir-telemetry') as IrTelemetry;
    const ids = ['a', 'b', 'c', 'd'];
    const trends = ids.map((id) => {
      const el = document.createElement('ir-trend') as IrTrend;
      el.setAttribute('channel', id);
      el.style.height = '80px';
      return el;
    });
    room.append(...trends);
    document.body.append(room);
    try {
      for (const el of trends) await laidOut(el);
      await drawn(trends[3]);
      const built = (i: number) => trends[i].positionOf(ids[i], 0, 0) !== undefined;
      const state = () => trends.map((el, i) => `${built(i) ? 'built' : '-'}/${el.framesDrawn}`);
      let last = state();
      room.room.setChannels(ids.map((id) => ({ id, label: id, unit: 'Cel', intervalMs: 100, range: [0, 50] as [number, number] })));
      let frames = 0;
      const before = trends.map((el) => el.framesDrawn);
      while (!trends.every((el, i) => built(i) && el.framesDrawn > before[i])) {
        await nextFrame();
        const now = state();
        expect(now.filter((x, i) => x !== last[i]), `frame ${++frames}: at most one chart made or painted`).to.have.length.below(2);
        last = now;
        expect(frames, 'all four shown within a few frames').to.be.below(30);
      }
      // uPlot painted each chart as it made it: without data, none is painted again.
      for (let k = 0; k < 3; k++) await nextFrame();
      expect(state(), 'no paint before data comes').to.deep.equal(last);
    } finally {
      room.remove();
    }
  });

  it('a trend given channels builds and paints its chart in a frame, not in the task that brought them', async () => {
    const room = document.createElement('ir-telemetry') as IrTelemetry;
    const el = document.createElement('ir-trend');
    el.setAttribute('channel', 'probe');
    room.append(el);
    document.body.append(room);
    try {
      await laidOut(el);
      await drawn(el);
      const before = el.framesDrawn;
      room.room.setChannels([{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] }]);
      // uPlot paints a new chart in a microtask of the task that made it: let those run.
      await new Promise<void>((r) => queueMicrotask(r));
      await null;
      expect(el.framesDrawn, 'nothing painted in the channels\' task').to.equal(before);
      await drawn(el);
      expect(el.framesDrawn, 'painted in the frame').to.be.above(before);
    } finally {
      room.remove();
    }
  });

  it('a trend builds its chart in one frame and draws its data in the next: no frame does both', async () => {
    const source = new Subject<SampleBatch>();
    const el: IrTrend = await fixture('ir-trend', (el) => {
      el.style.width = '400px';
      el.channels = [{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] }];
      el.source = source;
      el.window = 10;
    });
    try {
      source.next({ channel: 'probe', t: new Float64Array(50).map((_, i) => i * 100), v: new Float32Array(50).map((_, i) => i) });
      const trace = () => rowsWith(canvasOf(el), [0x4f, 0xc3, 0xf7]).length;
      await nextFrame();
      expect(el.positionOf('probe', 0, 0), 'the chart, built').to.not.equal(undefined);
      expect(trace(), 'its data not yet drawn').to.equal(0);
      await nextFrame();
      expect(trace(), 'drawn in the next frame').to.be.above(10);
    } finally {
      el.remove();
    }
  });
});
