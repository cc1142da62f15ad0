import { expect } from '@esm-bundle/chai';
import { filter, map } from 'rxjs';
import { websocketSource, type WsItem } from '../../src/streams/websocket-source.js';
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

const LINES = 2500;
const PER_LINE = 1000;

/** About 50 MB of NDJSON: 2.5 million samples of one 1 kHz channel, 1000 a line. */
function message(t0: number): { text: string; sum: number } {
  const lines: string[] = [];
  let sum = 0;
  for (let k = 0; k < LINES; k++) {
    const t = Array.from({ length: PER_LINE }, (_, i) => t0 + k * PER_LINE + i);
    const v = t.map((_, i) => 37 + ((k * 7 + i) % 100) / 100);
    for (const x of v) sum += Math.fround(x);
    lines.push(JSON.stringify({ ver: 1, type: 'samples', channel: 'probe', seq: k, unit: 'Cel', t, v }));
    // Spaces pad each line to about 20 kB, so the message weighs what the probe sent (50 MB).
    lines.push(' '.repeat(4000));
  }
  return { text: lines.join('\n') + '\n', sum };
}

describe('a 50 MB message', function () {
  this.timeout(180_000);

  it('is read in slices, the thread handed back between them, and loses nothing (2.5 million samples)', async () => {
    const t0 = dataEpoch();
    const { text, sum } = message(t0);
    expect(text.length).to.be.above(50e6);

    const room = new TelemetryRoom();
    room.setChannels([{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 1, range: [-50, 150] }]);
    let got = 0;
    let checksum = 0;
    room.samples.subscribe((b) => {
      got += b.v.length;
      for (const x of b.v) checksum += x;
    });
    const refused: unknown[] = [];
    room.technical.subscribe((e) => refused.push(e));
    const items = websocketSource('ws://gateway.invalid', { WebSocketCtor: HandedSocket as unknown as typeof WebSocket });
    room.connect(items.pipe(filter((i): i is Extract<WsItem, { type: 'message' }> => i.type === 'message'), map((i) => i.message as RoomInput)));
    const socket = HandedSocket.last!;
    socket.onopen!();

    // Building the message was a long task of its own: the tasks that count start after it.
    await new Promise((r) => setTimeout(r, 0));
    const start = performance.now();
    const longest: number[] = [];
    const observer = new PerformanceObserver((list) => longest.push(...list.getEntries().filter((e) => e.startTime >= start).map((e) => e.duration)));
    observer.observe({ type: 'longtask', buffered: true });
    socket.onmessage!({ data: text });
    const afterTheMessage = got;
    // A task queued after the message: it runs between two slices, long before the last line.
    const between = await new Promise<number>((r) => setTimeout(() => r(got), 0));
    await waitUntil(() => got === LINES * PER_LINE, () => `every sample (${got} so far)`, 120_000);
    const elapsed = performance.now() - start;
    observer.disconnect();

    expect(afterTheMessage, 'not all read within the message task').to.be.below(LINES * PER_LINE);
    expect(between, 'another task ran while the message was read').to.be.above(0).and.below(LINES * PER_LINE);
    expect(checksum).to.equal(sum);
    expect(refused).to.deep.equal([]);
    // A figure, not an assertion: it depends on the machine and its load.
    console.log(`50 MB message: read in ${Math.round(elapsed)} ms; ${longest.length} long tasks, the longest ${Math.round(Math.max(0, ...longest))} ms`);
    room.close();
  });
});
