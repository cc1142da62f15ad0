import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { alarmBannerStyles } from './alarm-banner.styles.js';
import { AlarmSound } from './alarm-sound.js';

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

/** Audio state of the alarm system; `remainingMs` counts down an audio pause. */
export interface BannerAudio {
  state: 'on' | 'paused' | 'off';
  remainingMs?: number;
}

/** Asks for one alarm to be acknowledged; the alarm manager decides. */
export class AlarmAcknowledgeEvent extends Event {
  constructor(readonly alarmId: string) {
    super('ir-alarm-acknowledge', { bubbles: true, composed: true });
  }
}

/** Asks for the alarm sounds to be paused; the alarm manager decides for how long. */
export class AlarmAudioPauseEvent extends Event {
  constructor() {
    super('ir-alarm-audio-pause', { bubbles: true, composed: true });
  }
}

const RANK: Record<AlarmPriority, number> = { hi: 3, me: 2, lo: 1 };
const MARKER: Record<AlarmPriority, string> = { hi: '***', me: '**', lo: '*' };
const WORDS = {
  en: { hi: 'High priority', me: 'Medium priority', lo: 'Low priority', ack: 'Acknowledge', pause: 'Pause audio', enableSound: 'Enable sound', soundOn: 'Sound on', paused: 'Audio paused', off: 'Audio off', more: (n: number) => `+${n} more`, technical: 'Technical', acknowledged: 'acknowledged', none: 'No active alarm' },
  fr: { hi: 'Priorité haute', me: 'Priorité moyenne', lo: 'Priorité basse', ack: 'Acquitter', pause: 'Pause audio', enableSound: 'Activer le son', soundOn: 'Son activé', paused: 'Audio en pause', off: 'Audio coupé', more: (n: number) => `+${n} autre${n > 1 ? 's' : ''}`, technical: 'Technique', acknowledged: 'acquittée', none: 'Aucune alarme active' },
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
 * @event ir-alarm-acknowledge - The user asked to acknowledge the shown alarm (`AlarmAcknowledgeEvent`).
 * @event ir-alarm-audio-pause - The user asked to pause alarm audio (`AlarmAudioPauseEvent`).
 */
export class IrAlarmBanner extends LitElement {
  static override styles = alarmBannerStyles;

  /** Every present alarm condition; the banner picks the most urgent. */
  @property({ attribute: false }) alarms: BannerAlarm[] = [];

  /** The alarm system's audio state. */
  @property({ attribute: false }) audio: BannerAudio = { state: 'on' };

  /**
   * Opt-in alarm sound from this panel (consoles often own their speaker). Sound
   * starts only after a click on the 'enable sound' control.
   */
  @property({ type: Boolean }) sound = false;

  @state() private soundOn = false;
  private readonly audioOut = new AlarmSound();
  private sounding = '';
  private repeat = 0;
  private announced = '';

  private get words() {
    const lang = this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
    return lang.startsWith('fr') ? WORDS.fr : WORDS.en;
  }

  private async enableSound(): Promise<void> {
    this.soundOn = await this.audioOut.enable();
    this.sounding = '';
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.repeat);
    this.sounding = '';
    void this.audioOut.close();
    this.soundOn = false;
  }

  /** Sounds the top alarm when it changes, and repeats it while it stays unacknowledged. */
  protected override updated(): void {
    const top = [...this.alarms].sort(byUrgency)[0];
    const audible = this.soundOn && this.audio.state === 'on' && top && top.presence === 'on' && top.priority !== 'lo';
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
    const w = this.words;
    const sorted = [...this.alarms].sort(byUrgency);
    const top = sorted[0];
    const technical = top && top.kind !== 'tec' ? sorted.find((a) => a.kind === 'tec') : undefined;
    const others = sorted.length - 1 - (technical ? 1 : 0);
    const spoken = top ? `${w[top.priority]}: ${top.message}` : '';
    // Announce a new top alarm once, not on every countdown tick.
    const announce = spoken !== this.announced ? spoken : '';
    this.announced = spoken;
    return html`
      <div part="banner" data-priority=${top?.priority ?? 'none'} ?data-acknowledged=${top?.presence === 'ack'}>
        ${top
          ? html`<span part="marker" aria-hidden="true">${MARKER[top.priority]}</span>
              <span part="message">
                <span class="sr-only">${w[top.priority]}: </span>${top.kind === 'tec' ? `${w.technical}: ` : ''}${top.message}
                ${top.presence === 'ack' ? html` <small>(${w.acknowledged})</small>` : nothing}
              </span>
              ${others > 0 ? html`<span part="count">${w.more(others)}</span>` : nothing}
              ${top.presence !== 'ack'
                ? html`<button part="acknowledge" @click=${() => this.dispatchEvent(new AlarmAcknowledgeEvent(top.id))}>${w.ack}</button>`
                : nothing}`
          : html`<span part="message">${w.none}</span>`}
        <button part="pause" ?disabled=${this.audio.state === 'off'} @click=${() => this.dispatchEvent(new AlarmAudioPauseEvent())}>
          ${this.audio.state === 'paused' ? `${w.paused} ${formatCountdown(this.audio.remainingMs ?? 0)}` : this.audio.state === 'off' ? w.off : w.pause}
        </button>
      </div>
      ${this.sound
        ? html`<button part="sound" aria-pressed=${this.soundOn} @click=${this.enableSound}>${this.soundOn ? w.soundOn : w.enableSound}</button>`
        : nothing}
      ${technical
        ? html`<p part="technical"><span aria-hidden="true">${MARKER[technical.priority]}</span> ${w.technical}: ${technical.message}</p>`
        : nothing}
      <div class="sr-only" aria-live="assertive">${top?.priority === 'hi' ? announce : ''}</div>
      <div class="sr-only" aria-live="polite">${top && top.priority !== 'hi' ? announce : ''}</div>
    `;
  }
}

/** High bursts repeat every 10 s, medium every 25 s, while unacknowledged (IEC allows 2.5-15 s for high). */
const REPEAT_MS = { hi: 10_000, me: 25_000 } as const;

/** m:ss, for the audio-pause countdown. */
function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
