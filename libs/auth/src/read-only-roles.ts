const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Separation of duties (ISSUE 5): whoever holds the auditor role reads everything and changes nothing,
 * whatever other roles the same token carries. Every HTTP entry point (the API guard, the queue board) asks
 * this one question before its own rules.
 */
export function refusesWrite(method: string, roles: readonly string[]): boolean {
  return !READ_METHODS.has(method.toUpperCase()) && roles.includes('auditor');
}

export const READ_ONLY_REFUSAL = 'An auditor reads and changes nothing: this call writes';
