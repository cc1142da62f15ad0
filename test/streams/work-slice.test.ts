import { expect } from '@esm-bundle/chai';
import { WorkSlice } from '../../src/streams/work-slice.js';

describe('WorkSlice', () => {
  /** A loop's items, each `[arrives, handled]` on a clock the test sets: whether each spent the slice. */
  const run = (items: [number, number][]) => {
    let t = 0;
    const slice = new WorkSlice(8, () => t);
    return items.map(([arrives, handled]) => {
      t = arrives;
      slice.begin();
      t = handled;
      const spent = slice.spent();
      if (spent) slice.restart();
      return spent;
    });
  };

  it('is spent after its time of work back to back', () => {
    // A replay's burst: items one after another, 3 ms each.
    expect(run([[0, 3], [3, 6], [6, 9], [9, 12], [12, 15], [15, 18]])).to.deep.equal([false, false, true, false, false, true]);
  });

  it('does not count waiting as work: live items that arrive apart never hand the thread back for them', () => {
    // A live bundle every 20 ms, handled in half a millisecond.
    expect(run([[0, 0.5], [20, 20.5], [40, 40.5], [60, 60.5]])).to.deep.equal([false, false, false, false]);
    // A wait inside a slice starts a new one.
    expect(run([[0, 7], [12, 15], [15, 19], [19, 21]])).to.deep.equal([false, false, false, true]);
  });
});
