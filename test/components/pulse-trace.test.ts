import { expect } from '@esm-bundle/chai';
import { VirtualTimeScheduler } from 'rxjs';
import type { IrPulseTrace } from '../../src/components/pulse-trace/pulse-trace.js';
import { EP_EVENT, parsePulseRecord, pulseChannels, type PulseRecord } from '../../src/models/index.js';
import { hepaticEct, ire } from '../../src/sim.js';
import { afterLangChange, countColour, drawn, forcedColours, rgbOf, rowsWith } from '../kit/fixture.js';
import { T0, chartCanvas, mountFed, part, played, timelineCanvas, tracesCanvas } from './pulse-helpers.js';

const ect = hepaticEct(T0);
const ectItems = played(ect);
const sent = ectItems.flatMap((x) => ('type' in x && x.type === 'event' && x.kind === EP_EVENT.pulse ? [(parsePulseRecord(x.text, x.t) as { value: PulseRecord }).value] : []));
const colourOf = (el: IrPulseTrace, token: string) => rgbOf(getComputedStyle(el).getPropertyValue(token));

describe('ir-pulse-trace fed by .source (hepatic ECT)', () => {
  let el: IrPulseTrace;
  // On a clock that stands still: the generator never goes silent however long the checks take on a loaded machine.
  before(async () => ({ el } = await mountFed(ect, ectItems, (el) => (el.scheduler = new VirtualTimeScheduler()))));
  after(() => el.remove());

  it('shows every simulated pulse once on the train, in delivery order', () => {
    expect(el.pulses.map((r) => `${r.pair}#${r.index}`)).to.deep.equal(sent.map((r) => `${r.pair}#${r.index}`));
    const canvas = timelineCanvas(el);
    const delivered = colourOf(el, '--_series-2');
    const selected = colourOf(el, '--_series-1');
    for (const r of sent.filter((r) => r.delivered)) {
      const { x, y } = el.timelinePositionOf(r.pair, r.index)!;
      // Just under the top of the bar: its pair's colour, the shown pair's or the others'.
      const at = Math.round(y) + 2;
      const rgb = r.pair === el.shownPair ? selected : delivered;
      expect(countColour(canvas, rgb, Math.round(x), Math.round(x) + 1, 60) > 0 && rowsWith(canvas, rgb, 60, Math.round(x), Math.round(x) + 1).includes(at), `${r.pair}#${r.index}`).to.equal(true);
    }
  });

  it('marks the failed pulse with a cross in the limit colour, and the table and map say so', () => {
    const failed = sent.filter((r) => !r.delivered);
    expect(failed).to.have.length(1);
    const { x, y } = el.timelinePositionOf(failed[0].pair, failed[0].index)!;
    const limit = colourOf(el, '--_limit');
    const canvas = timelineCanvas(el);
    expect(countColour(canvas, limit, x - 4, x + 5, 60)).to.be.greaterThan(6);
    // No bar under the cross: the column below it is background.
    expect(rowsWith(canvas, colourOf(el, '--_series-2'), 60, Math.round(x), Math.round(x) + 1).filter((r) => r > y + 10)).to.deep.equal([]);
    const row = [...part(el, 'table').querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent!.trim() === '1-4')!;
    expect(row.querySelectorAll('td')[1].textContent).to.equal('8 / 8');
    expect(row.querySelectorAll('td')[2].textContent).to.equal('1');
    expect(part(el, 'summary').textContent).to.contain('Train: 97 pulses, 1 failed, train ended.');
    // What a screen reader says of each pair on the map.
    const said = [...part(el, 'map').querySelectorAll('[role="button"]')].map((g) => g.getAttribute('aria-label'));
    expect(said.filter((s) => /^Pair \S+: done,/.test(s!))).to.have.length(12);
  });

  it('computes V/cm and the resistance change per pair', () => {
    const s = el.summaries.find((x) => x.pair.id === '1-2')!;
    const rs = sent.filter((r) => r.pair === '1-2');
    expect(s.firstR).to.be.closeTo(rs[0].peakV / rs[0].meanI, 1e-9);
    expect(s.lastR).to.be.closeTo(rs[7].peakV / rs[7].meanI, 1e-9);
    expect(s.deltaRPct).to.be.below(-15);
    const row = part(el, 'table').querySelector('tbody tr')!;
    expect(row.querySelectorAll('td')[0].textContent).to.equal('1,200 V · 1,000 V/cm');
  });

  it('draws the current limit and the set voltage at the heights their values imply', async () => {
    el.pair = '1-4';
    await drawn(el);
    const canvas = chartCanvas(el);
    const limit = colourOf(el, '--_limit');
    const y = Math.round(el.positionOf('I', 0, ect.protocol.currentLimitA)!.y);
    expect(rowsWith(canvas, limit, 60)).to.include(y);
    const setY = Math.round(el.positionOf('V', 0, 1200)!.y);
    expect(Math.abs(setY - y), 'apart').to.be.greaterThan(10);
    expect(rowsWith(canvas, colourOf(el, '--_marker'), 60)).to.include(setY);
    expect(rowsWith(timelineCanvas(el), limit, 60)).to.include(Math.round(el.timelineHeightOf(ect.protocol.currentLimitA)!));
  });

  it('traces the latest pulses of the selected pair: the current plateau at its mean', async () => {
    el.pair = '1-2';
    await drawn(el);
    const last = sent.filter((r) => r.pair === '1-2').at(-1)!;
    const canvas = tracesCanvas(el);
    expect([canvas.width, canvas.height]).to.deep.equal([chartCanvas(el).width, chartCanvas(el).height]);
    const p = el.positionOf('I', 50, last.meanI)!;
    // The trace canvas is transparent around its lines: an antialiased hairline is partly opaque.
    const [r, g, b] = colourOf(el, '--_series-2');
    const px = canvas.getContext('2d')!.getImageData(Math.round(p.x), 0, 1, canvas.height).data;
    const rows = [];
    for (let y = 0; y < canvas.height; y++) if (Math.abs(px[y * 4] - r) + Math.abs(px[y * 4 + 1] - g) + Math.abs(px[y * 4 + 2] - b) < 60 && px[y * 4 + 3] > 100) rows.push(y);
    expect(rows.some((y) => Math.abs(y - p.y) <= 3), `rows ${rows} near ${p.y}`).to.equal(true);
    const q = el.positionOf('I', 50, 0)!;
    expect(rows.some((y) => Math.abs(y - q.y) <= 3), 'nothing at 0 A mid-pulse').to.equal(false);
  });

  it('places the pulse marks of the ECG strip in the refractory window after their R wave', () => {
    const marks = el.ecgMarks;
    const pulses = marks.filter((m) => m.kind === 'pulse');
    expect(pulses.length).to.be.greaterThan(5);
    for (const m of pulses) {
      const r = marks.filter((x) => x.kind === 'r-wave' && x.t <= m.t).at(-1)!;
      expect(m.t - r.t).to.be.within(ect.refractoryWindowMs[0], ect.refractoryWindowMs[1]);
    }
    const trend = el.shadowRoot!.querySelector('ir-trend')!;
    expect(trend.markers.map((m) => m.t)).to.deep.equal(marks.map((m) => m.t));
    expect(trend.markers.filter((m) => m.label.startsWith('R'))).to.have.length(marks.length - pulses.length);
    // A burst right after its R wave shares its label, so the two never overprint.
    expect(trend.markers.filter((m) => m.label === 'R ⚡')).to.have.length(pulses.length);
  });
});

