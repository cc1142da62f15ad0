import { ReplaySubject, Subject, filter, map, type Observable } from 'rxjs';
import type { EngineOutput } from './procedure-engine.js';
import type { RoomEngine } from './registry.js';

/**
 * A procedure engine that runs in another room (a Worker's, `followWorker`), as a
 * panel here reads it: its snapshots and outputs as they are posted, its
 * configuration sent there. Nothing is computed here; the alarms are decided there.
 */
export class RemoteEngine<Config = unknown, State = unknown> implements RoomEngine {
  private readonly snapshots = new ReplaySubject<State>(1);
  private readonly told = new Subject<EngineOutput>();
  private latest?: State;
  private configValue?: Config;
  private configKey?: string;

  constructor(
    readonly kind: string,
    private readonly send: (config: Config) => void,
  ) {}

  /** The engine's snapshots, from the first posted (none before: a panel draws its empty state). */
  get state(): Observable<State> {
    return this.snapshots;
  }

  /** The latest snapshot posted (undefined before the first). */
  get current(): State | undefined {
    return this.latest;
  }

  get config(): Config | undefined {
    return this.configValue;
  }

  get outputs(): Observable<EngineOutput> {
    return this.told;
  }

  output<T>(name: string): Observable<T> {
    return this.told.pipe(
      filter((o) => o.name === name),
      map((o) => o.value as T),
    );
  }

  /** Sent to the engine; the same values again (a panel attached again) are not. */
  configure(config: Config): void {
    const key = JSON.stringify(config);
    if (key === this.configKey) return;
    this.configKey = key;
    this.configValue = config;
    this.send(config);
  }

  /** A snapshot posted by the engine. */
  receive(state: State): void {
    this.latest = state;
    this.snapshots.next(state);
  }

  /** An output posted by the engine. */
  receiveOutput(output: EngineOutput): void {
    this.told.next(output);
  }

  toJSON(): { kind: string; config?: Config; state?: State } {
    return { kind: this.kind, config: this.configValue, state: this.latest };
  }

  close(): void {
    this.snapshots.complete();
    this.told.complete();
  }
}
