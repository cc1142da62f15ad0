export * from './units.js';
export * from './channel.js';
export * from './validate.js';
export * from './events.js';
export * from './wire.js';
export * from './sequence.js';
export * from './backoff.js';
export * from './column-aggregator.js';
