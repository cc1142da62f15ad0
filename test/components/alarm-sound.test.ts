import { expect } from '@esm-bundle/chai';
import { burst } from '../../src/models/audio-burst.js';
import { scheduleBurst } from '../../src/components/alarm-banner/alarm-sound.js';

const RATE = 16000;

/** Renders one burst offline and returns where sound is (10 ms windows above a floor). */
async function render(priority: 'hi' | 'me') {
  const ctx = new OfflineAudioContext(1, RATE * 4, RATE);
  scheduleBurst(ctx, priority, 0);
  const data = (await ctx.startRendering()).getChannelData(0);
  const win = RATE / 100;
  const loud: boolean[] = [];
  for (let i = 0; i + win <= data.length; i += win) {
    let e = 0;
    for (let k = i; k < i + win; k++) e += data[k] * data[k];
    loud.push(Math.sqrt(e / win) > 0.01);
  }
  return { data, loud };
}

const pulsesIn = (loud: boolean[]) => loud.filter((x, i) => x && !loud[i - 1]).length;

describe('alarm sound', () => {
  it('a high-priority burst is 10 pulses, a medium one 3', async () => {
    expect(burst('hi')).to.have.length(10);
    expect(burst('me')).to.have.length(3);
    expect(pulsesIn((await render('hi')).loud)).to.equal(10);
    expect(pulsesIn((await render('me')).loud)).to.equal(3);
  });

  it('has its fundamental in 150-1000 Hz and at least 4 harmonics', async () => {
    const { data } = await render('me');
    // Goertzel power at a frequency over the first pulse (50-150 ms).
    const power = (f: number) => {
      const s = data.subarray(RATE * 0.05, RATE * 0.15);
      const w = (2 * Math.PI * f) / RATE;
      let s1 = 0, s2 = 0;
      for (const x of s) [s1, s2] = [x + 2 * Math.cos(w) * s1 - s2, s1];
      return s1 * s1 + s2 * s2 - 2 * Math.cos(w) * s1 * s2;
    };
    const f0 = 261.63;
    expect(f0).to.be.within(150, 1000);
    const p0 = power(f0);
    for (let k = 2; k <= 5; k++) {
      const db = 10 * Math.log10(power(f0 * k) / p0);
      expect(db, `harmonic ${k}`).to.be.within(-15, 15);
    }
    expect(power(f0 * 1.5) / p0).to.be.below(0.01);
  });
});
