export * from './roles.js';
export * from './domain-error.js';
export * from './clock.js';
export * from './document-kinds.js';
export * from './visible-text.js';
export * from './fold-vietnamese.js';
