export * from './setting.js';
export * from './plan.js';
export * from './event-text.js';
export * from './ledger.js';
export * from './rules.js';
