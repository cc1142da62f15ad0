// A demo page in a frame, as a trainer opens it: its HTML, its strict CSP, its simulator.
import { waitUntil } from './fixture.js';

export interface DemoPage {
  frame: HTMLIFrameElement;
  doc(): Document;
  /** Content-Security-Policy violations seen so far (there must be none). */
  violations: string[];
}

/** Opens `path` (`/demo/...`) in a frame of the given size and waits until `tag` is defined there. */
export async function openDemo(path: string, tag: string, width = 1200, height = 900): Promise<DemoPage> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  const violations: string[] = [];
  // Buffered: the violations of the page's first moments too, reported before the test could listen.
  type CspBody = { effectiveDirective: string; blockedURL: string; sourceFile?: string; lineNumber?: number };
  const win = frame.contentWindow as Window & { ReportingObserver: typeof ReportingObserver };
  new win.ReportingObserver((reports) => {
    for (const r of reports) {
      const b = r.body as unknown as CspBody;
      violations.push(`${b.effectiveDirective} ${b.blockedURL || `${b.sourceFile}:${b.lineNumber}`}`);
    }
  }, { types: ['csp-violation'], buffered: true }).observe();
  await waitUntil(() => frame.contentWindow!.customElements.get(tag) !== undefined, `<${tag}> in ${path}`);
  return { frame, doc: () => frame.contentDocument!, violations };
}
