import { ApiError } from '../../api/api-error.js';
import type { Lang } from '../../i18n/i18n.js';
import { FIELD_PROBLEM_MESSAGES } from './field-problems.messages.js';

/**
 * The field problems of a refused form, by field path (`nominee.name`, `guidance.achievementPeriod.from`), so
 * each input can show its own beside it; the first message per field, as the server sends one per field.
 * These are the server's own words (English, for developers), never shown: the proposal form reads them
 * through {@link sentencesByField}, every other form through {@link problemTextsByField}.
 */
export function problemsByField(error: unknown): Record<string, string> {
  const byField: Record<string, string> = {};
  if (!(error instanceof ApiError)) return byField;
  for (const problem of error.errors) byField[problem.field] ??= problem.message;
  return byField;
}

/** What is wrong with a field, whoever found it (the API's validation, docs/validation.md, or the form). */
export type ProblemKind =
  | 'required'
  | 'choose'
  | 'future'
  | 'tooOld'
  | 'beforeAchievement'
  | 'date'
  | 'singleLine'
  | 'tooLong'
  | 'tooShort'
  | 'notAllowed'
  | 'choice'
  | 'wholeNumber'
  | 'tooSmall'
  | 'tooLarge'
  | 'year'
  | 'invalid';

export interface FieldProblemKind {
  kind: ProblemKind;
  /** The number the constraint names: a length, a bound, a count of years. */
  limit?: number;
}

const number = (match: RegExpMatchArray | null) => (match ? Number(match[1]) : undefined);

/**
 * Reads the kind of problem out of the API's message. The shapes are class-validator's defaults and the
 * API's own (apps/api/src/dto, libs/proposals input windows; docs/validation.md); anything else is "invalid",
 * so a new server check still gets a Vietnamese sentence, only a less precise one.
 */
export function classifyProblem(message: string): FieldProblemKind {
  const text = message.toLowerCase();
  if (/should not be empty|must not be empty|must hold visible text|is required|must be a string|should not be null|must be defined/.test(text)) return { kind: 'required' };
  if (/should not exist/.test(text)) return { kind: 'notAllowed' };
  if (/is after today|cannot be in the future/.test(text)) return { kind: 'future' };
  const old = number(text.match(/more than (\d+) years ago/));
  if (old !== undefined) return { kind: 'tooOld', limit: old };
  if (/is before the achievement/.test(text)) return { kind: 'beforeAchievement' };
  if (/must be a date|yyyy-mm-dd|iso 8601/.test(text)) return { kind: 'date' };
  if (/must be one line/.test(text)) return { kind: 'singleLine' };
  const long = number(text.match(/shorter than or equal to (\d+)/));
  if (long !== undefined) return { kind: 'tooLong', limit: long };
  const short = number(text.match(/longer than or equal to (\d+)/));
  if (short !== undefined) return { kind: 'tooShort', limit: short };
  if (/must be one of the following values|must be a valid enum/.test(text)) return { kind: 'choice' };
  if (/must be an integer|must be a number|must be a positive/.test(text)) return { kind: 'wholeNumber' };
  const min = number(text.match(/must not be less than (-?\d+)/));
  if (min !== undefined) return { kind: 'tooSmall', limit: min };
  const max = number(text.match(/must not be greater than (-?\d+)/));
  if (max !== undefined) return { kind: 'tooLarge', limit: max };
  return { kind: 'invalid' };
}

/** The form's field for a path the API names: an UPDATE's problems sit under `changes.`. */
export const formFieldOf = (field: string) => field.replace(/^changes\./, '');

/**
 * One sentence an official reads for a field's problem: the field's own name in words, never its path, never
 * the API's English. A field the console has no name for is "a field of the proposal".
 */
export function problemSentence(field: string, problem: FieldProblemKind, lang: Lang): string {
  const t = FIELD_PROBLEM_MESSAGES[lang];
  const path = formFieldOf(field);
  return t.special[`${path}:${problem.kind}`] ?? sentenceOf(t.labels[path] ?? t.someField, problem, lang);
}

/** The sentence for a problem of the field called `label`. */
function sentenceOf(label: string, problem: FieldProblemKind, lang: Lang): string {
  const t = FIELD_PROBLEM_MESSAGES[lang];
  switch (problem.kind) {
    case 'required':
    case 'choose':
    case 'future':
    case 'beforeAchievement':
    case 'date':
    case 'singleLine':
    case 'choice':
    case 'wholeNumber':
    case 'year':
    case 'invalid':
      return t[problem.kind](label);
    case 'notAllowed':
      // A field the form never sends: nothing the official can do in it but check it.
      return t.invalid(label);
    case 'tooOld':
      return t.tooOld(label, problem.limit ?? 20);
    case 'tooLong':
    case 'tooShort':
    case 'tooSmall':
    case 'tooLarge':
      return problem.limit === undefined ? t.invalid(label) : t[problem.kind](label, problem.limit);
  }
}

/**
 * The field problems of a refused form, one sentence per field in the console's language, keyed by the API's
 * field path as {@link problemsByField} is, for any form (a unit, a person, a campaign). The sentence stands
 * under the field it is about, so it says "mục này": the same path names different fields on different forms
 * (`kind` of a person's record is not the kind of award).
 */
export function problemTextsByField(error: unknown, lang: Lang): Record<string, string> {
  const byField: Record<string, string> = {};
  if (!(error instanceof ApiError)) return byField;
  const unnamed = FIELD_PROBLEM_MESSAGES[lang].thisField;
  for (const problem of error.errors) byField[problem.field] ??= sentenceOf(unnamed, classifyProblem(problem.message), lang);
  return byField;
}

/**
 * The API's field problems of a refusal (400 VALIDATION_FAILED), one sentence per field in the console's
 * language, keyed by the form's field path (`nominee.name`, also for an UPDATE's `changes.nominee.name`).
 */
export function sentencesByField(error: unknown, lang: Lang): Record<string, string> {
  const byField: Record<string, string> = {};
  if (!(error instanceof ApiError)) return byField;
  for (const problem of error.errors) {
    const field = formFieldOf(problem.field);
    byField[field] ??= problemSentence(field, classifyProblem(problem.message), lang);
  }
  return byField;
}
