// What every framework test does with the elements: a `.source` and `.channels` passed as
// properties, a `channel` attribute bound, and an alarm event received: a value out of the
// channel's range is a technical alarm (`ir-technical`, reason `out-of-range`). A tag of its
// own per test, defined only after the framework has rendered, checks that properties set
// before the upgrade are kept.
import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import { IrTrend } from '../../src/components/trend/trend.js';
import type { IrTechnicalEvent } from '../../src/components/kit/events.js';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import { drawn, waitUntil } from '../kit/fixture.js';

export const channels: ChannelDescriptor[] = [{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] }];

/** A source, and the alarm events the framework's listener hands on. */
export function scenario() {
  return { source: new Subject<SampleBatch>(), technical: [] as IrTechnicalEvent[] };
}

/** Defines `tag` as a trend, after the framework rendered it: the upgrade must keep what was set. */
export function defineLate(tag: string): void {
  customElements.define(tag, class extends IrTrend {});
}

/** The trend shows what its source sends on the bound channel, and the out-of-range value reaches the listener. */
export async function expectWired(el: IrTrend, { source, technical }: ReturnType<typeof scenario>): Promise<void> {
  await el.updateComplete; // Lit applies properties set before the upgrade in its first update
  expect(el.channel).to.equal('probe');
  expect(el.source).to.equal(source);
  expect(el.channels).to.equal(channels);
  const now = Date.now();
  source.next({ channel: 'probe', t: Float64Array.of(now - 100), v: Float32Array.of(-7.5) });
  el.requestUpdate();
  await drawn(el);
  expect(el.shadowRoot!.querySelector('[part="readout"] .value')!.textContent).to.equal('-7.5');
  source.next({ channel: 'probe', t: Float64Array.of(now), v: Float32Array.of(999) });
  await waitUntil(() => technical.length > 0, 'the ir-technical event in the framework\'s listener');
  expect(technical.map((e) => e.detail)).to.deep.include({ type: 'technical', channel: 'probe', reason: 'out-of-range', count: 1, t: now });
}
