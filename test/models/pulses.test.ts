import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import {
  PulseLedger, checkRules, encodePulseRecord, fieldStrength, hexagonLayout, inRefractoryWindow, pairsLayout, parsePulseRecord,
  pulseAlarmRules, pulseChannels, resistance, rowsLayout, setVoltage, pairSetting, pairSettings, deliveredField, summarisePulse, voltageErrorPct,
  type PulseProtocol, type PulseRecord,
} from '../../src/models/index.js';

const ect: PulseProtocol = { modality: 'ECT', pulsesPerPair: 8, pulseWidthUs: 100, repetition: '5kHz', fieldVPerCm: 1000, maxVoltageV: 3000, currentLimitA: 30 };
const rec = (pair: string, index: number, t: number, extra: Partial<PulseRecord> = {}): PulseRecord => ({ pair, index, t, setV: 1200, peakV: 1210, meanI: 12, delivered: true, ...extra });

describe('electrode layouts', () => {
  it('a hexagon is six around one: 12 pairs (6 spokes, 6 sides), all at the spacing', () => {
    const l = hexagonLayout(12);
    expect(l.needles.map((n) => n.id)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7']);
    expect(l.pairs.map((p) => p.id)).to.deep.equal(['1-2', '1-3', '1-4', '1-5', '1-6', '1-7', '2-3', '3-4', '4-5', '5-6', '6-7', '7-2']);
    for (const p of l.pairs) expect(p.spacingMm).to.be.closeTo(12, 1e-9);
  });

  it('rows face each other; pairs layouts keep only pairs within reach', () => {
    expect(rowsLayout(4, 4, 8).pairs.map((p) => [p.id, p.spacingMm])).to.deep.equal([['1-5', 8], ['2-6', 8], ['3-7', 8], ['4-8', 8]]);
    const square = pairsLayout([{ id: 'A', x: 0, y: 0 }, { id: 'B', x: 15, y: 0 }, { id: 'C', x: 15, y: 15 }, { id: 'D', x: 0, y: 15 }], 16);
    expect(square.pairs.map((p) => p.id)).to.deep.equal(['A-B', 'A-D', 'B-C', 'C-D']);
  });
});

describe('protocol arithmetic', () => {
  it('V/cm is voltage over spacing: 1000 V over 8 mm is 1250 V/cm (Mali et al. 2008)', () => {
    expect(fieldStrength(1000, 8)).to.equal(1250);
    expect(fieldStrength(2250, 15)).to.equal(1500);
  });

  it('set voltage is the field times the spacing, capped at the generator maximum (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 2, max: 40, noNaN: true }), fc.integer({ min: 100, max: 3000 }), (mm, field) => {
        const v = setVoltage({ ...ect, fieldVPerCm: field }, { id: 'a-b', a: 'a', b: 'b', spacingMm: mm });
        expect(v).to.be.at.most(3000);
        if (field * (mm / 10) < 2999) expect(fieldStrength(v, mm)).to.be.closeTo(field, (0.5 / (mm / 10)) + 1e-9);
      }),
    );
  });

  it('each pair gets its own voltage: a 15 mm square at 1500 V/cm gives 2250 V on the sides, and the diagonals capped at 3000 V are marked (1414 V/cm)', () => {
    const square = pairsLayout([{ id: 'A', x: 0, y: 0 }, { id: 'B', x: 15, y: 0 }, { id: 'C', x: 15, y: 15 }, { id: 'D', x: 0, y: 15 }]);
    const ire: PulseProtocol = { ...ect, modality: 'IRE', fieldVPerCm: 1500, maxVoltageV: 3000, currentLimitA: 50 };
    const byId = Object.fromEntries(pairSettings(ire, square.pairs).map((s) => [s.pairId, s]));
    for (const side of ['A-B', 'B-C', 'C-D', 'A-D']) expect(byId[side]).to.deep.include({ voltageV: 2250, fieldVPerCm: 1500, capped: false, shortfallPct: 0 });
    for (const diagonal of ['A-C', 'B-D']) {
      expect(byId[diagonal]).to.deep.include({ voltageV: 3000, capped: true });
      expect(byId[diagonal].fieldVPerCm).to.be.closeTo(1414.2, 0.1);
      expect(byId[diagonal].shortfallPct).to.be.closeTo(5.72, 0.01);
    }
  });

  it('pairs at measured, uneven spacings each reach the requested field when under the limit (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 3, max: 19, noNaN: true }), { minLength: 1, maxLength: 6 }), (spacings) => {
        const pairs = spacings.map((mm, k) => ({ id: `${k}-x`, a: String(k), b: 'x', spacingMm: mm }));
        for (const s of pairSettings({ ...ect, fieldVPerCm: 1500 }, pairs)) {
          expect(s.capped).to.equal(false);
          expect(s.voltageV).to.equal(Math.round(1.5 * s.spacingMm * 100));
          expect(s.fieldVPerCm).to.be.closeTo(1500, 0.5 / (s.spacingMm / 10) + 1e-9);
        }
      }),
    );
  });

  it('what a pair was given at the voltage the generator set: the field asked beside any other, and whether the generator’s limit held it', () => {
    const square = pairsLayout([{ id: 'A', x: 0, y: 0 }, { id: 'B', x: 15, y: 0 }, { id: 'C', x: 15, y: 15 }, { id: 'D', x: 0, y: 15 }]);
    const ire: PulseProtocol = { ...ect, modality: 'IRE', fieldVPerCm: 1500, maxVoltageV: 3000, currentLimitA: 50 };
    const [side, diagonal] = ['A-B', 'A-C'].map((id) => square.pairs.find((p) => p.id === id)!);
    expect(pairSetting(ire, side, 2250)).to.deep.include({ askedVPerCm: 1500, asAsked: true, capped: false });
    expect(pairSetting(ire, diagonal, 3000)).to.deep.include({ askedVPerCm: 1500, asAsked: false, capped: true });
    // Set lower than the plan by the operator (a current too high): not the generator's limit, still not the field asked.
    expect(pairSetting(ire, diagonal, 2800)).to.deep.include({ voltageV: 2800, asAsked: false, capped: false, shortfallPct: 0 });
    expect(pairSetting(ire, side, 2000)).to.deep.include({ asAsked: false, capped: false });
    expect(pairSetting(ire, diagonal), 'by default, the plan').to.deep.equal(pairSettings(ire, [diagonal])[0]);
  });

  it('the delivered field is the measured peak voltage over the pair spacing', () => {
    expect(deliveredField(2200, { spacingMm: 15 })).to.be.closeTo(1466.7, 0.1);
  });

  it('resistance is V/I; voltage error is relative to the set voltage', () => {
    expect(resistance(1200, 15)).to.equal(80);
    expect(resistance(1200, 0)).to.be.NaN;
    expect(voltageErrorPct({ setV: 1000, peakV: 880 })).to.be.closeTo(-12, 1e-9);
  });
});

