import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { filter, map, type Observable } from 'rxjs';
import { websocketSource, type WsItem } from '../../src/streams/websocket-source.js';
import { sseSource } from '../../src/streams/sse-source.js';
import { TelemetryRoom, type RoomInput } from '../../src/streams/room/room.js';
import { waitUntil } from '../kit/fixture.js';
import { dataEpoch } from '../kit/clock.js';

/** A socket the test hands messages to, as a gateway would. */
class HandedSocket {
  static last?: HandedSocket;
  binaryType = 'blob';
  readyState = 1;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    HandedSocket.last = this;
  }
  send(): void {}
  close(): void {}
}

/** An EventSource the test hands message events to. */
class HandedEventSource {
  static last?: HandedEventSource;
  readyState = 1;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    HandedEventSource.last = this;
  }
  addEventListener(): void {}
  close(): void {}
}

const LINES = 2500;
const PER_LINE = 1000;
const SAMPLES = LINES * PER_LINE;

/** The value of sample `i`, body temperature with a ripple. */
const valueOf = (i: number) => 37 + (i % 100) / 100;
/** The running sum of values as they arrive (Float32), `from` a previous sum. */
function sumOf(v: ArrayLike<number>, from = 0): number {
  let sum = from;
  for (let i = 0; i < v.length; i++) sum += Math.fround(v[i]);
  return sum;
}

/** One samples line of `n` samples of a 1 kHz channel, sample `from` onwards. */
function samplesLine(seq: number, t0: number, n: number, from = 0): string {
  const t = Array.from({ length: n }, (_, i) => t0 + from + i);
  return JSON.stringify({ ver: 1, type: 'samples', channel: 'probe', seq, unit: 'Cel', t, v: t.map((_, i) => valueOf(from + i)) });
}

/** About 50 MB of NDJSON: 2.5 million samples of one 1 kHz channel, 1000 a line. */
function inLines(t0: number): string {
  const lines: string[] = [];
  for (let k = 0; k < LINES; k++) {
    lines.push(samplesLine(k, t0, PER_LINE, k * PER_LINE));
    // Spaces pad each line to about 20 kB, so the message weighs what the probe sent (50 MB).
    lines.push(' '.repeat(4000));
  }
  return lines.join('\n') + '\n';
}

/**
 * Sends a large message through a WebSocket source into a room and reads how the page fared:
 * what had arrived when the message's own task ended, and when a task queued right after it
 * ran, the long tasks of the read; a figure for docs/reliability.md.
 */
async function readThroughRoom(text: string, figure: string) {
  const room = new TelemetryRoom();
  room.setChannels([{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 1, range: [-50, 150] }]);
  let got = 0;
  let checksum = 0;
  room.samples.subscribe((b) => {
    got += b.v.length;
    checksum = sumOf(b.v, checksum);
  });
  // Refusals; a quality change is not one (a slow read may leave the channel stale a while).
  const refused: unknown[] = [];
  room.technical.pipe(filter((e) => e.type !== 'quality')).subscribe((e) => refused.push(e));
  const items = websocketSource('ws://gateway.invalid', { WebSocketCtor: HandedSocket as unknown as typeof WebSocket });
  room.connect(items.pipe(filter((i): i is Extract<WsItem, { type: 'message' }> => i.type === 'message'), map((i) => i.message as RoomInput)));
  const socket = HandedSocket.last!;
  socket.onopen!();

  // Building the message was a long task of its own: the tasks that count start after it.
  // It may have built a rope of strings, flattened on first read: read it once here, as a
  // socket's message is flat.
  expect(text.indexOf('\u0000')).to.equal(-1);
  await new Promise((r) => setTimeout(r, 0));
  const start = performance.now();
  const longest: number[] = [];
  const observer = new PerformanceObserver((list) => longest.push(...list.getEntries().filter((e) => e.startTime >= start).map((e) => e.duration)));
  observer.observe({ type: 'longtask', buffered: true });
  socket.onmessage!({ data: text });
  const afterTheMessage = got;
  // A task queued after the message: it runs between two slices, long before the last sample.
  const between = await new Promise<number>((r) => setTimeout(() => r(got), 0));
  await waitUntil(() => got === SAMPLES, () => `every sample (${got} so far)`, 120_000);
  const elapsed = performance.now() - start;
  observer.disconnect();
  room.close();
  const longestMs = Math.round(Math.max(0, ...longest));
  // Figures, not assertions: they depend on the machine and its load.
  console.log(`${figure}: read in ${Math.round(elapsed)} ms; ${longest.length} long tasks, the longest ${longestMs} ms`);
  await executeServerCommand('record-figures', { name: 'large-message', figures: { [figure]: { megabytes: Math.round(text.length / 1e6), readMs: Math.round(elapsed), longTasks: longest.length, longestTaskMs: longestMs } } });
  return { afterTheMessage, between, checksum, refused };
}

