/** The clock slices are measured on (a Worker and Node have `performance` too). */
export const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/**
 * Hands the thread back and resumes as soon as what waited ran: in a page a message task
 * (the page draws and takes input between tasks; a chain of timeouts would be clamped to
 * 4 ms each, idling a third of the work), in Node the next turn after I/O.
 */
export function yieldToPage(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
  // Made on first use, so importing this module has no effect of its own.
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise<void>((r) => (waiting.push(r), port.postMessage(null)));
}