describe('pulse summaries from waveforms', () => {
  it('peak voltage and mean plateau current of a rectangular pulse, edges excluded (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 200 }), fc.double({ min: 100, max: 3000, noNaN: true }), fc.double({ min: 10, max: 200, noNaN: true }), (widthUs, volts, ohm) => {
        const rate = 1e6;
        const n = widthUs + 30;
        const v = new Float32Array(n);
        const i = new Float32Array(n);
        for (let k = 10; k < 10 + widthUs; k++) {
          v[k] = volts;
          i[k] = volts / ohm;
        }
        // Edge spikes that must not count in the plateau mean.
        i[10] = i[9 + widthUs] = 10 * (volts / ohm);
        const s = summarisePulse({ channel: 'v', t0: 0, sampleRateHz: rate, data: v }, { channel: 'i', t0: 0, sampleRateHz: rate, data: i });
        expect(s.peakV).to.be.closeTo(volts, volts * 1e-6);
        expect(s.meanI).to.be.closeTo(volts / ohm, (volts / ohm) * 1e-5);
        expect(s.plateauUs).to.be.closeTo(widthUs, 1e-6);
      }),
    );
  });
});

describe('pulse records', () => {
  it('round-trips through event text and refuses bad fields, never throwing', () => {
    const r = rec('1-2', 3, 1000, { delivered: false, reason: 'current-limit' });
    expect(parsePulseRecord(encodePulseRecord(r), 1000)).to.deep.equal({ ok: true, value: r });
    for (const [text, detail] of [['{', 'not JSON'], ['[]', 'not an object'], ['{"pair":"1-2","index":0}', 'index'], ['{"pair":"<b>","index":1}', 'pair'], [JSON.stringify({ ...r, reason: 'x' }), 'reason'], [JSON.stringify({ ...r, setV: 'a' }), 'setV']])
      expect(parsePulseRecord(text, 0)).to.deep.equal({ ok: false, detail });
  });
});

