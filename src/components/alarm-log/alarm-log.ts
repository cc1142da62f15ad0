import { LanguageController } from '../kit/language-controller.js';
import { themeStyles } from '../kit/theme.styles.js';
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BoundedLog } from '../../models/bounded-log.js';
import { toCsv } from '../../models/csv.js';
import type { AlarmPriority } from '../alarm-banner/alarm-banner.js';
import { AlarmController, type AlarmHost } from '../alarm-controller.js';
import type { AlarmChange, AlarmManager } from '../../streams/alarm-manager.js';
import { PRIORITY_MARKER, PRIORITY_RANK, crossedLimit, crossingOf } from '../../models/alarm-rules.js';
import { IrEvent } from '../kit/events.js';
import { REMOTE_ACTOR, SYSTEM_ACTOR, isAlarmActionAbout, isGeneratedViewerId, type AlarmAction, type NamedAlarm, type NamedChannel } from '../../models/alarm-record.js';
import { limitReadingOf, readingOf, type Crossing, type ReadingOf } from '../../models/channel-reading.js';
import type { ChannelDescriptor } from '../../models/channel.js';
import { alarmLogMessages } from './alarm-log.messages.js';

/** One alarm condition's history: onset, acknowledgement and end, on data time (epoch ms). */
export interface AlarmLogEntry {
  id: string;
  priority: AlarmPriority;
  kind: 'phy' | 'tec' | 'oth';
  /** The rule's message in both languages (shown in the log's language, so history switches too), or one text. */
  message: string | { en: string; fr: string };
  onset: number;
  /** Data time of the acknowledgement (the wall clock when there was no data yet). */
  acknowledged?: number;
  /** Wall-clock time the person acknowledged (epoch ms), and the viewer they used. */
  acknowledgedWall?: number;
  acknowledgedBy?: string;
  ended?: number;
  /** The value that raised it, and the limit it crossed, in `unit` (UCUM). */
  value?: number;
  limit?: number;
  unit?: string;
  /** Decimals of the channel, so a value reads as in the panels (default 1). */
  decimals?: number;
  /** Which way the value crossed the limit (default `above`): a count's limit reads as the first whole count past it. */
  crossing?: Crossing;
  /** The channel's names of its codes, or of what it counts: people read `arrhythmia` or `2 pulses`, never a bare code (`ChannelDescriptor`). */
  states?: ChannelDescriptor['states'];
  count?: ChannelDescriptor['count'];
}

type Column = 'onset' | 'priority' | 'message' | 'acknowledged' | 'ended';

/** Rules an action names one by one; more are counted (their ids stay in the CSV). */
const NAMED_RULES = 3;

/** The CSV text of the log, before its download starts. */
export class AlarmLogExportEvent extends IrEvent<{ csv: string }> {
  static readonly type = 'ir-alarm-log-export';
  constructor(csv: string) {
    super(AlarmLogExportEvent.type, { csv });
  }
}

/**
 * Every alarm condition with onset, acknowledge and end times, priority,
 * value at onset and limit, and every operator action (acknowledgements,
 * audio and alarm pauses, rules added or removed, commands refused) with who
 * acted and when, on the wall clock and on data time (IEC 60601-1-8 6.12).
 * Everything is written in the log's language: channels by their labels,
 * alarms by their messages, and who acted as this console, the system, or
 * another viewer by the name it was given (the CSV keeps ids and codes).
 * Sortable by column, exportable as CSV with units, and bounded: when full,
 * the oldest lowest-priority entry goes first. Inside an `ir-telemetry` (or
 * given a `manager`) it records every change and action itself; given another
 * manager (its `ir-telemetry` turned to another procedure room), it starts anew.
 *
 * @tagname ir-alarm-log
 * @summary The history of alarm conditions and operator actions.
 * @csspart table - The log table.
 * @csspart actions - The table of operator actions.
 * @csspart export - The CSV export button.
 * @cssproperty --ir-color-text - Text colour.
 * @cssproperty --ir-color-surface - Background.
 * @cssproperty --ir-color-grid - Row separators.
 * @cssproperty --ir-font - Font.
 * @event ir-alarm-log-export - Fired with the CSV text before the download starts (`AlarmLogExportEvent`, `detail.csv`).
 */
