import { expect } from '@esm-bundle/chai';
import { now, yieldToPage } from '../../src/streams/yield-to-page.js';

/** Keeps the thread for `ms`, as a slice of a replay does. */
const busy = (ms: number) => {
  const until = now() + ms;
  while (now() < until);
};

describe('yieldToPage', () => {
  it('lets the page draw before work goes on once it has not drawn for a frame', async () => {
    // The test page is in front (one at a time): it draws frames.
    expect(document.visibilityState).to.equal('visible');
    let frames = 0;
    let counting = true;
    const count = () => counting && (frames++, requestAnimationFrame(count));
    requestAnimationFrame(count);
    // A replay's slices back to back, each shorter than a frame: the page draws at least
    // every second one, whatever else the browser has queued.
    const drawnBefore: number[] = [];
    for (let slice = 0; slice < 24; slice++) {
      busy(9);
      drawnBefore.push(frames);
      await yieldToPage();
    }
    counting = false;
    for (let i = 2; i < drawnBefore.length; i++) expect(drawnBefore[i], `frames drawn by slice ${i}`).to.be.greaterThan(drawnBefore[i - 2]);
  });

  it('resumes its callers in order, each once', async () => {
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => yieldToPage().then(() => order.push(i))));
    expect(order).to.deep.equal([0, 1, 2, 3]);
  });
});
