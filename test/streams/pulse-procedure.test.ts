import { expect } from '@esm-bundle/chai';
import { VirtualTimeScheduler } from 'rxjs';
import { EP, EP_EVENT, parsePulseRecord, parseWaveformChannel, inRefractoryWindow, lastRWave, type PulseRecord, type TelemetryEvent, type WaveformFrame, type SampleBatch } from '../../src/models/index.js';
import { ProcedurePlayer, hepaticEct, ire, procedureSource, wireEncoder, wireInput, type Scenario } from '../../src/sim.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { from } from 'rxjs';
import { dataEpoch } from '../kit/clock.js';

const T0 = dataEpoch();

function play(s: Scenario): RoomInput[] {
  const out: RoomInput[] = [];
  const p = new ProcedurePlayer(s);
  for (let t = s.t0; t < s.t0 + s.durationMs; t += 97) p.upTo(t, (x) => out.push(x));
  return out;
}
const records = (xs: RoomInput[]) => xs.flatMap((x) => ('type' in x && x.type === 'event' && x.kind === EP_EVENT.pulse ? [(parsePulseRecord(x.text, x.t) as { value: PulseRecord }).value] : []));
const samplesOf = (xs: RoomInput[], channel: string) => xs.flatMap((x) => (!('type' in x) && !('kind' in x) && x.channel === channel ? [...(x as SampleBatch).v] : []));

describe('simulated hepatic ECT', () => {
  const s = hepaticEct(T0);
  const out = play(s);
  const rs = records(out);

  it('fires 8 pulses per pair on 12 pairs, plus one repeat, each once, with its two waveforms', () => {
    expect(rs).to.have.length(97);
    expect(new Set(rs.map((r) => `${r.pair}#${r.index}`)).size).to.equal(97);
    const frames = out.filter((x): x is WaveformFrame => 'kind' in x && x.kind === 'waveform');
    expect(frames).to.have.length(2 * 97);
    expect(new Set(frames.map((f) => parseWaveformChannel(f.channel)!.pair)).size).to.equal(12);
    expect(frames[0].sampleRateHz).to.equal(1e6);
    expect(frames[0].data.length).to.equal(140);
  });

  it('sets 1000 V/cm times each pair spacing; measured voltage within 3 % of set', () => {
    for (const r of rs.filter((r) => r.delivered)) {
      const pair = s.layout.pairs.find((p) => p.id === r.pair)!;
      expect(r.setV).to.equal(Math.round(pair.spacingMm * 100));
      expect(Math.abs(r.peakV - r.setV) / r.setV).to.be.below(0.03);
    }
  });

  it('current climbs pulse to pulse in every pair; one pulse fails at the current limit and is repeated', () => {
    for (const pair of s.layout.pairs) {
      const currents = rs.filter((r) => r.pair === pair.id && r.delivered).map((r) => r.meanI);
      expect(currents).to.have.length(8);
      expect(currents[currents.length - 1]).to.be.greaterThan(currents[0] * 1.2);
    }
    const failed = rs.filter((r) => !r.delivered);
    expect(failed.map((r) => [r.pair, r.index, r.reason])).to.deep.equal([['1-4', 5, 'current-limit']]);
    expect(failed[0].meanI).to.be.at.least(s.protocol.currentLimitA);
    expect(Math.max(...samplesOf(out, EP.current))).to.be.at.least(30);
    expect(samplesOf(out, EP.failed).filter((v) => v > 0)).to.deep.equal([1]);
  });

  it('delivers each burst inside the refractory window after an R wave, at 5 kHz', () => {
    for (const r of rs) expect(inRefractoryWindow(r.t, lastRWave(s.rWaves, r.t), s.refractoryWindowMs), `${r.pair}#${r.index}`).to.equal(true);
    const burst = rs.filter((r) => r.pair === '1-2').map((r) => r.t);
    // Epoch ms in a double resolve ~0.24 µs: close to 200 µs, not exact.
    expect(burst[1] - burst[0]).to.be.closeTo(0.2, 1e-3);
  });

  it('ends the train with every pair complete', () => {
    const events = out.filter((x): x is TelemetryEvent => 'type' in x && x.type === 'event' && x.kind === EP_EVENT.train);
    expect(events.map((e) => e.text)).to.deep.equal(['start', 'end']);
    expect(Math.max(...samplesOf(out, EP.incomplete))).to.equal(0);
  });
});

