export * from './proposal.types.js';
export * from './proposal-v1.machine.js';
export * from './machine-registry.js';
export * from './proposal-transitions.js';
