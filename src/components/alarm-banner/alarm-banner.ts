import { LanguageController, type Language } from '../kit/language-controller.js';
import { IrEvent } from '../kit/events.js';
import { PRIORITY_MARKER, PRIORITY_RANK } from '../../models/alarm-rules.js';
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { alarmBannerStyles } from './alarm-banner.styles.js';
import { AlarmSound } from './alarm-sound.js';
import { AlarmController, type AlarmHost } from '../alarm-controller.js';
import { FlashPhaseController } from '../kit/flash-phase.js';
import type { AlarmManager } from '../../streams/alarm-manager.js';
import type { AlarmCommand } from '../../models/alarm-command.js';
import { ContextConsumer } from '@lit/context';
import type { Subscription } from 'rxjs';
import { roomContext } from '../kit/room-context.js';
import type { TelemetryRoom } from '../../streams/room/room.js';
import { CATCHING_UP } from '../kit/catching-up.js';

/** Alarm priority, in the words of IEEE 11073 SDC (BICEPS AlertConditionPriority). */
export type AlarmPriority = 'hi' | 'me' | 'lo';

/** One alarm condition as the banner shows it. */
export interface BannerAlarm {
  id: string;
  priority: AlarmPriority;
  /** Physiological, technical or other (BICEPS AlertConditionKind). */
  kind: 'phy' | 'tec' | 'oth';
  message: string;
  /** BICEPS AlertSignalPresence: on, latched (condition over, not yet acknowledged) or acknowledged. */
  presence: 'on' | 'latch' | 'ack';
  /** Onset, epoch ms (data time). */
  onset: number;
  /** The occurrence an acknowledgement names (`ConditionState.occurrence`); the onset when not given. */
  occurrence?: number;
}

/**
 * The alarm system's state, for a banner driven without a manager: audio on,
 * paused (with the time left) or off; alarm signals on or paused.
 */
export interface BannerSystem {
  audio: 'on' | 'paused' | 'off';
  audioRemainingMs?: number;
  alarms: 'on' | 'paused';
  alarmsRemainingMs?: number;
}

/**
 * Asks for an alarm command (acknowledge, pause, resume). Cancelable: when not
 * cancelled, a banner connected to an alarm manager carries it out.
 */
export class AlarmCommandEvent extends IrEvent<{ command: AlarmCommand }> {
  static readonly type = 'ir-alarm-command';
  constructor(command: AlarmCommand) {
    super(AlarmCommandEvent.type, { command }, { cancelable: true });
  }
}

const WORDS = {
  en: { hi: 'High priority', me: 'Medium priority', lo: 'Low priority', ack: 'Acknowledge', pause: 'Pause audio', enableSound: 'Enable sound', soundOn: 'Sound on', paused: 'Audio paused', off: 'Audio off', resume: 'resume', alarmsPaused: 'Alarms paused', resumeAlarms: 'Resume alarms', present: (n: number) => `${n} present`, technical: 'Technical', colon: ': ', acknowledged: 'acknowledged', latched: 'ended, not acknowledged', none: 'No active alarm' },
  fr: { hi: 'Priorité haute', me: 'Priorité moyenne', lo: 'Priorité basse', ack: 'Acquitter', pause: 'Pause audio', enableSound: 'Activer le son', soundOn: 'Son activé', paused: 'Audio en pause', off: 'Audio coupé', resume: 'reprendre', alarmsPaused: 'Alarmes en pause', resumeAlarms: 'Reprendre les alarmes', present: (n: number) => `${n} présente${n > 1 ? 's' : ''}`, technical: 'Technique', colon: ' : ', acknowledged: 'acquittée', latched: 'terminée, non acquittée', none: 'Aucune alarme active' },
};

const unacknowledged = (a: BannerAlarm) => a.presence !== 'ack';
/** Highest priority first; within one, the unacknowledged, then the oldest (the one that has waited longest). */
const byUrgency = (a: BannerAlarm, b: BannerAlarm) =>
  PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || Number(unacknowledged(b)) - Number(unacknowledged(a)) || a.onset - b.onset;
const occurrenceOf = (a: BannerAlarm) => a.occurrence ?? a.onset;
const keyOf = (a: BannerAlarm) => `${a.id}@${occurrenceOf(a)}`;