export class IrAlarmLog extends LitElement implements AlarmHost {
  static override styles = [
    themeStyles,
    css`
    :host {
      display: block;
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      text-align: start;
      padding: 0.25rem 0.5rem;
      border-block-end: 1px solid var(--_grid);
    }
    th button {
      font: inherit;
      font-weight: 700;
      color: inherit;
      background: none;
      border: none;
      cursor: pointer;
      padding: 0;
    }
    [part='actions'] {
      margin-block-start: 1rem;
    }
    caption {
      text-align: start;
      font-weight: 700;
      padding-block: 0.25rem;
    }
    [part='export'] {
      font: inherit;
      margin-block: 0.5rem;
      color: inherit;
      background: transparent;
      border: 1px solid currentColor;
      border-radius: 4px;
      padding: 0.25rem 0.75rem;
    }
  `,
  ];

  /** Most entries kept; when full, the oldest lowest-priority entry goes first. */
  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  @property({ reflect: true }) theme: 'dark' | 'light' | 'high-contrast' = 'dark';

  @property({ type: Number }) capacity = 1000;

  /** The alarm manager to record; without it, the nearest `ir-telemetry`'s, else only what `record()` is given. */
  @property({ attribute: false }) manager?: AlarmManager;

  /** Lives as long as the element: it records every change of the manager in reach, and knows this viewer. */
  private readonly alarms = new AlarmController(this, { onChange: (c, m) => this.record(entryOf(c, m)), onAction: (a) => this.recordAction(a), onManager: (m) => this.recordOf(m) });
  /** The manager recorded: another in its place (its `ir-telemetry` turned to another room) starts the log anew. */
  private recorded?: AlarmManager;

  @state() private sortBy: Column = 'onset';
  @state() private descending = true;
  @state() private log = new BoundedLog<AlarmLogEntry>(this.capacity, (e) => PRIORITY_RANK[e.priority]);
  @state() private actionLog = new BoundedLog<AlarmAction>(this.capacity, () => 0);

  private recordOf(m: AlarmManager): void {
    if (this.recorded && m !== this.recorded) this.log.clear(), this.actionLog.clear();
    this.recorded = m;
  }

  /** The entries kept, oldest first. */
  get entries(): readonly AlarmLogEntry[] {
    return this.log.entries;
  }

  /** The operator actions kept, oldest first. */
  get actions(): readonly AlarmAction[] {
    return this.actionLog.entries;
  }

  /** Records an operator action (or a pause that ended by itself); an `about` it cannot read is left out, and `detail` shown instead. */
  recordAction(action: AlarmAction): void {
    const { about, ...rest } = action;
    this.actionLog.add(about === undefined || isAlarmActionAbout(about) ? action : rest);
    this.requestUpdate();
  }

