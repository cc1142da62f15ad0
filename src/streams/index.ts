export * from './ring-buffer.js';
export * from './simulated.js';
export * from './websocket-source.js';
