import { expect } from '@esm-bundle/chai';
import { Subject, VirtualTimeScheduler } from 'rxjs';
import '../../src/components/cement-gauge.js';
import '../../src/components/telemetry.js';
import type { IrCementGauge } from '../../src/components/cement-gauge/cement-gauge.js';
import { cementChannels, deliveredChannel } from '../../src/models/cement/plan.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { afterLangChange, canvasOf, countColour, drawn, fixture, pixelsOf, rgbOf } from '../kit/fixture.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import '../../src/components/alarm-log.js';
import { itLeaksNoPanel } from '../kit/memory.js';
import { TWO_LEVELS } from '../kit/cement-plan.js';
import { dataEpoch } from '../kit/clock.js';

const T0 = dataEpoch();
const MIN = 60_000;
const plan = TWO_LEVELS;
const vol = (channel: string, t: number, v: number): RoomInput => ({ channel, t: Float64Array.of(t), v: Float32Array.of(v) });
const ev = (t: number, kind: string, text = ''): RoomInput => ({ type: 'event', channel: 'cement', t, kind, text });
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(setup: (el: IrCementGauge) => void = () => {}) {
  const source = new Subject<RoomInput>();
  const el = await fixture('ir-cement-gauge', (el) => {
    el.style.width = '500px';
    el.plan = plan;
    el.channels = cementChannels(plan);
    el.source = source;
    setup(el);
  });
  return { el, source };
}

async function refresh(el: IrCementGauge) {
  el.requestUpdate();
  await drawn(el);
}

describe('ir-cement-gauge', () => {
  it('fills each bar to the fraction injected of its scale, in pixels', async () => {
    const { el, source } = await mount();
    source.next(ev(T0, 'mix'));
    source.next(vol('vol-T12', T0 + 1000, 2.2));
    source.next(vol('vol-L1', T0 + 1000, 4.4));
    await refresh(el);
    const canvas = canvasOf(el);
    const fill = rgbOf(getComputedStyle(el).getPropertyValue('--_series-1'));
    const reached = rgbOf(getComputedStyle(el).getPropertyValue('--_series-3'));
    const t12 = el.barOf('T12')!;
    expect(t12.fillWidth / t12.width).to.be.closeTo(2.2 / 8.8, 0.005);
    // The filled length, counted along the bar's middle row (between the ticks' ends).
    const row = (g: typeof t12, rgb: [number, number, number]) => {
      const img = canvas.getContext('2d')!.getImageData(0, g.y + Math.round(g.height / 2), canvas.width, 1).data;
      let n = 0;
      for (let x = 0; x < canvas.width; x++) if (Math.abs(img[x * 4] - rgb[0]) + Math.abs(img[x * 4 + 1] - rgb[1]) + Math.abs(img[x * 4 + 2] - rgb[2]) < 30) n++;
      return n;
    };
    expect(row(t12, fill)).to.be.closeTo(t12.fillWidth, 3);
    const l1 = el.barOf('L1')!;
    expect(row(l1, reached), 'the planned volume reached turns the fill').to.be.closeTo(l1.fillWidth - 3, 4);
    const total = el.barOf('total')!;
    expect(total.fillWidth / total.width).to.be.closeTo(6.6 / 17.6, 0.005);
    expect(el.record!.totalMl).to.be.closeTo(6.6, 1e-6);
    el.remove();
  });

  it('formats volumes in French and switches back with lang', async () => {
    const { el, source } = await mount((el) => (el.lang = 'fr'));
    source.next(ev(T0, 'mix'));
    source.next(vol('vol-T12', T0 + 1000, 2.25));
    await refresh(el);
    expect(text(el, 'total')).to.contain('Total 2,3 mL · prévu 8,0 · max 16,0 mL');
    expect(text(el, 'phase')).to.equal('Liquide');
    el.lang = 'en';
    await afterLangChange(el);
    await refresh(el);
    expect(text(el, 'total')).to.contain('Total 2.3 mL · planned 8.0 · max 16.0 mL');
    el.remove();
  });

  it('counts the working time down on virtual time, and shows the phase', async () => {
    const clock = new VirtualTimeScheduler(undefined, 30_000);
    const { el, source } = await mount((el) => (el.scheduler = clock));
    source.next(ev(T0, 'mix'));
    source.next({ channel: 'pressure', t: Float64Array.of(T0 + 6 * MIN), v: Float32Array.of(500) });
    await refresh(el);
    expect(text(el, 'phase')).to.equal('Paste (working)');
    expect(text(el, 'countdown')).to.equal('2:30');
    clock.flush();
    await refresh(el);
    expect(text(el, 'countdown'), 'the cement sets on while the data pauses').to.equal('2:00');
    el.remove();
  });

  it('latches the leak alarm until acknowledged, marks the leak and shows the injection held', async () => {
    const source = new Subject<RoomInput>();
    const tel = await fixture('ir-telemetry', (t) => {
      t.channels = cementChannels(plan);
      t.source = source;
    });
    const el = await fixture('ir-cement-gauge', (el) => (el.plan = plan), tel);
    const leak = () => tel.manager.present.value.find((a) => a.rule.id === 'cement:leak:1');
    source.next(ev(T0, 'mix'));
    source.next(vol('vol-L1', T0 + 1000, 1));
    source.next(ev(T0 + 2000, 'leak', 'site=L1; source=imaging; note=venous'));
    await refresh(el);
    expect(text(el, 'paused')).to.equal('LEAK — INJECTION HELD');
    expect(el.alarm).to.equal('hi');
    expect(leak()!.state.presence).to.equal('on');
    source.next(ev(T0 + 60_000, 'resume'));
    source.next(vol('vol-L1', T0 + 61_000, 1.1));
    await refresh(el);
    expect(part(el, 'paused')).to.equal(null);
    expect(leak()!.state.presence, 'latched after the leak ended').to.equal('latch');
    expect(el.alarm).to.equal('hi');
    expect(text(el, 'alarm')).to.contain('*** Cement leak reported at L1');
    expect(el.record!.leaks.map((k) => [k.t, k.site])).to.deep.equal([[T0 + 2000, 'L1']]);
    tel.manager.command({ type: 'acknowledge', id: 'cement:leak:1', occurrence: leak()!.state.occurrence });
    await refresh(el);
    expect(leak()).to.equal(undefined);
    tel.remove();
  });
});

