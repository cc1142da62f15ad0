export * from './thermal-engine.js';
