import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';
import type { TelemetryRoom } from '../../streams/room/room.js';

/** What the controller needs of a `ProcedureEngine`. */
interface AnyEngine {
  readonly state: Observable<unknown>;
  readonly current: unknown;
  configure(config: never): void;
  close(): void;
}
type ConfigOf<E> = E extends { configure(config: infer C): void } ? C : never;
type StateOf<E> = E extends { readonly current: infer S } ? S : never;

export interface EngineOptions<E> {
  /** The room the panel reads (the InputController's). */
  room(): TelemetryRoom | undefined;
  kind: string;
  create(room: TelemetryRoom): E;
  /** The panel's configuration; undefined: the engine's as it is. The same object again changes nothing. */
  config(): ConfigOf<E> | undefined;
  /** A new snapshot to draw. */
  onState(state: StateOf<E>): void;
}

/**
 * A view's link to its room's engine: finds (or starts) the engine of its kind,
 * hands it the panel's configuration and follows its state. The panel never
 * owns the engine: disconnected, it stops following, the engine goes on.
 */
export class EngineController<E extends AnyEngine> implements ReactiveController {
  engine?: E;
  private subscription?: Subscription;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: EngineOptions<E>,
  ) {
    host.addController(this);
  }

  /** The room may have changed: follow its engine, configured. */
  attach(): void {
    const room = this.options.room();
    const engine = room?.engine(this.options.kind, this.options.create);
    if (engine !== this.engine) {
      this.subscription?.unsubscribe();
      this.engine = engine;
      this.subscription = engine?.state.subscribe((s) => this.options.onState(s as StateOf<E>));
    }
    const config = this.options.config();
    if (engine && config !== undefined) engine.configure(config as never);
  }

  hostUpdate(): void {
    if (this.engine) this.attach();
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = this.engine = undefined;
  }
}
