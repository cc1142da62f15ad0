export * from './procedure.js';
export * from './plane-geometry.js';
export * from './iceball-estimate.js';
export * from './freeze-clock.js';
export * from './phase-log.js';
export * from './cryo-alarms.js';
export * from './cryo-watch.js';
export * from './questionable.js';
