export * from './canonical-json.js';
export * from './event-hash.js';
