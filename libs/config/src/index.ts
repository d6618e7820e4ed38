export * from './load.js';
export * from './config.module.js';
export * from './redact-url.js';
export * from './notice-config.js';
export * from './audit-config.js';
export * from './document-config.js';