describe('the pulse ledger', () => {
  const layout = hexagonLayout(12);

  it('refuses an unknown pair and a duplicated index, naming them, and keeps every other pulse', () => {
    const l = new PulseLedger(layout, 8);
    expect(l.add(rec('1-2', 1, 10), 'ep.current').ok).to.equal(true);
    const unknown = l.add(rec('1-9', 1, 11), 'ep.current');
    const dup = l.add(rec('1-2', 1, 12), 'ep.current');
    expect(unknown).to.deep.equal({ ok: false, refusal: { reason: 'unknown-pair', channel: 'ep.current', t: 11, detail: 'pulse 1 of pair 1-9 at t=11' } });
    expect(dup.ok === false && dup.refusal.reason).to.equal('duplicate-index');
    expect(l.add(rec('1-2', 2, 13), 'ep.current').ok).to.equal(true);
    expect(l.records.map((r) => r.t)).to.deep.equal([10, 13]);
  });

  it('counts delivered, failed and missing pulses, mean current and the resistance change per pair', () => {
    const l = new PulseLedger(layout, 4);
    const pair = layout.pairs[0];
    l.add(rec('1-2', 1, 1, { peakV: 1200, meanI: 12 }), '');
    l.add(rec('1-2', 2, 2, { peakV: 1200, meanI: 15, delivered: false, reason: 'current-limit' }), '');
    expect(l.summary(pair).state).to.equal('failed');
    const gap = l.add(rec('1-2', 4, 4, { peakV: 1200, meanI: 16 }), '');
    expect(gap).to.deep.equal({ ok: true, newlyMissing: 1 });
    const s = l.summary(pair);
    expect(s).to.include({ planned: 4, delivered: 2, failed: 1, missing: 1, meanI: 14, firstR: 100, lastR: 75, deltaRPct: -25, state: 'active' });
    l.add(rec('1-2', 5, 5), '');
    l.add(rec('1-2', 6, 6), '');
    expect(l.summary(pair).state).to.equal('done');
    expect(l.summary(layout.pairs[1]).state).to.equal('pending');
    expect(l.incomplete(), 'none until the train ends').to.deep.equal([]);
    l.endTrain();
    expect(l.incomplete()).to.have.length(11);
    expect(l.summary(layout.pairs[1]).state).to.equal('failed');
  });

  it('never counts a pulse twice, whatever the order and repeats (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 10 })), { maxLength: 200 }), (xs) => {
        const l = new PulseLedger(layout, 8);
        const seen = new Set<string>();
        xs.forEach(([p, i], k) => {
          const pair = layout.pairs[p].id;
          const r = l.add(rec(pair, i, k), '');
          expect(r.ok).to.equal(!seen.has(`${pair}#${i}`));
          seen.add(`${pair}#${i}`);
        });
        expect(l.records).to.have.length(seen.size);
        for (const p of layout.pairs) {
          const s = l.summary(p);
          const max = Math.max(0, ...l.of(p.id).map((r) => r.index));
          expect(s.delivered + s.missing).to.equal(max);
        }
      }),
    );
  });
});

describe('electroporation defaults', () => {
  it('the alarm rules are valid on the channels, with the modality limit (50 A IRE, at or above)', () => {
    const layout = hexagonLayout(12);
    const channels = pulseChannels(layout).map((c) => c.id);
    const rules = pulseAlarmRules({ modality: 'IRE' });
    expect(() => checkRules(rules, channels)).to.not.throw();
    const current = rules.find((r) => r.id === 'ep-current-limit')!;
    expect(current.priority).to.equal('hi');
    expect(current.condition.kind === 'above' && 50 > current.condition.limit && current.condition.limit > 49.999999).to.equal(true);
    expect(pulseAlarmRules({ modality: 'ECT', currentLimitA: 25 })[0].message.en).to.contain('25 A');
    expect(rules.map((r) => r.priority)).to.deep.equal(['hi', 'me', 'me', 'hi', 'me']);
  });

  it('the refractory window check', () => {
    expect(inRefractoryWindow(1050, 1000)).to.equal(true);
    expect(inRefractoryWindow(1300, 1000)).to.equal(false);
    expect(inRefractoryWindow(990, 1000)).to.equal(false);
  });

});
