export * from './scenarios.js';
export * from './cryo-simulation.js';
export * from './cryo-source.js';
