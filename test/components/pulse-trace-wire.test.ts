import { expect } from '@esm-bundle/chai';
import { Subject, VirtualTimeScheduler } from 'rxjs';
import '../../src/components/telemetry.js';
import type { IrPulseTrace } from '../../src/components/pulse-trace/pulse-trace.js';
import { EP, EP_EVENT, encodeBinaryFrame, pulseChannels, type WaveformFrame } from '../../src/models/index.js';
import { hepaticEct, wireEncoder, wireInput, type WireChunk } from '../../src/streams/pulses/index.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { drawn, fixture, waitUntil } from '../kit/fixture.js';
import { T0, chartCanvas, mountFed, part, played, timelineCanvas, tracesCanvas } from './pulse-helpers.js';

const ect = hepaticEct(T0);
const channels = pulseChannels(ect.layout);
const unitOf = (id: string) => channels.find((c) => c.id === id)!.unit;
const isFrame = (x: RoomInput): x is WaveformFrame => 'kind' in x && x.kind === 'waveform';

/** What a person sees: the table, the text equivalent, the map's states, and the two canvases' pixels. */
const picture = (el: IrPulseTrace) => ({
  table: part(el, 'table').textContent!.replace(/\s+/g, ' '),
  summary: part(el, 'summary').textContent,
  map: [...part(el, 'map').querySelectorAll('[role="button"]')].map((g) => g.getAttribute('aria-label')),
  timeline: timelineCanvas(el).toDataURL(),
  chart: chartCanvas(el).toDataURL(),
  traces: tracesCanvas(el).toDataURL(),
  marks: el.ecgMarks.map((m) => `${m.kind}@${m.t}`),
});

describe('ir-pulse-trace through ir-telemetry from a WebSocket gateway (binary frames)', function () {
  this.timeout(30_000);

  it('shows what it shows when fed by .source', async () => {
    const items = played(ect);
    const { el: direct } = await mountFed(ect, items);
    // Taken now and the panel removed: a panel below the fold would not draw (frames are for what is seen).
    const a = picture(direct);
    direct.remove();
    const { executeServerCommand } = await import('@web/test-runner-commands');
    const port = await executeServerCommand<number, unknown>('ws-port');
    const tele = await fixture('ir-telemetry', (t) => {
      t.channels = channels;
      t.src = `ws://127.0.0.1:${port}`;
      // A still clock, as the panel fed by .source has: on the wall clock either could see
      // the generator silent part-way through a slow run and grey its train.
      t.scheduler = new VirtualTimeScheduler();
    });
    const viaWire = await fixture(
      'ir-pulse-trace',
      (el) => {
        el.style.width = '800px';
        el.layout = ect.layout;
        el.protocol = ect.protocol;
      },
      tele,
    );
    await waitUntil(() => tele.state === 'live', 'live');
    const chunks = items.map(wireEncoder(unitOf));
    const binary = chunks.filter((c): c is ArrayBuffer => c instanceof ArrayBuffer);
    expect(binary).to.have.length(2 * 97);
    await executeServerCommand('ws-send', { lines: chunks.filter((c) => typeof c === 'string'), binary: binary.map((b) => Array.from(new Uint8Array(b))) });
    const last = items.filter(isFrame).at(-1)!;
    await waitUntil(() => viaWire.pulses.length === 97 && tele.room.waveforms(last.channel)?.latest?.t0 === last.t0, 'every pulse and frame');
    await drawn(viaWire);
    await viaWire.updateComplete;
    const b = picture(viaWire);
    expect(b.table).to.equal(a.table);
    expect(b.summary).to.equal(a.summary);
    expect(b.map).to.deep.equal(a.map);
    expect(b.marks).to.deep.equal(a.marks);
    expect(b.timeline === a.timeline, 'the same train, pixel for pixel').to.equal(true);
    expect(b.chart === a.chart, 'the same axes and limits, pixel for pixel').to.equal(true);
    expect(b.traces === a.traces, 'the same traces, pixel for pixel').to.equal(true);
    tele.remove();
  });
});

