import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import '../../src/components/iceball-curve.js';
import '../../src/components/telemetry.js';
import type { IrIceballCurve } from '../../src/components/iceball-curve/iceball-curve.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import type { ChannelDescriptor } from '../../src/models/channel.js';
import type { AlarmChange } from '../../src/streams/alarm-manager.js';
import type { CryoItem } from '../../src/sim.js';
import { RENAL, RENAL_HYDRODISSECTION_MS, RENAL_NERVE_COLD_MS, VERTEBRAL } from '../../src/sim.js';
import { CryoTracker } from '../../src/models/cryo/cryo-tracker.js';
import { afterLangChange, drawn, fixture, rgbOf, waitUntil } from '../kit/fixture.js';
import { itLeaksNoPanel } from '../kit/memory.js';
import { ONE_PROBE, T0, inTelemetry, play } from './iceball-helpers.js';

const MIN = 60_000;
const cel = (id: string): ChannelDescriptor => ({ id, label: id, unit: 'Cel', intervalMs: 1000, range: [-200, 100] });
const mm = (id: string): ChannelDescriptor => ({ id, label: id, unit: 'mm', intervalMs: 180_000, range: [0, 200] });
const ONE_PROBE_CHANNELS = [cel('probe.1'), mm('ice.0'), mm('ice.-20'), mm('ice.-40')];
const event = (channel: string, t: number, kind: string, text: string): RoomInput => ({ type: 'event', channel, t, kind, text });
const batch = (channel: string, t: number[], v: number[]): RoomInput => ({ channel, t: Float64Array.from(t), v: Float32Array.from(v) });

/** A single-probe panel fed by `.source`, frozen for `minutes` (tip samples every second). */
async function oneProbe(minutes: number, setup: (el: IrIceballCurve) => void = () => {}) {
  const source = new Subject<RoomInput>();
  const el = await fixture('ir-iceball-curve', (el) => {
    el.style.width = '900px';
    el.procedure = ONE_PROBE;
    el.channels = ONE_PROBE_CHANNELS;
    el.source = source;
    setup(el);
  });
  source.next(event('probe.1', T0, 'phase', 'freeze'));
  source.next(event('probe.1', T0, 'probe-state', 'freeze 100'));
  const n = minutes * 60;
  source.next(batch('probe.1', Array.from({ length: n + 1 }, (_, i) => T0 + i * 1000), Array.from({ length: n + 1 }, () => -140)));
  await drawn(el);
  return { el, source };
}

const pixel = (canvas: HTMLCanvasElement, x: number, y: number) => Array.from(canvas.getContext('2d')!.getImageData(Math.round(x), Math.round(y), 1, 1).data);
const near = (a: number[], rgb: readonly number[], tol = 60) => a[3] > 200 && Math.abs(a[0] - rgb[0]) + Math.abs(a[1] - rgb[1]) + Math.abs(a[2] - rgb[2]) < tol;
const canvases = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLCanvasElement>('[part="curve"] canvas, [part="plan"] canvas')];
const token = (el: Element, name: string) => rgbOf(getComputedStyle(el).getPropertyValue(name));

