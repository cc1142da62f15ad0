import { LanguageController, type Language } from '../kit/language-controller.js';
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { alarmBannerStyles } from './alarm-banner.styles.js';
import { AlarmSound } from './alarm-sound.js';
import { AlarmController, type AlarmHost } from '../alarm-controller.js';
import type { AlarmManager } from '../../streams/alarm-manager.js';
import type { AlarmCommand } from '../../models/alarm-command.js';

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
export class AlarmCommandEvent extends Event {
  constructor(readonly command: AlarmCommand) {
    super('ir-alarm-command', { bubbles: true, composed: true, cancelable: true });
  }
}

const RANK: Record<AlarmPriority, number> = { hi: 3, me: 2, lo: 1 };
const MARKER: Record<AlarmPriority, string> = { hi: '***', me: '**', lo: '*' };
const WORDS = {
  en: { hi: 'High priority', me: 'Medium priority', lo: 'Low priority', ack: 'Acknowledge', pause: 'Pause audio', enableSound: 'Enable sound', soundOn: 'Sound on', paused: 'Audio paused', off: 'Audio off', resume: 'resume', alarmsPaused: 'Alarms paused', resumeAlarms: 'Resume alarms', present: (n: number) => `${n} present`, more: (n: number) => `+${n} more`, technical: 'Technical', colon: ': ', acknowledged: 'acknowledged', latched: 'ended, not acknowledged', none: 'No active alarm' },
  fr: { hi: 'Priorité haute', me: 'Priorité moyenne', lo: 'Priorité basse', ack: 'Acquitter', pause: 'Pause audio', enableSound: 'Activer le son', soundOn: 'Son activé', paused: 'Audio en pause', off: 'Audio coupé', resume: 'reprendre', alarmsPaused: 'Alarmes en pause', resumeAlarms: 'Reprendre les alarmes', present: (n: number) => `${n} présente${n > 1 ? 's' : ''}`, more: (n: number) => `+${n} autre${n > 1 ? 's' : ''}`, technical: 'Technique', colon: ' : ', acknowledged: 'acquittée', latched: 'terminée, non acquittée', none: 'Aucune alarme active' },
};

/** Highest priority first, then the oldest onset: the one that has waited longest. */
const byUrgency = (a: BannerAlarm, b: BannerAlarm) => RANK[b.priority] - RANK[a.priority] || a.onset - b.onset;