describe('ir-pulse-trace bad input', () => {
  it('refuses a frame of the wrong length, an unknown pair, a zero sample rate and a duplicated index, each named; no other pulse is lost', async () => {
    const items = played(ect, 8000);
    const records = items.filter((x) => 'type' in x && x.type === 'event' && x.kind === EP_EVENT.pulse);
    const frames = items.filter(isFrame);
    const encode = wireEncoder(unitOf);
    const chunks: WireChunk[] = items.map(encode);
    // A frame 8 bytes short of its header's count, and one 8 bytes too long, in place of two good ones.
    const short = chunks.indexOf(chunks.find((c) => c instanceof ArrayBuffer)!);
    const shortName = frames[0];
    chunks[short] = (chunks[short] as ArrayBuffer).slice(0, (chunks[short] as ArrayBuffer).byteLength - 8);
    const long = chunks.findIndex((c, k) => k > short + 20 && c instanceof ArrayBuffer);
    const grown = new Uint8Array((chunks[long] as ArrayBuffer).byteLength + 8);
    grown.set(new Uint8Array(chunks[long] as ArrayBuffer));
    chunks[long] = grown.buffer;
    const lastT = frames.at(-1)!.t0;
    const extra: WireChunk[] = [
      encode({ type: 'event', channel: EP.current, t: lastT + 1, kind: EP_EVENT.pulse, text: JSON.stringify({ pair: '1-9', index: 1, setV: 1200, peakV: 1200, meanI: 12, delivered: true }) }),
      encode(records[3]),
      zeroRate(encodeBinaryFrame({ kind: 'waveform', channel: 'ep.V.1-2', seq: 9999, t0: lastT + 2, sampleRateHz: 123_456, data: new Float32Array(10) })),
    ];
    const refused: string[] = [];
    const technical: string[] = [];
    const input = new Subject<WireChunk>();
    const { el } = await mountFed(ect, [], (el) => {
      el.source = wireInput(input, (r) => refused.push(`${r.reason} ${r.detail}`));
      el.addEventListener('ir-pulse-refused', (e) => refused.push(`${e.detail.reason} ${e.detail.detail}`));
      el.addEventListener('ir-technical', (e) => e.detail.type === 'technical' && technical.push(`${e.detail.reason} ${e.detail.channel} ${e.detail.t}`));
    });
    for (const c of [...chunks, ...extra]) input.next(c);
    await drawn(el);
    await el.updateComplete;
    expect(refused).to.have.length(5);
    expect(refused[0]).to.match(new RegExp(`^length-mismatch frame on ${shortName.channel.replace('.', '\\.')}: truncated: data: 140 floats announced`));
    expect(refused[1]).to.match(/^length-mismatch frame on ep\.[VI]\.1-\d: bad-field: count: 8 bytes after 140 floats/);
    expect(refused[2]).to.equal(`unknown-pair pulse 1 of pair 1-9 at t=${lastT + 1}`);
    expect(refused[3]).to.match(/^duplicate-index pulse 4 of pair 1-2 at t=/);
    expect(refused[4]).to.match(/^bad-record frame on ep\.V\.1-2: bad-field: sampleRateHz/);
    expect(technical, 'refused before it reaches the room').to.deep.equal([]);
    expect(el.pulses, 'every valid pulse kept, once').to.have.length(records.length);
    expect(part(el, 'summary').textContent).to.contain(`Train: ${records.length} pulses`);
    el.remove();
  });
});

/** The frame with its sample rate set to 0 in its bytes: our encoder refuses to write such a frame, a faulty gateway does not. */
function zeroRate(buf: ArrayBuffer): ArrayBuffer {
  const view = new DataView(buf);
  for (let o = 0; o + 8 <= buf.byteLength; o++)
    if (view.getFloat64(o, true) === 123_456) {
      view.setFloat64(o, 0, true);
      return buf;
    }
  throw new Error('sample rate not found in the frame');
}
