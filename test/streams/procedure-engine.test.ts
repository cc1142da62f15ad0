import { expect } from '@esm-bundle/chai';
import { ReplaySubject } from 'rxjs';
import type { ChannelDescriptor, SampleBatch, TelemetryEvent } from '../../src/models/channel.js';
import { ProcedureEngine } from '../../src/streams/engines/procedure-engine.js';
import { registerEngine } from '../../src/streams/engines/registry.js';
import { TelemetryRoom, type RoomInput } from '../../src/streams/room/room.js';
import { dataEpoch } from '../kit/clock.js';

const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 1000, range: [-200, 150] };
const coldest: ChannelDescriptor = { id: 'probe.min', label: 'Coldest probe', unit: 'Cel', intervalMs: 1000, range: [-200, 150] };
const T0 = dataEpoch();
const sample = (dt: number, v: number): SampleBatch => ({ channel: 'probe', t: Float64Array.of(T0 + dt), v: Float32Array.of(v) });
const phase = (dt: number, text: string): TelemetryEvent => ({ type: 'event', channel: 'probe', t: T0 + dt, kind: 'phase', text });

/** A small procedure: the coldest probe temperature since the freeze began, published as a derived channel. */
class ColdestEngine extends ProcedureEngine<{ below: number }, { freezing: boolean; coldest: number; seen: string[] }> {
  readonly kind = 'coldest';
  constructor(room: TelemetryRoom) {
    super(room, { freezing: false, coldest: NaN, seen: [] });
    this.declare([coldest]);
  }
  protected onConfigure(): void {
    this.emit({ freezing: false, coldest: NaN, seen: [] });
  }
  protected override onEvent(e: TelemetryEvent): void {
    if (e.text !== 'freeze') return this.unreadable(e.channel, e.t, `phase '${e.text}'`);
    this.emit({ ...this.current, freezing: true, seen: [...this.current.seen, `event@${e.t - T0}`] });
  }
  protected override onSamples(b: SampleBatch): void {
    if (b.channel !== 'probe' || !this.current.freezing) return;
    const coldest = Math.min(Number.isNaN(this.current.coldest) ? Infinity : this.current.coldest, ...b.v);
    this.emit({ ...this.current, coldest, seen: [...this.current.seen, `sample@${b.t[0] - T0}`] });
    this.publish('probe.min', b.t[b.t.length - 1], coldest);
    this.raise('too-cold', coldest < this.config!.below, { message: { en: 'Probe very cold', fr: 'Sonde très froide' }, priority: 'me', kind: 'phy' });
  }
}
registerEngine('coldest', (room) => new ColdestEngine(room));

const history: RoomInput[] = [sample(0, 30), phase(500, 'freeze'), sample(1000, -20), sample(2000, -90)];

describe('ProcedureEngine', () => {
  it('follows the room live, publishes its derived channel and raises its alarm through the room manager', () => {
    const room = new TelemetryRoom();
    room.setChannels([probe]);
    const engine = room.engine<ColdestEngine>('coldest')!;
    engine.configure({ below: -80 });
    for (const x of history) room.push(x);
    expect(engine.current.coldest).to.equal(-90);
    expect(room.store('probe.min')!.lastV, 'the derived channel, declared by the engine').to.equal(-90);
    expect(room.manager.present.value.map((a) => a.rule.id)).to.deep.equal(['coldest:too-cold']);
    expect(room.engine('coldest'), 'one engine of a kind per room').to.equal(engine);
    room.close();
  });

  it('replays what the room holds in data-time order when configured late, as if it had been there', () => {
    const live = new TelemetryRoom();
    live.setChannels([probe]);
    live.engine<ColdestEngine>('coldest')!.configure({ below: -80 });
    const late = new TelemetryRoom();
    late.setChannels([probe]);
    for (const x of history) {
      live.push(x);
      late.push(x);
    }
    const engine = late.engine<ColdestEngine>('coldest')!;
    engine.configure({ below: -80 });
    expect(engine.toJSON()).to.deep.equal(live.engine<ColdestEngine>('coldest')!.toJSON());
    expect(engine.current.seen).to.deep.equal(['event@500', 'sample@1000', 'sample@2000']);
    live.close();
    late.close();
  });

  it('loses nothing of a source that replays its history on subscription', () => {
    const source = new ReplaySubject<RoomInput>();
    for (const x of history) source.next(x);
    const room = new TelemetryRoom();
    room.setChannels([probe]);
    room.connect(source);
    const engine = room.engine<ColdestEngine>('coldest')!;
    engine.configure({ below: -80 });
    expect(engine.current.coldest).to.equal(-90);
    room.close();
  });

  it('names an event it cannot read, and keeps its derived channels when the user sets channels again', () => {
    const room = new TelemetryRoom();
    room.setChannels([probe]);
    const reasons: string[] = [];
    room.technical.subscribe((e) => e.type === 'technical' && reasons.push(`${e.reason}: ${e.detail}`));
    room.engine<ColdestEngine>('coldest')!.configure({ below: -80 });
    room.push(phase(0, 'Freeze!'));
    expect(reasons).to.deep.equal(["unreadable: phase 'Freeze!'"]);
    room.setChannels([{ ...probe, label: 'Probe 1' }]);
    expect(room.descriptor('probe.min')?.label).to.equal('Coldest probe');
    room.close();
  });

  it("logs the channels the page gives as one change at start-up; an engine's own channels only when a rule loses one", () => {
    const room = new TelemetryRoom();
    const log: string[] = [];
    room.manager.actions.subscribe((a) => a.action === 'channels-set' && log.push(a.detail ?? ''));
    // The engine declares its derived channel before the page gives its channels, as a panel's engine does.
    room.engine<ColdestEngine>('coldest')!.configure({ below: -80 });
    room.setChannels([probe]);
    expect(log).to.deep.equal(['added Probe']);
    room.manager.addRules([{ id: 'coldest-low', channel: 'probe.min', condition: { kind: 'below', limit: -150 }, priority: 'me', kind: 'phy', onsetDelayMs: 0, hysteresis: 1, latching: false, message: { en: 'Coldest probe very cold', fr: 'Sonde la plus froide très froide' } }]);
    room.declareChannels('coldest', []);
    expect(log).to.deep.equal(['added Probe', 'removed Coldest probe; rules on Coldest probe can no longer be evaluated: stale']);
    room.close();
  });

  it('stops with its room, not before', () => {
    const room = new TelemetryRoom();
    room.setChannels([probe]);
    const engine = room.engine<ColdestEngine>('coldest')!;
    let done = false;
    engine.state.subscribe({ complete: () => (done = true) });
    expect(done).to.equal(false);
    room.close();
    expect(done).to.equal(true);
    expect(room.engine('nobody-registered-this')).to.equal(undefined);
  });
});
