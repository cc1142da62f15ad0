// The wire format (docs/wire-format.md): NDJSON envelopes and binary frames.
export * from './wire-envelope.js';
export * from './wire-frame.js';