describe('ir-pulse-trace when the generator falls silent', () => {
  it('greys the traces and the train and says since when, on virtual time', async () => {
    const clock = new VirtualTimeScheduler(undefined, 5000);
    const { el } = await mountFed(ect, played(ect, 6000), (el) => (el.scheduler = clock));
    expect(el.shadowRoot!.querySelector('[part="state"]')).to.equal(null);
    const stale = colourOf(el, '--_stale');
    expect(countColour(tracesCanvas(el), stale, 0, tracesCanvas(el).width, 30)).to.equal(0);
    clock.flush();
    await drawn(el);
    await el.updateComplete;
    expect(part(el, 'state').textContent).to.match(/^No data from the generator for 5\s?s/);
    expect(countColour(tracesCanvas(el), stale, 0, tracesCanvas(el).width, 30)).to.be.greaterThan(50);
    expect(countColour(timelineCanvas(el), colourOf(el, '--_series-2'), 0, timelineCanvas(el).width, 30)).to.equal(0);
    el.remove();
  });
});

describe('ir-pulse-trace in French and other themes', () => {
  it('speaks French when lang changes, numbers included', async () => {
    const { el } = await mountFed(ect, ectItems, (el) => (el.lang = 'en'));
    el.lang = 'fr';
    await afterLangChange(el);
    expect(part(el, 'table').querySelector('th')!.textContent).to.equal('Paire');
    expect(part(el, 'table').querySelector('tbody td')!.textContent).to.equal('1\u202f200 V · 1\u202f000 V/cm');
    expect(part(el, 'summary').textContent).to.contain('Train : 97 impulsions, 1 échouée(s), train terminé.');
    el.remove();
  });

  it('re-reads its colours in high contrast, without a new chart', async () => {
    const { el } = await mountFed(ect, ectItems);
    const canvas = chartCanvas(el);
    el.theme = 'high-contrast';
    await drawn(el);
    expect(chartCanvas(el)).to.equal(canvas);
    expect(countColour(timelineCanvas(el), [0xff, 0xff, 0x00], 0, timelineCanvas(el).width, 10)).to.be.greaterThan(50);
    el.remove();
  });
});

