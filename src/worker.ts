// `ir-monitor/worker`: the module a page starts its room's Worker with
// (`new Worker(new URL('ir-monitor/worker', import.meta.url), { type: 'module' })`, then
// `<ir-telemetry .worker=${worker}>`). Its engines register themselves as they are imported.
import './streams/index.js';
import { serveRoom } from './streams/serve-room.js';

declare const self: DedicatedWorkerGlobalScope;

serveRoom(self);
