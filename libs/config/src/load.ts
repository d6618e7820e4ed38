/**
 * Reading and validating the configuration without Nest: for command-line tools that must answer in well
 * under a second (`npm run token`), where loading the framework would cost more than the work.
 */
export * from './app-config.js';
export * from './config-error.js';
export * from './load-config.js';
