import { expect } from '@esm-bundle/chai';
import { waitUntil } from '../kit/fixture.js';
import { scriptUrl } from '../kit/script-url.js';

/**
 * What each `ir-monitor/components/NAME.js` registers, in a page of its own (a fresh
 * registry): its element and the elements it declares it nests, nothing else.
 */
const REGISTERS: Record<string, string[]> = {
  telemetry: ['ir-telemetry'],
  trend: ['ir-trend'],
  'alarm-banner': ['ir-alarm-banner'],
  'alarm-log': ['ir-alarm-log'],
  'thermal-map': ['ir-thermal-map'],
  'iceball-curve': ['ir-iceball-curve', 'ir-trend'],
  'cement-gauge': ['ir-cement-gauge', 'ir-trend'],
  'pulse-trace': ['ir-pulse-trace', 'ir-trend'],
  'dose-gauge': ['ir-dose-gauge'],
  'activity-gauge': ['ir-activity-gauge'],
};
const ALL = [...new Set(Object.values(REGISTERS).flat())];

async function registeredBy(module: string): Promise<string[]> {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const script = frame.contentDocument!.createElement('script');
  script.type = 'module';
  script.src = scriptUrl(`/src/components/${module}.ts`);
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
  });
  frame.contentDocument!.head.append(script);
  await loaded;
  const registry = frame.contentWindow!.customElements;
  await waitUntil(() => registry.get(REGISTERS[module][0]) !== undefined, `<${REGISTERS[module][0]}>`);
  const names = ALL.filter((n) => registry.get(n));
  frame.remove();
  return names;
}

describe('what each component module registers', function () {
  this.timeout(30_000);
  for (const [module, names] of Object.entries(REGISTERS))
    it(`components/${module}.js registers ${names.join(' and ')}`, async () => {
      expect((await registeredBy(module)).sort()).to.deep.equal([...names].sort());
    });
});
