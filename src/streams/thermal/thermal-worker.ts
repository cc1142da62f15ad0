/// <reference lib="webworker" />
// The simulated ablation in a Web Worker: the page's main thread only draws.
// Maps go out as binary grid frames (the wire format), transferred, not copied.
import { encodeBinaryFrame } from '../../models/wire.js';
import { ThermalSimulation, type ThermalSimOptions } from './thermal-source.js';

declare const self: DedicatedWorkerGlobalScope;

let timer: ReturnType<typeof setInterval> | undefined;
let seq = 0;

self.onmessage = (e: MessageEvent<{ type: 'start'; options: ThermalSimOptions } | { type: 'stop' }>) => {
  if (timer !== undefined) clearInterval(timer);
  timer = undefined;
  if (e.data.type !== 'start') return;
  const options = e.data.options;
  const sim = new ThermalSimulation(options);
  const speed = Math.min(60, Math.max(1, options.speed ?? 1));
  const start = performance.now();
  const tick = () => {
    sim.advanceTo(((performance.now() - start) / 1000) * speed, (x) => {
      if ('type' in x) self.postMessage(x);
      else if ('kind' in x) {
        const buf = encodeBinaryFrame({ ...x, seq: seq++ });
        self.postMessage(buf, [buf]);
      } else self.postMessage({ channel: x.channel, t: x.t, v: x.v }, [x.t.buffer, x.v.buffer]);
    });
    if (sim.done) {
      clearInterval(timer);
      self.postMessage({ done: true });
    }
  };
  timer = setInterval(tick, 50);
  tick();
};
