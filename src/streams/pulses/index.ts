export * from './scenario.js';
export * from './waveforms.js';
export * from './procedure-source.js';
export * from './wire-input.js';
export * from './pulses-engine.js';
