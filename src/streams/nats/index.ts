export * from './subjects.js';
export * from './nats-source.js';
export * from './follow-nats.js';
