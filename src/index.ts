export * from './models/index.js';
export * from './streams/index.js';
export * from './components/telemetry.js';
export * from './components/trend.js';
export * from './components/alarm-banner.js';
export * from './components/alarm-log.js';
export * from './components/alarm-controller.js';
export * from './components/pulse-trace.js';