/**
 * Every present alarm, the most urgent in the band and each other on its own
 * line, in IEC 60601-1-8 colours and flash rates, with a text marker so colour
 * is never the only cue. Every alarm not yet acknowledged (active or latched)
 * flashes at its own priority, has its own acknowledge button naming the
 * occurrence shown, and with `sound` sounds its own burst when it appears,
 * whatever else is present. Technical alarms are lines of their own, never
 * hidden by physiological ones. While its `ir-telemetry`'s room replays what the page
 * missed (a late join, a reconnect), the alarms it passes are past decisions: the banner
 * says it is catching up where it would say there is no alarm, and sounds and announces
 * only what is present once the room is live.
 *
 * @tagname ir-alarm-banner
 * @summary Shows every present alarm, with acknowledge and audio pause.
 * @csspart banner - The coloured band of the most urgent alarm (`data-priority`, `data-acknowledged`, `data-alarm`: the occurrence shown, `id@occurrence`).
 * @csspart marker - The priority marker of the band: `***`, `**` or `*`.
 * @csspart message - The band's message ("No active alarm", "Catching up…" while the room replays).
 * @csspart alarm - The line of each other physiological alarm, coloured and flashing at its priority (`data-priority`, `data-acknowledged`).
 * @csspart technical - The line of each other technical alarm, coloured and flashing at its priority.
 * @csspart acknowledge - The acknowledge button of the band or of a line; it names the occurrence shown.
 * @csspart pause - The audio-pause button and its countdown.
 * @csspart sound - With `sound`: the button that enables alarm sound (browsers need a user gesture) and shows its state.
 * @csspart resume-alarms - While alarm signals are paused: the button that resumes them.
 * @csspart paused-list - While alarm signals are paused: the list of present alarms, without their signals.
 * @csspart paused-alarm - One alarm in that list.
 * @cssproperty --ir-alarm-high-color - High priority background (red).
 * @cssproperty --ir-alarm-medium-color - Medium priority background (yellow).
 * @cssproperty --ir-alarm-low-color - Low priority background (cyan).
 * @cssproperty --ir-alarm-high-text-color - Text on high priority.
 * @cssproperty --ir-alarm-medium-text-color - Text on medium priority.
 * @cssproperty --ir-alarm-low-text-color - Text on low priority.
 * @cssproperty --ir-color-surface - Background between flashes and with no alarm.
 * @cssproperty --ir-color-text - Text with no alarm.
 * @cssproperty --ir-font - Font.
 * @event ir-alarm-command - The user asked to acknowledge, pause or resume (`AlarmCommandEvent`, cancelable).
 */
export class IrAlarmBanner extends LitElement implements AlarmHost {
  static override styles = alarmBannerStyles;

  /**
   * The alarm manager to show and command. Without it, the banner takes the
   * nearest `ir-telemetry`'s; with neither, it shows `alarms` and `system`.
   */
  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  @property({ reflect: true }) theme: 'dark' | 'light' | 'high-contrast' = 'dark';

  @property({ attribute: false }) manager?: AlarmManager;

  /** Every present alarm condition, when no manager drives the banner. */
  @property({ attribute: false }) alarms: BannerAlarm[] = [];

  /** The alarm system's state, when no manager drives the banner. */
  @property({ attribute: false }) system: BannerSystem = { audio: 'on', alarms: 'on' };

  /**
   * Opt-in alarm sound from this panel (consoles often own their speaker). Sound
   * starts only after a click on the 'enable sound' control.
   */
  @property({ type: Boolean }) sound = false;

  @state() private soundOn = false;
  private readonly alarmSystem = new AlarmController(this);
  private readonly audioOut = new AlarmSound();
  /** The band and lines flash in phase with every other flash of their priority on the page. */
  protected readonly flash = new FlashPhaseController(this);
  /** Occurrences whose burst has sounded since sound was last possible. */
  private heard = new Set<string>();
  private reminding?: AlarmPriority;
  private repeat = 0;
  private countdown = 0;
  /** Occurrences already announced to screen readers. */
  private announced = new Set<string>();
  /** Its room replays what the page missed. */
  @state() private catchingUp = false;
  private replay?: Subscription;

