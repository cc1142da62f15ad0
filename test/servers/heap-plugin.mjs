// `heap-used`: what the test page holds after a full garbage collection, through the
// DevTools protocol (HeapProfiler.collectGarbage, then Runtime.getHeapUsage): the
// JavaScript heap, the DOM's (Blink's garbage-collected heap, where a kept element and its
// shadow tree live) and the storage of array buffers (a panel's typed arrays).
import { cdpSession } from './cdp-session.mjs';

export function heapPlugin() {
  return {
    name: 'ir-heap',
    async executeCommand({ command, session }) {
      if (command !== 'heap-used') return undefined;
      const cdp = await cdpSession(session);
      await cdp.send('HeapProfiler.collectGarbage');
      const used = await cdp.send('Runtime.getHeapUsage');
      return { js: used.usedSize, dom: used.embedderHeapUsedSize ?? 0, buffers: used.backingStorageSize ?? 0 };
    },
  };
}
