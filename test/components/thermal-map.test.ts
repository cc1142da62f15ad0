import { expect } from '@esm-bundle/chai';
import { Subject, VirtualTimeScheduler } from 'rxjs';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/thermal-map.js';
import '../../src/components/telemetry.js';
import type { IrThermalMap } from '../../src/components/thermal-map/thermal-map.js';
import type { ChannelDescriptor, GridFrame } from '../../src/models/channel.js';
import { encodeBinaryFrame } from '../../src/models/wire.js';
import { structureChannels, type ThermalStructure } from '../../src/models/thermal/alarms.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { afterLangChange, canvasOf, drawn, fixture, rgbOf, waitUntil } from '../kit/fixture.js';
import { dataEpoch } from '../kit/clock.js';
import { label } from '../../src/components/thermal-map/map-layers.js';
import { reduceGrid } from '../../src/models/thermal/reduce.js';

// Recent: what a gateway sends (and what the panel derives from it) is checked against the wall clock.
const T0 = dataEpoch();
const N = 64;
const MM = 1.5;
const CENTRE = 32;
const SIGMA = 9;
const map: ChannelDescriptor = { id: 'map', label: 'MR map', unit: 'Cel', intervalMs: 1000, range: [-20, 200] };
const vessel: ThermalStructure = { id: 'vessel', label: 'Vessel', shape: { kind: 'circle', centreMm: [CENTRE * MM + 18, CENTRE * MM], radiusMm: 3 } };

/** A radially symmetric field peaking at `peak` °C at pixel (32, 32), 1.5 mm pixels. */
function radial(t: number, peak = 100): GridFrame {
  const data = new Float32Array(N * N);
  for (let j = 0; j < N; j++) for (let i = 0; i < N; i++) data[j * N + i] = 37 + (peak - 37) * Math.exp(-((i - CENTRE) ** 2 + (j - CENTRE) ** 2) / (2 * SIGMA * SIGMA));
  return { kind: 'grid', channel: 'map', t, width: N, height: N, spacingMm: [MM, MM], originMm: [0, 0], data };
}
/** Radius (mm) of the isotherm `level` of `radial`. */
const radiusMm = (level: number, peak = 100) => SIGMA * MM * Math.sqrt(2 * Math.log((peak - 37) / (level - 37)));

async function mount(setup: (el: IrThermalMap) => void = () => {}) {
  const source = new Subject<RoomInput>();
  const el = await fixture('ir-thermal-map', (el) => {
    el.style.width = '500px';
    el.channels = [map];
    el.source = source;
    setup(el);
  });
  return { el, source };
}

/** Device-pixel distances from the centre, along the row through it, of pixels of a colour. */
function hits(el: IrThermalMap, hue: 'green' | 'magenta'): number[] {
  const canvas = canvasOf(el);
  const c = el.positionOf([CENTRE * MM, CENTRE * MM])!;
  const y = Math.round(c.y);
  const row = canvas.getContext('2d')!.getImageData(0, y, canvas.width, 1).data;
  const out: number[] = [];
  for (let x = 0; x < canvas.width; x++) {
    const [r, g, b] = [row[4 * x], row[4 * x + 1], row[4 * x + 2]];
    // Hairlines are antialiased: a pixel counts when the line's hue dominates it. Inferno never
    // has green above red; its purples stay far from magenta's green-free, equal red and blue.
    const hit = hue === 'green' ? g > r + 60 && g > b + 60 : r > 200 && b > 200 && g < 60;
    if (hit) out.push(Math.abs(x + 0.5 - c.x));
  }
  return out;
}

/** A panel inside an ir-telemetry fed by `source`. */
async function inRoom(source: Subject<RoomInput>, channels: ChannelDescriptor[], setupRoom: (t: HTMLElementTagNameMap['ir-telemetry']) => void = () => {}, setup: (el: IrThermalMap) => void = () => {}) {
  const room = await fixture('ir-telemetry', (t) => {
    t.channels = channels;
    setupRoom(t);
    t.source = source;
  });
  const el = await fixture(
    'ir-thermal-map',
    (el) => {
      el.style.width = '500px';
      el.channel = 'map';
      setup(el);
    },
    room,
  );
  return { room, el };
}

