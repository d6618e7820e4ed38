export * from './process-lifecycle.js';