describe('ir-cement-gauge at a glance', () => {
  /** Every text drawn on the bars' canvas, in order, by the last draw after `act`. */
  async function barTexts(el: IrCementGauge, act: () => Promise<void>): Promise<string[]> {
    const ctx = canvasOf(el).getContext('2d')!;
    let texts: string[] = [];
    const fillText = ctx.fillText;
    // A draw starts by clearing the canvas: the texts of the last one are kept.
    const clearRect = ctx.clearRect;
    ctx.clearRect = function (this: CanvasRenderingContext2D, ...a: [number, number, number, number]) {
      texts = [];
      clearRect.apply(this, a);
    };
    ctx.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
      texts.push(text);
      fillText.call(this, text, x, y, maxWidth);
    };
    try {
      await act();
      await refresh(el);
    } finally {
      ctx.fillText = fillText;
      ctx.clearRect = clearRect;
    }
    return texts;
  }

  it('labels each bar with what it is and its volume, in the panel’s language, left of the bar', async () => {
    const { el, source } = await mount();
    const feed = async () => {
      source.next(ev(T0, 'mix'));
      source.next(vol('vol-T12', T0 + 1000, 2.2));
      source.next(vol('vol-L1', T0 + 1000, 4.4));
    };
    expect(await barTexts(el, feed)).to.deep.equal(['Total 6.6 mL', 'T12 2.2 mL', 'L1 4.4 mL']);
    // The labels are drawn in the column before the bars, in the text colour.
    const total = el.barOf('total')!;
    expect(total.x).to.be.greaterThan(0);
    expect(total.x + total.width).to.equal(canvasOf(el).width);
    const textRgb = rgbOf(getComputedStyle(el).getPropertyValue('--_text'));
    expect(countColour(canvasOf(el), textRgb, 0, total.x), 'label pixels').to.be.greaterThan(50);
    const french = async () => {
      el.lang = 'fr';
      await afterLangChange(el);
    };
    expect(await barTexts(el, french)).to.deep.equal(['Total 6,6 mL', 'T12 2,2 mL', 'L1 4,4 mL']);
    el.remove();
  });

  it('shows nothing red at 0 mL, nor while a site fills below its maximum; red once a maximum is passed', async () => {
    const { el, source } = await mount();
    const style = getComputedStyle(el);
    const reds = [rgbOf(style.getPropertyValue('--_high')), rgbOf(style.getPropertyValue('--_limit'))];
    const curve = el.shadowRoot!.querySelector<IrTrend>('[part="volume-curve"]')!;
    const redIn = (canvas: HTMLCanvasElement) => reds.reduce((n, rgb) => n + countColour(canvas, rgb, 0, canvas.width), 0);
    const look = async () => {
      await refresh(el);
      await drawn(curve);
      return { bars: redIn(canvasOf(el)), curve: redIn(canvasOf(curve)) };
    };
    source.next(ev(T0, 'mix'));
    source.next({ channel: 'pressure', t: Float64Array.of(T0 + 500), v: Float32Array.of(60) });
    for (let i = 0; i <= 20; i++) source.next(vol('vol-T12', T0 + i * 500, 0));
    source.next(vol('vol-L1', T0 + 500, 0));
    expect(await look(), 'at 0 mL').to.deep.equal({ bars: 0, curve: 0 });
    for (let i = 21; i <= 60; i++) source.next(vol('vol-T12', T0 + i * 500, (i - 20) * 0.15));
    expect(await look(), 'at 6 mL of 8').to.deep.equal({ bars: 0, curve: 0 });
    source.next(vol('vol-T12', T0 + 61 * 500, 8.6));
    const over = await look();
    expect(over.bars, 'the bar beyond its maximum').to.be.greaterThan(100);
    el.remove();
  });

  it('draws no dip for a falling volume the engine refused: the curve keeps the last valid volume, as the gauge says', async () => {
    const { el, source } = await mount();
    const curve = el.shadowRoot!.querySelector<IrTrend>('[part="volume-curve"]')!;
    source.next(ev(T0, 'mix'));
    // 3 mL in 10 s, held 10 s, then 5 s of readings at 0.2 mL (refused: the record keeps 3 mL), then 3 mL again.
    const reading = (s: number) => (s <= 10 ? 0.3 * s : s > 20 && s <= 25 ? 0.2 : 3);
    for (let s = 0; s <= 30; s += 0.5) source.next(vol('vol-T12', T0 + s * 1000, reading(s)));
    await refresh(el);
    await drawn(curve);
    expect(el.record!.sites[0].volumeMl).to.be.closeTo(3, 1e-6);
    expect(text(el, 'technical')).to.equal('volume reading went down: last valid volume kept (T12)');
    expect(curve.shadowRoot!.querySelector('[part="value"]')!.textContent, 'the curve’s read-out, as the gauge').to.equal('3.0');
    // Nothing of T12's colour is drawn below 2.5 mL after the readings reached 3 mL.
    const rgb = rgbOf(getComputedStyle(curve).getPropertyValue('--_series-1'));
    const at = (t: number, v: number) => curve.positionOf(deliveredChannel(plan.sites[0]), t, v)!;
    const canvas = canvasOf(curve);
    const x0 = Math.ceil(at(T0 + 15_000, 3).x);
    expect(countColour(canvas, rgb, x0, canvas.width), 'T12 drawn after 15 s').to.be.greaterThan(0);
    // Rows below 2.5 mL on the canvas (further down), right of 15 s: none of T12's colour.
    const img = pixelsOf(canvas);
    let below = 0;
    for (let y = Math.ceil(at(T0 + 15_000, 2.5).y); y < canvas.height; y++)
      for (let x = x0; x < canvas.width; x++) {
        const i = (y * canvas.width + x) * 4;
        if (Math.abs(img[i] - rgb[0]) + Math.abs(img[i + 1] - rgb[1]) + Math.abs(img[i + 2] - rgb[2]) < 40 && img[i + 3] > 200) below++;
      }
    expect(below, 'a dip towards 0.2 mL').to.equal(0);
    el.remove();
  });

  it('logs a second leak reported while the first is latched, naming its level', async () => {
    const source = new Subject<RoomInput>();
    const tel = await fixture('ir-telemetry', (t) => {
      t.channels = cementChannels(plan);
      t.source = source;
    });
    await fixture('ir-cement-gauge', (el) => (el.plan = plan), tel);
    const log = await fixture('ir-alarm-log', () => {}, tel);
    source.next(ev(T0, 'mix'));
    source.next(vol('vol-L1', T0 + 1000, 1));
    source.next(ev(T0 + 2000, 'leak', 'site=L1; source=imaging'));
    source.next(ev(T0 + 60_000, 'resume'));
    source.next(vol('vol-T12', T0 + 61_000, 0.5));
    // The first leak is latched, unacknowledged: a second, at T12.
    source.next(ev(T0 + 70_000, 'leak', 'site=T12; source=operator'));
    await log.updateComplete;
    const leaks = log.entries.filter((e) => e.id.startsWith('cement:leak:'));
    expect(leaks.map((e) => [e.onset, e.priority, typeof e.message === 'string' ? e.message : e.message.en])).to.deep.equal([
      [T0 + 2000, 'hi', 'Cement leak reported at L1: injection held'],
      [T0 + 70_000, 'hi', 'Cement leak reported at T12: injection held'],
    ]);
    const rows = [...log.shadowRoot!.querySelectorAll('[part="table"] tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
    expect(rows.filter((r) => r.includes('Cement leak reported at T12'))).to.have.length(1);
    tel.remove();
  });
});

describe('ir-cement-gauge bad input', () => {
  it('reports a falling volume, a negative flow, an unknown pressure unit and a site not in the plan, keeping the last valid total', async () => {
    const flowPlan = { ...plan, flowChannel: 'flow' };
    const technical: string[] = [];
    const { el, source } = await mount((el) => {
      el.plan = flowPlan;
      el.channels = cementChannels(flowPlan);
      el.addEventListener('ir-technical', (e) => e.detail.type === 'technical' && technical.push(`${e.detail.channel} ${e.detail.reason}`));
      el.addEventListener('ir-cement-technical', (e) => technical.push(`${e.detail.channel} ${e.detail.reason}`));
    });
    source.next(ev(T0, 'mix'));
    source.next(vol('vol-T12', T0 + 1000, 3));
    source.next(vol('vol-T12', T0 + 1020, 0.5));
    source.next(vol('flow', T0 + 1000, -2));
    source.next({ channel: 'pressure', unit: 'psi', t: Float64Array.of(T0 + 1000), v: Float32Array.of(100) });
    source.next(vol('vol-S1', T0 + 1000, 1));
    source.next(ev(T0 + 1100, 'site', 'site=S1'));
    await refresh(el);
    expect(technical).to.have.members(['vol-T12 volume-decreased', 'flow out-of-range', 'pressure unit-mismatch', 'vol-S1 unknown-channel', 'cement site-not-in-plan', 'cement unreadable']);
    expect(el.record!.totalMl).to.equal(3);
    expect(part(el, 'site')!.hasAttribute('data-invalid')).to.equal(true);
    expect(text(el, 'technical')).to.equal('site not in the plan (S1)');
    expect(text(el, 'total')).to.contain('Total 3.0 mL');
    el.remove();
  });
});

describe('ir-cement-gauge memory', () => {
  itLeaksNoPanel(
    async () => {
      const { el, source } = await mount();
      source.next(ev(T0, 'mix'));
      for (let i = 0; i < 20; i++) source.next(vol('vol-T12', T0 + i * 20, i * 0.01));
      await refresh(el);
      el.remove();
      return el;
    },
    // A kept ir-cement-gauge holds about 2.7 MB, most of it its room's typed-array stores:
    // one a cycle grows the page by 137 MB over 50 cycles. 2 MB fails a leak of well under
    // a tenth of that (40 kB a cycle); a clean run grows by less than 0.1 MB.
    { cycles: 50, limit: 2 * 2 ** 20 },
  );
});

describe('ir-cement-gauge framed by its engine’s own condition', () => {
  it('a volume rising once the cement is set frames the gauge (medium), with its message', async () => {
    const { el, source } = await mount();
    source.next(ev(T0, 'mix'));
    source.next(vol('vol-T12', T0 + 5 * MIN, 2));
    // The default PMMA is set 12 min after mixing (5.1 + 3.4 + 3.5 min): a rise after that is flagged.
    source.next(vol('vol-T12', T0 + 13 * MIN, 2.5));
    await refresh(el);
    expect(el.alarm).to.equal('me');
    expect(text(el, 'alarm')).to.contain('Cement volume rising while the cement is set');
    el.remove();
  });
});
