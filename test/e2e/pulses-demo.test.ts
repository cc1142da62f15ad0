import { expect } from '@esm-bundle/chai';
import { waitUntil } from '../kit/fixture.js';
import type { IrAlarmLog } from '../../src/components/alarm-log/alarm-log.js';
import type { IrPulseTrace } from '../../src/components/pulse-trace/pulse-trace.js';

/**
 * The electroporation demo page end to end, both scenarios at 60x: its HTML, its strict
 * CSP, the simulated generator through the wire format (binary frames), the panel, the
 * ECG strip and the alarms, as a trainer would see them.
 */
async function open(query: string): Promise<{ frame: HTMLIFrameElement; doc: Document; violations: string[] }> {
  const frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '1900px';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = `/demo/pulses.html?${query}`;
  document.body.append(frame);
  await loaded;
  const violations: string[] = [];
  frame.contentDocument!.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  return { frame, doc: frame.contentDocument!, violations };
}

/** A demo at 60x still takes seconds of wall time on a shared machine. */
const until = (pred: () => boolean, what: string, ms = 20_000) => waitUntil(pred, what, ms);

const logIds = (doc: Document) => ((doc.querySelector('ir-alarm-log') as IrAlarmLog | null)?.entries ?? []).map((e) => e.id);

describe('electroporation demo', function () {
  this.timeout(60_000);

  it('plays the hepatic ECT: 97 pulses on 12 pairs, the failed pulse raising the current and failed-pulse alarms, the ECG strip marked', async () => {
    const { frame, doc, violations } = await open('scenario=ect&speed=60');
    const panel = () => doc.querySelector('ir-pulse-trace') as IrPulseTrace;
    await until(() => panel()?.pulses.length === 97, 'every pulse');
    await until(() => logIds(doc).includes('ep-current-limit') && logIds(doc).includes('ep-pulse-failed'), 'the alarms');
    expect(panel().summaries.every((s) => s.state === 'done')).to.equal(true);
    expect(panel().ecgMarks.some((m) => m.kind === 'r-wave')).to.equal(true);
    const banner = doc.querySelector('ir-alarm-banner')!.shadowRoot!.querySelector<HTMLElement>('[part="banner"]')!;
    expect(banner.dataset.priority).to.equal('hi');
    // The trainer's corrupt frame (shorter than its header says) is refused and named; nothing else is lost.
    doc.querySelector<HTMLButtonElement>('#corrupt')!.click();
    await until(() => /^1 \(frame on ep\.V\.1-2: truncated: data: 100 floats announced/.test(doc.querySelector('#refused')!.textContent!), 'the refusal');
    expect(panel().pulses).to.have.length(97);
    expect(violations).to.deep.equal([]);
    frame.remove();
  });

  it('plays the IRE in French: the arrhythmia blocks delivery, a pair ends short', async () => {
    const { frame, doc, violations } = await open('scenario=ire&speed=60&lang=fr');
    const panel = () => doc.querySelector('ir-pulse-trace') as IrPulseTrace;
    await until(() => logIds(doc).includes('ep-ecg-sync'), 'the synchronisation alarm');
    await until(() => logIds(doc).includes('ep-pair-incomplete'), 'the incomplete pair', 30_000);
    expect(panel().pulses).to.have.length(414);
    expect(panel().summaries.at(-1)!.state).to.equal('failed');
    expect(panel().shadowRoot!.querySelector('[part="table"] th')!.textContent).to.equal('Paire');
    expect(violations).to.deep.equal([]);
    frame.remove();
  });
});
