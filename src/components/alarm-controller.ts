import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer, createContext } from '@lit/context';
import type { Subscription } from 'rxjs';
import type { AlarmManager, AlarmChange, PresentAlarm } from '../streams/alarm-manager.js';
import { signalsOn, type AlarmSystemState } from '../models/alarm-system.js';
import type { AlarmCommand } from '../models/alarm-command.js';
import type { AlarmRule } from '../models/alarm-rules.js';
import { IrConfigErrorEvent } from './kit/events.js';
import type { AlarmAction } from '../models/alarm-record.js';
import { errorText } from '../models/error-text.js';

/**
 * The page's alarm manager, provided by `ir-telemetry` to the panels inside it. A string
 * key, as the room's: two copies of the library on one page find the same manager.
 */
export const alarmContext = createContext<AlarmManager>('ir-monitor/alarms');

/** A panel that can be given a manager of its own; otherwise it takes its `ir-telemetry`'s. */
export interface AlarmHost extends ReactiveControllerHost, HTMLElement {
  manager?: AlarmManager;
}

/**
 * Connects a panel to the alarm manager shared on its page, so one
 * acknowledgement or pause reaches every panel that shows the alarm.
 */
export class AlarmController implements ReactiveController {
  present: readonly PresentAlarm[] = [];
  system: AlarmSystemState = { audio: signalsOn(), alarms: signalsOn() };
  private current?: AlarmManager;
  private subscription?: Subscription;
  private rules: readonly AlarmRule[] = [];
  private removeRules?: () => void;
  private readonly context: ContextConsumer<typeof alarmContext, AlarmHost>;

  constructor(
    private readonly host: AlarmHost,
    private readonly options: { onChange?: (c: AlarmChange, m: AlarmManager) => void; onAction?: (a: AlarmAction) => void; onManager?: (m: AlarmManager) => void } = {},
  ) {
    host.addController(this);
    this.context = new ContextConsumer(host, { context: alarmContext, subscribe: true, callback: () => this.attach() });
  }

  /** A panel's own manager, used when it has neither a `manager` nor an `ir-telemetry` around it. */
  fallback?: AlarmManager;

  /** The manager set on the panel, else the nearest `ir-telemetry`'s, else the fallback. */
  get manager(): AlarmManager | undefined {
    return this.host.manager ?? this.context.value ?? this.fallback;
  }

  /** Whether a manager other than the fallback is in reach. */
  get shared(): boolean {
    return (this.host.manager ?? this.context.value) !== undefined;
  }

  hostConnected(): void {
    this.attach();
  }

  /** Lit calls this before each update: a newly set `manager` property is picked up here. */
  hostUpdate(): void {
    this.attach();
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.current = this.subscription = undefined;
    this.register();
  }

  /** The panel's own rules, added to whichever manager it is connected to; a bad one is refused with `ir-config-error`. */
  useRules(rules: readonly AlarmRule[]): void {
    // The same rules again (a host recomputing them on each update) change nothing, and log nothing.
    if (this.removeRules && JSON.stringify(rules) === JSON.stringify(this.rules)) return;
    this.rules = rules;
    this.register();
  }

  private register(): void {
    this.removeRules?.();
    this.removeRules = undefined;
    if (!this.current || !this.rules.length) return;
    try {
      this.removeRules = this.current.addRules(this.rules);
    } catch (e) {
      this.host.dispatchEvent(new IrConfigErrorEvent(errorText(e)));
    }
  }

  /** Asks the manager, if any; it validates the command and reports a refusal on its `refused` stream. */
  command(c: AlarmCommand): void {
    this.manager?.command(c);
  }

  private attach(): void {
    const m = this.host.isConnected ? this.manager : undefined;
    if (m === this.current) return;
    this.subscription?.unsubscribe();
    this.current = m;
    this.present = [];
    this.subscription = undefined;
    this.register();
    if (!m) return this.host.requestUpdate();
    const { onChange, onAction, onManager } = this.options;
    onManager?.(m);
    this.subscription = m.present.subscribe((p) => {
      this.present = p;
      this.host.requestUpdate();
    });
    this.subscription.add(
      m.system.subscribe((s) => {
        this.system = s;
        this.host.requestUpdate();
      }),
    );
    if (onChange) this.subscription.add(m.changes.subscribe((c) => onChange(c, m)));
    if (onAction) this.subscription.add(m.actions.subscribe(onAction));
  }
}
