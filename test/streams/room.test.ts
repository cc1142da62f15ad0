import { expect } from '@esm-bundle/chai';
import { Subject, VirtualTimeScheduler } from 'rxjs';
import { ChannelStore } from '../../src/streams/room/channel-store.js';
import { TelemetryRoom, type RoomInput } from '../../src/streams/room/room.js';
import type { ChannelDescriptor } from '../../src/models/channel.js';
import { dataEpoch } from '../kit/clock.js';

const probe: ChannelDescriptor = { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] };
const batch = (t: number[], v: number[]) => ({ channel: 'probe', t: Float64Array.from(t), v: Float32Array.from(v) });

describe('ChannelStore', () => {
  it('holds the window at the expected rate, oldest dropped, read in place from a time', () => {
    const store = new ChannelStore(probe, 1000);
    store.push(batch([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    expect(store.length).to.equal(11);
    expect([store.firstT, store.lastT, store.lastV]).to.deep.equal([200, 1200, 12]);
    const seen: number[] = [];
    store.forEach((_, v) => seen.push(v), 950);
    expect(seen).to.deep.equal([10, 11, 12]);
    expect(store.valueAt(1050)).to.equal(10);
    expect(store.valueAt(100)).to.be.NaN;
  });

  it('widens on request and keeps what it held', () => {
    const store = new ChannelStore(probe, 500);
    store.push(batch([0, 100, 200, 300, 400, 500], [0, 1, 2, 3, 4, 5]));
    store.retain(2000);
    expect(store.windowMs).to.be.at.least(2000);
    store.push(batch([600, 700, 800], [6, 7, 8]));
    const seen: number[] = [];
    store.forEach((_, v) => seen.push(v));
    expect(seen).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('TelemetryRoom', () => {
  it('takes pushed items as from a source: validates, stores, judges quality on its clock', () => {
    const clock = new VirtualTimeScheduler(undefined, 1500);
    const room = new TelemetryRoom({ scheduler: clock });
    room.setChannels([probe]);
    const stale: string[] = [];
    room.quality.subscribe((q) => stale.push(`${q.channel} ${q.quality}`));
    room.push(batch([1000, 1100], [20, 999]));
    expect(room.store('probe')!.length).to.equal(1);
    expect(room.qualityOf('probe')).to.include({ quality: 'valid', lastT: 1000 });
    clock.flush();
    expect(stale).to.deep.equal(['probe stale']);
    expect(room.connection.value).to.equal('stale');
    room.close();
  });

  it('raises the stale technical alarm of a watched channel, and the manager outlives a new set of rules', () => {
    const clock = new VirtualTimeScheduler(undefined, 1500);
    const room = new TelemetryRoom({ scheduler: clock });
    room.setChannels([probe]);
    room.setRules([{ id: 'hot', channel: 'probe', condition: { kind: 'above', limit: 100 }, priority: 'hi', kind: 'phy', onsetDelayMs: 0, hysteresis: 1, latching: false, message: { en: 'Hot', fr: 'Chaud' } }]);
    room.push(batch([1000], [20]));
    clock.flush();
    expect(room.manager.present.value.map((a) => a.rule.id)).to.deep.equal(['probe:stale']);
    room.close();
  });

  it('refuses a rule naming an unknown channel through configErrors, and stays up', () => {
    const room = new TelemetryRoom();
    room.setChannels([probe]);
    const errors: string[] = [];
    room.configErrors.subscribe((e) => errors.push(e));
    room.setRules([{ id: 'lost', channel: 'ecg', condition: { kind: 'above', limit: 1 }, priority: 'me', kind: 'phy', onsetDelayMs: 0, hysteresis: 0, latching: false, message: { en: 'x', fr: 'x' } }]);
    expect(errors).to.deep.equal(["alarm rule 'lost': unknown channel 'ecg'"]);
    room.push(batch([1000], [20]));
    expect(room.store('probe')!.lastV).to.equal(20);
    room.close();
  });
});

describe('TelemetryRoom events', () => {
  it('keeps each channel\'s recent events for a panel attached late, and refuses unknown channels', () => {
    const room = new TelemetryRoom();
    room.setChannels([probe]);
    const refused: string[] = [];
    room.technical.subscribe((e) => e.type === 'technical' && refused.push(`${e.channel} ${e.reason}`));
    room.push({ type: 'event', channel: 'probe', t: 1000, kind: 'phase', text: 'Freeze 1' });
    room.push({ type: 'event', channel: 'probe', t: 2000, kind: 'phase', text: 'Thaw' });
    room.push({ type: 'event', channel: 'ecg', t: 2000, kind: 'phase', text: 'x' });
    expect(room.eventsOf('probe')!.items.map((e) => e.text)).to.deep.equal(['Freeze 1', 'Thaw']);
    expect(room.eventsOf('ecg')).to.equal(undefined);
    expect(refused).to.deep.equal(['ecg unknown-channel']);
    room.close();
  });
});

describe('TelemetryRoom clock', () => {
  it('holds frames and events to the same clock as samples', () => {
    const room = new TelemetryRoom();
    room.setChannels([probe]);
    const now = dataEpoch();
    room.connect(new Subject<RoomInput>(), { clock: () => now });
    const refused: string[] = [];
    room.technical.subscribe((e) => e.type === 'technical' && refused.push(`${e.reason} ${e.t}`));
    const far = now + 365 * 86_400_000;
    room.push({ kind: 'waveform', channel: 'probe', t0: far, sampleRateHz: 1000, data: Float32Array.of(1) });
    room.push({ type: 'event', channel: 'probe', t: far, kind: 'phase', text: 'Freeze' });
    room.push({ kind: 'waveform', channel: 'probe', t0: now, sampleRateHz: 1000, data: Float32Array.of(1) });
    room.push({ type: 'event', channel: 'probe', t: now, kind: 'phase', text: 'Freeze' });
    expect(refused).to.deep.equal([`clock-skew ${far}`, `clock-skew ${far}`]);
    expect(room.waveforms('probe')!.items.map((w) => w.t0)).to.deep.equal([now]);
    expect(room.eventsOf('probe')!.items.map((e) => e.t)).to.deep.equal([now]);
    room.close();
  });
});

describe('TelemetryRoom bounds and reasons', () => {
  const wave: ChannelDescriptor = { id: 'wave', label: 'Wave', unit: 'V', intervalMs: 60_000, range: [-5000, 5000], sampleRateHz: [1e5, 1e8] };

  it('refuses an event whose kind or text is beyond its bound, naming the lengths, and keeps the next', () => {
    const room = new TelemetryRoom();
    room.setChannels([probe]);
    const refused: string[] = [];
    room.technical.subscribe((e) => e.type === 'technical' && refused.push(`${e.reason}: ${e.detail}`));
    const t = dataEpoch();
    room.push({ type: 'event', channel: 'probe', t, kind: 'note', text: 'x'.repeat(1 << 20) });
    room.push({ type: 'event', channel: 'probe', t, kind: 'k'.repeat(65), text: '' });
    room.push({ type: 'event', channel: 'probe', t, kind: 'note', text: 'probe reseated' });
    expect(refused).to.deep.equal(['event-too-long: kind 4, text 1048576 characters (at most 64 and 2048)', 'event-too-long: kind 65, text 0 characters (at most 64 and 2048)']);
    expect(room.eventsOf('probe')!.items.map((e) => e.text)).to.deep.equal(['probe reseated']);
    room.close();
  });

  it('refuses a waveform at an implausible sample rate (a Hz/MHz mix-up), with the rate, and keeps the plausible one', () => {
    const room = new TelemetryRoom();
    room.setChannels([wave]);
    const refused: string[] = [];
    room.technical.subscribe((e) => e.type === 'technical' && refused.push(`${e.reason}: ${e.detail}`));
    const t0 = dataEpoch();
    room.push({ kind: 'waveform', channel: 'wave', t0, sampleRateHz: 1, data: new Float32Array(100) });
    room.push({ kind: 'waveform', channel: 'wave', t0: t0 + 1, sampleRateHz: 1e6, data: new Float32Array(100) });
    expect(refused).to.deep.equal(['sample-rate: 1 Hz, outside 100000–100000000 Hz']);
    expect(room.waveforms('wave')!.items.map((w) => w.sampleRateHz)).to.deep.equal([1e6]);
    room.close();
  });
});