/** The colour of the canvas pixel at (x, y), device pixels. */
const pixelAt = (canvas: HTMLCanvasElement, x: number, y: number) => [...canvas.getContext('2d')!.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)];
const colourDistance = (a: number[], b: number[]) => a.reduce((sum, v, k) => sum + Math.abs(v - b[k]), 0);

/**
 * The colour the colour bar shows at its bottom, the scale's minimum, as drawn: the bar is
 * the first run of colour at least 10 px wide right of the map, on the canvas's middle row.
 */
function barBottomColour(el: IrThermalMap): number[] {
  const canvas = canvasOf(el);
  const surface = rgbOf(getComputedStyle(el).backgroundColor);
  const isSurface = (x: number, y: number) => colourDistance(pixelAt(canvas, x, y), surface) < 12;
  const y = Math.round(canvas.height / 2);
  let x = Math.ceil(el.positionOf([N * MM, 0])!.x) + 1;
  for (let run = 0; x < canvas.width && run < 10 * devicePixelRatio; x++) run = isSurface(x, y) ? 0 : run + 1;
  x -= Math.round(5 * devicePixelRatio);
  let bottom = y;
  while (bottom + 1 < canvas.height && !isSurface(x, bottom + 1)) bottom++;
  return pixelAt(canvas, x, bottom);
}

