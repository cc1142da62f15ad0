import { expect } from '@esm-bundle/chai';
import { Subject } from 'rxjs';
import '../../src/components/trend.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import type { SampleBatch } from '../../src/models/channel.js';

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

async function heapAfterGc(): Promise<number> {
  const gc = (window as unknown as { gc?: () => void }).gc;
  if (!gc) throw new Error('run Chromium with --js-flags=--expose-gc');
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}

async function cycle(source: Subject<SampleBatch>) {
  const el = document.createElement('ir-trend') as IrTrend;
  el.channels = [{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 10, range: [-200, 150] }];
  el.source = source;
  document.body.append(el);
  await el.updateComplete;
  source.next({ channel: 'probe', t: new Float64Array(200).map((_, i) => i * 10), v: new Float32Array(200).fill(1) });
  await frame();
  el.remove();
}

describe('ir-trend memory', () => {
  it('50 mount/unmount cycles leave the heap flat', async () => {
    const source = new Subject<SampleBatch>();
    for (let i = 0; i < 10; i++) await cycle(source);
    const before = await heapAfterGc();
    for (let i = 0; i < 50; i++) await cycle(source);
    const after = await heapAfterGc();
    // A leaked chart (canvas, closures, the window's buffers) costs ~100 kB a cycle: 5 MB over 50.
    expect(after - before).to.be.below(1024 * 1024);
    expect(source.observed).to.equal(false);
  });
});
