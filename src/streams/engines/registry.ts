import type { TelemetryRoom } from '../room/room.js';

type Factory = (room: TelemetryRoom) => { close(): void };
const factories = new Map<string, Factory>();

/** Each engine module registers itself at import, so `<ir-telemetry procedures="...">` can start it by kind. */
export function registerEngine(kind: string, factory: Factory): void {
  factories.set(kind, factory);
}

export const engineFactory = (kind: string): Factory | undefined => factories.get(kind);