describe('ir-iceball-curve on the renal scenario', () => {
  it('raises the nerve alarm when the sensor has been below 10 °C for 2 s, and its condition ends after hydrodissection', async () => {
    const { sim, source, telemetry, el } = await inTelemetry(RENAL);
    const changes: AlarmChange[] = [];
    const sub = telemetry.manager.changes.subscribe((c) => c.rule.id === 'cryo:nerve:sensor.1.1' && changes.push(c));
    play(sim, (x) => source.next(x), 0, sim.freezeStartMs + RENAL_HYDRODISSECTION_MS + MIN);
    const freeze = T0 + sim.freezeStartMs;
    expect(changes.map((c) => c.state.presence)).to.deep.equal(['on', 'latch']);
    // Crossing at 3 min 22.7 s into the freeze, 2 s of onset delay, a sample a second, ±0.05 °C of noise.
    expect(changes[0].t - freeze).to.be.closeTo(RENAL_NERVE_COLD_MS + 2000, 1500);
    expect(changes[0].rule.priority).to.equal('hi');
    // Warm saline from 5 min: back above 10 °C plus 1 °C of hysteresis within about 8 s.
    expect(changes[1].t - freeze).to.be.within(RENAL_HYDRODISSECTION_MS, RENAL_HYDRODISSECTION_MS + 15_000);
    await drawn(el);
    sub.unsubscribe();
    telemetry.remove();
  });

  it('gives the time the estimate covers the target plus margin, from the freezing model driven by the measured tips', async function () {
    // 10 min of procedure through two freezing models: seconds of computing, more on a loaded machine.
    this.timeout(120_000);
    const { sim, source, telemetry, el } = await inTelemetry(RENAL);
    const tracker = new CryoTracker(RENAL.procedure);
    const both = (x: CryoItem) => {
      source.next(x);
      if ('type' in x && x.type === 'event') tracker.event(x);
      else if (!('type' in x)) for (let i = 0; i < x.t.length; i++) tracker.sample(x.channel, x.t[i], x.v[i]);
    };
    play(sim, both, 0, sim.freezeStartMs + 10 * MIN + 5000);
    // The model, not the fit: every probe had a recent tip temperature.
    expect(tracker.estimate.source.every((s) => s === 'model')).to.equal(true);
    const cover = el.status!.isotherms[0].estimatedCover;
    expect(cover).to.equal(tracker.estimatedCover[0]);
    // Two probes 15 mm apart in perfused tissue: the 0 °C edge covers the 34 x 30 mm target late in freeze 1.
    expect((cover - T0 - sim.freezeStartMs) / MIN).to.be.within(8, 10);
    expect(el.status!.estimateSource).to.equal('model');
    el.requestUpdate();
    await drawn(el);
    expect(el.shadowRoot!.querySelector('[part="readouts"]')!.textContent).to.contain('estimate').and.not.to.contain('fit');
    // Into the thaw, coverage is still judged on the edge the CT measured in freeze 1, not on the estimate.
    const { covered, isotherms, targetMm } = el.status!;
    expect(isotherms[0].measuredMm).to.be.finite;
    expect(covered).to.equal(isotherms[0].measuredMm >= targetMm);
    telemetry.remove();
  });
});

describe('ir-iceball-curve drawing', () => {
  it('draws each measured isotherm at the height of its diameter, in its colour', async () => {
    const { el, source } = await oneProbe(6);
    const t = T0 + 5 * MIN;
    source.next(batch('ice.0', [t], [28]));
    source.next(batch('ice.-20', [t], [16]));
    source.next(batch('ice.-40', [t], [6]));
    el.requestUpdate();
    await drawn(el);
    const [curve] = canvases(el);
    for (const [iso, d, name] of [[0, 28, '--_iso-0'], [-20, 16, '--_iso-20'], [-40, 6, '--_iso-40']] as const) {
      const p = el.curvePositionOf(t, d)!;
      expect(near(pixel(curve, p.x, p.y), token(el, name)), `${iso} °C at ${d} mm`).to.equal(true);
      // Above the disc (4.5 px radius): not this colour.
      expect(near(pixel(curve, p.x, p.y - 8 * devicePixelRatio), token(el, name)), `${iso} °C above`).to.equal(false);
    }
    expect(el.status!.isotherms[0].measuredMm).to.equal(28);
    el.remove();
  });

  it("draws the freezing model's isotherms in the plan at the size it estimates, with a 10 mm scale bar", async () => {
    const { el } = await oneProbe(10);
    const [, plan] = canvases(el);
    const k = el.planScale;
    const centre = el.planPositionOf(0, 0)!;
    for (const [iso, name] of [[0, '--_iso-0'], [-20, '--_iso-20'], [-40, '--_iso-40']] as const) {
      // One probe: a circle, whose radius is half the equivalent diameter estimated.
      const r = el.status!.isotherms[iso].estimatedMm / 2;
      expect(r, `${iso} °C`).to.be.above(3);
      // Scanning down from above (the tumour's 5 mm semi-minor axis lies inside the -40 °C line there): the first pixel of the isotherm's colour is its outline.
      const rgb = token(el, name);
      let found = NaN;
      for (let y = Math.round(centre.y - (r + 4) * k); y < centre.y; y++)
        if (near(pixel(plan, centre.x, y), rgb, 90)) {
          found = (centre.y - y) / k;
          break;
        }
      expect(found, `${iso} °C radius`).to.be.closeTo(r, 1.5 / k + 0.8);
    }
    el.remove();
  });

  it('flags an ice ball shrinking in a freeze, a sensor colder than the tips, and a probe outside the field, keeping every sample', async () => {
    const flagged: string[] = [];
    const outside = { ...ONE_PROBE, probes: [...ONE_PROBE.probes, { id: 'p2', label: 'P2', channel: 'probe.2', xMm: 45, yMm: 0 }], sensors: [{ id: 's1', label: 'S', points: [{ channel: 'sensor.1.1', xMm: 10, yMm: 0 }] }] };
    const { el, source } = await oneProbe(6, (el) => {
      el.procedure = outside;
      el.channels = [...ONE_PROBE_CHANNELS, cel('probe.2'), cel('sensor.1.1')];
      el.addEventListener('ir-questionable', (e) => flagged.push(`${e.detail.channel} ${e.detail.reason}`));
    });
    source.next(batch('ice.0', [T0 + 3 * MIN, T0 + 6 * MIN], [24, 15]));
    source.next(batch('sensor.1.1', [T0 + 6 * MIN], [-160]));
    el.requestUpdate();
    await drawn(el);
    expect(flagged).to.deep.equal(['probe.2 outside-field', 'ice.0 ice-shrinking', 'sensor.1.1 sensor-colder-than-tip']);
    expect(el.questionable.map((q) => q.reason)).to.deep.equal(['outside-field', 'ice-shrinking', 'sensor-colder-than-tip']);
    expect(el.shadowRoot!.querySelector('[part="questionable"]')!.textContent).to.match(/Questionable/);
    // Kept, not dropped: the 15 mm point is drawn, hollow, in the questionable colour.
    const [curve] = canvases(el);
    const p = el.curvePositionOf(T0 + 6 * MIN, 15)!;
    const ring = pixel(curve, p.x - 4.5 * devicePixelRatio, p.y);
    expect(near(ring, token(el, '--_medium'), 90)).to.equal(true);
    el.remove();
  });
});

