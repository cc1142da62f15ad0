export * from './tissue.js';
export * from './dose.js';
export * from './shapes.js';
export * from './accumulator.js';
export * from './contours.js';
export * from './coverage.js';
export * from './bioheat.js';
export * from './alarms.js';