const part = (el: IrThermalMap, name: string) => el.shadowRoot!.querySelector(`[part="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('ir-thermal-map', () => {
  it('draws the 50 °C isotherm where the model puts it (pixels read back)', async () => {
    const { el, source } = await mount((el) => {
      el.isotherms = [50];
      el.style.setProperty('--ir-thermal-map-isotherm-color', '#00ff00');
    });
    source.next(radial(T0));
    await drawn(el);
    const pxPerMm = el.positionOf([1, 0])!.x - el.positionOf([0, 0])!.x;
    const want = radiusMm(50) * pxPerMm;
    const found = hits(el, 'green');
    expect(found.length, 'both sides of the centre').to.be.at.least(2);
    // Half a grid pixel of interpolation, plus half the 1.5 px line width and a pixel of rasterisation.
    for (const d of found) expect(Math.abs(d - want)).to.be.below(0.5 * MM * pxPerMm + 2);
    el.remove();
  });

  it('draws the 240 CEM43 contour at the temperature that gives 240 CEM43 in the time fed', async () => {
    const { el, source } = await mount((el) => {
      el.isotherms = [];
      el.style.setProperty('--ir-thermal-map-lethal-color', '#ff00ff');
    });
    source.next(radial(T0));
    source.next(radial(T0 + 60_000));
    await drawn(el);
    // 60 s at T gives 2^(T - 43) CEM43: 240 at T = 43 + log2(240).
    const pxPerMm = el.positionOf([1, 0])!.x - el.positionOf([0, 0])!.x;
    const want = radiusMm(43 + Math.log2(240)) * pxPerMm;
    const found = hits(el, 'magenta');
    expect(found.length).to.be.at.least(2);
    // Dose is interpolated linearly between pixels though it varies exponentially: within one grid pixel.
    for (const d of found) expect(Math.abs(d - want)).to.be.below(MM * pxPerMm + 2);
    el.remove();
  });

  it('keeps the aspect ratio whatever the pixel spacing', async () => {
    const { el, source } = await mount();
    source.next({ ...radial(T0), spacingMm: [1, 2] });
    await drawn(el);
    const a = el.positionOf([0, 0])!;
    const b = el.positionOf([10, 10])!;
    expect(b.x - a.x).to.be.closeTo(b.y - a.y, 1e-6);
    el.remove();
  });

  it('draws a map finer than the screen as its block means at the resolution it is seen (pixels read back)', async () => {
    // 1024 pixels of 0.1 mm with noise of ±8 °C around the radial field: each screen pixel covers several map pixels.
    const FINE = 1024;
    let seed = 11;
    const data = new Float32Array(FINE * FINE);
    for (let j = 0; j < FINE; j++)
      for (let i = 0; i < FINE; i++) data[j * FINE + i] = 37 + 63 * Math.exp(-((i - 512) ** 2 + (j - 512) ** 2) / (2 * 150 ** 2)) + ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 16;
    const fine: GridFrame = { kind: 'grid', channel: 'map', t: T0, width: FINE, height: FINE, spacingMm: [0.1, 0.1], originMm: [0, 0], data };
    const a = await mount();
    a.source.next(fine);
    // A map this large is accumulated over several tasks.
    await waitUntil(() => a.el.engine?.current.maps === 1, 'the fine map accumulated');
    await drawn(a.el);
    const pxPerMm = (a.el.positionOf([10, 0])!.x - a.el.positionOf([0, 0])!.x) / 10;
    const f = Math.floor(1 / (0.1 * pxPerMm));
    expect(f, 'several map pixels to a screen pixel').to.be.at.least(2);
    const pixels = (el: IrThermalMap) => { const c = canvasOf(el); return c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data; };
    const seen = pixels(a.el);
    a.el.remove();
    const b = await mount();
    b.source.next({ ...reduceGrid(fine, f), kind: 'grid' });
    await waitUntil(() => b.el.engine?.current.maps === 1, 'the reduced map accumulated');
    await drawn(b.el);
    const expected = pixels(b.el);
    b.el.remove();
    let differ = 0;
    for (let k = 0; k < seen.length; k++) if (seen[k] !== expected[k]) differ++;
    expect(differ, 'the same picture as the map reduced beforehand').to.equal(0);
  });

  it('reports coverage of tumour plus margin, and the cursor values, in French', async () => {
    const { el, source } = await mount((el) => {
      el.lang = 'fr';
      el.tumour = { kind: 'circle', centreMm: [CENTRE * MM, CENTRE * MM], radiusMm: 5 };
      el.marginMm = 5;
    });
    source.next(radial(T0));
    source.next(radial(T0 + 600_000));
    el.requestUpdate();
    await drawn(el);
    expect(el.coverage!.fraction).to.equal(1);
    expect(part(el, 'coverage')).to.match(/^Couverture 100\s?% de la tumeur \+ marge de 5 mm$/);
    expect(part(el, 'peak')).to.equal('max 100,0 °C');
    const v = el.valuesAt([CENTRE * MM, CENTRE * MM])!;
    expect(v.temperatureC).to.equal(100);
    expect(v.omega).to.be.greaterThan(1);
    const at = el.positionOf([CENTRE * MM, CENTRE * MM])!;
    const canvas = canvasOf(el);
    const r = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + at.x / devicePixelRatio, clientY: r.top + at.y / devicePixelRatio, bubbles: true }));
    expect(part(el, 'cursor')).to.match(/Température 100,0 °C · Dose > .* CEM43 · Lésion Ω/);
    el.lang = 'en';
    await afterLangChange(el);
    expect(part(el, 'coverage')).to.match(/^Coverage 100\s?% of tumour \+ 5 mm margin$/);
    // The text equivalent names the lethal criterion the coverage is judged by.
    expect(part(el, 'summary')).to.match(/Coverage: 100\s?% of tumour \+ 5 mm margin \(240 CEM43\)\./);
    el.lethalDose = 'omega';
    await el.updateComplete;
    expect(part(el, 'summary')).to.match(/\(Ω = 1\)\./);
    el.remove();
  });

  it('shows masked pixels as masked, leaves them out of coverage, and refuses a map out of order or of another geometry', async () => {
    const reasons: string[] = [];
    const { el, source } = await mount((el) => {
      el.tumour = { kind: 'circle', centreMm: [CENTRE * MM, CENTRE * MM], radiusMm: 6 };
      el.marginMm = 0;
      el.style.setProperty('--ir-thermal-map-masked-color', '#0000ff');
      el.style.setProperty('--ir-thermal-map-masked-alt-color', '#0000ff');
      el.addEventListener('ir-technical', ({ detail }) => detail.type === 'technical' && reasons.push(detail.reason));
    });
    const masked = (t: number) => {
      const f = radial(t, 45);
      for (let j = 30; j < 35; j++) for (let i = 30; i < 35; i++) f.data[j * N + i] = NaN;
      return f;
    };
    source.next(masked(T0));
    source.next(masked(T0 + 60_000));
    source.next(radial(T0 + 30_000));
    source.next({ ...radial(T0 + 90_000), width: 32, height: 128 });
    el.requestUpdate();
    await drawn(el);
    // Masked pixels are data (no measurement there), not invalid values: only the bad maps are refused.
    expect(reasons).to.deep.equal(['time-backwards', 'geometry-changed']);
    const c = el.coverage!;
    expect(c.masked).to.equal(25);
    expect(c.covered).to.equal(0);
    expect(c.counted + c.masked).to.be.greaterThan(25);
    expect(el.valuesAt([CENTRE * MM, CENTRE * MM])!.cem43).to.equal(0);
    const at = el.positionOf([CENTRE * MM, CENTRE * MM])!;
    const px = canvasOf(el).getContext('2d')!.getImageData(Math.round(at.x), Math.round(at.y), 1, 1).data;
    expect([...px.slice(0, 3)]).to.deep.equal([0, 0, 255]);
    expect(part(el, 'status')).to.match(/geometry|size or spacing/);
    el.remove();
  });

  it('raises the technical alarm of maps that stop, and shows the map as stale (virtual time)', async () => {
    const clock = new VirtualTimeScheduler(undefined, 5000);
    const source = new Subject<RoomInput>();
    const { room, el } = await inRoom(source, [map], (t) => (t.scheduler = clock));
    source.next(radial(T0));
    clock.flush();
    await el.updateComplete;
    expect(part(el, 'status')).to.match(/^No new map for \d+\s?s$/);
    expect(room.manager.present.value.map((a) => a.rule.id)).to.include('thermal:map:maps-stopped');
    room.remove();
  });

  it('shows 37 °C in the light theme in the colour its colour bar shows for 37 °C, live and once stale', async () => {
    const clock = new VirtualTimeScheduler(undefined, 5000);
    const source = new Subject<RoomInput>();
    const { room, el } = await inRoom(source, [map], (t) => (t.scheduler = clock), (el) => (el.theme = 'light'));
    source.next(radial(T0));
    await drawn(el);
    // A corner of the map is at 37 °C, the bottom of the scale.
    const corner = el.positionOf([1, 1])!;
    const distance = () => colourDistance(pixelAt(canvasOf(el), corner.x, corner.y), barBottomColour(el));
    expect(distance(), 'live').to.be.below(12);
    clock.flush();
    await drawn(el);
    expect(part(el, 'status')).to.match(/^No new map for/);
    // Stale, it is dimmed towards the scale's dark end: veiled with the light surface it read mid-grey.
    expect(distance(), 'stale').to.be.below(12);
    room.remove();
  });

  it('publishes each protected structure as derived channels, so its alarms apply', async () => {
    const source = new Subject<RoomInput>();
    const { room, el } = await inRoom(source, [map, ...structureChannels('map', [vessel])], () => {}, (el) => (el.structures = [vessel]));
    source.next(radial(T0, 45));
    source.next(radial(T0 + 1000, 45));
    await drawn(el);
    const ids = () => room.manager.present.value.map((a) => a.rule.id);
    expect(el.structureStates[0].maxC).to.be.below(45);
    expect(ids()).to.not.include('map.vessel.max:hot');
    source.next(radial(T0 + 2000, 100));
    expect(el.structureStates[0].maxC).to.be.within(45, 80);
    // Raised once above the limit for its 2 s onset delay.
    expect(ids()).to.not.include('map.vessel.max:hot');
    source.next(radial(T0 + 4000, 100));
    expect(ids()).to.include('map.vessel.max:hot');
    expect(room.room.store('map.vessel.max')!.lastV).to.equal(Math.fround(el.structureStates[0].maxC));
    el.requestUpdate();
    await el.updateComplete;
    expect(part(el, 'summary')).to.match(/Vessel: max [\d.]+ °C/);
    room.remove();
  });

  for (const theme of ['dark', 'light', 'high-contrast'] as const)
    it(`draws in the ${theme} theme from the theme tokens`, async () => {
      const { el, source } = await mount((el) => (el.theme = theme));
      source.next(radial(T0));
      await drawn(el);
      const surface = rgbOf(getComputedStyle(el).backgroundColor);
      const px = canvasOf(el).getContext('2d')!.getImageData(1, 1, 1, 1).data;
      expect([...px.slice(0, 3)]).to.deep.equal(surface);
      el.remove();
    });
});

describe('ir-thermal-map inside ir-telemetry, from binary frames on a WebSocket', () => {
  it('shows what it shows fed by .source', async () => {
    const tumour = { kind: 'circle' as const, centreMm: [CENTRE * MM, CENTRE * MM] as const, radiusMm: 8 };
    const frames = [radial(T0, 80), radial(T0 + 30_000, 85), radial(T0 + 75_000, 90)];
    // On a clock that never moves, the panel fed directly cannot go stale while the socket is set up.
    const { el: direct, source } = await mount((el) => {
      el.tumour = tumour;
      el.scheduler = new VirtualTimeScheduler();
    });
    for (const f of frames) source.next(f);
    direct.requestUpdate();
    await drawn(direct);

    const port = await executeServerCommand<number, unknown>('ws-port');
    const room = await fixture('ir-telemetry', (t) => {
      // A slow map channel: however loaded the machine, it cannot go stale (and be veiled) during the test.
      t.channels = [{ ...map, intervalMs: 60_000 }];
      t.src = `ws://127.0.0.1:${port}`;
    });
    const viaWire = await fixture(
      'ir-thermal-map',
      (el) => {
        el.style.width = '500px';
        el.channel = 'map';
        el.tumour = tumour;
      },
      room,
    );
    await waitUntil(() => room.state === 'live', 'live');
    const binary = frames.map((f, seq) => [...new Uint8Array(encodeBinaryFrame({ ...f, seq }))]);
    await executeServerCommand('ws-send', { binary });
    await waitUntil(() => viaWire.coverage?.counted !== undefined && viaWire.valuesAt([CENTRE * MM, CENTRE * MM])?.temperatureC === 90, 'three maps');
    viaWire.requestUpdate();
    await drawn(viaWire);
    expect(part(viaWire, 'summary')).to.equal(part(direct, 'summary'));
    expect(viaWire.coverage).to.deep.equal(direct.coverage);
    const pixels = (el: IrThermalMap) => {
      const c = canvasOf(el);
      return c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    };
    const a = pixels(direct);
    const b = pixels(viaWire);
    expect(b.length).to.equal(a.length);
    let differ = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ++;
    expect(differ, 'differing bytes').to.equal(0);
    direct.remove();
    room.remove();
  });
});

