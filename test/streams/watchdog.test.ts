import { expect } from '@esm-bundle/chai';
import { VirtualTimeScheduler } from 'rxjs';
import { Watchdog } from '../../src/streams/watchdog.js';

describe('Watchdog', () => {
  it('barks once `ms` after the last feed, however often it was fed, with one timer at a time', () => {
    const clock = new VirtualTimeScheduler(undefined, 10_000);
    const barks: number[] = [];
    const dog = new Watchdog(clock, 1000, () => barks.push(clock.now()));
    // Fed every 100 ms until 950 ms, then silent.
    for (let t = 0; t <= 900; t += 100) clock.schedule(() => dog.feed(), t);
    clock.schedule(() => dog.feed(), 950);
    clock.flush();
    expect(barks).to.deep.equal([1950]);
    // Fed again after barking: barks again a second later.
    clock.schedule(() => dog.feed(), 0);
    clock.flush();
    expect(barks).to.deep.equal([1950, 2950]);
  });

  it('stays quiet once stopped', () => {
    const clock = new VirtualTimeScheduler(undefined, 10_000);
    let barked = false;
    const dog = new Watchdog(clock, 1000, () => (barked = true));
    dog.feed();
    dog.stop();
    clock.flush();
    expect(barked).to.equal(false);
  });
});
