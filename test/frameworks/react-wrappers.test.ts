// The React wrappers of ir-monitor/react (generated with @lit/react) in React 19: props arrive
// as properties, before the element upgrades too, and event callbacks receive the events.
import { expect } from '@esm-bundle/chai';
import { React, ReactDOM } from '../react/react-esm.js';
import { reactRootPerTest } from '../react/react-root.js';
import { IrTelemetry, IrTrend } from '../../src/react.js';
import { createComponent } from '@lit/react';
import type { IrTrend as IrTrendElement } from '../../src/components/trend/trend.js';
import { IrTrend as TrendClass } from '../../src/components/trend/trend.js';
import { channels, defineLate, expectWired, scenario } from './scenario.js';

describe('React 19 with ir-monitor/react', () => {
  const react = reactRootPerTest();

  it('passes .source and .channels, binds channel, and calls onIrTechnical', async () => {
    const s = scenario();
    ReactDOM.flushSync(() => react.root.render(React.createElement(IrTrend, { channel: 'probe', source: s.source, channels, onIrTechnical: (e) => s.technical.push(e) })));
    const el = react.host.querySelector('ir-trend')!;
    await expectWired(el, s);
  });

  it('keeps the props set before the element is defined', async () => {
    const s = scenario();
    const Late = createComponent({ tagName: 'ir-trend-late-react', elementClass: TrendClass, react: React, events: { onIrTechnical: 'ir-technical' } });
    ReactDOM.flushSync(() => react.root.render(React.createElement(Late, { channel: 'probe', source: s.source, channels, onIrTechnical: (e: Event) => s.technical.push(e as never) })));
    const el = react.host.querySelector('ir-trend-late-react') as IrTrendElement;
    defineLate('ir-trend-late-react');
    await expectWired(el, s);
  });

  it('renders ir-telemetry with its panels inside', () => {
    ReactDOM.flushSync(() => react.root.render(React.createElement(IrTelemetry, { channels }, React.createElement(IrTrend, { channel: 'probe' }))));
    expect(react.host.querySelector('ir-telemetry')!.channels).to.equal(channels);
    expect(react.host.querySelector('ir-telemetry ir-trend')).to.not.equal(null);
  });
});
