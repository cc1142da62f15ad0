// The elements in an Angular application built ahead of time (test/frameworks/angular/app.ts,
// compiled by ngtsc, Angular's packages linked: test/servers/angular-plugin.mjs), bootstrapped
// without zone.js. The page runs under the policy of every test page: nothing is evaluated.
import { expect } from '@esm-bundle/chai';
import { provideZonelessChangeDetection, type ApplicationRef } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import '../../src/index.js';
import type { IrTrend } from '../../src/components/trend/trend.js';
import { SCENARIO, TestApp } from './angular/app.js';
import { channels, defineLate, expectWired, scenario } from './scenario.js';

/** Boots the app in a fresh host with a fresh scenario. */
async function boot(): Promise<{ app: ApplicationRef; host: HTMLElement; s: ReturnType<typeof scenario> }> {
  const s = scenario();
  const host = document.createElement('ir-test-app');
  document.body.append(host);
  const app = await bootstrapApplication(TestApp, {
    providers: [provideZonelessChangeDetection(), { provide: SCENARIO, useValue: { source: s.source, channels, technical: s.technical as Event[] } }],
  });
  return { app, host, s };
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

  it('runs with no eval allowed and no compiler in the page', async () => {
    const csp = (await fetch(location.href)).headers.get('content-security-policy') ?? '';
    expect(csp).to.match(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+;/);
    expect(csp).not.to.include('unsafe');
    expect(csp).to.match(/require-trusted-types-for 'script'; trusted-types lit-html ir-test-script-url$/);
    // @angular/compiler registers its facade here when it loads (JIT); a linked build never loads it.
    expect((globalThis as { ng?: { ɵcompilerFacade?: unknown } }).ng?.ɵcompilerFacade).to.equal(undefined);
  });
});
