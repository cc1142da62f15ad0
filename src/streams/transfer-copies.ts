/**
 * `message` with each typed array of its plain objects copied, and the copies' buffers, to post as
 * `postMessage(message, { transfer })`. A transferred buffer costs the receiver nothing to
 * read, where a cloned one is copied again there: a 2048 x 2048 map cloned from a Worker
 * held the page for 50–140 ms. The sender's arrays stay its own (a room keeps its maps,
 * a source its batches); the copies cost the sender a memory copy.
 */
export function transferCopies<T>(message: T): [T, Transferable[]] {
  const buffers: Transferable[] = [];
  const copy = (x: unknown): unknown => {
    if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
      const c = (x as unknown as Float64Array).slice();
      buffers.push(c.buffer);
      return c;
    }
    // Arrays (of channels, of structures) are cloned as they are: no map or field holds its pixels in one.
    if (typeof x !== 'object' || x === null || Object.getPrototypeOf(x) !== Object.prototype) return x;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = copy(v);
    return out;
  };
  return [copy(message) as T, buffers];
}
