export * from './process-lifecycle.js';
export * from './port-check.js';
export * from './queue-prefix-claim.js';
export * from './startup-error.js';
