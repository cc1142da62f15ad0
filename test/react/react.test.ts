// ir- elements rendered by React 19: array and object props arrive as properties when the
// elements are registered before the first render (as the README says to do).
import { expect } from '@esm-bundle/chai';
import type { JSX } from 'react';
import { React, ReactDOM } from './react-esm.js';
import { reactRootPerTest } from './react-root.js';
import { Subject } from 'rxjs';
import '../../src/index.js'; // registers every element: before the first render
import type { IrTechnicalEvent } from '../../src/components/kit/events.js';
import type { ChannelDescriptor, SampleBatch } from '../../src/models/channel.js';
import type { AlarmRule } from '../../src/models/alarm-rules.js';
import type {} from '../../src/jsx.js';

const channels: ChannelDescriptor[] = [{ id: 'probe', label: 'Probe', unit: 'Cel', intervalMs: 100, range: [-200, 150] }];
const rules: AlarmRule[] = [{
  id: 'probe-hot', channel: 'probe', condition: { kind: 'above', limit: 60 }, priority: 'me', kind: 'phy',
  onsetDelayMs: 0, hysteresis: 1, latching: false, message: { en: 'Probe hot', fr: 'Aiguille chaude' },
}];

// Type checks of the JSX declarations (tsc runs over tests): each line fails to compile if wrong.
const trendProps: JSX.IntrinsicElements['ir-trend'] = { channel: 'probe', window: 60, channels, rules, theme: 'light' };
// @ts-expect-error a property the element does not have
const misspelt: JSX.IntrinsicElements['ir-trend'] = { chanel: 'probe' };
// @ts-expect-error a property of the wrong type
const wrongType: JSX.IntrinsicElements['ir-telemetry'] = { channels: 'probe' };
void misspelt, wrongType;

describe('React 19', () => {
  const react = reactRootPerTest();

  it('passes array, object and Observable props to ir-telemetry and ir-trend as properties, and listens to ir- events', () => {
    const source = new Subject<SampleBatch>();
    const technical: IrTechnicalEvent[] = [];
    ReactDOM.flushSync(() =>
      react.root.render(
        React.createElement('ir-telemetry', { channels, rules, 'onir-technical': (e: IrTechnicalEvent) => technical.push(e) } satisfies JSX.IntrinsicElements['ir-telemetry'],
          React.createElement('ir-trend', { ...trendProps, source, limits: [{ channel: 'probe', above: 60 }] } satisfies JSX.IntrinsicElements['ir-trend'])),
      ),
    );
    const telemetry = react.host.querySelector('ir-telemetry')!;
    const trend = react.host.querySelector('ir-trend')!;
    expect(telemetry.channels).to.equal(channels);
    expect(telemetry.rules).to.equal(rules);
    expect(telemetry.hasAttribute('channels')).to.equal(false);
    expect(trend.channels).to.equal(channels);
    expect(trend.rules).to.equal(rules);
    expect(trend.source).to.equal(source);
    expect(trend.limits).to.deep.equal([{ channel: 'probe', above: 60 }]);
    expect(trend.window).to.equal(60);
    expect(trend.channel).to.equal('probe');
    telemetry.dispatchEvent(new Event('ir-technical'));
    expect(technical.length).to.equal(1);
  });
});
