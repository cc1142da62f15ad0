// `ir-monitor/sim`: the simulators and scenarios the training demo and the tests play, and the
// wire encoder that sends them through a gateway. Training only: no production entry point
// (`ir-monitor`, `ir-monitor/streams`, a component module) carries any of it.
export * from './streams/simulated.js';
export * from './streams/play-script.js';
export * from './streams/cement/cement-script.js';
export * from './streams/cement/cement-simulation.js';
export * from './streams/cement/scenarios.js';
export * from './streams/cryo/cryo-simulation.js';
export * from './streams/cryo/cryo-source.js';
export * from './streams/cryo/scenarios.js';
export * from './streams/thermal/ablation-simulator.js';
export * from './streams/thermal/thermal-source.js';
export * from './streams/thermal/worker-source.js';
export * from './streams/thermal/scenarios.js';
export * from './streams/pulses/scenario.js';
export * from './streams/pulses/waveforms.js';
export * from './streams/pulses/procedure-source.js';
export * from './streams/pulses/wire-input.js';
export * from './streams/dose/scenarios.js';