describe('simulated IRE', () => {
  const s = ire(T0);
  const out = play(s);
  const rs = records(out);

  it('70 pulses of 70 µs on six pairs at 2250 to 3000 V, the last pair ended 6 short', () => {
    expect(s.layout.pairs).to.have.length(6);
    expect(new Set(rs.map((r) => r.setV))).to.deep.equal(new Set([2250, 3000]));
    expect(rs).to.have.length(70 * 5 + 64);
    expect(Math.max(...samplesOf(out, EP.incomplete))).to.equal(1);
  });

  it('current approaches 50 A without reaching it', () => {
    const top = Math.max(...rs.map((r) => r.meanI));
    expect(top).to.be.within(45, 50);
  });

  it('an arrhythmia blocks delivery: no pulse while sync reports it', () => {
    const blocked = s.sync.find((x) => x.state === 'arrhythmia')!;
    const resumed = s.sync.find((x) => x.t > blocked.t && x.state === 'synchronised')!;
    expect(rs.filter((r) => r.t >= blocked.t && r.t < resumed.t)).to.have.length(0);
    expect(samplesOf(out, EP.sync)).to.include(2);
    for (const r of rs) expect(inRefractoryWindow(r.t, lastRWave(s.rWaves, r.t), s.refractoryWindowMs)).to.equal(true);
  });
});

describe('simulated heart after the plan', () => {
  it('beats on at the resting rate: R-wave events and complexes long after the planned beats', () => {
    const s = hepaticEct(T0);
    const out: RoomInput[] = [];
    const p = new ProcedurePlayer(s);
    // Steps of 3 s, as the source takes at 60x, to five minutes: the planned beats end at 40 s.
    for (let t = s.t0 + 3000; t <= s.t0 + 300_000; t += 3000) p.upTo(t, (x) => out.push(x));
    const beats = out.flatMap((x) => ('type' in x && x.type === 'event' && x.kind === EP_EVENT.rWave ? [x.t] : []));
    expect(beats.slice(0, s.rWaves.length), 'the planned beats first').to.deep.equal(s.rWaves);
    expect(beats.at(-1)! - s.t0).to.be.above(299_000);
    for (let k = 1; k < beats.length; k++) expect(beats[k] - beats[k - 1]).to.be.within(s.rrMs - 20, s.rrMs + 20);
    const last = out.filter((x): x is SampleBatch => !('type' in x) && !('kind' in x) && x.channel === EP.ecg).at(-1)!;
    expect(Math.max(...last.v), 'R peaks').to.be.above(1.2);
    expect(Math.min(...last.v), 'S troughs').to.be.below(-0.2);
  });
});

describe('procedure source and wire', () => {
  it('plays on the scheduler at speed, and survives the wire (binary frames) unchanged', () => {
    const clock = new VirtualTimeScheduler(undefined, 10_000);
    const s = hepaticEct(T0);
    const direct: RoomInput[] = [];
    const sub = procedureSource(s, { speed: 10, scheduler: clock }).subscribe((x) => direct.push(x));
    clock.flush();
    sub.unsubscribe();
    expect(records(direct)).to.have.length(97);
    const encode = wireEncoder(() => 'A');
    const chunks = direct.map(encode);
    expect(chunks.filter((c) => c instanceof ArrayBuffer)).to.have.length(2 * 97);
    const back: RoomInput[] = [];
    const refused: string[] = [];
    wireInput(from(chunks), (r) => refused.push(r.detail)).subscribe((x) => back.push(x));
    expect(refused).to.deep.equal([]);
    expect(records(back)).to.deep.equal(records(direct));
    const f = (xs: RoomInput[]) => xs.filter((x): x is WaveformFrame => 'kind' in x && x.kind === 'waveform');
    expect(f(back).map((x) => [x.channel, x.t0, x.data.length])).to.deep.equal(f(direct).map((x) => [x.channel, x.t0, x.data.length]));
    expect(Array.from(f(back)[5].data)).to.deep.equal(Array.from(f(direct)[5].data));
  });
});
