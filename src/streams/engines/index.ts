export * from './registry.js';
export * from './procedure-engine.js';
export * from './remote-engine.js';
export * from './engine-view.js';