describe('ir-pulse-trace in forced colours', () => {
  afterEach(() => forcedColours(false));

  it('draws the train with system colours when the user forces a palette', async () => {
    const { el } = await mountFed(ect, ectItems);
    const canvas = timelineCanvas(el);
    const orange: [number, number, number] = [0xff, 0xb7, 0x4d];
    expect(countColour(canvas, orange, 0, canvas.width, 10)).to.be.greaterThan(50);
    // Pixels are read only once the panel has heard the media change (the flake read them before).
    await forcedColours(true);
    await drawn(el);
    const probe = document.createElement('span');
    probe.style.color = 'LinkText';
    document.body.append(probe);
    const linkText = rgbOf(getComputedStyle(probe).color);
    probe.remove();
    expect(countColour(canvas, orange, 0, canvas.width, 10)).to.equal(0);
    expect(countColour(canvas, linkText, 0, canvas.width, 10)).to.be.greaterThan(50);
    el.remove();
  });
});

/** The table's Set column, by pair. */
const setColumn = (el: HTMLElement) =>
  Object.fromEntries([...part(el, 'table').querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelectorAll('td')[0].textContent!.replace(/\u202f/g, ' ')]));

describe('ir-pulse-trace IRE', () => {
  it('shows 414 pulses with the last pair failed short at the end of the train, and the current near 50 A', async () => {
    const s = ire(T0);
    const { el } = await mountFed(s, played(s));
    expect(el.pulses).to.have.length(414);
    const states = el.summaries.map((x) => x.state);
    expect(states).to.deep.equal(['done', 'done', 'done', 'done', 'done', 'failed']);
    expect(Math.max(...el.pulses.map((r) => r.meanI))).to.be.within(45, 50);
    el.remove();
  });

  it('says plainly that the generator’s limit held a diagonal’s voltage, and the field asked: in the table and its text equivalent, in each language', async () => {
    const s = ire(T0);
    const { el } = await mountFed(s, played(s), (el) => (el.lang = 'en'));
    const set = () => setColumn(el);
    // 15 mm square at 1500 V/cm: 2250 V on the sides; E × d on the 21.2 mm diagonals is 3182 V, held at the generator's 3000 V.
    expect(set()).to.deep.equal({
      'A-B': '2,250 V · 1,500 V/cm',
      'A-C': '3,000 V (generator limit) · 1,414 V/cm (1,500 V/cm asked)',
      'A-D': '2,250 V · 1,500 V/cm',
      'B-C': '2,250 V · 1,500 V/cm',
      'B-D': '3,000 V (generator limit) · 1,414 V/cm (1,500 V/cm asked)',
      'C-D': '2,250 V · 1,500 V/cm',
    });
    const said = part(el, 'summary').textContent!;
    expect(said).to.contain('Pair A-C: done, 70 of 70 delivered, 3,000 V (generator limit), 1,414 V/cm (1,500 V/cm asked),');
    expect(said, 'a pair given the field asked: nothing more to say').to.match(/Pair A-B: done, 70 of 70 delivered, [\d.]+ A,/);
    el.lang = 'fr';
    await afterLangChange(el);
    expect(set()['B-D']).to.equal('3 000 V (limite du générateur) · 1 414 V/cm (1 500 V/cm demandés)');
    expect(part(el, 'summary').textContent!.replace(/\u202f/g, ' ')).to.contain('Paire B-D : terminée, 70 sur 70 délivrées, 3 000 V (limite du générateur), 1 414 V/cm (1 500 V/cm demandés),');
    el.remove();
  });
});

describe('ir-pulse-trace before the first pulse', () => {
  it('shows the plan: the diagonals the generator will cap are seen before delivery', async () => {
    const s = ire(T0);
    const { el } = await mountFed(s, []);
    const set = setColumn(el);
    expect(set['A-C']).to.equal('3,000 V (generator limit) · 1,414 V/cm (1,500 V/cm asked)');
    expect(set['A-B']).to.equal('2,250 V · 1,500 V/cm');
    el.remove();
  });
});

describe('ir-pulse-trace given a new layout', () => {
  it('takes the new layout’s channels when it had only the defaults, and keeps channels of one’s own', async () => {
    const { el } = await mountFed(ect, []);
    expect(el.channels).to.deep.equal(pulseChannels(ect.layout));
    const other = ire(T0);
    el.layout = other.layout;
    el.protocol = other.protocol;
    await el.updateComplete;
    expect(el.channels, 'the IRE layout’s pairs, not the ECT ones').to.deep.equal(pulseChannels(other.layout));
    const own = pulseChannels(other.layout, { current: 'Generator current', ecg: 'ECG II' });
    el.channels = own;
    el.layout = ect.layout;
    await el.updateComplete;
    expect(el.channels).to.equal(own);
    el.remove();
  });
});
