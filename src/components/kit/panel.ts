import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Observable, SchedulerLike, Subscription } from 'rxjs';
import type { ChannelDescriptor, SampleBatch } from '../../models/channel.js';
import { PRIORITY_MARKER, type Priority } from '../../models/alarm-rules.js';
import type { AlarmManager, PresentAlarm } from '../../streams/alarm-manager.js';
import type { RoomInput, TelemetryRoom } from '../../streams/room/room.js';
import { CATCHING_UP } from './catching-up.js';
import { AlarmController, type AlarmHost } from '../alarm-controller.js';
import { CalmTickController } from './calm-tick.js';
import { FlashPhaseController } from './flash-phase.js';
import { FrameController } from './frame-scheduler.js';
import { InputController, type InputHost } from './input-controller.js';
import { LanguageController, type Messages } from './language-controller.js';
import { ThemeController, type ThemeHost } from './theme-controller.js';

/**
 * What every data panel shares, written once: its input (`source` with
 * `channels`, or `channel` ids through `ir-telemetry`), the alarm manager in
 * reach (`manager`, else its room's), `theme`, the clock (`scheduler`), the
 * alarm frame with its marker, the page's one animation frame, theme colours,
 * language and a calm tick for read-outs. A panel adds its drawing: `draw()`,
 * and the hooks it needs (`channelsChanged`, `batch`, `qualityChanged`).
 * Nested elements are declared in `dependencies`, registered with the panel.
 * While its room replays what it missed (a late join, a reconnect), the panel
 * says it is catching up beside its alarm marker (`part="catching-up"`) and
 * does not draw, then draws the latest once live.
 * A panel drawn inside another is given it as `framedBy`: an alarm the outer
 * panel frames is framed once, by the outer panel; the inner one still shows
 * its marker and text (`framed-outside`).
 *
 * @csspart catching-up - "Catching up…" while the room replays what the page missed (a late join, a reconnect).
 */
export abstract class IrPanel<M> extends LitElement implements InputHost, AlarmHost, ThemeHost {
  /** Elements this panel renders inside itself, registered along with it. */
  static dependencies: Record<string, CustomElementConstructor> = {};

  /** With `.source`, the descriptors of the channels it sends; inside `ir-telemetry`, the channels to show when `channel` is not set. */
  @property({ attribute: false }) channels: ChannelDescriptor[] = [];

  /** Channel ids, separated by spaces or commas, read from the nearest `ir-telemetry`. */
  @property() channel?: string;

  /** The data. The panel then has a room of its own, validated, stale-judged and alarmed as inside `ir-telemetry`. */
  @property({ attribute: false }) source?: Observable<RoomInput>;

  /** The alarm manager to follow; without it, the room's. */
  @property({ attribute: false }) manager?: AlarmManager;

  /** Colour theme: `dark` (default, for dim procedure rooms), `light` or `high-contrast`. */
  @property({ reflect: true }) theme: 'dark' | 'light' | 'high-contrast' = 'dark';

  /** The clock of the panel's own room (stale detection) and of its read-outs; a VirtualTimeScheduler in tests. */
  @property({ attribute: false }) scheduler?: SchedulerLike;

  /**
   * Priority of the most urgent alarm on this panel's channels, if any: the panel
   * frames itself in the priority colour and shows the marker (`***`, `**`, `*`)
   * with the alarm's text. Set from the alarm manager when it has rules on these
   * channels; otherwise the host's to set.
   */
  @property({ reflect: true }) alarm?: Priority;

  /** Every alarm on this panel's channels is acknowledged: the frame turns dashed. */
  @property({ type: Boolean, reflect: true }) acknowledged = false;

  /**
   * The panel this one is drawn inside, set by that panel (`.framedBy=${this}`): the alarms it
   * frames already are not framed here a second time.
   */
  @property({ attribute: false }) framedBy?: { framesAlarm(a: PresentAlarm): boolean };

  /** Every alarm shown here is framed by `framedBy`: this panel shows the marker and text, not a frame of its own. Set by the panel. */
  @property({ type: Boolean, reflect: true, attribute: 'framed-outside' }) framedOutside = false;

  protected readonly input = new InputController(this, {
    windowMs: () => this.windowMs(),
    onChannels: (room) => {
      this.useFallbackManager();
      this.followReplay(room);
      this.channelsChanged(room);
    },
    onConnect: (room) => this.connecting(room),
    onBatch: (b) => this.batch(b),
    onQuality: () => (this.requestUpdate(), this.qualityChanged()),
  });
  protected readonly alarmSystem = new AlarmController(this);
  protected readonly language: LanguageController<M>;
  protected readonly frame = new FrameController(this, () => this.draw());
  protected readonly themes = new ThemeController(this, () => this.themeChanged());
  protected readonly tick = new CalmTickController(this);
  /** The alarm marker flashes in phase with every other flash of its priority on the page. */
  protected readonly flash = new FlashPhaseController(this);
  /** The text of the alarm framing the panel, in the panel's language. */
  protected alarmMessage = '';
  /** The room replays what it missed: what is drawn is not yet live. */
  private catchingUp = false;
  private replay?: { room: TelemetryRoom; sub: Subscription };

