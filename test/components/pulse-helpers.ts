// Shared by the ir-pulse-trace tests: a scenario played ahead, fed to a panel by `.source`.
import { Subject, VirtualTimeScheduler } from 'rxjs';
import '../../src/components/pulse-trace.js';
import type { IrPulseTrace } from '../../src/components/pulse-trace/pulse-trace.js';
import { ProcedurePlayer, type Scenario } from '../../src/streams/pulses/index.js';
import type { RoomInput } from '../../src/streams/room/room.js';
import { drawn, fixture, laidOut } from '../kit/fixture.js';
import { dataEpoch } from '../kit/clock.js';

export const T0 = dataEpoch();

/** Everything the scenario sends up to `untilMs` after its start, in order. */
export function played(s: Scenario, untilMs = s.durationMs): RoomInput[] {
  const out: RoomInput[] = [];
  const p = new ProcedurePlayer(s);
  for (let t = s.t0 + 100; t <= s.t0 + untilMs; t += 100) p.upTo(t, (x) => out.push(x));
  return out;
}

/**
 * A panel for the scenario fed by `.source`, 800 px wide, after `items` are sent and drawn.
 * Its clock stands still unless `setup` gives another: on the wall clock the generator,
 * silent once the items are sent, would grey the traces part-way through a slow test.
 */
export async function mountFed(s: Scenario, items: RoomInput[], setup: (el: IrPulseTrace) => void = () => {}) {
  const source = new Subject<RoomInput>();
  const el = await fixture('ir-pulse-trace', (el) => {
    el.style.width = '800px';
    el.layout = s.layout;
    el.protocol = s.protocol;
    el.source = source;
    el.scheduler = new VirtualTimeScheduler();
    setup(el);
  });
  await laidOut(el);
  for (const x of items) source.next(x);
  await drawn(el);
  await el.updateComplete;
  return { el, source };
}

export const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;
export const chartCanvas = (el: IrPulseTrace) => part(el, 'chart').querySelector('canvas')!;
export const tracesCanvas = (el: IrPulseTrace) => part(el, 'traces') as unknown as HTMLCanvasElement;
export const timelineCanvas = (el: IrPulseTrace) => part(el, 'timeline') as unknown as HTMLCanvasElement;
