export * from './queue-names.js';
export * from './job-contracts.js';
export * from './job-registry.js';
export * from './job-handler-check.js';
export * from './redis-connection.js';
export * from './domain-event.publisher.js';
