export * from './cement-tracker.js';
export * from './cement-script.js';
export * from './cement-simulation.js';
export * from './scenarios.js';
