export * from './air-kerma.js';
export * from './y90.js';
export * from './channels.js';
