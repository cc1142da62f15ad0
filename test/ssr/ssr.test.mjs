// Server-side rendering: the built package is imported in Node and each element is rendered
// with @lit-labs/ssr (its DOM shim, no browser). Run by `npm test` after the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

const lib = await import('../../dist/index.js');

const rendered = (template) => collectResultSync(render(template));

test('the package imports in Node and registers every element', () => {
  for (const tag of ['ir-telemetry', 'ir-trend', 'ir-alarm-banner', 'ir-alarm-log']) assert.ok(customElements.get(tag), tag);
  assert.equal(typeof lib.TelemetryRoom, 'function');
});

test('ir-trend renders its read-outs and chart area in a declarative shadow root', () => {
  const out = rendered(html`<ir-trend channel="probe" lang="fr" theme="light"></ir-trend>`);
  assert.match(out, /<template shadowroot(mode)?="open"/);
  assert.match(out, /part="chart"/);
});

test('ir-telemetry with panels inside renders', () => {
  const out = rendered(html`<ir-telemetry src="ws://127.0.0.1:1"><ir-trend channel="probe"></ir-trend><ir-alarm-banner></ir-alarm-banner></ir-telemetry>`);
  assert.match(out, /<ir-telemetry/);
  assert.match(out, /<ir-trend/);
});

test('ir-alarm-banner renders its quiet state', () => {
  assert.match(rendered(html`<ir-alarm-banner lang="en"></ir-alarm-banner>`), /part="banner"/);
});

test('ir-cement-gauge renders in a declarative shadow root', () => assert.match(rendered(html`<ir-cement-gauge lang="fr"></ir-cement-gauge>`), /part="bars"/));
test('ir-iceball-curve renders its timer, views and traces', () => assert.match(rendered(html`<ir-iceball-curve lang="fr" theme="light"></ir-iceball-curve>`), /part="timer"[\s\S]*part="plan"[\s\S]*<ir-trend/));
test('ir-thermal-map renders its read-outs and drawing area', () => assert.match(rendered(html`<ir-thermal-map channel="map" lang="fr" theme="light"></ir-thermal-map>`), /part="map"/));
test('ir-dose-gauge renders its Ka,r read-out and level scale', () => assert.match(rendered(html`<ir-dose-gauge lang="fr"></ir-dose-gauge>`), /part="kar-value"[\s\S]*part="scale"/));
test('ir-activity-gauge renders without a plan, saying so', () => assert.match(rendered(html`<ir-activity-gauge lang="en"></ir-activity-gauge>`), /part="time-base"/));
test('ir-pulse-trace renders its chart, train and table', () => assert.match(rendered(html`<ir-pulse-trace lang="fr"></ir-pulse-trace>`), /part="timeline"[\s\S]*part="table"/));

test('ir-alarm-log renders its table', () => {
  assert.match(rendered(html`<ir-alarm-log></ir-alarm-log>`), /<table/);
});

/** The text of the first element with `part` in rendered HTML (tags and Lit's markers removed, spaces collapsed). */
const partText = (out, part) => new RegExp(`part="${part}"[^>]*>([\\s\\S]*?)</p>`).exec(out)?.[1].replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

test('a panel renders in its own language, and in its ir-telemetry\'s', () => {
  assert.match(partText(rendered(html`<ir-cement-gauge lang="fr"></ir-cement-gauge>`), 'total'), /^Total -- mL · prévu --/);
  assert.match(partText(rendered(html`<ir-telemetry lang="fr"><ir-cement-gauge></ir-cement-gauge></ir-telemetry>`), 'total'), /prévu/);
  assert.match(partText(rendered(html`<ir-telemetry lang="fr"><ir-cement-gauge lang="en"></ir-cement-gauge></ir-telemetry>`), 'total'), /planned/);
  assert.match(partText(rendered(html`<ir-cement-gauge></ir-cement-gauge>`), 'total'), /planned/);
});

test('ir-cement-gauge given its plan renders the planned and maximum volumes', () => {
  const plan = {
    channel: 'cement', pressureChannel: 'pressure',
    sites: [{ id: 'L1', label: 'L1', kind: 'vertebra', plannedMl: 4, maxMl: 8, channel: 'vol-L1' }, { id: 'L2', label: 'L2', kind: 'vertebra', plannedMl: 3.5, maxMl: 6, channel: 'vol-L2' }],
  };
  assert.equal(partText(rendered(html`<ir-cement-gauge lang="en" .plan=${plan}></ir-cement-gauge>`), 'total'), 'Total -- mL · planned 7.5 · max 14.0 mL');
});
