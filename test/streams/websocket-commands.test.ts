import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { Subject, VirtualTimeScheduler, type Subscription } from 'rxjs';
import type { AlarmCommand } from '../../src/models/alarm-command.js';
import { encodeWireLine } from '../../src/models/wire.js';
import { websocketSource, type WsItem } from '../../src/streams/websocket-source.js';
import { waitUntil } from '../kit/fixture.js';
import { seen, untilClients } from './ws-helpers.js';

const commandLine = (origin: string, command: AlarmCommand, t = 1.7e12) => encodeWireLine({ type: 'command', origin, t, command });
const lives = (items: WsItem[]) => items.filter((i) => i.type === 'state' && i.state === 'live').length;
const commands = (items: WsItem[]) =>
  items.flatMap((i) => (i.type === 'message' && i.message.type === 'command' ? [i.message] : []));

/** A socket the test opens and drops by hand; it refuses to send unless open, like a real one. */
class HandSocket {
  static made: HandSocket[] = [];
  readyState = 0;
  binaryType = '';
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: (() => void) | null = null;
  onclose: (() => void) | null = null;
  constructor() {
    HandSocket.made.push(this);
  }
  send(line: string) {
    if (this.readyState === 0) throw new DOMException('still connecting', 'InvalidStateError');
    if (this.readyState === 1) this.sent.push(line);
  }
  close() {}
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
}

describe('websocketSource outgoing lines', () => {
  const Ctor = HandSocket as unknown as typeof WebSocket;
  let outgoing: Subject<string>;
  let items: WsItem[];
  let vts: VirtualTimeScheduler;
  let sub: Subscription;
  const start = (outgoingLimit?: number, onItem?: (i: WsItem) => void) => {
    sub = websocketSource('ws://hand', { WebSocketCtor: Ctor, scheduler: vts, outgoing, outgoingLimit }).subscribe((i) => {
      items.push(i);
      onItem?.(i);
    });
  };
  beforeEach(() => {
    HandSocket.made = [];
    outgoing = new Subject<string>();
    items = [];
    vts = new VirtualTimeScheduler();
  });
  afterEach(() => sub.unsubscribe());

  it('queues lines until the socket opens, sends them in order before any newer line', () => {
    // A line pushed on 'live' must follow the queue, not overtake it.
    start(undefined, (i) => i.type === 'state' && i.state === 'live' && outgoing.next('on-live'));
    outgoing.next('a');
    outgoing.next('b');
    const [sock] = HandSocket.made;
    expect(sock.sent).to.deep.equal([]);
    sock.open();
    outgoing.next('c');
    expect(sock.sent).to.deep.equal(['a', 'b', 'on-live', 'c']);
  });

  it('keeps the newest outgoingLimit lines while down and reports each one dropped', () => {
    start(3);
    for (const l of ['1', '2', '3', '4', '5']) outgoing.next(l);
    expect(items.filter((i) => i.type === 'send-dropped')).to.deep.equal([
      { type: 'send-dropped', reason: 'queue-full', line: '1' },
      { type: 'send-dropped', reason: 'queue-full', line: '2' },
    ]);
    HandSocket.made[0].open();
    expect(HandSocket.made[0].sent).to.deep.equal(['3', '4', '5']);
  });

  it('holds a line given while the socket closes for the next socket', () => {
    start();
    const [first] = HandSocket.made;
    first.open();
    first.readyState = 2;
    outgoing.next('x');
    first.drop();
    vts.flush();
    const second = HandSocket.made[1];
    second.open();
    expect(first.sent).to.deep.equal([]);
    expect(second.sent).to.deep.equal(['x']);
  });

  it('lets go of outgoing when unsubscribed', () => {
    start();
    expect(outgoing.observed).to.equal(true);
    sub.unsubscribe();
    expect(outgoing.observed).to.equal(false);
  });
});

