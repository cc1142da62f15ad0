export * from './dose-engine.js';
export * from './radioembolisation-engine.js';
