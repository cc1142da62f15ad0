import { expect } from '@esm-bundle/chai';
import { VirtualTimeScheduler } from 'rxjs';
import '../../src/components/iceball-curve.js';
import '../../src/components/telemetry.js';
import type { AlarmChange } from '../../src/streams/alarm-manager.js';
import { ILIAC, RENAL } from '../../src/streams/cryo/scenarios.js';
import { coverageId, probeCoolingId, sensorTargetId, supplyLowId } from '../../src/models/cryo/cryo-alarms.js';
import type { IrTrend } from '../../src/components/trend.js';
import { T0, inTelemetry, play } from './iceball-helpers.js';

const MIN = 60_000;
const raised = (changes: AlarmChange[], id: string) => changes.filter((c) => c.rule.id === id && c.state.presence === 'on');

describe('ir-iceball-curve alarms judged by the panel', () => {
  it('a probe in freeze whose tip stays above -100 °C: technical alarm 2 min into the freeze, that probe only', async () => {
    const { sim, source, telemetry } = await inTelemetry(RENAL, { probeNotCooling: { probe: 'p1', from: 0 } });
    const changes: AlarmChange[] = [];
    const sub = telemetry.manager.changes.subscribe((c) => changes.push(c));
    play(sim, (x) => source.next(x), 0, sim.freezeStartMs + 3 * MIN);
    const [on] = raised(changes, probeCoolingId('p1'));
    expect(on.t).to.equal(T0 + sim.freezeStartMs + 2 * MIN);
    expect(on.rule).to.include({ priority: 'me', kind: 'tec' });
    expect(raised(changes, probeCoolingId('p2'))).to.have.length(0);
    sub.unsubscribe();
    telemetry.remove();
  });

  it('the 0 °C edge short of the target at the end of freeze 1 (gas pressure low): medium alarm when the thaw starts', async () => {
    const { sim, source, telemetry, el } = await inTelemetry(ILIAC, { gasPressureDrop: { from: 0 } });
    const changes: AlarmChange[] = [];
    const sub = telemetry.manager.changes.subscribe((c) => changes.push(c));
    play(sim, (x) => source.next(x), 0, sim.freezeStartMs + 10 * MIN + 5000);
    const [on] = raised(changes, coverageId);
    // Raised when the thaw event arrives, stamped with the manager's latest data time (the sample before it).
    expect(on.t).to.be.closeTo(T0 + sim.freezeStartMs + 10 * MIN, 1000);
    expect(on.rule.priority).to.equal('me');
    expect(on.rule.kind, 'about the tissue, not the device').to.equal('phy');
    // The estimate follows the measured tips, warm for want of gas: it falls short too, as the measurement does.
    const s = el.status!;
    expect(s.isotherms[0].measuredMm).to.be.below(s.targetMm);
    expect(s.isotherms[0].estimatedMm).to.be.below(s.targetMm);
    // The panel is framed by its engine's alarm, with the alarm's text.
    await el.updateComplete;
    expect(el.alarm).to.be.oneOf(['me', 'hi']);
    expect(el.shadowRoot!.querySelector('[part="alarm"]')?.textContent).to.match(/^\*\*\*? \S/);
    sub.unsubscribe();
    telemetry.remove();
  });

  it('the designated sensor not at -20 °C by the end of freeze 1: low alarm; none in a freeze that reaches it', async () => {
    const renal = await inTelemetry(RENAL);
    const changes: AlarmChange[] = [];
    const sub = renal.telemetry.manager.changes.subscribe((c) => changes.push(c));
    play(renal.sim, (x) => renal.source.next(x), 0, renal.sim.freezeStartMs + 10 * MIN + 5000);
    const [on] = raised(changes, sensorTargetId('s2'));
    expect(on.t).to.be.closeTo(T0 + renal.sim.freezeStartMs + 10 * MIN, 1000);
    expect(on.rule.priority).to.equal('lo');
    expect(on.rule.kind).to.equal('phy');
    sub.unsubscribe();
    renal.telemetry.remove();
    const iliac = await inTelemetry(ILIAC);
    const seen: AlarmChange[] = [];
    const sub2 = iliac.telemetry.manager.changes.subscribe((c) => seen.push(c));
    play(iliac.sim, (x) => iliac.source.next(x), 0, iliac.sim.freezeStartMs + 10 * MIN + 5000);
    expect(raised(seen, sensorTargetId('s2'))).to.have.length(0);
    sub2.unsubscribe();
    iliac.telemetry.remove();
  });

  it('the argon supply low: its pressure shown with the probes, one alarm naming it, none per probe', async () => {
    const { sim, source, telemetry, el } = await inTelemetry(ILIAC, { gasPressureDrop: { from: 60_000 } });
    const changes: AlarmChange[] = [];
    const sub = telemetry.manager.changes.subscribe((c) => changes.push(c));
    const readout = () => el.shadowRoot!.querySelector('[part="supply"]')!;
    play(sim, (x) => source.next(x), 0, 30_000);
    el.requestUpdate();
    await el.updateComplete;
    expect(readout().textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Argon supply (19\.9|20\.0|20\.1) MPa$/);
    expect(readout().hasAttribute('data-low')).to.equal(false);
    play(sim, (x) => source.next(x), 30_000, sim.freezeStartMs + 4 * MIN);
    el.requestUpdate();
    await el.updateComplete;
    expect(readout().textContent).to.match(/(6\.9|7\.0|7\.1)/);
    expect(readout().hasAttribute('data-low')).to.equal(true);
    const raised = changes.filter((c) => c.state.presence === 'on' && c.previous === 'off').map((c) => c.rule.id);
    expect(raised).to.deep.equal([supplyLowId]);
    expect(el.shadowRoot!.querySelector('[part="alarm"]')!.textContent).to.match(/^\*\* Argon supply pressure low: \d\.\d MPa \(limit 10\.0 MPa\); all 4 probes freezing less$/);
    sub.unsubscribe();
    telemetry.remove();
  });

  it('the nerve alarm draws one frame, the panel\'s: the nerve trace inside it shows the marker but no frame of its own', async () => {
    const { sim, source, telemetry, el } = await inTelemetry(RENAL);
    play(sim, (x) => source.next(x), 0, sim.freezeStartMs + 4 * MIN);
    await el.updateComplete;
    const nerve = [...el.shadowRoot!.querySelectorAll<IrTrend>('ir-trend')].find((t) => t.channel === 'sensor.1.1')!;
    await nerve.updateComplete;
    expect(el.alarm).to.equal('hi');
    expect(getComputedStyle(el).outlineStyle, 'the panel frames the alarm').to.equal('solid');
    expect(nerve.alarm).to.equal('hi');
    expect(nerve.shadowRoot!.querySelector('[part="alarm"]')!.textContent, 'the trace still names it').to.match(/^\*\*\* Nerve TC below 10 °C/);
    expect(getComputedStyle(nerve).outlineStyle, 'no second frame inside the first').to.equal('none');
    // The same trend on its own frames the alarm.
    nerve.framedBy = undefined;
    await nerve.updateComplete;
    expect(getComputedStyle(nerve).outlineStyle).to.equal('solid');
    telemetry.remove();
  });

  it('a sensor disconnected: its signal-lost alarm (technical) once the room judges it stale, on virtual time', async () => {
    const clock = new VirtualTimeScheduler(undefined, 5000);
    const { sim, source, telemetry } = await inTelemetry(RENAL, { sensorDisconnected: { channel: 'sensor.1.1', from: 0 } }, () => {}, clock);
    play(sim, (x) => source.next(x), 0, 2 * MIN);
    const present = () => telemetry.manager.present.value.map((a) => a.rule.id);
    expect(present()).to.not.include('cryo:lost:sensor.1.1');
    clock.flush();
    const lost = telemetry.manager.present.value.find((a) => a.rule.id === 'cryo:lost:sensor.1.1');
    expect(lost?.rule).to.include({ kind: 'tec', priority: 'me' });
    telemetry.remove();
  });
});
