export * from './ring-buffer.js';
export * from './simulated.js';
export * from './websocket-source.js';
export * from './validate-samples.js';
export * from './stale-after.js';
export * from './frame-batches.js';
export * from './hub.js';
export * from './ndjson-replay.js';
