import type { TelemetryRoom } from '../room/room.js';

/** What a room needs of an engine: to close it with the room. */
export interface RoomEngine {
  readonly kind: string;
  close(): void;
}

export type EngineFactory = (room: TelemetryRoom) => RoomEngine;

const factories = new Map<string, EngineFactory>();

/**
 * Makes an engine startable by name (`<ir-telemetry procedures="cryo">`,
 * `room.engine('cryo')`). Each engine module registers itself when imported.
 */
export function registerEngine(kind: string, factory: EngineFactory): void {
  factories.set(kind, factory);
}

export function engineFactory(kind: string): EngineFactory | undefined {
  return factories.get(kind);
}

/** The kinds registered so far, for a message naming what could have been meant. */
export function engineKinds(): string[] {
  return [...factories.keys()];
}
