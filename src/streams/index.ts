export * from './ring-buffer.js';
export * from './simulated.js';
