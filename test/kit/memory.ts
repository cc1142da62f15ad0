// Memory tests of panels: what the page holds after full collections, and proof that a
// leak of one panel a cycle fails the same test.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';

/** What the page holds (bytes) after a full collection: JS heap, DOM heap, array buffers (test/servers/heap-plugin.mjs). */
export async function liveBytes(): Promise<number> {
  const { js, dom, buffers } = await executeServerCommand<{ js: number; dom: number; buffers: number }, unknown>('heap-used');
  return js + dom + buffers;
}

/**
 * What the page holds more (bytes) after `cycles` runs of `cycle` than before them, each
 * measured after a full collection; `warmUp` runs first fill caches and compiled code.
 * A cycle mounts, feeds and removes a panel and returns it. With `keep`, each panel
 * removed stays referenced, as a leak would keep it: the same test must then fail.
 */
export async function memoryGrowth(cycle: () => Promise<Element>, { cycles = 50, warmUp = 10, keep = false } = {}): Promise<number> {
  for (let i = 0; i < warmUp; i++) await cycle();
  const kept: Element[] = [];
  const before = await liveBytes();
  for (let i = 0; i < cycles; i++) {
    const el = await cycle();
    if (keep) kept.push(el);
  }
  const growth = (await liveBytes()) - before;
  kept.length = 0;
  return growth;
}

/** Mocha's limit for a run of cycles on a shared, loaded machine: not an assertion on time. */
const TIMEOUT_MS = 120_000;

/**
 * A panel's memory tests: `cycles` runs of `cycle` grow the page by less than `limit`
 * bytes (then `after` checks what else must be released), and the same runs with each
 * removed panel kept grow it by more, so the first test can fail. `limit` comes from
 * what a kept panel costs, said by the caller, not from the noise seen.
 */
export function itLeaksNoPanel(cycle: () => Promise<Element>, { cycles, limit, after = () => {} }: { cycles: number; limit: number; after?: () => void }): void {
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
  it(`${cycles} mount/unmount cycles grow the page by less than ${mb(limit)}`, async function () {
    this.timeout(TIMEOUT_MS);
    const growth = await memoryGrowth(cycle, { cycles });
    expect(growth, mb(growth)).to.be.below(limit);
    after();
  });
  it(`the same cycles with each removed panel kept grow it by more (the test above can fail)`, async function () {
    this.timeout(TIMEOUT_MS);
    const growth = await memoryGrowth(cycle, { cycles, keep: true });
    expect(growth, mb(growth)).to.be.above(limit);
  });
}
