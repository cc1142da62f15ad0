// The elements in Vue 3, as a hospital dashboard's template binds them: `.source` and
// `.channels` as properties, `channel` as an attribute, `@ir-technical` listened to. The page
// has Vue's runtime only, as a built app ships it (its template compiler makes code with
// `new Function`, refused under the page's CSP): each render function below is what Vue's
// compiler makes of the template above it.
import { createApp, h, shallowRef, type App, type VNode } from 'vue';
import '../../src/index.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import { channels, defineLate, expectWired, scenario } from './scenario.js';

type Bindings = { source: unknown; onTechnical: (e: never) => void };

/** Mounts an app of one element drawn by `render`. */
function mount(render: (b: Bindings) => VNode, s: ReturnType<typeof scenario>): { app: App; host: HTMLElement } {
  const host = document.createElement('div');
  document.body.append(host);
  const app = createApp({
    setup() {
      const source = shallowRef(s.source);
      return () => render({ source: source.value, onTechnical: (e: never) => s.technical.push(e) });
    },
  });
  app.mount(host);
  return { app, host };
}

describe('Vue 3', () => {
  it('passes .source and .channels, binds channel, and hears ir-technical', async () => {
    const s = scenario();
    // <ir-trend channel="probe" :source="source" :channels="channels" @ir-technical="onTechnical"></ir-trend>
    const { app, host } = mount((b) => h('ir-trend', { channel: 'probe', source: b.source, channels, onIrTechnical: b.onTechnical }), s);
    await expectWired(host.querySelector<IrTrend>('ir-trend')!, s);
    app.unmount();
    host.remove();
  });

  it('keeps the properties set before the element is defined (.prop)', async () => {
    const s = scenario();
    // <ir-trend-late-vue channel="probe" :source.prop="source" :channels.prop="channels" @ir-technical="onTechnical"></ir-trend-late-vue>
    const { app, host } = mount((b) => h('ir-trend-late-vue', { channel: 'probe', '.source': b.source, '.channels': channels, onIrTechnical: b.onTechnical }), s);
    defineLate('ir-trend-late-vue');
    await expectWired(host.querySelector('ir-trend-late-vue') as IrTrend, s);
    app.unmount();
    host.remove();
  });
});