describe('ir-iceball-curve given a field the model cannot grid', () => {
  for (const field of [{ x: [-1e6, 1e6], y: [-1e6, 1e6] }, { x: [Number.NaN, 30], y: [-30, 30] }] as const) {
    it(`stays up on ${JSON.stringify(field)}: the estimate is the labelled fit`, async () => {
      const { el } = await oneProbe(6, (el) => (el.procedure = { ...ONE_PROBE, field }));
      // No model: the fit makes the estimate, and every place that shows it says so.
      expect(el.status!.estimateSource).to.equal('fit');
      expect(el.status!.isotherms[0].estimatedMm).to.be.above(10);
      const readout = el.shadowRoot!.querySelector('[part="readouts"]')!.textContent!;
      expect(readout).to.contain('estimate (fit: no tip temperature)');
      expect(el.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.match(/^Freeze 1, 06:00 elapsed.* 0 °C \d+ mm \(estimate \(fit: no tip temperature\)\)/);
      el.remove();
    });
  }
});

describe('ir-iceball-curve fed two ways', () => {
  it('shows the same through ir-telemetry from a WebSocket server on loopback as by .source', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    const { CryoSimulation, toWireLines } = await import('../../src/sim.js');
    const { from, toArray, firstValueFrom } = await import('rxjs');
    // Recent data: a gateway's is checked against the wall clock.
    const recent = Date.now() - 10 * MIN;
    const simA = new CryoSimulation(RENAL, recent);
    const items: CryoItem[] = [];
    play(simA, (x) => items.push(x), 0, 5 * MIN);
    const simB = new CryoSimulation(RENAL, recent);
    const lines: string[] = await firstValueFrom(from(items).pipe(toWireLines(simB), toArray()));
    // By .source.
    const source = new Subject<RoomInput>();
    const direct = await fixture('ir-iceball-curve', (el) => {
      // Both on screen (a panel off-screen does not draw): one over the other.
      el.style.cssText = 'position: fixed; inset: 0 auto auto 0; width: 900px';
      el.procedure = RENAL.procedure;
      el.channels = simA.channels();
      el.source = source;
    });
    for (const x of items) source.next(x);
    // Through a real socket.
    const port = await executeServerCommand<number, unknown>('ws-port');
    const telemetry = await fixture('ir-telemetry', (t) => {
      t.channels = simA.channels();
      t.src = `ws://127.0.0.1:${port}`;
    });
    const wired = await fixture('ir-iceball-curve', (el) => {
      el.style.cssText = 'position: fixed; inset: 0 auto auto 0; width: 900px';
      el.procedure = RENAL.procedure;
    }, telemetry);
    await waitUntil(() => telemetry.state === 'live', 'live');
    for (let i = 0; i < lines.length; i += 200) await executeServerCommand('ws-send', { lines: lines.slice(i, i + 200) });
    await waitUntil(() => wired.status?.now === direct.status?.now, 'the last sample over the socket');
    direct.requestUpdate();
    wired.requestUpdate();
    await drawn(direct);
    await drawn(wired);
    expect(JSON.stringify(wired.status)).to.equal(JSON.stringify(direct.status));
    const text = (el: Element) => el.shadowRoot!.querySelector('[part="summary"]')!.textContent;
    expect(text(wired)).to.equal(text(direct));
    const [a, b] = [canvases(direct), canvases(wired)];
    for (let i = 0; i < 2; i++) {
      const da = a[i].getContext('2d')!.getImageData(0, 0, a[i].width, a[i].height).data;
      const db = b[i].getContext('2d')!.getImageData(0, 0, b[i].width, b[i].height).data;
      expect(da.length).to.equal(db.length);
      expect(da.some((x) => x > 0), `canvas ${i} drawn`).to.equal(true);
      expect(da.every((x, j) => x === db[j]), `canvas ${i} identical`).to.equal(true);
    }
    direct.remove();
    telemetry.remove();
  });
});