  constructor() {
    super();
    // The room of its `ir-telemetry`, followed for its replay (the consumer is a controller of this element).
    new ContextConsumer(this, {
      context: roomContext,
      subscribe: true,
      // None until its `ir-telemetry` has made its room.
      callback: (room?: TelemetryRoom) => {
        this.replay?.unsubscribe();
        this.catchingUp = false;
        this.replay = room?.replaying.subscribe((left) => (this.catchingUp = left > 0));
      },
    });
  }

  /** Resolved through the composed tree, re-resolved when a `lang` on the way changes. */
  private readonly i18n = new LanguageController(this, WORDS);

  private get language(): Language {
    return this.i18n.language;
  }

  /** What to show: the manager's alarms and state, else the properties. */
  private shown(): { alarms: BannerAlarm[]; system: BannerSystem } {
    const m = this.alarmSystem.manager;
    if (!m) return { alarms: [...this.alarms].sort(byUrgency), system: this.system };
    const lang = this.language;
    const { audio, alarms } = this.alarmSystem.system;
    const left = m.pauseRemainingMs();
    return {
      alarms: this.alarmSystem.present.map(({ rule, state }) => ({
        id: rule.id, priority: rule.priority, kind: rule.kind, message: rule.message[lang], presence: state.presence as BannerAlarm['presence'], onset: state.onset, occurrence: state.occurrence,
      })),
      system: { audio: audio.mode, audioRemainingMs: left.audio, alarms: alarms.mode === 'paused' ? 'paused' : 'on', alarmsRemainingMs: left.alarms },
    };
  }

  private send(command: AlarmCommand): void {
    const e = new AlarmCommandEvent(command);
    if (this.dispatchEvent(e)) this.alarmSystem.command(command);
  }

  private async enableSound(): Promise<void> {
    this.soundOn = await this.audioOut.enable();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.quiet();
    clearInterval(this.countdown);
    this.countdown = 0;
    void this.audioOut.close();
    this.soundOn = false;
    this.replay?.unsubscribe();
    this.catchingUp = false;
  }

  private quiet(): void {
    clearInterval(this.repeat);
    this.reminding = undefined;
    this.heard.clear();
  }

  /**
   * Each new unacknowledged occurrence sounds a burst of its own priority (low
   * priority has none: IEC 60601-1-8 makes its auditory signal optional); a
   * reminder repeats at the highest priority still unacknowledged.
   */
  protected override updated(): void {
    const { alarms, system } = this.shown();
    // A pause counts down on data time; show it moving while one runs.
    const paused = system.audio === 'paused' || system.alarms === 'paused';
    if (paused && !this.countdown) this.countdown = window.setInterval(() => this.requestUpdate(), COUNTDOWN_MS);
    if (!paused && this.countdown) clearInterval(this.countdown), (this.countdown = 0);
    if (!(this.soundOn && system.audio === 'on' && system.alarms === 'on')) return this.quiet();
    if (this.catchingUp) return;
    const sounding = alarms.filter((a) => unacknowledged(a) && a.priority !== 'lo');
    const fresh = sounding.filter((a) => !this.heard.has(keyOf(a)));
    this.heard = new Set(sounding.map(keyOf));
    for (const p of ['hi', 'me'] as const) if (fresh.some((a) => a.priority === p)) this.audioOut.play(p);
    const top = sounding[0]?.priority as 'hi' | 'me' | undefined;
    if (top === this.reminding) return;
    clearInterval(this.repeat);
    this.reminding = top;
    if (top) this.repeat = window.setInterval(() => this.audioOut.play(top), REPEAT_MS[top]);
  }

  /** The most urgent occurrence not yet announced, for the live regions. */
  private announce(alarms: readonly BannerAlarm[]): BannerAlarm | undefined {
    const waiting = alarms.filter(unacknowledged);
    const fresh = waiting.find((a) => !this.announced.has(keyOf(a)));
    this.announced = new Set(waiting.map(keyOf));
    return fresh;
  }

  private acknowledgeButton(a: BannerAlarm) {
    return unacknowledged(a)
      ? html`<button part="acknowledge" @click=${() => this.send({ type: 'acknowledge', id: a.id, occurrence: occurrenceOf(a) })}>${WORDS[this.language].ack}</button>`
      : nothing;
  }

