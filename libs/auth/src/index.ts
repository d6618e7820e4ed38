export * from './access-token.js';
export * from './read-only-roles.js';
