import { expect } from '@esm-bundle/chai';
import { VirtualTimeScheduler } from 'rxjs';
import { cementChannels } from '../../src/models/cement/plan.js';
import { cementRules } from '../../src/models/cement/rules.js';
import { isTechnicalEvent } from '../../src/models/events.js';
import type { SampleBatch } from '../../src/models/channel.js';
import { AlarmManager } from '../../src/streams/alarm-manager.js';
import { cementSimulation } from '../../src/streams/cement/cement-simulation.js';
import { vertebroplastyScript } from '../../src/streams/cement/scenarios.js';

describe('cement pressure alarm on the simulated vertebroplasty', () => {
  it('is raised once per climb above 1700 kPa, not flapping with the hand-push ripple', () => {
    const script = vertebroplastyScript();
    const clock = new VirtualTimeScheduler(undefined, script.durationMin * 60_000);
    const manager = new AlarmManager(cementRules(script.plan), cementChannels(script.plan), { scheduler: clock });
    const medium = `${script.plan.pressureChannel}:medium`;
    let onsets = 0;
    manager.changes.subscribe((c) => c.rule.id === medium && c.previous === 'off' && onsets++);
    let peak = 0;
    cementSimulation(script, { t0: 0, speed: 60, scheduler: clock }).subscribe((x) => {
      if (isTechnicalEvent(x) || 'type' in x || 'kind' in x) return;
      const b = x as SampleBatch;
      if (b.channel === script.plan.pressureChannel) for (const v of b.v) peak = Math.max(peak, v);
      manager.ingest(b);
    });
    clock.flush();
    expect(peak, 'the scenario does climb past the limit').to.be.above(1700);
    // Two injections (T12, then L1 under rising pressure): at most one onset each.
    expect(onsets).to.be.within(1, 2);
  });
});
