// The wire format over Server-Sent Events from a real endpoint of the test server (/sse).
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/telemetry.js';
import type { IrTelemetry } from '../../src/components/telemetry/telemetry.js';
import { encodeBinaryFrame, encodeWireLine } from '../../src/models/wire.js';
import { dataEpoch } from '../kit/clock.js';
import { waitUntil } from '../kit/fixture.js';

const t0 = dataEpoch(30_000);
const line = (seq: number, t: number[], v: number[]) => encodeWireLine({ type: 'samples', channel: 'probe', seq, unit: 'Cel', t: Float64Array.from(t), v: Float32Array.from(v) });

describe('ir-telemetry src="http://…" (Server-Sent Events)', () => {
  afterEach(() => executeServerCommand('sse-close-all'));

  it('takes samples and frames, checks sequences, and reports a bad line as a technical event', async () => {
    const el = document.createElement('ir-telemetry') as IrTelemetry;
    el.channels = [
      { id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] },
      { id: 'pulse', label: 'Pulse', unit: 'V', intervalMs: 1000, range: [-5000, 5000] },
    ];
    const technical: string[] = [];
    el.addEventListener('ir-technical', (e) => technical.push(String((e as CustomEvent).detail.reason ?? (e as CustomEvent).detail.type)));
    el.src = `${location.origin}/sse`;
    document.body.append(el);
    try {
      await waitUntil(() => el.state !== 'closed', 'the element to connect');
      const clients = async () => executeServerCommand<number, unknown>('sse-clients');
      await waitUntil(async () => (await clients()) > 0, 'the server to see the client');
      const frame = new Uint8Array(encodeBinaryFrame({ kind: 'waveform', channel: 'pulse', seq: 0, t0: t0 + 50, sampleRateHz: 1000, data: Float32Array.of(1, 2, 3) }));
      await executeServerCommand('sse-send', { lines: [line(0, [t0, t0 + 100], [10, 11]), line(1, [t0 + 200], [12]), 'not json', line(1, [t0 + 200], [12])], frames: [[...frame]] });
      await waitUntil(() => el.room.store('probe')!.length === 3 && !!el.room.waveforms('pulse')!.latest, 'three samples and a frame');
      expect(el.state).to.equal('live');
      await waitUntil(() => technical.includes('malformed-json') && technical.includes('duplicate'), 'the bad line and the repeated seq reported');
    } finally {
      el.remove();
    }
  });
});
