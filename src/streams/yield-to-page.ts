/** The clock slices are measured on (a Worker and Node have `performance` too). */
export const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** A page that has not drawn for this long draws before work goes on: a frame at 60 Hz. */
const FRAME_MS = 16;

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];
/** When an animation frame last ran for a waiting slice. */
let drewAt = -Infinity;
const framed: (() => void)[] = [];

const nextTask = () =>
  new Promise<void>((r) => {
    // Made on first use, so importing this module has no effect of its own.
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(r);
    channel.port2.postMessage(null);
  });

/** Resumes after the page's next frame is drawn, or as soon as it is hidden (a hidden page draws none). */
const afterFrame = () =>
  new Promise<void>((r) => {
    framed.push(r);
    if (framed.length > 1) return;
    const go = () => {
      document.removeEventListener('visibilitychange', go);
      drewAt = now();
      for (const f of framed.splice(0)) f();
    };
    requestAnimationFrame(go);
    document.addEventListener('visibilitychange', go);
  }).then(nextTask);

/**
 * Hands the thread back and resumes as soon as what waited ran: in a page a message task (a
 * chain of timeouts would be clamped to 4 ms each, idling a third of the work), and after
 * the next frame when the page has not drawn for a frame's time: between a socket's tasks
 * and these, Chromium was seen to draw nothing for 100 ms. In a Worker a message task; in
 * Node the next turn after I/O.
 */
export function yieldToPage(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
  if (typeof document !== 'undefined' && document.visibilityState === 'visible' && now() - drewAt > FRAME_MS) return afterFrame();
  return nextTask();
}
