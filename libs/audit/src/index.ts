export * from './canonical-json.js';
export * from './event-hash.js';
export * from './audit-log.port.js';
