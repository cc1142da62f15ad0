// The elements in Angular (standalone components, CUSTOM_ELEMENTS_SCHEMA, compiled in the
// browser by @angular/compiler): `[source]` and `[channels]` bound as properties, `channel`
// as an attribute, `(ir-technical)` listened to. The compiler evaluates the code it makes:
// this page alone allows eval, and only of what Angular's Trusted Types policy made
// (test/servers/harness-csp.mjs).
import '@angular/compiler';
import { expect } from '@esm-bundle/chai';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection, type ApplicationRef } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import '../../src/index.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import type { IrTechnicalEvent } from '../../src/components/kit/events.js';
import { channels, defineLate, expectWired, scenario } from './scenario.js';
import { takeViolations } from '../kit/csp-violations.js';
import { waitUntil } from '../kit/fixture.js';

let current = scenario();

@Component({
  selector: 'ir-test-app',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<ir-trend channel="probe" [source]="s.source" [channels]="channels" (ir-technical)="onTechnical($event)"></ir-trend>
    <ir-trend-late-angular [attr.channel]="'probe'" [source]="s.source" [channels]="channels" (ir-technical)="onTechnical($event)"></ir-trend-late-angular>`,
})
class TestApp {
  readonly s = current;
  readonly channels = channels;
  onTechnical(e: Event): void {
    this.s.technical.push(e as IrTechnicalEvent);
  }
}

/** Boots the app in a fresh host with a fresh scenario. */
async function boot(): Promise<{ app: ApplicationRef; host: HTMLElement; s: ReturnType<typeof scenario> }> {
  current = scenario();
  const host = document.createElement('ir-test-app');
  document.body.append(host);
  const app = await bootstrapApplication(TestApp, { providers: [provideZonelessChangeDetection()] });
  return { app, host, s: current };
}

describe('Angular', () => {
  it('passes [source] and [channels], binds channel, and hears (ir-technical)', async () => {
    const { app, host, s } = await boot();
    await expectWired(host.querySelector<IrTrend>('ir-trend')!, s);
    app.destroy();
    host.remove();
  });

  it('keeps the properties set before the element is defined', async () => {
    const { app, host, s } = await boot();
    const el = host.querySelector('ir-trend-late-angular') as IrTrend;
    defineLate('ir-trend-late-angular');
    await expectWired(el, s);
    app.destroy();
    host.remove();
  });

  it("evaluates only what Angular's JIT policy made: code from a string is still refused", async () => {
    const csp = (await fetch(location.href)).headers.get('content-security-policy') ?? '';
    expect(csp).to.match(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+ 'unsafe-eval';/);
    expect(csp).to.match(/require-trusted-types-for 'script'; trusted-types lit-html ir-test-script-url angular#unsafe-jit$/);
    expect(() => new Function('1')).to.throw(EvalError);
    const seen: string[] = [];
    await waitUntil(() => seen.push(...takeViolations()) >= 1, 'the violation reported');
    expect(seen).to.have.length(1);
    expect(seen[0]).to.match(/^require-trusted-types-for: trusted-types-sink "Function\|/);
  });
});
