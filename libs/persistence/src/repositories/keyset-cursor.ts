import { DomainError } from '#kernel';

/**
 * The cursor of a keyset page: the last row's instant and id, base64url so it travels in a query string.
 * A client may send anything back, so decoding accepts only what encoding makes: an ISO instant and an id of
 * letters, digits and dashes. Anything else (a NUL byte that PostgreSQL refuses in text, a forged instant)
 * is the caller's mistake, named as such, and never reaches SQL.
 */
export const encodeCursor = (at: string, id: string): string => Buffer.from(`${at}|${id}`).toString('base64url');

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const ID = /^[A-Za-z0-9-]{1,64}$/;

export function decodeCursor(cursor: string): [at: string, id: string] {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [at, id] = parts;
  if (parts.length !== 2 || !INSTANT.test(at) || Number.isNaN(Date.parse(at)) || !ID.test(id)) {
    throw new DomainError('VALIDATION_FAILED', 'cursor is not one this server handed out', {
      errors: [{ field: 'cursor', message: 'use nextCursor from the previous page' }],
    });
  }
  return [at, id];
}
