// Shared helpers for element tests: mount, wait, read pixels.
import { executeServerCommand } from '@web/test-runner-commands';
import { flushFrames } from '../../src/components/kit/frame-scheduler.js';

/** Creates an element of `tag`, lets `setup` set its properties, attaches it and waits for its first render. */
export async function fixture<K extends keyof HTMLElementTagNameMap>(tag: K, setup: (el: HTMLElementTagNameMap[K]) => void = () => {}, parent: HTMLElement = document.body): Promise<HTMLElementTagNameMap[K]> {
  const el = document.createElement(tag);
  setup(el);
  parent.append(el);
  await (el as { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

/** The next animation frame. */
export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * Whether `el` is on screen, once the browser has told IntersectionObservers: a panel's
 * own observer, made before this call, is told by then or in the same task, and a frame
 * later it has surely run.
 */
export async function onScreen(el: Element): Promise<boolean> {
  const on = await new Promise<boolean>((resolve) => {
    const observer = new IntersectionObserver(([entry]) => {
      observer.disconnect();
      resolve(entry.isIntersecting);
    });
    observer.observe(el);
  });
  await nextFrame();
  return on;
}

/**
 * Resolves once the browser has laid `el` out and told ResizeObservers its size: a
 * panel's own observers, made before this call, have then run, every round of them (the
 * frame after), so pixels read next were drawn at the size the panel keeps. `el` must
 * have a size: observers are not told of an element of none.
 */
export async function laidOut(el: Element): Promise<void> {
  await new Promise<void>((resolve) => {
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(el);
  });
  await nextFrame();
}

/** Lets pending Lit updates finish, then draws every pending panel now, as the next frame would. */
export async function drawn(el: { updateComplete?: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  flushFrames();
}

/**
 * The suite's one wait: checks `predicate` every 10 ms until it holds, and fails naming
 * `what` after `ms`. For what only real I/O or the browser decides (sockets, audio, a
 * page in a frame, observers): a test waits for the state that proves a thing, never
 * for a time. `predicate` may ask the test server (async); `what` may describe what was
 * seen so far.
 */
export async function waitUntil(predicate: () => boolean | Promise<boolean>, what: string | (() => string), ms = 5000): Promise<void> {
  const end = performance.now() + ms;
  while (!(await predicate())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * The element's update after a `lang` on its path changed: the page's mutation observer
 * re-resolves panels' languages in the microtask the change queued, which runs before
 * this continues; the update that requests is then awaited.
 */
export async function afterLangChange(el: { updateComplete: Promise<unknown> }): Promise<void> {
  await Promise.resolve();
  await el.updateComplete;
}

/**
 * Switches the emulated `forced-colors` on or off (test/servers/forced-colors-plugin.mjs)
 * and resolves once the page has told `matchMedia` listeners: a panel's, registered
 * before this call, has run by then (the browser tells them in the order their queries
 * were made). Reading `matches` on the query between the switch and the event would
 * swallow the event, so it is read only before.
 */
export async function forcedColours(on: boolean): Promise<void> {
  const query = matchMedia('(forced-colors: active)');
  if (query.matches === on) return;
  const changed = new Promise((r) => query.addEventListener('change', r, { once: true }));
  await executeServerCommand('forced-colors', on);
  await changed;
}

/**
 * Moves a mouse to the centre of `el`'s part `name` as a user would: the event goes to
 * whatever the browser finds on top there (for a uPlot chart, its overlay).
 */
export function pointAtCentre(el: Element, name: string): void {
  const box = el.shadowRoot!.querySelector(`[part="${name}"]`)!.getBoundingClientRect();
  const [clientX, clientY] = [box.left + box.width / 2, box.top + box.height / 2];
  const target = el.shadowRoot!.elementFromPoint(clientX, clientY);
  if (!target) throw new Error(`nothing under the centre of <${el.localName}>'s ${name}`);
  target.dispatchEvent(new MouseEvent('mousemove', { clientX, clientY, bubbles: true, composed: true }));
}

/**
 * The element's first chart canvas (in its shadow root, or light DOM): a layer
 * stacked under or over it in the same chart is not one, its pixels are read
 * with the canvas's by `rowsWith` and `countColour`.
 */
export function canvasOf(el: Element): HTMLCanvasElement {
  const c = [...(el.shadowRoot ?? el).querySelectorAll('canvas')].find((x) => !isLayer(x));
  if (!c) throw new Error(`<${el.localName}> has no canvas`);
  return c;
}

/** A canvas inside uPlot's layers beside its canvas (`ir-trend` draws dense series under it). */
const isLayer = (c: HTMLCanvasElement) => !!c.parentElement?.matches('.u-under, .u-over');

/**
 * What a canvas shows, RGBA: its own pixels with the layers stacked with it in
 * its chart, composited in paint order at their places, as a person sees them.
 */
export function pixelsOf(canvas: HTMLCanvasElement): Uint8ClampedArray {
  const stack = [...(canvas.closest('.uplot')?.querySelectorAll('canvas') ?? [])];
  if (stack.length < 2) return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const out = new OffscreenCanvas(canvas.width, canvas.height);
  const ctx = out.getContext('2d')!;
  const box = canvas.getBoundingClientRect();
  const k = canvas.width / box.width;
  for (const c of stack) {
    const r = c.getBoundingClientRect();
    ctx.drawImage(c, Math.round((r.left - box.left) * k), Math.round((r.top - box.top) * k));
  }
  return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
}

/** Rows (device pixels) holding a colour within `tolerance` (sum of channel differences) of rgb, in columns [x0, x1). */
export function rowsWith(canvas: HTMLCanvasElement, [r, g, b]: readonly [number, number, number], tolerance = 40, x0 = 0, x1 = canvas.width): number[] {
  const img = pixelsOf(canvas);
  const rows: number[] = [];
  for (let y = 0; y < canvas.height; y++)
    for (let x = Math.max(0, x0); x < Math.min(canvas.width, x1); x++) {
      const i = (y * canvas.width + x) * 4;
      if (Math.abs(img[i] - r) + Math.abs(img[i + 1] - g) + Math.abs(img[i + 2] - b) < tolerance && img[i + 3] > 200) {
        rows.push(y);
        break;
      }
    }
  return rows;
}

/** Pixels of a colour within `tolerance` of rgb in columns [x0, x1). */
export function countColour(canvas: HTMLCanvasElement, rgb: readonly [number, number, number], x0: number, x1: number, tolerance = 40): number {
  const img = pixelsOf(canvas);
  let n = 0;
  for (let x = Math.max(0, Math.round(x0)); x < Math.min(canvas.width, x1); x++)
    for (let y = 0; y < canvas.height; y++) {
      const i = (y * canvas.width + x) * 4;
      if (Math.abs(img[i] - rgb[0]) + Math.abs(img[i + 1] - rgb[1]) + Math.abs(img[i + 2] - rgb[2]) < tolerance && img[i + 3] > 200) n++;
    }
  return n;
}

/** Parses `#rrggbb` or `rgb(r, g, b)`. */
export function rgbOf(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i], 16)) as [number, number, number];
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (!m) throw new Error(`not a colour: ${colour}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
