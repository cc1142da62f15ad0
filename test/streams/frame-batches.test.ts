import { expect } from '@esm-bundle/chai';
import { Subject, firstValueFrom, take, toArray } from 'rxjs';
import { frameBatches } from '../../src/streams/frame-batches.js';

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

describe('frameBatches', () => {
  it('delivers many items pushed within one frame as one emission, in order', async () => {
    const src = new Subject<number>();
    const got = firstValueFrom(src.pipe(frameBatches(), take(2), toArray()));
    for (let i = 0; i < 500; i++) src.next(i);
    await nextFrame();
    await nextFrame();
    src.next(500);
    const [first, second] = await got;
    expect(first).to.have.length(500);
    expect(first[0]).to.equal(0);
    expect(first[499]).to.equal(499);
    expect(second).to.deep.equal([500]);
  });
});