describe('ir-thermal-map labels', () => {
  it('haloes a label crisply: the halo hugs the letters, no spikes at their corners', () => {
    const dpr = devicePixelRatio;
    const canvas = document.createElement('canvas');
    canvas.width = 220 * dpr;
    canvas.height = 40 * dpr;
    const ctx = canvas.getContext('2d')!;
    ctx.font = `${12 * dpr}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    // Sharp corners (M, V, W, 4, 1) are where a mitred outline spikes out of the letters.
    label(ctx, 'MVW 44.1 °C AVM', 10 * dpr, 20 * dpr, '#0000ff', '#ff0000');
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const at = (x: number, y: number) => 4 * (y * canvas.width + x);
    const text: [number, number][] = [];
    const halo: [number, number][] = [];
    for (let y = 0; y < canvas.height; y++)
      for (let x = 0; x < canvas.width; x++) {
        const [r, b, a] = [px[at(x, y)], px[at(x, y) + 2], px[at(x, y) + 3]];
        if (a > 128 && b > r) text.push([x, y]);
        else if (a > 128 && r > b) halo.push([x, y]);
      }
    expect(text.length, 'the letters are drawn').to.be.above(100);
    expect(halo.length, 'and haloed').to.be.above(100);
    const furthest = Math.max(...halo.map(([x, y]) => Math.min(...text.map(([u, v]) => Math.hypot(x - u, y - v)))));
    // A 1.5 px halo, its antialiased edge, and the letters' own antialiased edge (counted as halo): about 3 px.
    // Mitred, it reached 6 px at the corners.
    expect(furthest, 'halo pixel furthest from a letter').to.be.at.most(4 * dpr);
  });
});
