export * from './cryo-state.js';
export * from './cryo-engine.js';
