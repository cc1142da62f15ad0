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
