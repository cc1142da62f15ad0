export * from './cement-engine.js';
