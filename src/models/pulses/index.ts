export * from './layout.js';
export * from './protocol.js';
export * from './record.js';
export * from './ledger.js';
export * from './ecg.js';
export * from './channels.js';
export * from './alarms.js';
export * from './status.js';
