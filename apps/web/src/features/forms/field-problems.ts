import { ApiError } from '../../api/api-error.js';

/**
 * The field problems of a refused form, by field path (`nominee.name`, `guidance.achievementPeriod.from`), so
 * each input can show its own beside it; the first message per field, as the server sends one per field.
 */
export function problemsByField(error: unknown): Record<string, string> {
  const byField: Record<string, string> = {};
  if (!(error instanceof ApiError)) return byField;
  for (const problem of error.errors) byField[problem.field] ??= problem.message;
  return byField;
}