describe('a 50 MB message', function () {
  this.timeout(180_000);
  const sum = sumOf(Array.from({ length: SAMPLES }, (_, i) => valueOf(i)));

  it('in lines is read in slices, the thread handed back between them, and loses nothing (2.5 million samples)', async () => {
    const text = inLines(dataEpoch());
    expect(text.length).to.be.above(50e6);
    const r = await readThroughRoom(text, 'lines');
    expect(r.afterTheMessage, 'not all read within the message task').to.be.below(SAMPLES);
    expect(r.between, 'another task ran while the message was read').to.be.above(0).and.below(SAMPLES);
    expect(r.checksum).to.equal(sum);
    expect(r.refused).to.deep.equal([]);
  });

  it('on one line is parsed in steps, the thread handed back between them, and loses nothing', async () => {
    const text = samplesLine(0, dataEpoch(), SAMPLES);
    expect(text.length).to.be.above(49e6);
    expect(text).not.to.include('\n');
    const r = await readThroughRoom(text, 'one-line');
    expect(r.afterTheMessage, 'nothing parsed within the message task').to.equal(0);
    expect(r.between, 'another task ran before the line was parsed').to.equal(0);
    expect(r.checksum).to.equal(sum);
    expect(r.refused).to.deep.equal([]);
  });
});

/** The samples messages and the parse errors of a source, as they come. */
function collect(items: Observable<WsItem>) {
  const got: WsItem[] = [];
  const sub = items.subscribe((x) => got.push(x));
  const messages = () => got.flatMap((x) => (x.type === 'message' && x.message.type === 'samples' ? [x.message] : []));
  const errors = () => got.flatMap((x) => (x.type === 'parse-error' ? [x] : []));
  return { messages, errors, close: () => sub.unsubscribe() };
}

/** Resolves in a task queued now: whatever the source does in between has run by then. */
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

describe('a long line of 10 MB', function () {
  this.timeout(60_000);
  const N = 500_000;

  for (const via of ['WebSocket', 'Server-Sent Events'] as const) {
    it(`over ${via}: parsed over several tasks, whole, and before the line after it`, async () => {
      const t0 = dataEpoch();
      const long = samplesLine(0, t0, N);
      expect(long.length).to.be.above(9e6);
      const text = `${long}\n${samplesLine(1, t0, 3, N)}\n`;
      let s: ReturnType<typeof collect>;
      if (via === 'WebSocket') {
        s = collect(websocketSource('ws://gateway.invalid', { WebSocketCtor: HandedSocket as unknown as typeof WebSocket }));
        HandedSocket.last!.onopen!();
        HandedSocket.last!.onmessage!({ data: text });
      } else {
        s = collect(sseSource('http://gateway.invalid/sse', { EventSourceCtor: HandedEventSource as unknown as typeof EventSource }));
        HandedEventSource.last!.onmessage!({ data: text });
      }
      expect(s.messages(), 'nothing parsed within the message task').to.have.length(0);
      await nextTask();
      expect(s.messages(), 'a task queued after the message ran before the long line was parsed').to.have.length(0);
      await waitUntil(() => s.messages().length === 2, 'both lines');
      const [first, second] = s.messages();
      expect([first.seq, second.seq]).to.deep.equal([0, 1]);
      expect(first.v.length).to.equal(N);
      expect(first.t[N - 1]).to.equal(t0 + N - 1);
      expect(sumOf(first.v)).to.equal(sumOf(Array.from({ length: N }, (_, i) => valueOf(i))));
      expect(s.errors()).to.deep.equal([]);
      s.close();
    });
  }

  it('malformed: one malformed-json event with its position, and the line after it still arrives', async () => {
    const t0 = dataEpoch();
    const long = samplesLine(0, t0, N);
    const at = long.indexOf(',', long.length >> 1);
    const broken = `${long.slice(0, at)};${long.slice(at + 1)}`;
    const s = collect(websocketSource('ws://gateway.invalid', { WebSocketCtor: HandedSocket as unknown as typeof WebSocket }));
    HandedSocket.last!.onopen!();
    HandedSocket.last!.onmessage!({ data: `${broken}\n${samplesLine(1, t0, 3, N)}\n` });
    await waitUntil(() => s.messages().length === 1, 'the line after the broken one');
    expect(s.messages()[0].seq).to.equal(1);
    const errors = s.errors();
    expect(errors).to.have.length(1);
    expect(errors[0].reason).to.equal('malformed-json');
    expect(errors[0].detail).to.include(`position ${at}`);
    s.close();
  });
});