  constructor(messages: Messages<M>) {
    super();
    this.language = new LanguageController(this, messages);
  }

  /** The room the panel reads: its own (with `.source`) or its `ir-telemetry`'s. */
  protected get room(): TelemetryRoom | undefined {
    return this.input.room;
  }

  /** The channels shown, resolved in the room. */
  protected get shown(): readonly ChannelDescriptor[] {
    return this.input.channels;
  }

  /** Data time the panel needs from each store (ms). */
  protected windowMs(): number {
    return 600_000;
  }

  /** The view of the procedure engine the panel draws, if it draws one (an `EngineController`). */
  protected readonly engines?: { readonly kind: string; attach(): void };

  /** The room or the resolved channels changed: follow its engine, and re-read what the panel draws. */
  protected channelsChanged(_room: TelemetryRoom): void {
    this.engines?.attach();
    this.frame.request();
  }

  /** The panel's own room is about to follow its `.source`: start its engines here (`EngineController.start`). */
  protected connecting(_room: TelemetryRoom): void {}

  /** A batch arrived on one of the panel's channels (already in the store). */
  protected batch(_b: SampleBatch): void {
    this.frame.request();
  }

  protected qualityChanged(): void {
    this.frame.request();
  }

  protected themeChanged(): void {
    this.frame.request();
  }

  /** The kind of the procedure engine this panel views, whose alarms (`KIND:id`) frame it too. */
  protected engineKind(): string | undefined {
    return this.engines?.kind;
  }

  /** The channels whose alarms frame the panel: those shown, and any its engine derives for it. */
  protected alarmChannels(): string[] {
    return this.shown.map((c) => c.id);
  }

  /** Whether this panel frames an alarm: one on its channels, or one of its engine. */
  framesAlarm(a: PresentAlarm): boolean {
    const kind = this.engineKind();
    return this.alarmChannels().includes(a.rule.channel) || (kind !== undefined && a.rule.id.startsWith(`${kind}:`));
  }

  /** Draws once in the page's animation frame, from what the panel keeps. */
  protected abstract draw(): void;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    this.useFallbackManager();
    super.willUpdate(changed);
    this.showAlarm();
  }

  /** A private room's manager is the panel's when no other is in reach. */
  private useFallbackManager(): void {
    this.alarmSystem.fallback = this.input.isPrivate ? this.room?.manager : undefined;
  }

  /** The alarm marker and text while the panel is framed (`part="alarm"`), and the catching-up note while the room replays. */
  protected alarmMarker(): TemplateResult {
    return html`${this.alarm ? html`<span part="alarm">${[PRIORITY_MARKER[this.alarm], this.alarmMessage].filter(Boolean).join(' ')}</span>` : nothing}${
      this.catchingUp ? html`<span part="catching-up" role="status">${CATCHING_UP[this.language.language]}</span>` : nothing
    }`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.replay?.sub.unsubscribe();
    this.replay = undefined;
  }

  /** Follows how much the room has left to replay. */
  private followReplay(room: TelemetryRoom): void {
    if (this.replay?.room === room) return;
    this.replay?.sub.unsubscribe();
    this.replay = {
      room,
      sub: room.replaying.subscribe((left) => {
        if (left > 0 === this.catchingUp) return;
        this.catchingUp = left > 0;
        // Says so, and draws again once live: the frames in between would show a past already replaced.
        this.frame.hold(this.catchingUp);
        this.requestUpdate();
      }),
    };
  }

  /**
   * The most urgent alarm on this panel's channels, or of its engine, frames it,
   * acknowledged ones too, unless alarm signals are paused.
   */
  private showAlarm(): void {
    const m = this.alarmSystem.manager;
    const kind = this.engineKind();
    const ids = new Set(this.alarmChannels());
    // With no rule on its channels and no engine, the frame is the host's to set.
    if (!m || (!kind && ![...ids].some((id) => m.rulesOf(id).length))) return;
    const paused = this.alarmSystem.system.alarms.mode === 'paused';
    const mine = paused ? [] : this.alarmSystem.present.filter((a) => this.framesAlarm(a));
    this.alarm = mine[0]?.rule.priority;
    this.framedOutside = mine.length > 0 && mine.every((a) => this.framedBy?.framesAlarm(a) === true);
    this.acknowledged = mine.length > 0 && mine.every((a) => a.state.presence === 'ack');
    this.alarmMessage = mine[0]?.rule.message[this.language.language] ?? '';
  }
}
