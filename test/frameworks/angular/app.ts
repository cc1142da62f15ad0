// The test's Angular application, as an Angular project writes it (a standalone component,
// CUSTOM_ELEMENTS_SCHEMA) and builds it: ahead of time, by Angular's compiler (ngtsc), so the
// page evaluates no code (test/servers/angular-plugin.mjs). `[source]` and `[channels]` are
// bound as properties, `channel` as an attribute, `(ir-technical)` listened to.
import { Component, CUSTOM_ELEMENTS_SCHEMA, InjectionToken, inject } from '@angular/core';

/** What the test gives the application: the elements' source and channels, and where alarm events go. */
export interface AppScenario {
  source: unknown;
  channels: unknown;
  technical: Event[];
}

export const SCENARIO = new InjectionToken<AppScenario>('ir-test-scenario');

@Component({
  selector: 'ir-test-app',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<ir-trend channel="probe" [source]="s.source" [channels]="s.channels" (ir-technical)="onTechnical($event)"></ir-trend>
    <ir-trend-late-angular [attr.channel]="'probe'" [source]="s.source" [channels]="s.channels" (ir-technical)="onTechnical($event)"></ir-trend-late-angular>`,
})
export class TestApp {
  readonly s = inject(SCENARIO);
  onTechnical(e: Event): void {
    this.s.technical.push(e);
  }
}
