export * from './scenarios.js';
export * from './ablation-simulator.js';
export * from './thermal-source.js';
export * from './worker-source.js';
export * from './thermal-engine.js';