/**
 * The highest-priority active alarm, in IEC 60601-1-8 colours and flash rates,
 * with a text marker so colour is never the only cue. Technical alarms are
 * never hidden by physiological ones: the top technical alarm gets its own line.
 *
 * @tagname ir-alarm-banner
 * @summary Shows the most urgent alarm, with acknowledge and audio pause.
 * @csspart banner - The coloured band of the top alarm.
 * @csspart marker - The priority marker: `***`, `**` or `*`.
 * @csspart message - The alarm's message.
 * @csspart count - How many other alarms are active.
 * @csspart technical - The line of the top technical alarm when a physiological one leads.
 * @csspart acknowledge - The acknowledge button.
 * @csspart pause - The audio-pause button and its countdown.
 * @csspart sound - With `sound`: the button that enables alarm sound (browsers need a user gesture) and shows its state.
 * @cssproperty --ir-alarm-high-color - High priority background (red).
 * @cssproperty --ir-alarm-medium-color - Medium priority background (yellow).
 * @cssproperty --ir-alarm-low-color - Low priority background (cyan).
 * @cssproperty --ir-alarm-high-text-color - Text on high priority.
 * @cssproperty --ir-alarm-medium-text-color - Text on medium priority.
 * @cssproperty --ir-alarm-low-text-color - Text on low priority.
 * @cssproperty --ir-color-surface - Background between flashes and with no alarm.
 * @cssproperty --ir-color-text - Text with no alarm.
 * @cssproperty --ir-font - Font.
 * @csspart resume-alarms - While alarm signals are paused: the button that resumes them.
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

  /** Every present alarm condition, when no manager drives the banner; it picks the most urgent. */
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
  private sounding = '';
  private repeat = 0;
  private countdown = 0;
  private announced = '';

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
        id: rule.id, priority: rule.priority, kind: rule.kind, message: rule.message[lang], presence: state.presence as BannerAlarm['presence'], onset: state.onset,
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
    this.sounding = '';
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.repeat);
    clearInterval(this.countdown);
    this.countdown = 0;
    this.sounding = '';
    void this.audioOut.close();
    this.soundOn = false;
  }

  /** Sounds the top alarm when it changes, and repeats it while it stays unacknowledged. */
  protected override updated(): void {
    const { alarms, system } = this.shown();
    // A pause counts down on data time; show it moving while one runs.
    const paused = system.audio === 'paused' || system.alarms === 'paused';
    if (paused && !this.countdown) this.countdown = window.setInterval(() => this.requestUpdate(), COUNTDOWN_MS);
    if (!paused && this.countdown) clearInterval(this.countdown), (this.countdown = 0);
    const top = alarms[0];
    const audible = this.soundOn && system.audio === 'on' && system.alarms === 'on' && top && top.presence === 'on' && top.priority !== 'lo';
    const key = audible ? `${top.id}:${top.priority}` : '';
    if (key === this.sounding) return;
    this.sounding = key;
    clearInterval(this.repeat);
    if (!audible) return;
    const priority = top.priority as 'hi' | 'me';
    this.audioOut.play(priority);
    this.repeat = window.setInterval(() => this.audioOut.play(priority), REPEAT_MS[priority]);
  }

  protected override render() {
    const w = WORDS[this.language];
    const { alarms, system } = this.shown();
    // ALARM PAUSED holds back every alarm signal; the conditions are still evaluated and logged.
    if (system.alarms === 'paused') {
      this.announced = '';
      return html`<div part="banner" data-priority="none" data-paused>
        <span part="message" role="status">${w.alarmsPaused} ${formatCountdown(system.alarmsRemainingMs ?? 0)}${alarms.length ? ` · ${w.present(alarms.length)}` : ''}</span>
        <button part="resume-alarms" @click=${() => this.send({ type: 'resume-alarms' })}>${w.resumeAlarms}</button>
      </div>`;
    }
    const top = alarms[0];
    const technical = top && top.kind !== 'tec' ? alarms.find((a) => a.kind === 'tec') : undefined;
    const others = alarms.length - 1 - (technical ? 1 : 0);
    const spoken = top ? `${w[top.priority]}${w.colon}${top.message}` : '';
    // Announce a new top alarm once, not on every countdown tick.
    const announce = spoken !== this.announced ? spoken : '';
    this.announced = spoken;
    const audio =
      system.audio === 'on'
        ? html`<button part="pause" @click=${() => this.send({ type: 'pause-audio' })}>${w.pause}</button>`
        : html`<button part="pause" data-state=${system.audio} @click=${() => this.send({ type: 'resume-audio' })}>
            ${system.audio === 'paused' ? `${w.paused} ${formatCountdown(system.audioRemainingMs ?? 0)}` : w.off} · ${w.resume}
          </button>`;
    return html`
      <div part="banner" data-priority=${top?.priority ?? 'none'} ?data-acknowledged=${top?.presence === 'ack'}>
        ${top
          ? html`<span part="marker" aria-hidden="true">${MARKER[top.priority]}</span>
              <span part="message">
                <span class="sr-only">${w[top.priority]}${w.colon}</span>${top.kind === 'tec' ? `${w.technical}${w.colon}` : ''}${top.message}
                ${top.presence === 'ack' ? html` <small>(${w.acknowledged})</small>` : top.presence === 'latch' ? html` <small>(${w.latched})</small>` : nothing}
              </span>
              ${others > 0 ? html`<span part="count">${w.more(others)}</span>` : nothing}
              ${top.presence !== 'ack'
                ? html`<button part="acknowledge" @click=${() => this.send({ type: 'acknowledge', id: top.id })}>${w.ack}</button>`
                : nothing}`
          : html`<span part="message">${w.none}</span>`}
        ${audio}
      </div>
      ${this.sound
        ? html`<button part="sound" aria-pressed=${this.soundOn} @click=${this.enableSound}>${this.soundOn ? w.soundOn : w.enableSound}</button>`
        : nothing}
      ${technical
        ? html`<p part="technical"><span aria-hidden="true">${MARKER[technical.priority]}</span> ${w.technical}${w.colon}${technical.message}</p>`
        : nothing}
      <div class="sr-only" aria-live="assertive">${top?.priority === 'hi' ? announce : ''}</div>
      <div class="sr-only" aria-live="polite">${top && top.priority !== 'hi' ? announce : ''}</div>
    `;
  }
}

/** The countdown of a pause refreshes twice a second. */
const COUNTDOWN_MS = 500;

/** High bursts repeat every 10 s, medium every 25 s, while unacknowledged (IEC allows 2.5-15 s for high). */
const REPEAT_MS = { hi: 10_000, me: 25_000 } as const;

/** m:ss, for the audio-pause countdown. */
function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
