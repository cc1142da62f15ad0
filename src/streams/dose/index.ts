export * from './dose-engine.js';
export * from './radioembolisation-engine.js';
export * from './scenarios.js';
