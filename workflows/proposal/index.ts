export * from './proposal.types.js';
export { proposalMachineV1 } from './proposal-v1.machine.js';
export { proposalMachineV2 } from './proposal-v2.machine.js';
export * from './machine-registry.js';
export * from './proposal-transitions.js';
export * from './proposal-migration.js';
export * from './machine-graph.js';
export * from './stage-policy.js';
export * from './proposal-replayer.js';
