export * from './registry.js';
export * from './procedure-engine.js';
