import { expect } from '@esm-bundle/chai';
import { firstValueFrom, from, toArray } from 'rxjs';
import { parseWireLine } from '../../src/models/wire.js';
import { splitLines } from '../../src/streams/split-lines.js';

const line = (seq: number) => `{"ver":1,"type":"samples","channel":"probe","seq":${seq},"unit":"Cel","t":[${seq}],"v":[36.6]}`;

describe('splitLines', () => {
  it('frames an NDJSON byte stream cut anywhere (a fetch body, SSE, a TCP bridge), BOM and CRLF included', async () => {
    const text = '\uFEFF' + [0, 1, 2, 3].map(line).join('\r\n');
    const bytes = new TextEncoder().encode(text);
    // Cut into 7-byte chunks: lines, and multi-byte characters, split across chunks.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const out = await firstValueFrom(from(chunks).pipe(splitLines(), toArray()));
    expect(out.length).to.equal(4);
    expect(out.map((l) => typeof l === 'string' && parseWireLine(l).ok)).to.deep.equal([true, true, true, true]);
  });

  it('drops an endless line as a technical event and goes on', async () => {
    const out = await firstValueFrom(from(['x'.repeat(60), 'y'.repeat(60), '\n', line(0), '\n']).pipe(splitLines({ maxLineLength: 100 }), toArray()));
    expect(out).to.deep.equal([{ type: 'technical', channel: null, reason: 'line-too-long', count: 1, t: NaN }, line(0)]);
  });
});
