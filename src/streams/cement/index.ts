export * from './cement-engine.js';
export * from './cement-script.js';
export * from './cement-simulation.js';
export * from './scenarios.js';