describe('ir-iceball-curve language, themes', () => {
  it('speaks French when lang is fr, and switches back', async () => {
    const { sim, source, telemetry, el } = await inTelemetry(VERTEBRAL, {}, (el) => (el.lang = 'fr'));
    play(sim, (x) => source.next(x), 0, 4 * MIN);
    el.requestUpdate();
    await el.updateComplete;
    const q = (part: string) => el.shadowRoot!.querySelector(`[part="${part}"]`)!.textContent!;
    expect(el.shadowRoot!.querySelector('[part="phase"]')!.textContent).to.equal('Congélation 1');
    expect(q('readouts')).to.match(/mesuré/);
    expect(q('summary')).to.match(/écoulé.*restant/);
    expect(q('traces')).to.match(/Pointes des sondes/);
    el.lang = 'en';
    await afterLangChange(el);
    expect(el.shadowRoot!.querySelector('[part="phase"]')!.textContent).to.equal('Freeze 1');
    telemetry.remove();
  });

  it('takes its colours from the theme tokens', async () => {
    const el = await fixture('ir-iceball-curve', (el) => (el.procedure = ONE_PROBE));
    for (const [theme, bg] of [['dark', 'rgb(11, 15, 20)'], ['light', 'rgb(255, 255, 255)'], ['high-contrast', 'rgb(0, 0, 0)']] as const) {
      el.theme = theme;
      await el.updateComplete;
      expect(getComputedStyle(el).backgroundColor, theme).to.equal(bg);
    }
    el.remove();
  });

});

describe('ir-iceball-curve memory', () => {
  const source = new Subject<RoomInput>();
  itLeaksNoPanel(
    async () => {
      const el = await fixture('ir-iceball-curve', (el) => {
        el.procedure = ONE_PROBE;
        el.channels = ONE_PROBE_CHANNELS;
        el.source = source;
      });
      source.next(event('probe.1', T0, 'phase', 'freeze'));
      source.next(batch('probe.1', [T0, T0 + 1000], [-100, -120]));
      await drawn(el);
      el.remove();
      return el;
    },
    // A kept ir-iceball-curve (curve and plan rasters, trends, tracker) holds about 440 kB:
    // one a cycle grows the page by 22 MB over 50 cycles. 2 MB fails a leak of a tenth of
    // that; a clean run grows about 0.7 MB (code compiled as the cycles warm up).
    { cycles: 50, limit: 2 * 2 ** 20, after: () => expect(source.observed).to.equal(false) },
  );
});
