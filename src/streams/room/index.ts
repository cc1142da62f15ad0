export * from './room.js';
export * from './channel-store.js';
export * from './frame-store.js';
export * from './room-output.js';