describe('commands between two viewers through a relaying server', () => {
  let url: string;
  let outA: Subject<string>;
  let a: WsItem[];
  let b: WsItem[];
  let reconnectA: VirtualTimeScheduler;
  let subs: Subscription[];
  const received = () => executeServerCommand<string[], unknown>('ws-received');

  before(async () => {
    url = `ws://127.0.0.1:${await executeServerCommand<number, unknown>('ws-port')}`;
    await executeServerCommand('ws-relay', true);
  });
  after(() => executeServerCommand('ws-relay', false));
  beforeEach(async () => {
    [a, b, outA] = [[], [], new Subject<string>()];
    // A reconnects only when the test flushes this scheduler, so "while down" is certain.
    reconnectA = new VirtualTimeScheduler();
    const backoff = { initialMs: 20, maxMs: 100, factor: 2, jitter: 0.2 };
    subs = [
      websocketSource(url, { backoff, outgoing: outA, scheduler: reconnectA }).subscribe((i) => a.push(i)),
      websocketSource(url, { backoff }).subscribe((i) => b.push(i)),
    ];
    await waitUntil(() => lives(a) === 1, seen('A live', a));
    await waitUntil(() => lives(b) === 1, seen('B live', b));
    await untilClients(2);
    await received();
  });
  afterEach(() => subs.forEach((s) => s.unsubscribe()));

  it("delivers A's command to B, parsed, with A's origin", async () => {
    const line = commandLine('console', { type: 'acknowledge', id: 'nerve-high', occurrence: 1.7e12 });
    outA.next(line);
    await waitUntil(() => commands(b).length === 1, seen('command at B', b));
    expect(commands(b)).to.deep.equal([{ type: 'command', origin: 'console', t: 1.7e12, command: { type: 'acknowledge', id: 'nerve-high', occurrence: 1.7e12 } }]);
    expect(await received()).to.deep.equal([line]);
  });

  it('sends the lines given while the connection was down once it is back, in order', async () => {
    await executeServerCommand('ws-terminate-all');
    await waitUntil(() => a.some((i) => i.type === 'state' && i.state === 'reconnecting'), seen('A down', a));
    await waitUntil(() => lives(b) === 2, seen('B back', b));
    await untilClients(1);
    const lines = [
      commandLine('console', { type: 'acknowledge', id: 'nerve-high', occurrence: 1.7e12 }, 1.7e12 + 1),
      commandLine('console', { type: 'pause-audio', ms: 120_000 }, 1.7e12 + 2),
    ];
    lines.forEach((l) => outA.next(l));
    expect(await received()).to.deep.equal([]);
    reconnectA.flush();
    await waitUntil(() => commands(b).length === 2, seen('queued commands at B', b));
    expect(commands(b).map((c) => c.command)).to.deep.equal([{ type: 'acknowledge', id: 'nerve-high', occurrence: 1.7e12 }, { type: 'pause-audio', ms: 120_000 }]);
    expect(await received()).to.deep.equal(lines);
    expect(lives(a)).to.equal(2);
    // Commands carry no seq: nothing to call a gap or a duplicate.
    expect(b.filter((i) => i.type === 'sequence')).to.deep.equal([]);
  });

  it('reports a malformed command at B as a parse error and goes on', async () => {
    outA.next(JSON.stringify({ ver: 1, type: 'command', origin: 'console', t: 1, command: { type: 'acknowledge' } }));
    outA.next(commandLine('console', { type: 'resume-audio' }));
    await waitUntil(() => commands(b).length === 1, seen('command after the bad one', b));
    const errors = b.filter((i) => i.type === 'parse-error');
    expect(errors).to.deep.equal([{ type: 'parse-error', reason: 'bad-field', detail: 'command: acknowledge needs an alarm id' }]);
    expect(commands(b)[0].command).to.deep.equal({ type: 'resume-audio' });
    expect(b.indexOf(errors[0])).to.be.lessThan(b.findIndex((i) => i.type === 'message'));
  });
});
