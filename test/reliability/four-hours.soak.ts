// The full soak, `npm run soak` (not in the suite: four minutes of wall time at 60x): four
// hours of the thermal procedure's data with every panel of its page mounted.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { soak } from './soak.js';

describe('soak: four hours of thermal ablation at 60x, every panel mounted (issue 20)', () => {
  it('grows the heap by at most 5 MB after a 20-minute warm-up', async function () {
    this.timeout(30 * 60_000);
    const figures = await soak(240, 20);
    await executeServerCommand('record-figures', { name: 'soak-4h', figures });
    expect(figures.maps, 'maps taken in').to.be.at.least(240 * 60 - 60);
    expect(figures.heapGrowthMB, JSON.stringify(figures)).to.be.at.most(5);
  });
});
