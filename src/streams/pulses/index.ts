export * from './pulses-engine.js';
