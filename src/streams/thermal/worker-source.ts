import { Observable } from 'rxjs';
import { decodeBinaryFrame } from '../../models/wire.js';
import type { SampleBatch, TelemetryEvent } from '../../models/channel.js';
import type { RoomInput } from '../room/room.js';
import type { ThermalSimOptions } from './thermal-source.js';

/**
 * The simulated ablation run in a Web Worker (`thermal-worker.ts`): maps
 * arrive as binary grid frames and are decoded with the wire format's own
 * decoder; console samples as batches, the generator's phase as events. The host makes the worker, so its
 * bundler sees the URL; with Vite, as the demo does:
 * `() => new Worker(new URL('../src/streams/thermal/thermal-worker.ts', import.meta.url), { type: 'module' })`.
 * Unsubscribing stops and ends the worker.
 */
export function thermalWorkerSource(makeWorker: () => Worker, options: ThermalSimOptions = {}): Observable<RoomInput> {
  return new Observable<RoomInput>((subscriber) => {
    const worker = makeWorker();
    worker.onmessage = (e: MessageEvent<ArrayBuffer | SampleBatch | TelemetryEvent | { done: true }>) => {
      const m = e.data;
      if (m instanceof ArrayBuffer) {
        const f = decodeBinaryFrame(m);
        if (f.ok && f.value.kind === 'grid') subscriber.next(f.value);
      } else if ('done' in m) subscriber.complete();
      else subscriber.next(m);
    };
    worker.onerror = (e) => subscriber.error(e);
    worker.postMessage({ type: 'start', options });
    return () => {
      worker.postMessage({ type: 'stop' });
      worker.terminate();
    };
  });
}
