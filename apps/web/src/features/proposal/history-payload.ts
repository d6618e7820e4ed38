import type { Decision, MigratedPayload, Vote } from '#workflows/proposal';
import { localToday } from '../../calendar/working-days.js';
import { asDecision, asVote } from '../audit/payload-shapes.js';

// The payload is whatever the event carried when it was logged, possibly under an older contract: read it
// defensively rather than trust a type.
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

// Votes and decisions are read as the replay reads them (one shape check, in audit/payload-shapes.ts).
export const isVote = (value: unknown): value is Vote => asVote(value) !== null;

export const isDecision = (value: unknown): value is Decision => asDecision(value, { complete: true }) !== null;

export const isMigrated = (value: unknown): value is MigratedPayload =>
  isObject(value) && typeof value.fromVersion === 'number' && typeof value.toVersion === 'number';

export const isDeadline = (value: unknown): value is { rule: string; dueAt: string } =>
  isObject(value) && typeof value.rule === 'string' && typeof value.dueAt === 'string';

/** The rule IDs a checkpoint warned about, once each. */
export const ruleWarnings = (value: unknown): string[] =>
  isObject(value) && Array.isArray(value.warnings) ? [...new Set(value.warnings.filter((rule): rule is string => typeof rule === 'string'))] : [];

/** The log keeps the instant a deadline ends (24:00 in Vietnam); officials read its last day. */
export const lastDayOf = (dueAt: string) => localToday(new Date(Date.parse(dueAt) - 1));

/** A text field of the payload, or null when it is absent or blank. */
export const payloadText = (payload: Record<string, unknown>, key: string): string | null =>
  typeof payload[key] === 'string' && payload[key] !== '' ? (payload[key] as string) : null;
