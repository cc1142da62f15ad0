import { createContext } from '@lit/context';
import type { TelemetryRoom } from '../../streams/room/room.js';

/**
 * The room of the nearest `ir-telemetry`. A string key, not a Symbol, so two
 * copies of the library loaded into one console still find each other.
 */
export const roomContext = createContext<TelemetryRoom>('ir-monitor/room');
