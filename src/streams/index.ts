export * from './ring-buffer.js';
export * from './simulated.js';
export * from './websocket-source.js';
export * from './validate-samples.js';
export * from './stale-after.js';
export * from './room/index.js';
export * from './ndjson-replay.js';
export * from './alarm-manager.js';