  private text(a: BannerAlarm) {
    const w = WORDS[this.language];
    return html`<span class="sr-only">${w[a.priority]}${w.colon}</span>${a.kind === 'tec' ? `${w.technical}${w.colon}` : ''}${a.message}
      ${a.presence === 'ack' ? html` <small>(${w.acknowledged})</small>` : a.presence === 'latch' ? html` <small>(${w.latched})</small>` : nothing}`;
  }

  protected override render() {
    const w = WORDS[this.language];
    const { alarms, system } = this.shown();
    // ALARM PAUSED holds back every alarm signal; the conditions are still evaluated, logged and listed.
    if (system.alarms === 'paused') {
      this.announced.clear();
      return html`<div part="banner" data-priority="none" data-paused>
          <span part="message" role="status">${w.alarmsPaused} ${formatCountdown(system.alarmsRemainingMs ?? 0)}${alarms.length ? ` · ${w.present(alarms.length)}` : ''}</span>
          <button part="resume-alarms" @click=${() => this.send({ type: 'resume-alarms' })}>${w.resumeAlarms}</button>
        </div>
        ${alarms.length
          ? html`<ul part="paused-list">
              ${alarms.map((a) => html`<li part="paused-alarm" data-priority=${a.priority} data-alarm=${keyOf(a)}>${w[a.priority]}${w.colon}${a.kind === 'tec' ? `${w.technical}${w.colon}` : ''}${a.message}${a.presence === 'ack' ? ` (${w.acknowledged})` : a.presence === 'latch' ? ` (${w.latched})` : ''}</li>`)}
            </ul>`
          : nothing}`;
    }
    const [top, ...others] = alarms;
    const fresh = this.catchingUp ? undefined : this.announce(alarms);
    const spoken = fresh ? `${w[fresh.priority]}${w.colon}${fresh.message}` : '';
    const audio =
      system.audio === 'on'
        ? html`<button part="pause" @click=${() => this.send({ type: 'pause-audio' })}>${w.pause}</button>`
        : html`<button part="pause" data-state=${system.audio} @click=${() => this.send({ type: 'resume-audio' })}>
            ${system.audio === 'paused' ? `${w.paused} ${formatCountdown(system.audioRemainingMs ?? 0)}` : w.off} · ${w.resume}
          </button>`;
    return html`
      <div part="banner" class="signal" data-priority=${top?.priority ?? 'none'} data-alarm=${top ? keyOf(top) : nothing} ?data-acknowledged=${top?.presence === 'ack'}>
        ${top
          ? html`<span part="marker" aria-hidden="true">${PRIORITY_MARKER[top.priority]}</span>
              <span part="message">${this.text(top)}</span>
              ${this.acknowledgeButton(top)}`
          : html`<span part="message" role="status">${this.catchingUp ? CATCHING_UP[this.language] : w.none}</span>`}
        ${audio}
      </div>
      ${others.map(
        (a) => html`<div part=${a.kind === 'tec' ? 'technical' : 'alarm'} class="signal line" data-priority=${a.priority} data-alarm=${keyOf(a)} ?data-acknowledged=${a.presence === 'ack'}>
          <span class="marker" aria-hidden="true">${PRIORITY_MARKER[a.priority]}</span>
          <span class="message">${this.text(a)}</span>
          ${this.acknowledgeButton(a)}
        </div>`,
      )}
      <!-- Below every alarm line, never between two of them. -->
      ${this.sound
        ? html`<button part="sound" aria-pressed=${this.soundOn} @click=${this.enableSound}>${this.soundOn ? w.soundOn : w.enableSound}</button>`
        : nothing}
      <div class="sr-only" aria-live="assertive">${fresh?.priority === 'hi' ? spoken : ''}</div>
      <div class="sr-only" aria-live="polite">${fresh && fresh.priority !== 'hi' ? spoken : ''}</div>
    `;
  }
}

/** The countdown of a pause refreshes twice a second. */
const COUNTDOWN_MS = 500;

/**
 * Reminder bursts repeat every 10 s for high, 25 s for medium, while unacknowledged
 * (IEC 60601-1-8 Table 4 allows a high-priority burst every 2.5 s to 15 s).
 */
const REPEAT_MS = { hi: 10_000, me: 25_000 } as const;

/** m:ss, for a pause's countdown. */
function formatCountdown(ms: number): string {
  if (!Number.isFinite(ms)) return '–:––';
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
