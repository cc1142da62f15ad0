import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscription } from 'rxjs';
import type { ProcedureEngine } from '../../streams/engines/procedure-engine.js';
import type { TelemetryRoom } from '../../streams/room/room.js';

export interface EngineOptions<Config, State, E extends ProcedureEngine<Config, State>> {
  /** The room the panel reads (its InputController's). */
  room(): TelemetryRoom | undefined;
  kind: string;
  /** Starts the engine when the room has none of this kind yet. */
  create(room: TelemetryRoom): E;
  /** The panel's configuration for the engine; undefined leaves the engine's as it is (a view attached late). */
  config(): Config | undefined;
  /** A new snapshot to draw. */
  onState(state: State, engine: E): void;
}

/**
 * A panel's view of its procedure's engine. The engine belongs to the room:
 * this finds it there (starting it if the room has none), hands it the panel's
 * configuration, and follows its state while the panel is attached. A panel
 * that leaves unsubscribes, and the procedure goes on.
 */
export class EngineController<Config, State, E extends ProcedureEngine<Config, State>> implements ReactiveController {
  engine?: E;
  private subscription?: Subscription;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: EngineOptions<Config, State, E>,
  ) {
    host.addController(this);
  }

  /** The kind of engine viewed (`cement`, `cryo`...). */
  get kind(): string {
    return this.options.kind;
  }

  /** The room may have changed (call from the InputController's `onChannels`): follow its engine. */
  attach(): void {
    const room = this.options.room();
    const engine = room?.engine(this.options.kind, this.options.create);
    if (engine !== this.engine) {
      this.subscription?.unsubscribe();
      this.engine = engine;
      this.subscription = engine?.state.subscribe((s) => this.options.onState(s, engine));
    }
    this.configure();
  }

  /**
   * Starts the engine in `room`, configured, before the room follows its source (the
   * InputController's `onConnect`): a source that replays its history when subscribed loses nothing.
   */
  start(room: TelemetryRoom): void {
    const config = this.options.config();
    if (config !== undefined) room.engine(this.options.kind, this.options.create)?.configure(config);
  }

  /** Hands the engine the panel's configuration, if it has one. */
  configure(): void {
    const config = this.options.config();
    if (this.engine && config !== undefined) this.engine.configure(config);
  }

  hostConnected(): void {
    this.attach();
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.engine = undefined;
  }
}
