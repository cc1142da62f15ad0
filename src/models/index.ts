export * from './units.js';
export * from './channel.js';
export * from './validate.js';
export * from './columns.js';
