export * from './edge.js';
export * from './scenarios.js';
export * from './room-publisher.js';
export * from './outbox.js';
