export * from './scenarios.js';
export * from './cryo-simulation.js';
export * from './cryo-source.js';
export * from './cryo-state.js';
export * from './cryo-engine.js';