  /**
   * Records a condition, or updates it when its id and onset are already logged;
   * fields left undefined keep what was logged (an end keeps its acknowledgement).
   */
  record(entry: AlarmLogEntry): void {
    const same = (e: AlarmLogEntry) => e.id === entry.id && e.onset === entry.onset;
    const old = this.log.entries.find(same);
    const given = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
    this.log.upsert({ ...old, ...given } as AlarmLogEntry, same);
    this.requestUpdate();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('capacity') && this.capacity !== this.log.capacity) {
      const next = new BoundedLog<AlarmLogEntry>(this.capacity, (e) => PRIORITY_RANK[e.priority]);
      for (const e of this.log.entries) next.add(e);
      this.log = next;
      const actions = new BoundedLog<AlarmAction>(this.capacity, () => 0);
      for (const a of this.actionLog.entries) actions.add(a);
      this.actionLog = actions;
    }
  }

  /**
   * The log as CSV, with units and ISO 8601 times: one `alarm` row per condition
   * (time = onset), then one `action` row per operator action (time = data
   * time, wall_time = when the person acted, who = the viewer).
   */
  toCsv(): string {
    const alarms = this.entries.map((e) => [
      'alarm', iso(e.onset), undefined, undefined, e.priority, e.kind, e.id, this.i18n.text(e.message), e.value, e.limit, e.unit, iso(e.acknowledged), iso(e.acknowledgedWall), e.acknowledgedBy, iso(e.ended),
    ]);
    const actions = this.actions.map((a) => [
      'action', iso(a.t), iso(a.wall), a.who, undefined, undefined, a.target, a.detail ? `${a.action}: ${a.detail}` : a.action,
    ]);
    return toCsv([CSV_HEAD, ...alarms, ...actions]);
  }

  /** Resolved through the composed tree, re-resolved when a `lang` on the way changes. */
  private readonly i18n = new LanguageController(this, alarmLogMessages);

  /**
   * Who acted, for people: this console, the system, another viewer by the name it was
   * given, and one given none by a few digits of its generated id (the CSV keeps ids).
   */
  private viewerName(who: string): string {
    const w = this.i18n.t;
    if (who === this.alarms.manager?.viewer) return w.thisViewer;
    if (who === SYSTEM_ACTOR) return w.system;
    if (who === REMOTE_ACTOR) return w.otherViewer;
    return isGeneratedViewerId(who) ? w.unnamedViewer(who.slice(0, 4)) : who;
  }

  /**
   * What an action acted on and what else to know, in the log's language: channels by their
   * labels, alarms by their messages, a few rules by their alarms and more counted.
   */
  private details(a: AlarmAction): string {
    const w = this.i18n.t;
    const about = a.about;
    // Recorded without `about` (by hand, or by an earlier version's room): its target and English detail.
    if (!about) return [this.targetText(a), a.detail].filter(Boolean).join(' · ');
    const message = (x: NamedAlarm) => this.i18n.text(x.message);
    const labels = (cs: readonly NamedChannel[]) => cs.map((c) => this.i18n.label(c)).join(', ');
    const parts = (...texts: (string | false)[]) => texts.filter(Boolean).join(w.separator);
    switch (about.kind) {
      case 'channels':
        return parts(about.added.length > 0 && w.added(labels(about.added)), about.removed.length > 0 && w.removed(labels(about.removed)), about.orphaned.length > 0 && w.orphaned(labels(about.orphaned)));
      case 'rules':
        return parts(about.rules.length <= NAMED_RULES ? about.rules.map(message).join(', ') : w.rules(about.rules.length), ...(about.kept ?? []).map((k) => w.kept(w.quote(message(k)))));
      case 'alarm':
        return message(about.alarm);
      case 'pause':
        return this.i18n.duration(about.ms);
      case 'pause-ended':
        return w.pauseEnded[about.why];
      case 'refused': {
        const command = about.command && (about.alarm ? w.of(w.command[about.command], w.quote(message(about.alarm))) : w.command[about.command]);
        return command ? `${command}${w.colon}${w.refused[about.reason]}` : w.refused[about.reason];
      }
    }
  }

  /** What an action without `about` acted on: an occurrence by its alarm's message, rules by their alarms or their count. */
  private targetText(a: AlarmAction): string | undefined {
    if (!a.target) return undefined;
    const message = (id: string) => {
      const entry = [...this.entries].reverse().find((e) => e.id === id);
      return entry && this.i18n.text(entry.message);
    };
    if (a.action !== 'rules-added' && a.action !== 'rule-removed') return message(a.target.replace(/@[^@]*$/, '')) ?? a.target;
    const ids = a.target.split(' ');
    const known = ids.map(message);
    return known.every(Boolean) ? known.join(', ') : this.i18n.t.rules(ids.length);
  }

  private sorted(): AlarmLogEntry[] {
    const key = (e: AlarmLogEntry): number | string =>
      this.sortBy === 'priority' ? PRIORITY_RANK[e.priority] : this.sortBy === 'message' ? this.i18n.text(e.message) : e[this.sortBy] ?? -Infinity;
    const sign = this.descending ? -1 : 1;
    return [...this.entries].sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : 0));
  }

  private sort(column: Column): void {
    this.descending = this.sortBy === column ? !this.descending : true;
    this.sortBy = column;
  }

  private download(): void {
    const csv = this.toCsv();
    this.dispatchEvent(new AlarmLogExportEvent(csv));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    a.download = 'alarm-log.csv';
    a.click();
    URL.revokeObjectURL(a.href);
  }

  protected override render() {
    const h = this.i18n.t;
    // A time that is not a number (never expected) shows empty rather than breaking the log.
    const when = (t?: number) => (t === undefined || !Number.isFinite(t) ? '' : this.i18n.dateTime(t));
    const num = (v: number, d: number) => this.i18n.number(v, d);
    const sortable = (column: Column) => html`<th aria-sort=${this.sortBy === column ? (this.descending ? 'descending' : 'ascending') : 'none'}>
      <button @click=${() => this.sort(column)}>${h[column]}</button>
    </th>`;
    return html`
      <table part="table">
        <thead>
          <tr>
            ${sortable('onset')}${sortable('priority')}${sortable('message')}
            <th>${h.value}</th><th>${h.limit}</th>
            ${sortable('acknowledged')}${sortable('ended')}
          </tr>
        </thead>
        <tbody>
          ${this.entries.length === 0 ? html`<tr><td colspan="7">${h.empty}</td></tr>` : ''}
          ${this.sorted().map(
            (e) => html`<tr data-priority=${e.priority}>
              <td>${when(e.onset)}</td>
              <td>${PRIORITY_MARKER[e.priority]}</td>
              <td>${this.i18n.text(e.message)}</td>
              <td>${e.value === undefined ? '' : readingOf(e.value, { ...e, unit: e.unit ?? '' }, this.i18n.locale, num)}</td>
              <td>${e.limit === undefined ? '' : limitReadingOf(e.limit, e.crossing ?? 'above', { ...e, unit: e.unit ?? '' }, this.i18n.locale, num)}</td>
              <td>${when(e.acknowledged)}${e.acknowledgedBy ? ` (${h.by} ${this.viewerName(e.acknowledgedBy)})` : ''}</td>
              <td>${when(e.ended)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.actions.length
        ? html`<table part="actions">
            <caption>${h.actions}</caption>
            <thead>
              <tr><th>${h.wall}</th><th>${h.dataTime}</th><th>${h.who}</th><th>${h.action}</th><th>${h.detail}</th></tr>
            </thead>
            <tbody>
              ${[...this.actions].reverse().map(
                (a) => html`<tr data-action=${a.action}>
                  <td>${when(a.wall)}</td>
                  <td>${when(a.t)}</td>
                  <td>${this.viewerName(a.who)}</td>
                  <td>${h.actionNames[a.action]}</td>
                  <td>${this.details(a)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : ''}
      <button part="export" @click=${this.download}>${h.export}</button>
    `;
  }
}

const CSV_HEAD = ['record', 'time', 'wall_time', 'who', 'priority', 'kind', 'id', 'message', 'value', 'limit', 'unit', 'acknowledged', 'acknowledged_wall', 'acknowledged_by', 'ended'];

/** ISO 8601, or empty for a time that is not one (no data time yet). */
const iso = (t?: number) => (t === undefined || !Number.isFinite(t) ? undefined : new Date(t).toISOString());

/** A presence change as a log entry: onset when raised, the acknowledgement, the end of the condition. */
function entryOf({ rule, state, t, wall, previous, by }: AlarmChange, m: AlarmManager): AlarmLogEntry {
  const c = rule.condition;
  // A condition judged outside the rules (an engine's) says how its value reads; a rule's reads as its channel.
  const reads: ReadingOf | undefined = c.kind === 'external' ? c.against : m.descriptor(rule.channel);
  const unit = reads?.unit;
  const acknowledged = by !== undefined;
  // A rate is in the channel's unit per minute: no longer a code or a count.
  const named = c.kind === 'rate' ? {} : { states: reads?.states, count: reads?.count };
  return {
    id: rule.id,
    priority: rule.priority,
    kind: rule.kind,
    message: rule.message,
    onset: state.onset,
    acknowledged: acknowledged ? t : undefined,
    acknowledgedWall: acknowledged ? wall : undefined,
    acknowledgedBy: by,
    // Acknowledging a latched alarm clears it; its condition had ended before.
    ended: !state.active && previous !== 'latch' ? t : undefined,
    value: Number.isNaN(state.valueAtOnset) ? undefined : state.valueAtOnset,
    limit: crossedLimit(rule.condition, state.valueAtOnset),
    unit: unit && c.kind === 'rate' ? `${unit}/min` : unit,
    decimals: reads?.decimals,
    crossing: crossingOf(c, state.valueAtOnset),
    ...named,
  };
}
