import { Observable, Subject, filter, map } from 'rxjs';
import type { RoomEngine } from './registry.js';

/** What an engine tells beside its state, as it happens: a finding, a refusal. */
export interface EngineOutput {
  name: string;
  value: unknown;
}

/**
 * What a panel reads of a procedure engine, wherever the engine runs: here
 * (`ProcedureEngine`) or in a Worker's room (its copy, `RemoteEngine`). Its
 * snapshots, what it tells beside them by name, and its configuration.
 */
export abstract class EngineView<Config, State> implements RoomEngine {
  abstract readonly kind: string;
  private readonly snapshots = new Subject<State>();
  private readonly told = new Subject<EngineOutput>();
  private latest?: State;
  /** Whether a snapshot was emitted: `undefined` may be one. */
  private emitted = false;
  protected configValue?: Config;
  /** The latest snapshot, then each new one (a ReplaySubject of one, without its 0.9 kB). */
  private readonly latestThenEach = new Observable<State>((out) => {
    if (this.emitted) out.next(this.latest as State);
    return this.snapshots.subscribe(out);
  });

  /** The procedure's state: the latest snapshot on subscribing, then a new one on every change. */
  get state(): Observable<State> {
    return this.latestThenEach;
  }

  /** The latest snapshot, synchronously (undefined before the first). */
  get current(): State | undefined {
    return this.latest;
  }

  get config(): Config | undefined {
    return this.configValue;
  }

  /** Everything the engine tells beside its state, in order, by name: what a copy elsewhere (`followWorker`) carries. */
  get outputs(): Observable<EngineOutput> {
    return this.told;
  }

  /** One of its outputs (`output('findings')`). */
  output<T>(name: string): Observable<T> {
    return this.told.pipe(
      filter((o) => o.name === name),
      map((o) => o.value as T),
    );
  }

  /** Plain data for a debrief or a second viewer. */
  toJSON(): { kind: string; config?: Config; state?: State } {
    return { kind: this.kind, config: this.configValue, state: this.current };
  }

  close(): void {
    this.snapshots.complete();
    this.told.complete();
  }

  protected emit(state: State): void {
    this.latest = state;
    this.emitted = true;
    this.snapshots.next(state);
  }

  /** An output beside the state (`output(name)`): plain data, which a Worker can post. */
  protected tell(name: string, value: unknown): void {
    this.told.next({ name, value });
  }
}
