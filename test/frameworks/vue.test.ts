// The elements in Vue 3, as a hospital dashboard writes its template: `.source` and
// `.channels` bound as properties, `channel` as an attribute, `@ir-technical` listened to.
import { createApp, shallowRef, type App } from 'vue';
import '../../src/index.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import { channels, defineLate, expectWired, scenario } from './scenario.js';

/** Mounts a one-template app; `ir-` tags are custom elements, not Vue components. */
function mount(template: string, s: ReturnType<typeof scenario>): { app: App; host: HTMLElement } {
  const host = document.createElement('div');
  document.body.append(host);
  const app = createApp({ template, setup: () => ({ source: shallowRef(s.source), channels, onTechnical: (e: never) => s.technical.push(e) }) });
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('ir-');
  app.mount(host);
  return { app, host };
}

describe('Vue 3', () => {
  it('passes .source and .channels, binds channel, and hears ir-technical', async () => {
    const s = scenario();
    const { app, host } = mount('<ir-trend channel="probe" :source="source" :channels="channels" @ir-technical="onTechnical"></ir-trend>', s);
    await expectWired(host.querySelector<IrTrend>('ir-trend')!, s);
    app.unmount();
    host.remove();
  });

  it('keeps the properties set before the element is defined (.prop)', async () => {
    const s = scenario();
    const { app, host } = mount('<ir-trend-late-vue channel="probe" :source.prop="source" :channels.prop="channels" @ir-technical="onTechnical"></ir-trend-late-vue>', s);
    defineLate('ir-trend-late-vue');
    await expectWired(host.querySelector('ir-trend-late-vue') as IrTrend, s);
    app.unmount();
    host.remove();
  });
});
