/**
 * The HTTP contract (docs/architecture.md, "HTTP contract"): the bodies the API sends and the ones it accepts,
 * as JSON (every date a string). Server and console both import it: the server's views and controllers are
 * annotated with these types, so a change to what the server sends that breaks a client fails to compile.
 *
 * Pure: types and a few constants, no framework and no Node API, so that the browser may import it. It imports
 * nothing but the pure libraries' types (and the kernel's document kinds).
 */
export * from './errors.js';
export * from './page.js';
export * from './proposals.js';
export * from './documents.js';
export * from './campaigns.js';
export * from './units.js';
export * from './notifications.js';
export * from './audit.js';
export * from './machines.js';
export * from './sign-in.js';
export * from './statistics.js';
export * from './people.js';
export type { CalendarYear, CalendarDayOff, CalendarWorkingSaturday, Deadline, DeadlineComputation, DeadlineRule, SkippedDay } from '#calendar';
export type { Finding, RuleId } from '#rules';
