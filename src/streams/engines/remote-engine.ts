import { EngineView, type EngineOutput } from './engine-view.js';

/**
 * A procedure engine that runs in another room (a Worker's, `followWorker`), as a
 * panel here reads it: its snapshots and outputs as they are posted, its
 * configuration sent there. Nothing is computed here; the alarms are decided there.
 * Before the first snapshot `current` is undefined: a panel draws its empty state.
 */
export class RemoteEngine<Config = unknown, State = unknown> extends EngineView<Config, State> {
  private configKey?: string;

  constructor(
    readonly kind: string,
    private readonly send: (config: Config) => void,
  ) {
    super();
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
    this.emit(state);
  }

  /** An output posted by the engine. */
  receiveOutput(output: EngineOutput): void {
    this.tell(output.name, output.value);
  }
}
